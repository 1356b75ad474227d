"""Who held which role at one agency, from when to when, with the decrees."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QFont

from secretariat.jalali import format_short
from secretariat.people import DecreeRecord, RepresentationRecord
from secretariat.text import to_persian_digits
from ui import strings
from ui.model_index import ROOT, Index

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


class RoleHistoryModel(QAbstractTableModel):
    """The records come from ``PeopleService.history`` (current first, then newest)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list[RepresentationRecord] = []

    def set_records(self, records: Sequence[RepresentationRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> RepresentationRecord:
        return self._records[row]

    def records(self) -> list[RepresentationRecord]:
        return list(self._records)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(strings.HISTORY_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.HISTORY_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() != HistoryColumn.DECREES:
                return None
            return _display(record, index.column())
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
