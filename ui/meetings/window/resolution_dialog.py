"""Add or edit a resolution of draft minutes: «مقرر شد ...», the lead agency
and its collaborators, a Jalali deadline or «تا جلسه بعد», the priority.

The core's checks run as one fills the form: a missing lead agency or a
deadline before the meeting's date is shown under its field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QCheckBox, QWidget

from secretariat.meetings.kinds import Priority
from secretariat.meetings.minutes import MinutesService, ResolutionDraft, validate_resolution
from secretariat.meetings.records import AgendaItemRecord, MeetingRecord, ResolutionRecord
from secretariat.members.agencies import AgencyService
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.widgets.agency_checklist import AgencyChecklist
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class ResolutionDialog(FormDialog):
    """``saved`` is the ``ResolutionRecord`` once accepted."""

    def __init__(
        self,
        minutes: MinutesService,
        agencies: AgencyService,
        meeting: MeetingRecord,
        agenda: Sequence[AgendaItemRecord],
        record: ResolutionRecord | None = None,
        *,
        agenda_item_id: int | None = None,
        parent: QWidget | None = None,
    ):
        title = (
            strings.EDIT_RESOLUTION_TITLE.format(code=record.display_code)
            if record
            else strings.NEW_RESOLUTION_TITLE
        )
        super().__init__(title, parent)
        self._minutes = minutes
        self._meeting = meeting
        self._record = record
        self.setMinimumWidth(640)
        self.set_intro(
            strings.RESOLUTION_INTRO.format(title=meeting.title, date=jalali.format_long(meeting.date))
        )
        form = self.form
        self.text = form.add_field("text", strings.RESOLUTION_TEXT, text_box(4))
        form.limit_texts(ResolutionDraft)
        self.text.setPlaceholderText(strings.RESOLUTION_TEXT_PLACEHOLDER)
        items = [(strings.NO_AGENCY, None)] + [
            (f"{to_persian_digits(item.position)}. {item.title}", item.id) for item in agenda
        ]
        self.agenda_item = form.add_field("agenda_item_id", strings.RESOLUTION_ITEM, choice_box(items))
        lead = record.lead.agency_id if record and record.lead else None
        collaborators = [a.agency_id for a in record.collaborators] if record else []
        self.lead = form.add_field(
            "lead_agency_id", strings.RESOLUTION_LEAD, AgencyCombo(agencies, keep=lead)
        )
        checklist = AgencyChecklist(agencies, keep=collaborators)
        self.collaborators = form.add_field(
            "collaborator_agency_ids", strings.RESOLUTION_COLLABORATORS, checklist, changed=checklist.changed
        )
        self.due_date = form.add_field(
            "due_date", strings.RESOLUTION_DUE, JalaliDateEdit(side=DateSide.FUTURE)
        )
        self.next_meeting = form.add_field("due_next_meeting", "", QCheckBox(strings.DUE_NEXT_MEETING))
        self.next_meeting.toggled.connect(self._on_next_meeting)
        self.priority = form.add_field(
            "priority", strings.RESOLUTION_PRIORITY, choice_box([(p.label, p.value) for p in Priority])
        )
        if record is not None:
            self._fill(record, lead, collaborators)
        else:
            self.agenda_item.setCurrentIndex(max(0, self.agenda_item.findData(agenda_item_id)))
        self.text.setFocus()

    def _fill(self, record: ResolutionRecord, lead: int | None, collaborators: list[int]) -> None:
        self.text.setPlainText(record.text)
        self.agenda_item.setCurrentIndex(max(0, self.agenda_item.findData(record.agenda_item_id)))
        self.lead.set_agency_id(lead)
        self.collaborators.set_checked(collaborators)
        self.due_date.setDate(record.due_date)
        self.next_meeting.setChecked(record.due_next_meeting)
        self.priority.setCurrentIndex(self.priority.findData(record.priority.value))

    def _on_next_meeting(self, checked: bool) -> None:
        if checked:
            self.due_date.setDate(None)
        self.due_date.setEnabled(not checked)

    def draft(self) -> ResolutionDraft:
        return ResolutionDraft(
            text=self.text.toPlainText(),
            lead_agency_id=self.lead.agency_id(),
            collaborator_agency_ids=tuple(self.collaborators.checked_ids()),
            due_date="" if self.next_meeting.isChecked() else self.due_date.text(),
            due_next_meeting=self.next_meeting.isChecked(),
            priority=self.priority.currentData(),
            agenda_item_id=self.agenda_item.currentData(),
        )

    def check(self) -> Mapping[str, str]:
        errors, _values = validate_resolution(self.draft(), self._meeting.date)
        if self.lead.typed_unknown():
            errors["lead_agency_id"] = strings.PICK_AGENCY_FROM_LIST
        return errors

    def save(self) -> ResolutionRecord:
        if self._record is None:
            return self._minutes.add_resolution(self._meeting.id, self.draft())
        return self._minutes.update_resolution(
            self._record.id, self.draft(), expected_version=self._record.version
        )

    def reload(self) -> None:
        if self._record is not None:
            record = self._record = self._minutes.resolution(self._record.id)
            lead = record.lead.agency_id if record.lead else None
            self._fill(record, lead, [a.agency_id for a in record.collaborators])
            self.changes.remember()
