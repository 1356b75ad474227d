"""The secretariat's letter register (دفتر اندیکاتور): every letter out and in.

Persistence only; numbering, reprints, voids and links live in secretariat/letters/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Letter(Base):
    """One letter registered: issued by the secretariat (out) or received by it (in).

    ``number`` is the secretariat's: the outgoing letter's number, or the
    incoming letter's receipt number; both from the council's pattern with a
    sequence per direction that restarts each Jalali year (``year``, ``seq``).
    A letter is never deleted: a mistaken one is voided with a reason and its
    number stays taken.
    """

    __tablename__ = "letter"
    __table_args__ = (
        CheckConstraint("direction IN ('out', 'in')", name="direction_known"),
        UniqueConstraint("direction", "year", "seq", name="uq_letter_sequence"),
        Index("ix_letter_year_date", "year", "date"),
        Index("ix_letter_source", "source_key"),
        # Whether a letter is answered is asked of every letter listed or counted; the list's order,
        # of all the letters and of those in or out (see migration 0013).
        Index("ix_letter_answers", "answers_letter_id"),
        Index("ix_letter_date", "date", "direction", "seq"),
        Index("ix_letter_direction_date", "direction", "date", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    year: Mapped[int] = mapped_column(Integer)  # Jalali year of the sequence
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    date: Mapped[dt.date] = mapped_column(Date)  # issued on, or received on
    # invitation | followup | monthly_reminder | communication | certificate | incoming | other
    kind: Mapped[str] = mapped_column(String(30))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    party: Mapped[str] = mapped_column(String(300))  # the recipient or sender as written
    subject: Mapped[str] = mapped_column(Text)
    attachments: Mapped[int] = mapped_column(Integer, default=0)
    # What it concerns: meeting | resolutions | monthly | evaluation | letter | other, and which.
    concerns: Mapped[str] = mapped_column(String(20), default="other")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    report_year: Mapped[int | None] = mapped_column(Integer)  # monthly: the month reported
    report_month: Mapped[int | None] = mapped_column(Integer)
    # An outgoing letter: what printed it («invitation:12:5»), to tell a reprint from a new letter.
    source_key: Mapped[str] = mapped_column(String(200), default="")
    # An incoming letter: the sender's own number and date, and the outgoing letter it answers.
    their_number: Mapped[str] = mapped_column(String(100), default="")
    their_date: Mapped[dt.date | None] = mapped_column(Date)
    answers_letter_id: Mapped[int | None] = mapped_column(ForeignKey("letter.id", ondelete="RESTRICT"))
    search_text: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    voided_reason: Mapped[str] = mapped_column(Text, default="")
    voided_by: Mapped[str] = mapped_column(String(200), default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class LetterResolution(Base):
    """A resolution a letter is about: communicated by it (ابلاغ), followed up, or answered."""

    __tablename__ = "letter_resolution"

    letter_id: Mapped[int] = mapped_column(ForeignKey("letter.id", ondelete="CASCADE"), primary_key=True)
    resolution_id: Mapped[int] = mapped_column(
        ForeignKey("resolution.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class LetterDocument(Base):
    """The PDF of a letter as issued, or the scan of a letter received; the bytes kept with their SHA-256."""

    __tablename__ = "letter_document"

    letter_id: Mapped[int] = mapped_column(ForeignKey("letter.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
