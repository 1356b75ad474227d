"""The person form (a PR manager, deputy or expert): add or edit."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from secretariat.members.people import PeopleService, PersonDraft, PersonRecord, validate_person
from ui import strings
from ui.widgets.error_form import ErrorForm
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box

PERSON_KEYS = ("full_name", "honorific", "mobile", "phone", "email", "notes")


class PersonFields:
    """The person's fields on a form; also used inline by the appointment dialog."""

    def __init__(self, form: ErrorForm, *, compact: bool = False):
        self.full_name = form.add_field(
            "full_name", strings.PERSON_FULL_NAME, line_edit(strings.PERSON_FULL_NAME_PLACEHOLDER)
        )
        self.honorific = form.add_field(
            "honorific", strings.PERSON_HONORIFIC, line_edit(strings.PERSON_HONORIFIC_PLACEHOLDER)
        )
        self.mobile = form.add_field("mobile", strings.PERSON_MOBILE, line_edit("۰۹۱۲۱۲۳۴۵۶۷", digits=True))
        self.phone = (
            None if compact else form.add_field("phone", strings.PERSON_PHONE, line_edit(digits=True))
        )
        self.email = form.add_field("email", strings.PERSON_EMAIL, line_edit("name@example.ir", latin=True))
        self.notes = None if compact else form.add_field("notes", strings.PERSON_NOTES, text_box(2))
        form.limit_texts(PersonDraft)
        self.keys = tuple(k for k in PERSON_KEYS if not (compact and k in ("phone", "notes")))

    def fill(self, record: PersonRecord) -> None:
        self.full_name.setText(record.full_name)
        self.honorific.setText(record.honorific)
        self.mobile.setText(record.mobile)
        self.email.setText(record.email)
        if self.phone is not None:
            self.phone.setText(record.phone)
        if self.notes is not None:
            self.notes.setPlainText(record.notes)

    def draft(self) -> PersonDraft:
        return PersonDraft(
            full_name=self.full_name.text(),
            honorific=self.honorific.text(),
            mobile=self.mobile.text(),
            phone=self.phone.text() if self.phone is not None else "",
            email=self.email.text(),
            notes=self.notes.toPlainText() if self.notes is not None else "",
        )

    def check(self) -> Mapping[str, str]:
        errors, _values = validate_person(self.draft())
        return errors


class PersonDialog(FormDialog):
    """``saved`` is the ``PersonRecord`` once the dialog is accepted."""

    def __init__(
        self, service: PeopleService, record: PersonRecord | None = None, parent: QWidget | None = None
    ):
        super().__init__(strings.EDIT_PERSON_TITLE if record else strings.NEW_PERSON_TITLE, parent)
        self._service = service
        self._record = record
        self.fields = PersonFields(self.form)
        if record is not None:
            self.fields.fill(record)
        self.fields.full_name.setFocus()

    def check(self) -> Mapping[str, str]:
        return self.fields.check()

    def save(self) -> PersonRecord:
        if self._record is None:
            return self._service.add(self.fields.draft())
        return self._service.update(
            self._record.id, self.fields.draft(), expected_version=self._record.version
        )

    def reload(self) -> None:
        if self._record is not None:
            self._record = self._service.get(self._record.id)
            self.fields.fill(self._record)
            self.changes.remember()
