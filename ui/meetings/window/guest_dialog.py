"""Invite a guest to a meeting: name, title and organisation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat.meetings.attendance import AttendanceService, GuestDraft
from secretariat.meetings.records import InvitationRecord
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit


class GuestDialog(FormDialog):
    """``saved`` is the guest's ``InvitationRecord`` once accepted."""

    def __init__(self, attendance: AttendanceService, meeting_id: int, parent: QWidget | None = None):
        super().__init__(strings.GUEST_TITLE, parent, save_text=strings.INVITE)
        self._attendance = attendance
        self._meeting_id = meeting_id
        self.name = self.form.add_field("name", strings.GUEST_NAME, line_edit(strings.GUEST_NAME_PLACEHOLDER))
        self.title = self.form.add_field(
            "title", strings.GUEST_ROLE, line_edit(strings.GUEST_ROLE_PLACEHOLDER)
        )
        self.organization = self.form.add_field(
            "organization", strings.GUEST_ORGANIZATION, line_edit(strings.GUEST_ORGANIZATION_PLACEHOLDER)
        )
        self.form.limit_texts(GuestDraft)
        self.name.setFocus()

    def save(self) -> InvitationRecord:
        return self._attendance.invite_guest(
            self._meeting_id,
            GuestDraft(name=self.name.text(), title=self.title.text(), organization=self.organization.text()),
        )
