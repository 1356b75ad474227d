"""The tables, as SQLAlchemy 2.x declarative models.

Persistence only: no business rules live here (see secretariat/). Dates are
ISO Gregorian ``DATE``; the ``*_key`` and ``search_text`` columns hold folded
copies of text, computed by the core on every save, so the database can
enforce "no two agencies with the same name in any spelling" and search
without knowing Persian.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Timestamped


class Council(Timestamped, Base):
    """The one council this database belongs to."""

    __tablename__ = "council"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(20))  # county | province
    city: Mapped[str] = mapped_column(String(100), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    quorum_rule: Mapped[str] = mapped_column(String(20))  # majority | two_thirds | fixed
    quorum_count: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class Agency(Timestamped, Base):
    """A member agency (دستگاه عضو)."""

    __tablename__ = "agency"
    __table_args__ = (Index("ix_agency_active", "active"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Raised by every save of the row: a save from a window that read an older version is refused
    # (see secretariat.office.versions), never written over another desk's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    name: Mapped[str] = mapped_column(String(200))
    # fold(name): unique, so a name typed with ي or a ZWNJ is the same agency.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(30))
    parent_ministry: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phones: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")

    representations: Mapped[list[Representation]] = relationship(back_populates="agency")


class Person(Timestamped, Base):
    """A PR manager, deputy or expert; may serve several agencies over time."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Raised by every save of the row: a save from a window that read an older version is refused
    # (see secretariat.office.versions), never written over another desk's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    full_name: Mapped[str] = mapped_column(String(200))
    honorific: Mapped[str] = mapped_column(String(50), default="")  # دکتر، مهندس
    mobile: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    representations: Mapped[list[Representation]] = relationship(back_populates="person")


class Representation(Timestamped, Base):
    """Who held which role at which agency, from when to when."""

    __tablename__ = "representation"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("ix_representation_agency_role", "agency_id", "role", "end_date"),
        # The partial unique index uq_representation_current_manager (one
        # current PR manager per agency) is made by migration 0001 only:
        # declaring it here with postgresql_where makes SQLAlchemy import its
        # PostgreSQL dialect at every start, even on SQLite.
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # pr_manager | deputy | expert
    title: Mapped[str] = mapped_column(String(200), default="")  # as written on the decree
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    agency: Mapped[Agency] = relationship(back_populates="representations")
    person: Mapped[Person] = relationship(back_populates="representations")
    decrees: Mapped[list[MembershipDecree]] = relationship(back_populates="representation")


class MembershipDecree(Timestamped, Base):
    """A membership decree (حکم عضویت) issued for a representation."""

    __tablename__ = "membership_decree"
    __table_args__ = (CheckConstraint("term_end IS NULL OR term_end >= issued_on", name="term_after_issue"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    representation_id: Mapped[int] = mapped_column(
        ForeignKey("representation.id", ondelete="RESTRICT"), index=True
    )
    number: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(200), default="")
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    representation: Mapped[Representation] = relationship(back_populates="decrees")
