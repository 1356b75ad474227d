"""The tables of one agency's month: the versions of its report, and a version's figures.

Every version recorded stays: one corrected or voided is struck through and
greyed, and says who took it back, when and why; a correction says why it
was made. The figures are given in the council's order, each with its unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from secretariat.monthly.indicators import IndicatorKind, IndicatorRecord
from secretariat.monthly.reports import MonthlyReportRecord
from secretariat.persian import jalali
from ui import strings
from ui.meetings.meeting_format import timestamp
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel

# As a follow-up entry taken back is shown.
TAKEN_BACK_COLOUR = QColor("#8a8f98")


@dataclass(frozen=True)
class Version:
    """A version of the report, and the one that corrected it (if it was corrected)."""

    record: MonthlyReportRecord
    replacement: MonthlyReportRecord | None = None

    @property
    def id(self) -> int:
        return self.record.id


def version_state(record: MonthlyReportRecord) -> str:
    """«در جریان», «اصلاحیه (در جریان)», «اصلاح‌شده» or «باطل‌شده»."""
    if record.voided:
        return strings.MONTHLY_VERSION_VOIDED
    if not record.in_force:
        return strings.MONTHLY_VERSION_CORRECTED
    if record.replaces_id is not None:
        return strings.MONTHLY_VERSION_CORRECTION
    return strings.MONTHLY_VERSION_IN_FORCE


def version_note(version: Version) -> str:
    """Why the version is as it is: voided (who, when, why), corrected (and to where), a correction."""
    record = version.record
    if record.voided:
        return strings.MONTHLY_VOIDED_NOTE.format(
            when=timestamp(record.voided_at),
            by=record.voided_by or strings.MONTHLY_SOMEONE,
            reason=record.voided_reason,
        )
    replacement = version.replacement
    if replacement is not None:
        note = strings.MONTHLY_CORRECTED_NOTE.format(
            when=timestamp(replacement.recorded_at),
            by=replacement.recorded_by or strings.MONTHLY_SOMEONE,
            reason=replacement.reason,
        )
        if (replacement.agency_id, replacement.month) != (record.agency_id, record.month):
            note += strings.MONTHLY_MOVED_NOTE.format(
                month=replacement.month.label, agency=replacement.agency
            )
        return note
    if record.replaces_id is not None:
        return strings.MONTHLY_CORRECTION_NOTE.format(reason=record.reason)
    return strings.MONTHLY_FIRST_RECORDED


def _struck(version: Version) -> QFont | None:
    if version.record.in_force:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _greyed(version: Version) -> QColor | None:
    return None if version.record.in_force else TAKEN_BACK_COLOUR


def _recorded(version: Version) -> str:
    record = version.record
    return strings.LIST_SEPARATOR.join(
        part for part in (timestamp(record.recorded_at), record.recorded_by) if part
    )


class VersionModel(RecordTableModel):
    """The versions of the month's report, the first recorded first."""

    columns: tuple[Column[Version], ...] = (
        Column(
            "state",
            strings.MONTHLY_VERSION_COLUMN_STATE,
            lambda version: version_state(version.record),
            width=130,
            font=_struck,
            foreground=_greyed,
            tooltip=version_note,
        ),
        Column(
            "received",
            strings.MONTHLY_VERSION_COLUMN_RECEIVED,
            lambda version: jalali.format_short(version.record.received_on),
            width=95,
            font=_struck,
            foreground=_greyed,
            tooltip=version_note,
        ),
        Column(
            "month",
            strings.MONTHLY_VERSION_COLUMN_MONTH,
            lambda version: version.record.month.label,
            width=100,
            font=_struck,
            foreground=_greyed,
            tooltip=version_note,
        ),
        Column(
            "recorded",
            strings.MONTHLY_VERSION_COLUMN_RECORDED,
            _recorded,
            width=190,
            font=_struck,
            foreground=_greyed,
            tooltip=version_note,
        ),
        Column(
            "note",
            strings.MONTHLY_VERSION_COLUMN_NOTE,
            version_note,
            stretch=True,
            foreground=_greyed,
            tooltip=version_note,
        ),
    )


@dataclass(frozen=True)
class FigureLine:
    id: int
    name: str
    value: str  # «۱۲ خبر», «بله», «—»


def figure_lines(record: MonthlyReportRecord, indicators: tuple[IndicatorRecord, ...]) -> list[FigureLine]:
    """The indicators in use in the council's order, each with the version's figure (or «—»);
    a retired one only where the version gave a figure for it."""
    lines = []
    for indicator in indicators:
        value = record.figures.get(indicator.id)
        if value is None and indicator.retired:
            continue
        if value is None:
            shown = strings.MONTHLY_NO_FIGURE
        elif indicator.kind is IndicatorKind.YESNO:
            shown = indicator.format_value(value)
        else:
            shown = " ".join(part for part in (indicator.format_value(value), indicator.unit) if part)
        name = indicator.name + (strings.MONTHLY_RETIRED_MARK if indicator.retired else "")
        lines.append(FigureLine(indicator.id, name, shown))
    return lines


class FigureModel(RecordTableModel):
    columns: tuple[Column[FigureLine], ...] = (
        Column("name", strings.MONTHLY_FIGURE_COLUMN_NAME, lambda line: line.name, stretch=True),
        Column("value", strings.MONTHLY_FIGURE_COLUMN_VALUE, lambda line: line.value, width=120),
    )
