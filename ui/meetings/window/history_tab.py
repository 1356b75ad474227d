"""The meeting window's «تاریخچه» tab: every change to the meeting, its agenda, invitees and
attendance, postponements and files, oldest first, with who made it and when (``RecordHistory``)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from secretariat.changes import Changes
from ui.audit.record_history import RecordHistory
from ui.meetings.window.meeting_tab import MeetingTab
from ui.services import Services


def _touches(changes: Changes, meeting_id: int) -> bool:
    return changes.touches_meeting(meeting_id)


class HistoryTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.history = RecordHistory(services, "meeting", touches=_touches)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.history)

    def _refresh(self) -> None:
        self.history.show_record(self.meeting.id)
