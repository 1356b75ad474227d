"""Meetings, from the plan to signed minutes: agenda, invitees and attendance,
resolutions and their responsible agencies, amendments, postponements and
attached files. Persistence only; the rules live in secretariat/meetings/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Timestamped


class SeriesStart(Timestamped, Base):
    """Where a meeting series' numbers begin in the app (migration 0008).

    For a council that numbered its earlier meetings on paper: the series'
    first meeting in the app is the ``first_number``th of the series and the
    ``first_year_number``th of its Jalali year. A series without a row
    begins at 1 and 1. The rules: secretariat/meetings/numbering_start.py.
    """

    __tablename__ = "series_start"
    __table_args__ = (
        CheckConstraint("first_number >= 1", name="first_number_positive"),
        CheckConstraint(
            "first_year_number >= 1 AND first_year_number <= first_number", name="first_year_number_in_range"
        ),
    )

    series: Mapped[str] = mapped_column(String(30), primary_key=True)  # council | general_assembly | ...
    first_number: Mapped[int] = mapped_column(Integer)
    first_year_number: Mapped[int] = mapped_column(Integer)


class Meeting(Timestamped, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_date", "date"),
        Index("ix_meeting_series_number", "series", "number"),
        # The partial unique indexes uq_meeting_series_number and
        # uq_meeting_series_year_number (one held or finalized meeting per
        # number, even when two PCs hold meetings at the same moment) are made
        # by migration 0005 only: with postgresql_where here, SQLAlchemy would
        # import its PostgreSQL dialect at every start (see register.py).
        Index("ix_meeting_year", "jalali_year", "date"),
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time", name="times_in_order"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Raised by every save of the row: a save from a window that read an older version is refused
    # (see secretariat.office.versions), never written over another desk's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # regular | extraordinary | general_assembly | working_group
    series: Mapped[str] = mapped_column(String(20))  # the numbering sequence the kind belongs to
    # The Nth meeting of its series and of its Jalali year; None while cancelled.
    number: Mapped[int | None] = mapped_column(Integer)
    year_number: Mapped[int | None] = mapped_column(Integer)
    jalali_year: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    host_agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agency.id", ondelete="RESTRICT"), index=True
    )
    venue: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    occasion: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))  # planned | postponed | held | finalized | cancelled
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    finalized_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finalized_by: Mapped[str] = mapped_column(String(200), default="")
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # What the printed minutes show, as JSON, taken when they were finalized (the names of
    # that day); None before. Deferred: only the minutes read it. See secretariat.meetings.snapshot.
    minutes_snapshot: Mapped[str | None] = mapped_column(Text, deferred=True)

    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="meeting",
        order_by="Resolution.number",
        cascade="all, delete-orphan",
        foreign_keys="Resolution.meeting_id",
    )
    postponements: Mapped[list[Postponement]] = relationship(
        back_populates="meeting", order_by="Postponement.id", cascade="all, delete-orphan"
    )


class Postponement(Base):
    """A planned meeting moved to another date, and why."""

    __tablename__ = "meeting_postponement"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="postponements")


class AgendaItem(Base):
    """An item of the agenda (دستور کار), with its summary in the minutes."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    presenter_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    notes: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # what was said, for the minutes
    reviews_open_resolutions: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


class Invitation(Base):
    """An invited member agency or guest, and whether they came."""

    __tablename__ = "invitation"
    __table_args__ = (
        UniqueConstraint("meeting_id", "agency_id", name="uq_invitation_meeting_agency"),
        CheckConstraint("agency_id IS NOT NULL OR guest_name <> ''", name="agency_or_guest"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    guest_title: Mapped[str] = mapped_column(String(200), default="")
    guest_organization: Mapped[str] = mapped_column(String(200), default="")
    attendance: Mapped[str] = mapped_column(
        String(20), default="unknown"
    )  # unknown | present | late | absent | excused
    attendee_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    substitute_name: Mapped[str] = mapped_column(String(200), default="")
    excuse: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="invitations")


class Resolution(Timestamped, Base):
    """A resolution (مصوبه): «مقرر شد ...», with its deadline and responsible agencies."""

    __tablename__ = "resolution"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number", name="uq_resolution_meeting_number"),
        Index("ix_resolution_due_date", "due_date"),
        Index("ix_resolution_status", "status"),
        Index("ix_resolution_closed_on", "closed_on"),
        # The register's orders by text and by lead agency (migration 0009). Its order by
        # deadline has an index on an expression, made by that migration only.
        Index("ix_resolution_text_key", "text_key", "id"),
        Index("ix_resolution_lead_key", "lead_key", "id"),
        # The running ones overdue or due within N days, found and counted on the index alone.
        Index("ix_resolution_status_due", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Raised by every save of the row: a save from a window that read an older version is refused
    # (see secretariat.office.versions), never written over another desk's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The Persian order of the text and of the lead agency's name, as short keys
    # (``collation.index_key``) that the core keeps on every save: see
    # secretariat/sort_keys.py. Empty: no text, no lead. Deferred: only the register's
    # ORDER BY reads them (and migration 0006 loads resolutions before 0009 adds them).
    text_key: Mapped[bytes] = mapped_column(LargeBinary, default=b"", deferred=True)
    lead_key: Mapped[bytes] = mapped_column(LargeBinary, default=b"", deferred=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    due_next_meeting: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[str] = mapped_column(String(20), default="normal")  # normal | high | urgent
    # open | in_progress | done | cancelled | deferred; "overdue" is derived, never stored.
    status: Mapped[str] = mapped_column(String(20), default="open")
    deferred_to_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    closed_on: Mapped[dt.date | None] = mapped_column(Date)  # done or cancelled on
    completion_evidence: Mapped[str] = mapped_column(Text, default="")
    status_note: Mapped[str] = mapped_column(Text, default="")  # why cancelled, deferred or reopened

    meeting: Mapped[Meeting] = relationship(back_populates="resolutions", foreign_keys=[meeting_id])
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="resolution", cascade="all, delete-orphan", order_by="Assignment.id"
    )


class Assignment(Base):
    """An agency responsible for a resolution: the one lead, or a collaborator."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("resolution_id", "agency_id", name="uq_assignment_resolution_agency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolution.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # lead | collaborator

    resolution: Mapped[Resolution] = relationship(back_populates="assignments")


class Amendment(Base):
    """A correction to finalized minutes, kept beside the original text."""

    __tablename__ = "amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    resolution_id: Mapped[int | None] = mapped_column(
        ForeignKey("resolution.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(30))  # resolution_text | due_date | item_summary
    original: Mapped[str] = mapped_column(Text)
    amended: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Attachment(Base):
    """A file the meeting keeps: the signed scan of the minutes, or another document.

    The bytes live in ``attachment_content`` (copied in, never a link to a
    file that can move), so listing attachments does not read them.
    """

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # signed_minutes | document | followup_document
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(300), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AttachmentContent(Base):
    __tablename__ = "attachment_content"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
