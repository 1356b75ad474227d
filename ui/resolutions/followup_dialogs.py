"""The follow-up dialogs of one resolution: record a follow-up, correct or void
one, mark it done, cancel, reopen, refer it to a coming meeting, change its
deadline.

Each calls one ``FollowUpService`` operation; a refusal keeps the dialog open
with the input intact and the core's message beside its field.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from secretariat import clock
from secretariat.followup.corrections import CorrectionDraft
from secretariat.followup.lifecycle import (
    DeadlineChangeRecord,
    FollowUpDraft,
    FollowUpRecord,
    FollowUpService,
)
from secretariat.followup.register import ResolutionRow
from secretariat.followup.status import FollowUpKind
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery, MeetingService
from secretariat.meetings.records import MeetingRow
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import strings
from ui.widgets.file_field import FileField
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit

INTRO_LENGTH = 160


def intro(row: ResolutionRow) -> str:
    text = " ".join(row.text.split())
    if len(text) > INTRO_LENGTH:
        text = text[:INTRO_LENGTH].rsplit(" ", 1)[0] + "…"
    return strings.DIALOG_ON_RESOLUTION.format(code=row.display_code, text=text)


class _ResolutionDialog(FormDialog):
    def __init__(
        self,
        title: str,
        followup: FollowUpService,
        row: ResolutionRow,
        parent: QWidget | None,
        *,
        save_text: str = strings.SAVE,
    ):
        super().__init__(title, parent, save_text=save_text)
        self._followup = followup
        self._row = row
        self.set_intro(intro(row))


class FollowUpDialog(_ResolutionDialog):
    """``saved`` is the new ``FollowUpRecord``."""

    def __init__(
        self,
        followup: FollowUpService,
        row: ResolutionRow,
        *,
        recorded_by: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(strings.FOLLOWUP_DIALOG_TITLE, followup, row, parent)
        self.date = self.form.add_field("date", strings.FOLLOWUP_DATE, JalaliDateEdit())
        self.date.setDate(clock.today())
        self.kind = self.form.add_field(
            "kind", strings.FOLLOWUP_KIND, choice_box([(kind.label, kind.value) for kind in FollowUpKind])
        )
        self.note = self.form.add_field("note", strings.FOLLOWUP_NOTE, text_box(3))
        self.note.setPlaceholderText(strings.FOLLOWUP_NOTE_PLACEHOLDER)
        self.progress = self.form.add_field(
            "progress",
            strings.FOLLOWUP_PROGRESS,
            line_edit(strings.FOLLOWUP_PROGRESS_PLACEHOLDER, digits=True),
        )
        self.recorded_by = self.form.add_field("recorded_by", strings.FOLLOWUP_RECORDED_BY, line_edit())
        self.form.limit_texts(FollowUpDraft)
        self.recorded_by.setText(recorded_by)
        document = FileField(
            strings.FOLLOWUP_DOCUMENT_TITLE,
            placeholder=strings.FOLLOWUP_DOCUMENT_NONE,
            clear_tip=strings.FOLLOWUP_DOCUMENT_CLEAR_TIP,
        )
        self.document = self.form.add_field(
            "document", strings.FOLLOWUP_DOCUMENT, document, changed=document.changed
        )
        self.note.setFocus()

    def save(self) -> FollowUpRecord:
        draft = FollowUpDraft(
            date=self.date.text(),
            kind=self.kind.currentData(),
            note=self.note.toPlainText(),
            progress=self.progress.text(),
            recorded_by=self.recorded_by.text(),
            document=self.document.path(),
        )
        return self._followup.add(self._row.id, draft)


def entry_summary(entry: FollowUpRecord) -> str:
    """«پیگیری ۱۴۰۵/۰۶/۲۰، تماس تلفنی، پیشرفت ۶٪: ...»: which entry a dialog is about."""
    progress = (
        strings.ENTRY_SUMMARY_PROGRESS.format(percent=strings.PERCENT.format(n=format_int(entry.progress)))
        if entry.progress is not None
        else ""
    )
    note = " ".join(entry.note.split())
    if len(note) > INTRO_LENGTH:
        note = note[:INTRO_LENGTH].rsplit(" ", 1)[0] + "…"
    return strings.ENTRY_SUMMARY.format(
        date=jalali.format_short(entry.date), kind=entry.kind.label, progress=progress, note=note
    )


class CorrectionDialog(_ResolutionDialog):
    """Correct an entry: its fields filled in to fix, a reason and who corrects are asked for.

    ``saved`` is the correcting ``FollowUpRecord``.
    """

    def __init__(
        self,
        followup: FollowUpService,
        row: ResolutionRow,
        entry: FollowUpRecord,
        *,
        recorded_by: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(
            strings.CORRECTION_DIALOG_TITLE, followup, row, parent, save_text=strings.CORRECTION_SAVE
        )
        self.entry = entry
        self.set_intro(f"{intro(row)}\n{entry_summary(entry)}\n{strings.CORRECTION_EXPLAINED}")
        self.date = self.form.add_field("date", strings.FOLLOWUP_DATE, JalaliDateEdit())
        self.date.setDate(entry.date)
        self.kind = self.form.add_field(
            "kind",
            strings.FOLLOWUP_KIND,
            choice_box([(kind.label, kind.value) for kind in FollowUpKind], current=entry.kind.value),
        )
        self.note = self.form.add_field("note", strings.FOLLOWUP_NOTE, text_box(2))
        self.note.setPlainText(entry.note)
        self.progress = self.form.add_field(
            "progress", strings.FOLLOWUP_PROGRESS, line_edit(strings.FOLLOWUP_PROGRESS_PLACEHOLDER)
        )
        if entry.progress is not None:
            self.progress.setText(format_int(entry.progress))
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.reason.setPlaceholderText(strings.CORRECTION_REASON_PLACEHOLDER)
        self.recorded_by = self.form.add_field("recorded_by", strings.FOLLOWUP_RECORDED_BY, line_edit())
        self.recorded_by.setText(recorded_by)
        self.form.limit_texts(CorrectionDraft)
        self.reason.setFocus()

    def save(self) -> FollowUpRecord:
        draft = CorrectionDraft(
            date=self.date.text(),
            kind=self.kind.currentData(),
            note=self.note.toPlainText(),
            progress=self.progress.text(),
            reason=self.reason.toPlainText(),
            recorded_by=self.recorded_by.text(),
        )
        return self._followup.correct(self.entry.id, draft)


class VoidDialog(_ResolutionDialog):
    """Void an entry: a reason and who voids it are asked for. ``saved`` is the entry, voided."""

    def __init__(
        self,
        followup: FollowUpService,
        row: ResolutionRow,
        entry: FollowUpRecord,
        *,
        by: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(strings.VOID_DIALOG_TITLE, followup, row, parent, save_text=strings.VOID_SAVE)
        self.entry = entry
        self.set_intro(f"{intro(row)}\n{entry_summary(entry)}\n{strings.VOID_EXPLAINED}")
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.reason.setPlaceholderText(strings.VOID_REASON_PLACEHOLDER)
        self.by = self.form.add_field("by", strings.FOLLOWUP_RECORDED_BY, line_edit())
        self.by.setText(by)
        self.form.limit_texts("FollowUpService.void")
        self.reason.setFocus()

    def save(self) -> FollowUpRecord:
        return self._followup.void(self.entry.id, reason=self.reason.toPlainText(), by=self.by.text())


class DoneDialog(_ResolutionDialog):
    """Close as done: the evidence of completion is asked for."""

    def __init__(self, followup: FollowUpService, row: ResolutionRow, parent: QWidget | None = None):
        super().__init__(strings.DONE_DIALOG_TITLE, followup, row, parent, save_text=strings.DONE_SAVE)
        self.evidence = self.form.add_field("evidence", strings.DONE_EVIDENCE, text_box(2))
        self.form.limit_texts("FollowUpService.mark_done")
        self.evidence.setPlaceholderText(strings.DONE_EVIDENCE_PLACEHOLDER)
        self.on = self.form.add_field("on", strings.DONE_ON, JalaliDateEdit())
        self.on.setDate(clock.today())
        self.evidence.setFocus()

    def save(self) -> int:
        self._followup.mark_done(self._row.id, evidence=self.evidence.toPlainText(), on=self.on.text())
        return self._row.id


class CancelDialog(_ResolutionDialog):
    def __init__(self, followup: FollowUpService, row: ResolutionRow, parent: QWidget | None = None):
        super().__init__(
            strings.CANCEL_RESOLUTION_TITLE, followup, row, parent, save_text=strings.CANCEL_RESOLUTION_SAVE
        )
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.form.limit_texts("FollowUpService.cancel")
        self.reason.setFocus()

    def save(self) -> int:
        self._followup.cancel(self._row.id, reason=self.reason.toPlainText())
        return self._row.id


class ReopenDialog(_ResolutionDialog):
    def __init__(self, followup: FollowUpService, row: ResolutionRow, parent: QWidget | None = None):
        super().__init__(strings.REOPEN_TITLE, followup, row, parent, save_text=strings.REOPEN_SAVE)
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.form.limit_texts("FollowUpService.reopen")
        self.reason.setFocus()

    def save(self) -> int:
        self._followup.reopen(self._row.id, reason=self.reason.toPlainText())
        return self._row.id


def upcoming_meetings(meetings: MeetingService) -> list[MeetingRow]:
    """Meetings not yet held (planned or postponed), soonest first."""
    rows = [
        row
        for status in (MeetingStatus.PLANNED, MeetingStatus.POSTPONED)
        for row in meetings.page(MeetingQuery(status=status), limit=None)
    ]
    return sorted(rows, key=lambda row: (row.date, row.id))


class DeferDialog(_ResolutionDialog):
    """Refer the resolution to a coming meeting; ``meeting_title`` names it once saved."""

    def __init__(
        self,
        followup: FollowUpService,
        meetings: MeetingService,
        row: ResolutionRow,
        parent: QWidget | None = None,
    ):
        super().__init__(strings.DEFER_TITLE, followup, row, parent, save_text=strings.DEFER_SAVE)
        self.meeting = self.form.add_field("meeting_id", strings.DEFER_MEETING, QComboBox())
        for meeting in upcoming_meetings(meetings):
            self.meeting.addItem(
                strings.REGISTER_MEETING.format(title=meeting.title, date=jalali.format_short(meeting.date)),
                meeting.id,
            )
        self.meeting_title = ""
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.form.limit_texts("FollowUpService.defer")
        if self.meeting.count() == 0:
            self.form.set_errors({}, general=strings.DEFER_NO_UPCOMING)

    def check(self) -> dict[str, str]:
        return {} if self.meeting.currentData() is not None else {"meeting_id": strings.DEFER_NO_MEETING}

    def save(self) -> int:
        self._followup.defer(
            self._row.id, meeting_id=self.meeting.currentData(), reason=self.reason.toPlainText()
        )
        self.meeting_title = self.meeting.currentText()
        return self._row.id


class DeadlineDialog(_ResolutionDialog):
    """``saved`` is the ``DeadlineChangeRecord``."""

    def __init__(
        self, followup: FollowUpService, row: ResolutionRow, *, by: str = "", parent: QWidget | None = None
    ):
        super().__init__(strings.DEADLINE_DIALOG_TITLE, followup, row, parent)
        self.set_intro(intro(row) + "\n" + strings.DEADLINE_CURRENT.format(due=row.due_text))
        self.new_due = self.form.add_field(
            "new_due", strings.DEADLINE_NEW, JalaliDateEdit(side=DateSide.FUTURE)
        )
        self.reason = self.form.add_field("reason", strings.REASON, text_box(2))
        self.by = self.form.add_field("by", strings.DEADLINE_BY, line_edit())
        self.form.limit_texts("FollowUpService.change_deadline")
        self.by.setText(by)
        self.new_due.setFocus()

    def save(self) -> DeadlineChangeRecord:
        return self._followup.change_deadline(
            self._row.id, new_due=self.new_due.text(), reason=self.reason.toPlainText(), by=self.by.text()
        )
