"""The shared office: who may sign in, what every save changed, and what other desks must hear.

Persistence only; passwords, roles, the audit and the desks' news live in secretariat/office/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class UserAccount(Base):
    """A person who signs in to the council's database, with one role.

    ``password_hash`` is the slow salted hash only (``scrypt$…``); an account is
    deactivated, never deleted, so the audit trail keeps naming it.
    ``failed_sign_ins`` and ``retry_after`` slow down guessing.
    """

    __tablename__ = "user_account"
    __table_args__ = (CheckConstraint("role IN ('secretary', 'expert', 'viewer')", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)  # folded: compared as typed
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    retry_after: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One change to the records, append-only: who, when, what, and the values before and after.

    ``kind`` is the table (``meeting``, ``resolution`` …), ``record`` its row's key
    as text (a composite key joined by «:»); ``about_kind``/``about`` the record it
    belongs to (an agenda item's meeting, a follow-up's resolution); ``changes`` JSON: for a change
    ``{"field": [old, new]}``, for a creation ``{"field": value}``.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_record", "kind", "record"),
        Index("ix_audit_entry_about", "about_kind", "about"),
        Index("ix_audit_entry_at", "at"),
        Index("ix_audit_entry_username", "username"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    username: Mapped[str] = mapped_column(String(100), default="")  # empty: a council without accounts
    user_name: Mapped[str] = mapped_column(String(200), default="")  # the full name at the time
    action: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    record: Mapped[str] = mapped_column(String(100), default="")
    # The record a person looks at that this row belongs to (an agenda item: its meeting).
    about_kind: Mapped[str] = mapped_column(String(40), default="")
    about: Mapped[str] = mapped_column(String(100), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")


class DeskChange(Base):
    """What one committed save changed, for the other desks on the same database to hear.

    ``desk`` tells the desk that saved it (which has heard already); ``changes``
    is ``secretariat.changes.Changes`` as JSON. Old rows are pruned.
    """

    __tablename__ = "desk_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    desk: Mapped[str] = mapped_column(String(40))
    changes: Mapped[str] = mapped_column(Text)
