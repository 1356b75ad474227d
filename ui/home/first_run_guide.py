"""The first-run guide on the home page: the four steps that set a new council up.

Add the member agencies, appoint each one's PR manager, plan the first
meeting, hold it and write its minutes. Each step says where it stands
(ticked once done, from ``FirstSteps``) and has a button that does it; the
first step not yet done is the one to do now. The guide leaves the home page
once the council has held a meeting, or when the person closes it (until
the app is started again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from secretariat.persian.text import format_int, to_persian_digits
from ui import strings
from ui.rtl import rtl

if TYPE_CHECKING:
    from secretariat.first_steps import FirstSteps


class GuideStep(QFrame):
    """One step: its number (a tick once done), what to do, where it stands, and its button."""

    def __init__(
        self, number: int, title: str, button_text: str, other_text: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("guideStep")
        self.number = number
        self.mark = QLabel(to_persian_digits(number))
        self.mark.setObjectName("guideMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setFixedSize(30, 30)
        self.title = QLabel(title)
        self.title.setObjectName("guideStepTitle")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("guideStepState")
        self.state.setWordWrap(True)
        self.state.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.button = QPushButton(button_text)
        # Another way to do the step (agencies from an Excel sheet), as a link beside the button.
        self.other = QPushButton(other_text)
        self.other.setObjectName("linkButton")
        self.other.setVisible(bool(other_text))
        actions = QHBoxLayout()
        actions.addWidget(self.button)
        actions.addWidget(self.other)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.state, 1)
        layout.addLayout(actions)
        self.done = False

    def show_state(self, text: str, *, done: bool, current: bool, can_act: bool) -> None:
        self.done = done
        self.mark.setText(strings.GUIDE_DONE_MARK if done else to_persian_digits(self.number))
        self.state.setText(rtl(text))
        self.button.setEnabled(can_act)
        self.other.setEnabled(can_act)
        # The step to do now stands out; its button is the one to press.
        self.button.setObjectName("primaryButton" if current else "")
        self.setProperty("stage", "done" if done else "current" if current else "later")
        for widget in (self, self.mark, self.button):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class FirstRunGuide(QFrame):
    add_agency = Signal()
    import_agencies = Signal()
    appoint_manager = Signal(int)  # the agency to appoint for
    plan_meeting = Signal()
    open_meeting = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunGuide")
        self.steps_shown: FirstSteps | None = None
        self.dismissed = False

        title = QLabel(strings.GUIDE_TITLE)
        title.setObjectName("guideTitle")
        intro = QLabel(strings.GUIDE_INTRO)
        intro.setObjectName("guideIntro")
        intro.setWordWrap(True)
        self.hide_button = QPushButton(strings.GUIDE_HIDE)
        self.hide_button.setObjectName("linkButton")
        self.hide_button.setToolTip(strings.GUIDE_HIDE_TIP)
        self.hide_button.clicked.connect(self.dismiss)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.hide_button)

        self.agencies = GuideStep(
            1, strings.GUIDE_AGENCIES, strings.GUIDE_AGENCIES_BUTTON, strings.GUIDE_AGENCIES_IMPORT
        )
        self.managers = GuideStep(2, strings.GUIDE_MANAGERS, strings.GUIDE_MANAGERS_BUTTON)
        self.meeting = GuideStep(3, strings.GUIDE_MEETING, strings.GUIDE_MEETING_BUTTON)
        self.minutes = GuideStep(4, strings.GUIDE_MINUTES, strings.GUIDE_MINUTES_BUTTON)
        self.agencies.button.clicked.connect(self.add_agency)
        self.agencies.other.clicked.connect(self.import_agencies)
        self.managers.button.clicked.connect(self._appoint)
        self.meeting.button.clicked.connect(self.plan_meeting)
        self.minutes.button.clicked.connect(self._open_meeting)
        steps = QHBoxLayout()
        steps.setSpacing(10)
        for step in self.steps():
            steps.addWidget(step, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(intro)
        layout.addLayout(steps)

    def steps(self) -> tuple[GuideStep, ...]:
        return (self.agencies, self.managers, self.meeting, self.minutes)

    def show_steps(self, steps: FirstSteps) -> None:
        """Tick what is done; shown while the council has held no meeting and the guide is not closed."""
        self.steps_shown = steps
        done = (steps.agencies_added, steps.managers_appointed, steps.meeting_planned, steps.meeting_held)
        current = next((number for number, is_done in enumerate(done) if not is_done), None)
        if steps.agencies_added:
            agencies_text = strings.GUIDE_AGENCIES_DONE.format(count=format_int(steps.active_agencies))
        else:
            agencies_text = strings.GUIDE_AGENCIES_TODO
        if steps.managers_appointed:
            managers_text = strings.GUIDE_MANAGERS_DONE
        elif steps.agencies_added:
            managers_text = strings.GUIDE_MANAGERS_MISSING.format(count=format_int(steps.without_manager))
        else:
            managers_text = strings.GUIDE_MANAGERS_TODO
        states = (
            (self.agencies, agencies_text, True),
            (self.managers, managers_text, steps.first_without_manager is not None),
            (
                self.meeting,
                strings.GUIDE_MEETING_DONE if steps.meeting_planned else strings.GUIDE_MEETING_TODO,
                True,
            ),
            (self.minutes, strings.GUIDE_MINUTES_TODO, steps.meeting_to_hold is not None),
        )
        for number, (step, text, can_act) in enumerate(states):
            step.show_state(text, done=done[number], current=number == current, can_act=can_act)
        self.setVisible(not steps.finished and not self.dismissed)

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def _appoint(self) -> None:
        if self.steps_shown is not None and self.steps_shown.first_without_manager is not None:
            self.appoint_manager.emit(self.steps_shown.first_without_manager)

    def _open_meeting(self) -> None:
        if self.steps_shown is not None and self.steps_shown.meeting_to_hold is not None:
            self.open_meeting.emit(self.steps_shown.meeting_to_hold)
