"""Cancel a meeting not yet held, with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat.meetings.planning import MeetingService
from secretariat.meetings.records import MeetingRecord
from secretariat.persian import jalali
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import text_box


class CancelMeetingDialog(FormDialog):
    """``saved`` is the cancelled ``MeetingRecord`` once accepted."""

    def __init__(self, meetings: MeetingService, record: MeetingRecord, parent: QWidget | None = None):
        super().__init__(strings.CANCEL_MEETING_TITLE, parent, save_text=strings.CANCEL_SAVE)
        self._meetings = meetings
        self._record = record
        self._show_record()
        self.reason = self.form.add_field("reason", strings.CANCEL_REASON, text_box(2))
        self.form.limit_texts("MeetingService.cancel")
        self.reason.setFocus()

    def _show_record(self) -> None:
        record = self._record
        self.set_intro(
            strings.CANCEL_MEETING_INTRO.format(title=record.title, date=jalali.format_long(record.date))
        )

    def save(self) -> MeetingRecord:
        return self._meetings.cancel(
            self._record.id, self.reason.toPlainText(), expected_version=self._record.version
        )

    def reload(self) -> None:
        """The meeting as the other desk left it (its date); the reason typed stays, to save again."""
        self._record = self._meetings.get(self._record.id)
        self._show_record()
