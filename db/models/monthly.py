"""Monthly activity reports the member agencies send the secretariat, and the council's settings.

Persistence only; the rules (due dates, states, corrections) live in secretariat/monthly/.
A month is a Jalali month, kept as its year and its number (1–12).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Timestamped


class CouncilSetting(Base):
    """One of the council's own settings (the monthly reports' due day, …), shared by every desk.

    A key and its value as text: a table rather than columns of ``council``, so
    that a new setting needs no migration of a table older code reads.
    """

    __tablename__ = "council_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Indicator(Timestamped, Base):
    """One of the council's indicators of PR activity a monthly report gives a figure for."""

    __tablename__ = "indicator"
    __table_args__ = (CheckConstraint("kind IN ('count', 'hours', 'yesno')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # fold(name): unique, so the same indicator is not listed twice in two spellings.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    unit: Mapped[str] = mapped_column(String(50), default="")
    kind: Mapped[str] = mapped_column(String(10))  # count | hours | yesno
    position: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Retired, not deleted, once a report gave a figure for it: the figures stay readable.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class ReportFile(Base):
    """The file an agency sent as its monthly report (PDF, Word, image); the bytes apart."""

    __tablename__ = "report_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ReportFileContent(Base):
    __tablename__ = "report_file_content"

    file_id: Mapped[int] = mapped_column(ForeignKey("report_file.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MonthlyReport(Base):
    """One version of an agency's report for one month, as it was recorded.

    A correction is a new version (``replaces_id`` names the one it corrects,
    ``reason`` says why) and the old one is kept, no longer ``in_force``; a
    report recorded by mistake is voided the same way, with nothing in its
    place. Only one version in force per agency and month (a partial unique
    index made by migration 0010).
    """

    __tablename__ = "monthly_report"
    __table_args__ = (
        CheckConstraint("month >= 1 AND month <= 12", name="month_in_range"),
        Index("ix_monthly_report_year_agency", "year", "agency_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)  # Jalali
    month: Mapped[int] = mapped_column(Integer)  # Jalali, 1–12
    received_on: Mapped[dt.date] = mapped_column(Date)
    via: Mapped[str] = mapped_column(String(20))  # letter | email | in_person | system
    letter_number: Mapped[str] = mapped_column(String(100), default="")
    letter_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    file_id: Mapped[int | None] = mapped_column(ForeignKey("report_file.id", ondelete="SET NULL"))
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    in_force: Mapped[bool] = mapped_column(Boolean, default=True)
    # The version this one corrects, and why; None: the first version.
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("monthly_report.id", ondelete="RESTRICT"), unique=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    # Voided: taken back with nothing in its place (a report recorded for the wrong agency).
    voided_reason: Mapped[str] = mapped_column(Text, default="")
    voided_by: Mapped[str] = mapped_column(String(200), default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class MonthlyFigure(Base):
    """The figure a report gives for one indicator (a yes/no is 1 or 0)."""

    __tablename__ = "monthly_figure"
    __table_args__ = (Index("ix_monthly_figure_indicator", "indicator_id"),)

    report_id: Mapped[int] = mapped_column(
        ForeignKey("monthly_report.id", ondelete="CASCADE"), primary_key=True
    )
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator.id", ondelete="RESTRICT"), primary_key=True
    )
    value: Mapped[float] = mapped_column(Float)


class MonthlyExemption(Base):
    """An agency that owes no report for a month, and why (a new member, an agency merged …)."""

    __tablename__ = "monthly_exemption"
    __table_args__ = (
        CheckConstraint("month >= 1 AND month <= 12", name="month_in_range"),
        UniqueConstraint("agency_id", "year", "month", name="uq_monthly_exemption_agency_month"),
        Index("ix_monthly_exemption_year", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
