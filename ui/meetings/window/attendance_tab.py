"""Taking attendance: the sheet of invitees, saved at once, with the quorum
line recounted as the sheet is filled in. Who came for an agency is picked
from its people or the register (F4 on the cell opens the list) or typed."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.meetings.kinds import MeetingStatus
from secretariat.members.council import QuorumRule, quorum_required
from secretariat.persian import jalali
from ui import strings
from ui.meetings.meeting_format import quorum_line
from ui.meetings.window.attendance_delegate import AttendanceDelegate
from ui.meetings.window.attendance_sheet_model import AttendanceSheetModel, SheetLine
from ui.meetings.window.attendee_picker import attendee_picker
from ui.meetings.window.meeting_tab import MeetingTab
from ui.people.person_picker import PersonPicker
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.empty_state import EmptyMessage, EmptyState
from ui.widgets.field_error import FieldError
from ui.widgets.inputs import opens_list
from ui.widgets.table_setup import configure_table, select_row


class AttendanceTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = AttendanceSheetModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.setItemDelegate(AttendanceDelegate(self.table, attendee_picker=self._attendee_picker))
        self.table.installEventFilter(self)  # F4 on a cell opens its list
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("quorumLine")
        self.sheet_error = FieldError()
        self.save_button = QPushButton(strings.ATTENDANCE_SAVE)
        self.save_button.setObjectName("primaryButton")
        self.revert_button = QPushButton(strings.ATTENDANCE_REVERT)
        self.rest_present_button = QPushButton(strings.REST_PRESENT)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.rest_present_button.clicked.connect(self.model.mark_unknown_present)
        self.model.sheetChanged.connect(self._on_sheet_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.rest_present_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sheet_error)
        layout.addWidget(self.quorum_label)
        self.empty_state = EmptyState(
            self.table, EmptyMessage(strings.ATTENDANCE_EMPTY, strings.ATTENDANCE_EMPTY_HINT)
        )
        self._required_for = _majority
        # Who comes for each agency by default, asked once per agency (the register seldom changes).
        self._defaults: dict[int, str] = {}
        self._defaults_day: dt.date | None = None
        services.changes.roles_changed.connect(self._forget_defaults)

    def can_take_attendance(self) -> bool:
        meeting = self.meeting
        return meeting.editable and meeting.date <= clock.today()

    def _default_attendees(self) -> dict[int, str]:
        """Who comes for each agency unless told otherwise: its PR manager on the meeting's day.

        Only while the sheet can change: a sheet taken shows who was recorded.
        """
        if not self.can_take_attendance():
            return {}
        attendance, day = self._services.attendance, self.meeting.date
        if self._defaults_day != day:
            self._defaults, self._defaults_day = {}, day
        for record in self.detail.invitations:
            if record.is_guest:
                continue
            agency_id = cast(int, record.agency_id)  # a member's invitation is an agency's
            if agency_id not in self._defaults:
                found = attendance.default_attendee(agency_id, on=day)
                self._defaults[agency_id] = found[1] if found is not None else ""
        return {agency_id: name for agency_id, name in self._defaults.items() if name}

    def _attendee_picker(self, line: SheetLine, parent: QWidget) -> PersonPicker:
        agency_id = cast(int, line.invitation.agency_id)  # only a member's line names who came
        return attendee_picker(
            self._services.attendance, self._services.people, agency_id, self.meeting.date, parent
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F4 or Alt+Down on a status or attendee cell opens its list, as on a combo box."""
        if watched is self.table and opens_list(event):
            index = self.table.currentIndex()
            if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                self.table.edit(index)
                editor = self.table.indexWidget(index)
                if isinstance(editor, PersonPicker):
                    editor.show_matches()
                elif isinstance(editor, QComboBox):
                    editor.showPopup()
                return True
        return super().eventFilter(watched, event)

    def _forget_defaults(self, _agency_id: int = 0) -> None:
        # A new PR manager: ask again who comes by default.
        self._defaults, self._defaults_day = {}, None

    def has_unsaved_changes(self) -> bool:
        return self.model.is_dirty()

    def _refresh(self) -> None:
        council = self._services.council.get()
        if council is not None:
            self._required_for = council.quorum_required
        meeting = self.meeting
        self.model.load(
            self.detail.invitations,
            self._default_attendees(),
            editable=self.can_take_attendance(),
            keep_edits=True,
        )
        if meeting.status is MeetingStatus.CANCELLED:
            self._set_lock(strings.MEETING_IS_CANCELLED)
        elif meeting.status is MeetingStatus.FINALIZED:
            self._set_lock(strings.ATTENDANCE_LOCKED)
        elif meeting.date > clock.today():
            self._set_lock(strings.ATTENDANCE_NOT_YET.format(date=jalali.format_long(meeting.date)))
        else:
            self._set_lock("")
        self.sheet_error.show_message("")
        self._update_buttons()

    def _on_sheet_changed(self) -> None:
        quorum = self.model.quorum(self._required_for)
        self.quorum_label.setText(rtl(quorum_line(quorum)))
        self.quorum_label.setProperty("met", quorum.met)
        self.quorum_label.style().unpolish(self.quorum_label)
        self.quorum_label.style().polish(self.quorum_label)
        if self.sheet_error.message() and not self.model.rows_missing_excuse():
            self.sheet_error.show_message("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self._detail is not None and self.can_take_attendance()
        dirty = self.model.is_dirty()
        self.save_button.setEnabled(editable)
        self.revert_button.setEnabled(editable and dirty)
        self.rest_present_button.setEnabled(editable)

    # -- actions ---------------------------------------------------------------------------

    def save(self) -> bool:
        missing = self.model.rows_missing_excuse()
        if missing:
            self.sheet_error.show_message(strings.EXCUSE_NEEDED.format(name=self.model.line(missing[0]).name))
            select_row(self.table, missing[0])
            return False
        entries = self.model.entries()
        if not self._attempt(lambda: self._services.attendance.record(self.meeting.id, entries)):
            return False
        # Saved: the reload that follows shows the sheet as recorded.
        self.model.mark_saved()
        self.changed.emit(strings.ATTENDANCE_SAVED.format(name=self.meeting.title))
        return True

    def revert(self) -> None:
        self.model.load(
            self.detail.invitations, self._default_attendees(), editable=self.can_take_attendance()
        )
        self.sheet_error.show_message("")


def _majority(members: int) -> int:
    return quorum_required(QuorumRule.MAJORITY, members)
