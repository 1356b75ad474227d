"""The meeting list as a lazily paged table, filtered by the database
(Jalali year, kind, status), newest first."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from secretariat.clock import format_time
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.planning import MeetingQuery, MeetingService
from secretariat.meetings.records import MeetingRow
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import strings
from ui.meetings.meeting_format import place, status_colour
from ui.widgets.paged_table_model import PagedTableModel

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CANCELLED_COLOUR = QColor("#8a95a1")


class MeetingColumn(IntEnum):
    DATE = 0
    TITLE = 1
    KIND = 2
    TIME = 3
    PLACE = 4
    STATUS = 5
    RESOLUTIONS = 6


class MeetingTableModel(PagedTableModel):
    def __init__(self, meetings: MeetingService, parent=None):
        super().__init__(strings.MEETING_COLUMNS, meetings, MeetingQuery(), {}, parent)

    meeting_id = PagedTableModel.item_id

    def set_filters(
        self, *, jalali_year: int | None, kind: MeetingKind | None, status: MeetingStatus | None
    ) -> None:
        self._set_query(replace(self.query, jalali_year=jalali_year, kind=kind, status=status))

    def _cell(self, row: MeetingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is MeetingStatus.CANCELLED:
                return CANCELLED_COLOUR
            if column == MeetingColumn.STATUS:
                return QColor(status_colour(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == MeetingColumn.DATE:
            return jalali.format_long(row.date)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MeetingColumn.RESOLUTIONS:
            return Qt.AlignmentFlag.AlignCenter
        if role == MEETING_ID_ROLE:
            return row.id
        return None


def _display(row: MeetingRow, column: int) -> str:
    match column:
        case MeetingColumn.DATE:
            return jalali.format_short(row.date)
        case MeetingColumn.TITLE:
            return row.title
        case MeetingColumn.KIND:
            return row.kind.label
        case MeetingColumn.TIME:
            return format_time(row.start_time)
        case MeetingColumn.PLACE:
            return place(row.host_agency_name, row.venue)
        case MeetingColumn.STATUS:
            return row.status_label
        case MeetingColumn.RESOLUTIONS:
            return format_int(row.resolution_count) if row.resolution_count else ""
    return ""
