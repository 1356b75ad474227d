"""The «جلسات» section: the calendar and the list of meetings; planning a
meeting and opening one in its own window."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from secretariat.changes import Changes
from secretariat.errors import DomainError
from secretariat.meetings.records import MeetingRecord
from secretariat.office.roles import Permission
from ui import messages, strings
from ui.meetings.meeting_calendar_page import MeetingCalendarPage
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.meeting_list import MeetingList
from ui.meetings.window.meeting_window import MeetingWindow
from ui.office.gate import allowed, guard
from ui.services import Services
from ui.widgets.window_registry import WindowRegistry


class MeetingsView(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.windows: WindowRegistry[MeetingWindow] = WindowRegistry()
        self.calendar_page = MeetingCalendarPage(services.meetings)
        self.list = MeetingList(services)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sectionTabs")
        self.tabs.addTab(self.calendar_page, strings.MEETINGS_CALENDAR_TAB)
        self.tabs.addTab(self.list, strings.MEETINGS_LIST_TAB)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.calendar_page.open_requested.connect(self.open_meeting)
        self.calendar_page.plan_requested.connect(self.plan_meeting)
        self.list.open_requested.connect(self.open_meeting)
        self.list.plan_requested.connect(self.plan_meeting)
        self.list.message.connect(self.message)
        services.changes.changed.connect(self._on_changes)
        guard(services, Permission.EDIT, self.calendar_page.plan_button, self.list.add_button)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("meetings"):
            self.calendar_page.reload()

    def show_calendar(self) -> None:
        self.tabs.setCurrentWidget(self.calendar_page)

    def show_list(self) -> None:
        self.tabs.setCurrentWidget(self.list)

    def focus_search(self) -> None:
        self.show_list()
        self.list.focus_search()

    # -- planning and opening ------------------------------------------------------------

    def plan_meeting(self, day: dt.date | None = None) -> int | None:
        """Plan a meeting (on ``day``, if given); it then opens in its window."""
        services = self._services
        if not allowed(self, services, Permission.EDIT):  # a day double-clicked, by a viewer
            return None
        council = services.council.get()
        dialog = MeetingDialog(
            services.meetings,
            services.agencies,
            date=day,
            chair=council.chair if council else "",
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        meeting = cast(MeetingRecord, dialog.saved)  # what a MeetingDialog saves
        text = strings.MEETING_PLANNED.format(name=meeting.title)
        self.message.emit(" ".join([text, *dialog.warnings]))
        self.list.select(meeting.id)
        self.calendar_page.show_date(meeting.date)
        self.open_meeting(meeting.id)
        return meeting.id

    def open_meeting(self, meeting_id: int) -> MeetingWindow | None:
        """The meeting's window (one per meeting), shown and raised."""
        return self.windows.show(meeting_id, lambda: self._make_window(meeting_id))

    def _make_window(self, meeting_id: int) -> MeetingWindow | None:
        try:
            self._services.meetings.get(meeting_id)
        except DomainError as error:
            messages.warn(self, error.message)
            return None
        window = MeetingWindow(self._services, meeting_id, self.window())
        window.message.connect(self.message)
        return window

    def open_windows(self) -> list[MeetingWindow]:
        return self.windows.windows()
