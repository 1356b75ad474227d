"""Add or edit an agenda item: its title, the presenting agency and notes."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from secretariat.meetings.agenda import AgendaItemDraft, AgendaService
from secretariat.meetings.records import AgendaItemRecord
from secretariat.members.agencies import AgencyService
from ui import strings
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box


class AgendaItemDialog(FormDialog):
    """``saved`` is the ``AgendaItemRecord`` once accepted."""

    def __init__(
        self,
        agenda: AgendaService,
        agencies: AgencyService,
        meeting_id: int,
        record: AgendaItemRecord | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(strings.EDIT_AGENDA_ITEM_TITLE if record else strings.NEW_AGENDA_ITEM_TITLE, parent)
        self._agenda = agenda
        self._meeting_id = meeting_id
        self._record = record
        self.title = self.form.add_field(
            "title", strings.AGENDA_TITLE, line_edit(strings.AGENDA_TITLE_PLACEHOLDER)
        )
        self.presenter = self.form.add_field(
            "presenter_agency_id",
            strings.AGENDA_PRESENTER,
            AgencyCombo(agencies, keep=record.presenter_agency_id if record else None),
        )
        self.notes = self.form.add_field("notes", strings.AGENDA_NOTES, text_box(4))
        self.form.limit_texts(AgendaItemDraft)
        if record is not None:
            self.title.setText(record.title)
            self.presenter.set_agency_id(record.presenter_agency_id)
            self.notes.setPlainText(record.notes)
        self.title.setFocus()

    def check(self) -> Mapping[str, str]:
        return (
            {"presenter_agency_id": strings.PICK_AGENCY_FROM_LIST} if self.presenter.typed_unknown() else {}
        )

    def draft(self) -> AgendaItemDraft:
        return AgendaItemDraft(
            title=self.title.text(),
            presenter_agency_id=self.presenter.agency_id(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> AgendaItemRecord:
        if self._record is None:
            return self._agenda.add(self._meeting_id, self.draft())
        return self._agenda.update(self._record.id, self.draft())
