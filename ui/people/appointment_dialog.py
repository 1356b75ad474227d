"""Appoint a person to a role at an agency: an existing person or a new one.

Appointing a new PR manager ends the current one's term on the start date
(the core does it); the dialog says so before saving.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from secretariat import clock
from secretariat.errors import ValidationError
from secretariat.members.agencies import AgencyRecord
from secretariat.members.people import AppointmentDraft, PeopleService, RepresentationRecord
from secretariat.members.roles import Role
from secretariat.persian import jalali
from ui import strings
from ui.people.person_dialog import PersonFields
from ui.people.person_picker import PersonPicker
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit
from ui.widgets.jalali_date_edit import JalaliDateEdit


class AppointmentDialog(FormDialog):
    """``saved`` is the new ``RepresentationRecord`` once accepted."""

    def __init__(self, people: PeopleService, agency: AgencyRecord, parent: QWidget | None = None):
        super().__init__(strings.APPOINTMENT_TITLE.format(agency=agency.name), parent)
        self._people = people
        self._agency = agency
        self._current_manager = people.current_pr_manager(agency.id)
        self.setMinimumWidth(620)
        form = self.form

        self.existing_choice = QRadioButton(strings.APPOINT_EXISTING)
        self.new_choice = QRadioButton(strings.APPOINT_NEW)
        self.existing_choice.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.existing_choice)
        modes.addButton(self.new_choice)
        choice_row = QWidget()
        choice_layout = QHBoxLayout(choice_row)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.existing_choice)
        choice_layout.addWidget(self.new_choice)
        choice_layout.addStretch(1)
        form.add_row(choice_row)

        picker = PersonPicker(people)
        self.person = form.add_field("person", strings.APPOINT_PERSON, picker, changed=picker.personChanged)
        self.new_person = PersonFields(form, compact=True)
        self.role = form.add_field(
            "role", strings.APPOINT_ROLE, choice_box([(r.label, r.value) for r in Role])
        )
        self.start_date = form.add_field("start_date", strings.APPOINT_START, JalaliDateEdit())
        self.start_date.setDate(clock.today())
        self.title = form.add_field(
            "title", strings.APPOINT_TITLE_FIELD, line_edit(strings.APPOINT_TITLE_PLACEHOLDER)
        )
        form.limit_texts(AppointmentDraft)
        self.replaces_note = form.add_row(QLabel())
        self.replaces_note.setObjectName("note")
        self.replaces_note.setWordWrap(True)

        self.new_choice.toggled.connect(self._show_mode)
        self.role.currentIndexChanged.connect(self._update_note)
        self._show_mode()
        self._update_note()
        self.person.setFocus()

    def creating_person(self) -> bool:
        return self.new_choice.isChecked()

    def _show_mode(self) -> None:
        creating = self.creating_person()
        self.form.set_field_visible("person", not creating)
        for key in self.new_person.keys:
            self.form.set_field_visible(key, creating)
        self.form.set_errors({})
        self.adjustSize()

    def _update_note(self) -> None:
        manager = self._current_manager
        replaces = manager is not None and self.role.currentData() == Role.PR_MANAGER.value
        self.replaces_note.setText(
            strings.APPOINT_REPLACES.format(name=manager.full_name)
            if replaces and manager is not None
            else ""
        )
        self.replaces_note.setVisible(replaces)

    def check(self) -> Mapping[str, str]:
        errors: dict[str, str] = {}
        if self.creating_person():
            errors.update(self.new_person.check())
        elif self.person.person_id() is None:
            errors["person"] = strings.APPOINT_PICK_PERSON
        try:
            jalali.parse(self.start_date.text())
        except jalali.JalaliDateError as error:
            errors["start_date"] = str(error)
        return errors

    def save(self) -> RepresentationRecord:
        if self.creating_person():
            person = self._people.add(self.new_person.draft())
            # From here on the person exists: if the appointment is refused,
            # a second try must not add them twice.
            self.person.set_person(person)
            self.existing_choice.setChecked(True)
        person_id = self.person.person_id()
        if person_id is None:
            raise ValidationError({"person": strings.APPOINT_PICK_PERSON})
        return self._people.appoint(
            AppointmentDraft(
                agency_id=self._agency.id,
                person_id=person_id,
                role=self.role.currentData(),
                start_date=self.start_date.text(),
                title=self.title.text(),
            )
        )
