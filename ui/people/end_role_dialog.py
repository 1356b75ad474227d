"""End a person's role at an agency on a date."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.members.people import PeopleService, RepresentationRecord
from secretariat.persian import jalali
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.jalali_date_edit import JalaliDateEdit


class EndRoleDialog(FormDialog):
    """``saved`` is the ended ``RepresentationRecord`` once accepted."""

    def __init__(
        self, people: PeopleService, representation: RepresentationRecord, parent: QWidget | None = None
    ):
        super().__init__(strings.END_ROLE_TITLE, parent)
        self._people = people
        self._representation = representation
        self.set_intro(
            strings.END_ROLE_INTRO.format(
                role=representation.role.label,
                name=representation.person_name,
                agency=representation.agency_name,
                start=jalali.format_short(representation.start_date),
            )
        )
        self.end_date = self.form.add_field("end_date", strings.END_ROLE_DATE, JalaliDateEdit())
        self.end_date.setDate(clock.today())
        self.end_date.setFocus()

    def save(self) -> RepresentationRecord:
        return self._people.end(self._representation.id, self.end_date.text())
