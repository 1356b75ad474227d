"""Following resolutions up: the follow-up log, its corrections, and the history of deadlines.

Persistence only; the lifecycle rules live in secretariat/followup/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class FollowUp(Base):
    """One entry of a resolution's follow-up log (پیگیری)."""

    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint("progress IS NULL OR (progress >= 0 AND progress <= 100)", name="progress_in_range"),
        Index("ix_follow_up_resolution_date", "resolution_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolution.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # letter | phone | agency_report | visit | meeting
    note: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[int | None] = mapped_column(Integer)  # percent the agency reported
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id", ondelete="SET NULL"))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FollowUpCorrection(Base):
    """A follow-up entry taken back, with who, when and why: corrected by a new entry, or voided.

    The entry itself is never changed nor deleted: it stays in the log and no
    longer counts (see secretariat/followup/corrections.py). An entry is
    taken back once, and an entry corrects one other at most.
    """

    __tablename__ = "follow_up_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("follow_up.id", ondelete="CASCADE"), unique=True)
    # The entry that replaces it; None: voided, nothing replaces it.
    replacement_id: Mapped[int | None] = mapped_column(
        ForeignKey("follow_up.id", ondelete="CASCADE"), unique=True
    )
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DeadlineChange(Base):
    """A resolution's deadline moved, and why: the deadline's history."""

    __tablename__ = "deadline_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("resolution.id", ondelete="CASCADE"), index=True)
    previous_due: Mapped[dt.date | None] = mapped_column(Date)
    previous_next_meeting: Mapped[bool] = mapped_column(Boolean, default=False)
    new_due: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
