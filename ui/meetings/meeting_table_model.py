"""The meeting list as a lazily paged table, searched and filtered by the
database (words, Jalali year, kind, status), newest first."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from secretariat.clock import format_time
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.planning import MeetingQuery, MeetingService
from secretariat.meetings.records import MeetingRow
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import strings
from ui.meetings.meeting_format import place, status_colour
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CANCELLED_COLOUR = QColor("#8a95a1")


class MeetingTableModel(PagedTableModel):
    # The list keeps the database's order (newest first): no column sorts.
    columns: tuple[Column[MeetingRow], ...] = (
        Column(
            "date",
            strings.MEETING_COLUMN_DATE,
            lambda row: jalali.format_short(row.date),
            width=100,
            tooltip=lambda row: jalali.format_long(row.date),
        ),
        Column("title", strings.MEETING_COLUMN_TITLE, lambda row: row.title, width=230),
        Column("kind", strings.MEETING_COLUMN_KIND, lambda row: row.kind.label, width=120),
        Column("time", strings.MEETING_COLUMN_TIME, lambda row: format_time(row.start_time), width=70),
        Column(
            "place",
            strings.MEETING_COLUMN_PLACE,
            lambda row: place(row.host_agency_name, row.venue),
            stretch=True,
        ),
        Column(
            "status",
            strings.MEETING_COLUMN_STATUS,
            lambda row: row.status_label,
            width=130,
            foreground=lambda row: QColor(status_colour(row)),
        ),
        Column(
            "resolutions",
            strings.MEETING_COLUMN_RESOLUTIONS,
            lambda row: format_int(row.resolution_count) if row.resolution_count else "",
            width=70,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
    )

    def __init__(self, meetings: MeetingService, parent: QObject | None = None) -> None:
        super().__init__(meetings, MeetingQuery(), parent)

    meeting_id = PagedTableModel.item_id

    def set_filters(
        self, *, jalali_year: int | None, kind: MeetingKind | None, status: MeetingStatus | None
    ) -> None:
        self._set_query(replace(self.query, jalali_year=jalali_year, kind=kind, status=status))

    def _row_data(self, row: MeetingRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status is MeetingStatus.CANCELLED:
            return CANCELLED_COLOUR
        if role == MEETING_ID_ROLE:
            return row.id
        return None
