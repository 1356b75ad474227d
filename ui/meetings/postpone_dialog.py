"""Postpone a meeting not yet held: a new date and the reason, kept in its history."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from secretariat.meetings.planning import MeetingDraft, MeetingService
from secretariat.meetings.records import MeetingRecord
from secretariat.persian import jalali
from ui import strings
from ui.meetings.meeting_dialog import warnings_text
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class PostponeDialog(FormDialog):
    """``saved`` is the postponed ``MeetingRecord``; ``warnings`` what the new date warned of."""

    def __init__(self, meetings: MeetingService, record: MeetingRecord, parent: QWidget | None = None):
        super().__init__(strings.POSTPONE_TITLE, parent, save_text=strings.POSTPONE_SAVE)
        self._meetings = meetings
        self._record = record
        self.warnings: tuple[str, ...] = ()
        self._show_record()
        self.date = self.form.add_field("date", strings.POSTPONE_DATE, JalaliDateEdit(side=DateSide.FUTURE))
        self.reason = self.form.add_field("reason", strings.POSTPONE_REASON, text_box(2))
        self.form.limit_texts("MeetingService.postpone")
        self.reason.setPlaceholderText(strings.POSTPONE_REASON_PLACEHOLDER)
        self.warning_note = self.form.add_row(QLabel())
        self.warning_note.setObjectName("note")
        self.warning_note.setWordWrap(True)
        self.warning_note.hide()
        self.date.dateChanged.connect(lambda _date: self._update_warnings())
        self.date.setFocus()

    def _show_record(self) -> None:
        record = self._record
        self.set_intro(
            strings.POSTPONE_INTRO.format(title=record.title, date=jalali.format_long(record.date))
        )

    def _update_warnings(self) -> None:
        new_date = self.date.date()
        live: tuple[str, ...] = ()
        if new_date is not None:
            record = self._record
            live = self._meetings.check(
                MeetingDraft(
                    kind=record.kind.value,
                    date=jalali.format_short(new_date, persian_digits=False),
                    host_agency_id=record.host_agency_id,
                ),
                meeting_id=record.id,
            )
        self.warning_note.setText(warnings_text(live))
        self.warning_note.setVisible(bool(live))

    def save(self) -> MeetingRecord:
        result = self._meetings.postpone(
            self._record.id,
            self.date.text(),
            self.reason.toPlainText(),
            expected_version=self._record.version,
        )
        self.warnings = result.warnings
        return result.meeting

    def reload(self) -> None:
        """The meeting's date as the other desk left it; the new date and reason typed stay, to save again."""
        self._record = self._meetings.get(self._record.id)
        self._show_record()
        self._update_warnings()
