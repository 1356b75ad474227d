"""Invite one more member agency to a meeting (one removed, or one that joined since)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

from PySide6.QtWidgets import QWidget

from secretariat.meetings.attendance import AttendanceService
from secretariat.meetings.records import InvitationRecord
from secretariat.members.agencies import AgencyService
from ui import strings
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog


class InviteAgencyDialog(FormDialog):
    """The active agencies not yet invited; ``saved`` is the new ``InvitationRecord``."""

    def __init__(
        self,
        attendance: AttendanceService,
        agencies: AgencyService,
        meeting_id: int,
        invited: Iterable[int],
        parent: QWidget | None = None,
    ):
        super().__init__(strings.INVITE_AGENCY_TITLE, parent, save_text=strings.INVITE)
        self._attendance = attendance
        self._meeting_id = meeting_id
        self.agency = self.form.add_field(
            "agency_id", strings.INVITE_AGENCY_FIELD, AgencyCombo(agencies, optional=False, exclude=invited)
        )
        if self.agency.agency_count() == 0:
            self.set_intro(strings.ALL_INVITED)
            self.save_button().setEnabled(False)
        self.agency.setFocus()

    def check(self) -> Mapping[str, str]:
        return {} if self.agency.agency_id() is not None else {"agency_id": strings.PICK_AGENCY_FROM_LIST}

    def save(self) -> InvitationRecord:
        agency_id = cast(int, self.agency.agency_id())  # check() made sure one is chosen
        return self._attendance.invite_agency(self._meeting_id, agency_id)
