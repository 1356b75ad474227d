"""Who is invited: every active member agency by default, and guests;
invite one more agency or a guest, or remove an invitee."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from secretariat.meetings.records import InvitationRecord
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.meetings.window.guest_dialog import GuestDialog
from ui.meetings.window.invite_agency_dialog import InviteAgencyDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.record_table_model import RecordTableModel


class InviteeModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._managers: dict[int, str] = {}
        # The person column reads the managers this model is given with the invitees.
        self.columns: tuple[Column[InvitationRecord], ...] = (
            Column("name", strings.INVITEE_COLUMN_NAME, _name, stretch=True),
            Column("kind", strings.INVITEE_COLUMN_KIND, _kind, width=110),
            Column("person", strings.INVITEE_COLUMN_PERSON, self._person, width=260),
        )

    def set_invitees(self, records: tuple[InvitationRecord, ...], managers: dict[int, str]) -> None:
        self._managers = managers
        self.set_records(records)

    def _person(self, record: InvitationRecord) -> str:
        if record.is_guest:
            return strings.LIST_SEPARATOR.join(
                part for part in (record.guest_title, record.agency_name) if part
            )
        return self._managers.get(cast(int, record.agency_id), "")  # a member: an agency's invitation


def _name(record: InvitationRecord) -> str:
    return record.guest_name if record.is_guest else record.agency_name


def _kind(record: InvitationRecord) -> str:
    return strings.INVITEE_GUEST if record.is_guest else strings.INVITEE_MEMBER


class InviteesTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = InviteeModel(self)
        self.table = self._table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.invite_agency_button = QPushButton(strings.INVITE_AGENCY)
        self.invite_guest_button = QPushButton(strings.INVITE_GUEST)
        self.remove_button = QPushButton(strings.UNINVITE)
        self.invite_agency_button.clicked.connect(self.invite_agency)
        self.invite_guest_button.clicked.connect(self.invite_guest)
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        buttons = QHBoxLayout()
        for button in (self.invite_agency_button, self.invite_guest_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.empty_state = EmptyState(self.table, self._empty_message)

    def _empty_message(self) -> EmptyMessage:
        if self._detail is None or not self.meeting.editable:
            return EmptyMessage(strings.INVITEES_EMPTY)
        return EmptyMessage(
            strings.INVITEES_EMPTY,
            strings.INVITEES_EMPTY_HINT,
            (
                EmptyAction(strings.INVITE_AGENCY, self.invite_agency, "agency"),
                EmptyAction(strings.INVITE_GUEST, self.invite_guest, "guest"),
            ),
        )

    def _refresh(self) -> None:
        kept = self._kept_id(self.table)
        invitations = self.detail.invitations
        self.model.set_invitees(invitations, self._pr_managers())
        self._reselect(self.table, kept)
        guests = sum(1 for record in invitations if record.is_guest)
        self.count_label.setText(
            strings.INVITEES_COUNT.format(
                members=format_int(len(invitations) - guests), guests=format_int(guests)
            )
        )
        self._lock_when_closed(strings.INVITEES_LOCKED)
        self._update_buttons()

    def selected_invitee(self) -> InvitationRecord | None:
        selected: InvitationRecord | None = self._selected(self.table)
        return selected

    def _update_buttons(self) -> None:
        editable = self._detail is not None and self.meeting.editable
        self.invite_agency_button.setEnabled(editable)
        self.invite_guest_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.selected_invitee() is not None)

    # -- actions -------------------------------------------------------------------------

    def invite_agency(self) -> None:
        # A member's invitation is an agency's.
        invited = [cast(int, record.agency_id) for record in self.detail.invitations if not record.is_guest]
        services = self._services
        dialog = InviteAgencyDialog(services.attendance, services.agencies, self.meeting.id, invited, self)
        saved = self._run(dialog)
        if saved is not None:
            self.select_next(saved.id)
            self.changed.emit(strings.INVITED.format(name=saved.display_name))

    def invite_guest(self) -> None:
        saved = self._run(GuestDialog(self._services.attendance, self.meeting.id, self))
        if saved is not None:
            self.select_next(saved.id)
            self.changed.emit(strings.INVITED.format(name=saved.guest_name))

    def remove_selected(self) -> None:
        record = self.selected_invitee()
        if record is None:
            return
        name = record.guest_name if record.is_guest else record.agency_name
        if not messages.confirm(self, strings.CONFIRM_UNINVITE.format(name=name)):
            return
        if self._attempt(lambda: self._services.attendance.uninvite(record.id)):
            self.changed.emit(strings.UNINVITED.format(name=name))
