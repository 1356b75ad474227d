"""The register of all resolutions as a lazily paged table, filtered and
sorted by the database (``RegisterService``)."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from secretariat.followup.register import RegisterService, RegisterSort, ResolutionQuery, ResolutionRow
from secretariat.followup.status import ResolutionStatus
from secretariat.persian import jalali
from ui import strings
from ui.widgets.paged_table_model import PagedTableModel

OVERDUE_COLOUR = QColor("#b3261e")
STATUS_COLOURS = {
    ResolutionStatus.OPEN: "#1f6f8b",
    ResolutionStatus.IN_PROGRESS: "#b26a00",
    ResolutionStatus.DONE: "#2f7d4f",
    ResolutionStatus.CANCELLED: "#8a95a1",
    ResolutionStatus.DEFERRED: "#4a3f8c",
}


class RegisterColumn(IntEnum):
    CODE = 0
    TEXT = 1
    MEETING = 2
    LEAD = 3
    DUE = 4
    STATUS = 5


_SORT_BY_COLUMN = {
    RegisterColumn.CODE: RegisterSort.CODE,
    RegisterColumn.TEXT: RegisterSort.TEXT,
    RegisterColumn.MEETING: RegisterSort.MEETING_DATE,
    RegisterColumn.LEAD: RegisterSort.LEAD,
    RegisterColumn.DUE: RegisterSort.DUE_DATE,
    RegisterColumn.STATUS: RegisterSort.STATUS,
}


def status_text(row: ResolutionRow) -> str:
    """«در حال اجرا», or «معوق (باز)» once the deadline has passed."""
    if row.overdue:
        return strings.REGISTER_STATUS_OVERDUE.format(status=row.status.label)
    return row.status.label


def status_colour(row: ResolutionRow) -> QColor:
    return OVERDUE_COLOUR if row.overdue else QColor(STATUS_COLOURS[row.status])


class RegisterTableModel(PagedTableModel):
    def __init__(self, register: RegisterService, parent=None):
        super().__init__(strings.REGISTER_COLUMNS, register, ResolutionQuery(), _SORT_BY_COLUMN, parent)

    def filter_by(self, filters: ResolutionQuery) -> None:
        """Show the rows ``filters`` selects; the search text and the order stay as they are."""
        current = self.query
        self._set_query(
            replace(filters, search=current.search, sort=current.sort, descending=current.descending)
        )

    def _cell(self, row: ResolutionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == RegisterColumn.STATUS:
            return status_colour(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RegisterColumn.TEXT:
                return row.text
            if column == RegisterColumn.MEETING:
                return jalali.format_long(row.meeting_date)
        return None


def _display(row: ResolutionRow, column: int) -> str:
    match column:
        case RegisterColumn.CODE:
            return row.display_code
        case RegisterColumn.TEXT:
            return " ".join(row.text.split())  # one line in the table
        case RegisterColumn.MEETING:
            return strings.REGISTER_MEETING.format(
                title=row.meeting_title, date=jalali.format_short(row.meeting_date)
            )
        case RegisterColumn.LEAD:
            return row.lead_agency_name
        case RegisterColumn.DUE:
            return row.due_text
        case RegisterColumn.STATUS:
            return status_text(row)
    return ""
