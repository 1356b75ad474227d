"""Who held which role at one agency, from when to when, with the decrees."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from secretariat.members.people import DecreeRecord, RepresentationRecord
from secretariat.persian.jalali import format_short
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.widgets.record_table_model import RecordTableModel

REPRESENTATION_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryColumn(IntEnum):
    PERSON = 0
    ROLE = 1
    TITLE = 2
    START = 3
    END = 4
    DECREES = 5


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


class RoleHistoryModel(RecordTableModel):
    """The records come from ``PeopleService.history`` (current first, then newest)."""

    def __init__(self, parent=None):
        super().__init__(strings.HISTORY_COLUMNS, parent)

    def _cell(self, record: RepresentationRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole or (
            role == Qt.ItemDataRole.ToolTipRole and column == HistoryColumn.DECREES
        ):
            return _display(record, column)
        if role == Qt.ItemDataRole.FontRole and record.is_current:
            font = QFont()
            font.setWeight(QFont.Weight.Medium)
            return font
        if role == REPRESENTATION_ROLE:
            return record
        return None


def _display(record: RepresentationRecord, column: int) -> str:
    match column:
        case HistoryColumn.PERSON:
            return record.person_name
        case HistoryColumn.ROLE:
            return record.role.label
        case HistoryColumn.TITLE:
            return record.title
        case HistoryColumn.START:
            return format_short(record.start_date)
        case HistoryColumn.END:
            return format_short(record.end_date) if record.end_date else strings.UNTIL_NOW
        case HistoryColumn.DECREES:
            return "\n".join(describe_decree(decree) for decree in record.decrees)
    return ""
