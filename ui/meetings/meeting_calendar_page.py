"""The meetings calendar: the Jalali month grid and, beside it, the month's
meetings as a list. Move between months and years with the grid's bar;
double-click a meeting (in the grid or the list) to open it, or an empty
day to plan a meeting on it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.clock import format_time
from secretariat.meetings.planning import MeetingService
from secretariat.meetings.records import MeetingRow
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.meetings.meeting_calendar import MeetingCalendar
from ui.meetings.meeting_format import place, status_colour
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyMessage, EmptyState
from ui.widgets.jalali_calendar import from_qdate, to_qdate
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_setup import configure_table, select_row


def _day(row: MeetingRow) -> str:
    weekday = jalali.WEEKDAYS[row.date.weekday()]
    return f"{weekday} {to_persian_digits(jalali.to_jalali(row.date).day)}"


class MonthMeetingsModel(RecordTableModel):
    columns: tuple[Column[MeetingRow], ...] = (
        Column("day", strings.MONTH_COLUMN_DAY, _day, width=95),
        Column("title", strings.MONTH_COLUMN_TITLE, lambda row: row.title, stretch=True),
        Column("time", strings.MONTH_COLUMN_TIME, lambda row: format_time(row.start_time), width=52),
        Column(
            "status",
            strings.MONTH_COLUMN_STATUS,
            lambda row: row.status_label,
            width=112,
            foreground=lambda row: QColor(status_colour(row)),
        ),
    )

    def _row_data(self, row: MeetingRow, role: int) -> str | None:
        if role == Qt.ItemDataRole.ToolTipRole:
            # The host and hall, which the narrow list leaves out.
            return place(row.host_agency_name, row.venue) or None
        return None


class MeetingCalendarPage(QWidget):
    open_requested = Signal(int)  # a meeting's id
    plan_requested = Signal(object)  # a date to plan a meeting on

    def __init__(self, meetings: MeetingService, parent: QWidget | None = None):
        super().__init__(parent)
        self._meetings = meetings
        self.calendar = MeetingCalendar()
        self.calendar.currentPageChanged.connect(lambda _year, _month: self.reload())
        self.calendar.activated.connect(self._on_day_activated)
        self.calendar.selectionChanged.connect(self._on_day_selected)

        self.month_model = MonthMeetingsModel(self)
        self.month_list = QTableView()
        self.month_list.setModel(self.month_model)
        configure_table(self.month_list)
        self.month_list.doubleClicked.connect(self._open_listed)
        self.month_list.activated.connect(self._open_listed)
        # A month without meetings is ordinary: said lightly, with how to plan one.
        self.empty_state = EmptyState(
            self.month_list, EmptyMessage(strings.MONTH_NO_MEETINGS, strings.MONTH_NO_MEETINGS_HINT)
        )
        self.month_box = QGroupBox()
        self.month_box.setMinimumWidth(380)
        box = QVBoxLayout(self.month_box)
        box.addWidget(self.month_list, 1)

        self.today_button = QPushButton(strings.TODAY)
        self.today_button.clicked.connect(self.show_today)
        self.plan_button = QPushButton(strings.PLAN_MEETING_ON_DAY)
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(lambda: self.plan_requested.emit(self.selected_day()))
        self.open_button = QPushButton(strings.OPEN_MEETING)
        self.open_button.clicked.connect(lambda: self._open_listed(self.month_list.currentIndex()))
        tools = QHBoxLayout()
        tools.addWidget(self.today_button)
        tools.addStretch(1)
        tools.addWidget(self.plan_button)
        tools.addWidget(self.open_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.calendar)
        splitter.addWidget(self.month_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        # The month's grid gets most of the width, so a day's meetings read whole
        # rather than cut («کارگرو…»); the month's list beside it is short.
        splitter.setSizes([3000, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self.month_list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # -- the month ------------------------------------------------------------------------

    def reload(self) -> None:
        year, month = self.calendar.shown_month()
        rows = self._meetings.month(year, month)
        self.calendar.set_meetings(rows)
        self.month_model.set_records(rows)
        self.month_box.setTitle(strings.MONTH_MEETINGS.format(month=jalali.format_month(year, month)))
        self._on_day_selected()

    def show_month(self, year: int, month: int) -> None:
        self.calendar.setCurrentPage(year, month)

    def show_date(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))
        self.calendar.showSelectedDate()

    def show_today(self) -> None:
        self.show_date(clock.today())

    def selected_day(self) -> dt.date:
        return from_qdate(self.calendar.selectedDate())

    def listed(self) -> list[MeetingRow]:
        return self.month_model.records()

    def selected_meeting_id(self) -> int | None:
        rows = self.month_list.selectionModel().selectedRows()
        return self.month_model.record(rows[0].row()).id if rows else None

    # -- events ------------------------------------------------------------------------------

    def _on_day_selected(self) -> None:
        # The day's first meeting is selected in the list beside the grid.
        day = self.selected_day()
        for row, meeting in enumerate(self.month_model.records()):
            if meeting.date == day:
                select_row(self.month_list, row)
                break
        else:
            self.month_list.clearSelection()
        self._update_buttons()

    def _on_day_activated(self, date: QDate) -> None:
        meetings = self.calendar.meetings_on(from_qdate(date))
        if meetings:
            self.open_requested.emit(meetings[0].id)
        else:
            self.plan_requested.emit(from_qdate(date))

    def _open_listed(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.month_model.record(index.row()).id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_meeting_id() is not None)
