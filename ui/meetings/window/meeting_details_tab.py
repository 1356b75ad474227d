"""The meeting's particulars, where it stands step by step, the changes a
meeting not yet held allows (edit, postpone, cancel), and its postponement history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.letters.register import LetterKind
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import PostponementRecord
from secretariat.meetings.steps import MeetingStep, StepPlace, StepState, meeting_steps
from secretariat.persian import jalali
from ui import strings
from ui.meetings.cancel_meeting_dialog import CancelMeetingDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.meeting_format import number_text, place, time_range, timestamp
from ui.meetings.postpone_dialog import PostponeDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel


class PostponementModel(RecordTableModel):
    columns: tuple[Column[PostponementRecord], ...] = (
        Column(
            "from",
            strings.POSTPONEMENT_COLUMN_FROM,
            lambda record: jalali.format_long(record.from_date),
            width=170,
        ),
        Column(
            "to", strings.POSTPONEMENT_COLUMN_TO, lambda record: jalali.format_long(record.to_date), width=170
        ),
        Column("reason", strings.POSTPONEMENT_COLUMN_REASON, lambda record: record.reason, stretch=True),
        Column(
            "recorded",
            strings.POSTPONEMENT_COLUMN_RECORDED,
            lambda record: timestamp(record.recorded_at),
            width=130,
        ),
    )


_FIELDS = (
    ("kind", strings.MEETING_KIND),
    ("number", strings.DETAIL_NUMBER),
    ("date", strings.DETAIL_DATE),
    ("time", strings.DETAIL_TIME),
    ("host", strings.DETAIL_HOST),
    ("chair", strings.MEETING_CHAIR),
    ("occasion", strings.MEETING_OCCASION),
    ("status", strings.DETAIL_STATUS),
    ("finalized", strings.DETAIL_FINALIZED),
    ("signed", strings.DETAIL_SIGNED),
    ("cancel_reason", strings.DETAIL_CANCEL_REASON),
)


_MARKS = {StepState.DONE: "✓", StepState.NEXT: "●", StepState.LATER: "○", StepState.SKIPPED: "–"}


class MeetingStepsBox(QGroupBox):
    """The meeting's steps from plan to signed minutes: done, next, later.

    ``go_to`` asks the window for the tab where a step is done.
    """

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(strings.MEETING_STEPS, parent)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(2, 1)
        self._grid.setVerticalSpacing(10)
        self._rows: list[tuple[QLabel, QLabel, QLabel, QPushButton]] = []
        self._places: list[StepPlace] = []

    def show_steps(self, steps: tuple[MeetingStep, ...]) -> None:
        while len(self._rows) < len(steps):
            row = len(self._rows)
            mark, title, text = QLabel(), QLabel(), QLabel()
            mark.setObjectName("stepMark")
            title.setObjectName("stepTitle")
            text.setObjectName("stepText")
            text.setWordWrap(True)
            button = QPushButton(strings.STEP_GO)
            button.setObjectName("linkButton")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAutoDefault(False)  # Enter in the meeting window presses no button
            for column, widget in enumerate((mark, title, text, button)):
                self._grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignVCenter)
            button.clicked.connect(lambda _=False, row=row: self.go_to.emit(self._places[row].value))
            self._rows.append((mark, title, text, button))
        self._places = [step.place for step in steps]
        for (mark, title, text, button), step in zip(self._rows, steps, strict=False):
            mark.setText(_MARKS[step.state])
            mark.setProperty("state", step.state.value)
            title.setProperty("state", step.state.value)
            for label in (mark, title):
                label.style().unpolish(label)
                label.style().polish(label)
            title.setText(step.title)
            text.setText(rtl(step.text))
            communication = step.place is StepPlace.COMMUNICATION
            # The communication's letters open once the minutes are final (the step is no longer later).
            hidden = step.place is StepPlace.DETAILS or step.state is StepState.SKIPPED
            button.setVisible(not hidden and not (communication and step.state is StepState.LATER))
            button.setText(strings.STEP_COMMUNICATE if communication else strings.STEP_GO)
            button.setToolTip(
                strings.STEP_COMMUNICATE_TIP if communication else strings.STEP_GO_TIP.format(step=step.title)
            )


class MeetingDetailsTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        fields = QGroupBox(strings.DETAIL_FIELDS)
        self._form = QFormLayout(fields)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self._values: dict[str, QLabel] = {}
        for key, caption in _FIELDS:
            value = QLabel()
            value.setObjectName("detailValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel(caption)
            label.setObjectName("detailCaption")
            self._form.addRow(label, value)
            self._values[key] = value

        self.edit_button = QPushButton(strings.EDIT_MEETING)
        self.postpone_button = QPushButton(strings.POSTPONE)
        self.cancel_button = QPushButton(strings.CANCEL_MEETING)
        self.edit_button.clicked.connect(self.edit)
        self.postpone_button.clicked.connect(self.postpone)
        self.cancel_button.clicked.connect(self.cancel_meeting)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.postpone_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.postponements_box = QGroupBox(strings.POSTPONEMENTS)
        self.postponement_model = PostponementModel(self)
        self.postponements = self._table(self.postponement_model)
        self.postponements.setMinimumHeight(130)  # its rows show; the tab scrolls on a short screen
        box = QVBoxLayout(self.postponements_box)
        box.addWidget(self.postponements)

        self.steps = MeetingStepsBox()
        # Side by side, the particulars and the steps: the tab is whole at 1366×768
        # and its width is put to use rather than left empty beside short values.
        columns = QHBoxLayout()
        columns.addWidget(fields, 1)
        columns.addWidget(self.steps, 1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addLayout(columns)
        layout.addWidget(self.postponements_box, 1)
        layout.addStretch(0)
        # On a short screen the tab scrolls rather than making the window taller than the screen.
        scroll = QScrollArea()
        scroll.setObjectName("tabScroll")
        content.setObjectName("tabScrollContent")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _refresh(self) -> None:
        meeting = self.meeting
        values = {
            "kind": meeting.kind.label,
            "number": number_text(meeting),
            "date": jalali.format_long(meeting.date),
            "time": time_range(meeting.start_time, meeting.end_time),
            "host": place(meeting.host_agency_name, meeting.venue),
            "chair": meeting.chair,
            "occasion": meeting.occasion,
            "status": meeting.status_label,
            "finalized": strings.FINALIZED_VALUE.format(
                date=timestamp(meeting.finalized_at), by=meeting.finalized_by
            )
            if meeting.finalized_at
            else "",
            "signed": timestamp(meeting.signed_at),
            "cancel_reason": meeting.cancel_reason,
        }
        always = ("time", "host", "chair")
        for key, text in values.items():
            self._values[key].setText(rtl(text) or strings.NO_AGENCY)
            self._form.setRowVisible(self._values[key], bool(text) or key in always)
        upcoming = meeting.status.upcoming
        for button in (self.edit_button, self.postpone_button, self.cancel_button):
            button.setEnabled(upcoming)
        self._set_lock("" if upcoming else strings.DETAILS_LOCKED)
        communicated = 0
        if meeting.status is MeetingStatus.FINALIZED:
            communicated = len(self._services.letters.of_meeting(meeting.id, LetterKind.COMMUNICATION))
        self.steps.show_steps(meeting_steps(self.detail, clock.today(), communicated))
        self.postponement_model.set_records(meeting.postponements)
        self.postponements_box.setVisible(bool(meeting.postponements))

    # -- actions ---------------------------------------------------------------------

    def edit(self) -> None:
        services = self._services
        dialog = MeetingDialog(services.meetings, services.agencies, self.meeting, parent=self)
        saved = self._run(dialog)
        if saved is not None:
            self.changed.emit(strings.MEETING_SAVED.format(name=saved.title))

    def postpone(self) -> None:
        saved = self._run(PostponeDialog(self._services.meetings, self.meeting, self))
        if saved is not None:
            self.changed.emit(
                strings.MEETING_POSTPONED.format(name=saved.title, date=jalali.format_long(saved.date))
            )

    def cancel_meeting(self) -> None:
        title = self.meeting.title
        saved = self._run(CancelMeetingDialog(self._services.meetings, self.meeting, self))
        if saved is not None:
            self.changed.emit(strings.MEETING_CANCELLED.format(name=title))
