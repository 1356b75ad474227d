"""Who held which role at one agency, from when to when, with the decrees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from secretariat.members.people import DecreeRecord, RepresentationRecord
from secretariat.persian.jalali import format_short
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel

REPRESENTATION_ROLE = Qt.ItemDataRole.UserRole + 1


def describe_decree(decree: DecreeRecord) -> str:
    """«شماره ۱۲۳۴/ص مورخ ۱۴۰۳/۰۲/۰۱، صادرکننده: فرماندار، اعتبار تا ۱۴۰۵/۰۲/۰۱»."""
    parts = [
        strings.DECREE_SUMMARY.format(
            number=to_persian_digits(decree.number), issued_on=format_short(decree.issued_on)
        )
    ]
    if decree.issued_by:
        parts.append(strings.DECREE_ISSUER.format(issued_by=decree.issued_by))
    if decree.term_end:
        parts.append(strings.DECREE_TERM.format(term_end=format_short(decree.term_end)))
    return strings.LIST_SEPARATOR.join(parts)


def _decrees(record: RepresentationRecord) -> str:
    return "\n".join(describe_decree(decree) for decree in record.decrees)


def _end(record: RepresentationRecord) -> str:
    return format_short(record.end_date) if record.end_date else strings.UNTIL_NOW


class RoleHistoryModel(RecordTableModel):
    """The records come from ``PeopleService.history`` (current first, then newest)."""

    columns: tuple[Column[RepresentationRecord], ...] = (
        Column("person", strings.HISTORY_COLUMN_PERSON, lambda record: record.person_name, width=115),
        Column("role", strings.HISTORY_COLUMN_ROLE, lambda record: record.role.label, width=130),
        Column("title", strings.HISTORY_COLUMN_TITLE, lambda record: record.title, width=130),
        Column(
            "start", strings.HISTORY_COLUMN_START, lambda record: format_short(record.start_date), width=82
        ),
        Column("end", strings.HISTORY_COLUMN_END, _end, width=82),
        Column("decrees", strings.HISTORY_COLUMN_DECREES, _decrees, stretch=True, tooltip=_decrees),
    )

    def _row_data(self, record: RepresentationRecord, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and record.is_current:
            font = QFont()
            font.setWeight(QFont.Weight.Medium)
            return font
        if role == REPRESENTATION_ROLE:
            return record
        return None
