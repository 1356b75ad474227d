"""The head of the meeting window: «هفتمین جلسه», its long Jalali date and
time, host and hall, chair, occasion and status, and planning warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.records import MeetingRecord
from secretariat.persian import jalali
from ui import strings
from ui.meetings.meeting_dialog import warnings_text
from ui.meetings.meeting_format import place, status_colour, timestamp, when
from ui.rtl import rtl
from ui.widgets.status_badge import show_status

_SEPARATOR = "  ·  "


class MeetingHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel()
        self.title.setObjectName("meetingTitle")
        self.kind = QLabel()
        self.kind.setObjectName("meetingKind")
        self.status = QLabel()
        self.status.setObjectName("statusChip")
        self.when = QLabel()
        self.when.setObjectName("meetingWhen")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("meetingState")
        self.state.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("note")
        self.warnings.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title)
        top.addWidget(self.kind)
        top.addWidget(self.status)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.when)
        layout.addWidget(self.where)
        layout.addWidget(self.state)
        layout.addWidget(self.warnings)

    def show_meeting(self, meeting: MeetingRecord, warnings: tuple[str, ...] = ()) -> None:
        self.title.setText(meeting.title)
        # The kind is in the title of all but a regular meeting.
        self.kind.setText(meeting.kind.label if meeting.kind is MeetingKind.REGULAR else "")
        self.kind.setVisible(meeting.kind is MeetingKind.REGULAR)
        # The colour is the status's own, shared with the calendar.
        show_status(self.status, meeting.status_label, status_colour(meeting))
        self.when.setText(rtl(when(meeting)))
        where = [
            place(meeting.host_agency_name, meeting.venue),
            strings.HEADER_CHAIR.format(chair=meeting.chair) if meeting.chair else "",
            strings.HEADER_OCCASION.format(occasion=meeting.occasion) if meeting.occasion else "",
        ]
        self.where.setText(rtl(_SEPARATOR.join(part for part in where if part)))
        self.where.setVisible(any(where))
        state = _state_lines(meeting)
        self.state.setText("\n".join(rtl(line) for line in state))
        self.state.setVisible(bool(state))
        self.warnings.setText(warnings_text(warnings))
        self.warnings.setVisible(bool(warnings))


def _state_lines(meeting: MeetingRecord) -> list[str]:
    lines = []
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append(strings.HEADER_CANCELLED.format(reason=meeting.cancel_reason))
    elif meeting.postponements and meeting.status.upcoming:
        last = meeting.postponements[-1]
        lines.append(
            strings.HEADER_POSTPONED.format(from_date=jalali.format_long(last.from_date), reason=last.reason)
        )
    if meeting.finalized_at is not None:
        lines.append(
            strings.HEADER_FINALIZED.format(date=timestamp(meeting.finalized_at), by=meeting.finalized_by)
        )
    if meeting.signed_at is not None:
        lines.append(strings.HEADER_SIGNED.format(date=timestamp(meeting.signed_at)))
    return lines
