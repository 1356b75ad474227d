"""The agency form: add a member agency or edit one."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from secretariat.members import agencies
from secretariat.members.agencies import AgencyCategory, AgencyDraft, AgencyRecord, AgencyService
from secretariat.persian.collation import sorted_persian
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class AgencyDialog(FormDialog):
    """``saved`` is the ``AgencyRecord`` once the dialog is accepted."""

    def __init__(
        self, service: AgencyService, record: AgencyRecord | None = None, parent: QWidget | None = None
    ):
        super().__init__(strings.EDIT_AGENCY_TITLE if record else strings.NEW_AGENCY_TITLE, parent)
        self._service = service
        self._record = record
        self.setMinimumWidth(600)
        form = self.form
        self.name = form.add_field("name", strings.AGENCY_NAME, line_edit(strings.AGENCY_NAME_PLACEHOLDER))
        self.short_name = form.add_field(
            "short_name", strings.AGENCY_SHORT_NAME, line_edit(strings.AGENCY_SHORT_NAME_PLACEHOLDER)
        )
        categories = sorted_persian(AgencyCategory, key=lambda c: c.label)
        self.category = form.add_field(
            "category", strings.AGENCY_CATEGORY, choice_box([(c.label, c.value) for c in categories])
        )
        self.parent_ministry = form.add_field(
            "parent_ministry", strings.AGENCY_PARENT, line_edit(strings.AGENCY_PARENT_PLACEHOLDER)
        )
        self.address = form.add_field("address", strings.AGENCY_ADDRESS, text_box())
        self.phones = form.add_field(
            "phones", strings.AGENCY_PHONES, line_edit(strings.AGENCY_PHONES_PLACEHOLDER, digits=True)
        )
        self.email = form.add_field("email", strings.AGENCY_EMAIL, line_edit("pr@example.ir", latin=True))
        self.website = form.add_field("website", strings.AGENCY_WEBSITE, line_edit("example.ir", latin=True))
        self.joined_on = form.add_field(
            "joined_on", strings.AGENCY_JOINED, JalaliDateEdit(side=DateSide.PAST)
        )
        form.limit_texts(AgencyDraft)
        self._fill(record)
        self.name.setFocus()

    def _fill(self, record: AgencyRecord | None) -> None:
        draft = agencies.draft_from_record(record) if record else AgencyDraft(name="")
        self.name.setText(draft.name)
        self.short_name.setText(draft.short_name)
        self.category.setCurrentIndex(max(0, self.category.findData(draft.category)))
        self.parent_ministry.setText(draft.parent_ministry)
        self.address.setPlainText(draft.address)
        self.phones.setText(draft.phones)
        self.email.setText(draft.email)
        self.website.setText(draft.website)
        self.joined_on.setDate(record.joined_on if record else None)

    def draft(self) -> AgencyDraft:
        return AgencyDraft(
            name=self.name.text(),
            short_name=self.short_name.text(),
            category=self.category.currentData() or "",
            parent_ministry=self.parent_ministry.text(),
            address=self.address.toPlainText(),
            phones=self.phones.text(),
            email=self.email.text(),
            website=self.website.text(),
            joined_on=self.joined_on.text(),
        )

    def check(self) -> Mapping[str, str]:
        errors, _values = agencies.validate(self.draft())
        return errors

    def save(self) -> AgencyRecord:
        if self._record is None:
            return self._service.add(self.draft())
        return self._service.update(self._record.id, self.draft(), expected_version=self._record.version)

    def reload(self) -> None:
        if self._record is not None:
            self._record = self._service.get(self._record.id)
            self._fill(self._record)
            self.changes.remember()
