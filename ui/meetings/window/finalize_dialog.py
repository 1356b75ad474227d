"""Finalize a meeting's minutes: what is still missing, and who finalizes.

Once finalized, minutes never change; the dialog says so before it happens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from secretariat.meetings.minutes import MinutesService
from secretariat.meetings.records import MeetingDetail, MeetingRecord
from secretariat.persian.text import format_int
from ui import strings
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit


class FinalizeDialog(FormDialog):
    """``saved`` is the finalized ``MeetingRecord`` once accepted."""

    def __init__(
        self, minutes: MinutesService, detail: MeetingDetail, *, by: str = "", parent: QWidget | None = None
    ):
        super().__init__(strings.FINALIZE_TITLE, parent, save_text=strings.FINALIZE_SAVE)
        self._minutes = minutes
        self._meeting = detail.meeting
        self.set_intro(strings.FINALIZE_INTRO.format(title=detail.meeting.title))
        self.missing = minutes.missing_for_finalize(detail.meeting.id)
        self.state = self.form.add_row(QLabel())
        self.state.setWordWrap(True)
        if self.missing:
            self.state.setObjectName("note")
            lines = [strings.FINALIZE_MISSING, *(f"• {item}" for item in self.missing)]
            self.state.setText("\n".join(rtl(line) for line in lines))
        else:
            quorum = detail.quorum
            self.state.setText(
                rtl(
                    strings.FINALIZE_READY.format(
                        present=format_int(quorum.present),
                        members=format_int(quorum.members),
                        items=format_int(len(detail.agenda)),
                        resolutions=format_int(len(detail.resolutions)),
                    )
                )
            )
        self.by = self.form.add_field("by", strings.FINALIZE_BY, line_edit(strings.FINALIZE_BY_PLACEHOLDER))
        self.form.limit_texts("MinutesService.finalize")
        self.by.setText(by)
        self.save_button().setEnabled(not self.missing)
        self.by.setFocus()

    def save(self) -> MeetingRecord:
        return self._minutes.finalize(self._meeting.id, by=self.by.text())
