"""Record a membership decree (حکم عضویت) for a person's role at an agency."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.members.people import DecreeDraft, DecreeRecord, PeopleService, RepresentationRecord
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class DecreeDialog(FormDialog):
    """``saved`` is the new ``DecreeRecord`` once accepted."""

    def __init__(
        self, people: PeopleService, representation: RepresentationRecord, parent: QWidget | None = None
    ):
        super().__init__(strings.DECREE_TITLE, parent)
        self._people = people
        self._representation = representation
        self.set_intro(
            strings.DECREE_INTRO.format(
                role=representation.role.label,
                name=representation.person_name,
                agency=representation.agency_name,
            )
        )
        form = self.form
        self.number = form.add_field(
            "number", strings.DECREE_NUMBER, line_edit(strings.DECREE_NUMBER_PLACEHOLDER, digits=True)
        )
        self.issued_on = form.add_field(
            "issued_on", strings.DECREE_ISSUED_ON, JalaliDateEdit(side=DateSide.PAST)
        )
        self.issued_on.setDate(clock.today())
        self.issued_by = form.add_field(
            "issued_by", strings.DECREE_ISSUED_BY, line_edit(strings.DECREE_ISSUED_BY_PLACEHOLDER)
        )
        self.term_end = form.add_field(
            "term_end", strings.DECREE_TERM_END, JalaliDateEdit(side=DateSide.FUTURE)
        )
        self.notes = form.add_field("notes", strings.DECREE_NOTES, text_box(2))
        form.limit_texts(DecreeDraft)
        self.number.setFocus()

    def draft(self) -> DecreeDraft:
        return DecreeDraft(
            representation_id=self._representation.id,
            number=self.number.text(),
            issued_on=self.issued_on.text(),
            issued_by=self.issued_by.text(),
            term_end=self.term_end.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> DecreeRecord:
        return self._people.add_decree(self.draft())
