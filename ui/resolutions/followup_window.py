"""One resolution followed up, in a window of its own.

The top says which resolution it is (code, text, meeting, lead and
collaborators, deadline, status) and, when there is any, what the status
rests on: the evidence and day of completion, why and when it was
cancelled, why it was reopened, the meeting it was referred to. The tabs
hold its follow-up log (with the entries' documents, and the entries
corrected or voided, struck through), the history of its deadline, its letters
and its history (who changed what, and when).
Every action goes through a dialog and the core, which announces
what it saved; the window reloads on any change to its resolution, wherever
it was made (an amendment in the meeting window, a status in the register),
and the register follows the same announcement. What the status no longer
allows is disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import NotFoundError
from secretariat.followup.lifecycle import DeadlineChangeRecord, FollowUpRecord, ResolutionState
from secretariat.followup.register import ResolutionQuery, ResolutionRow
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.records import ResolutionRecord
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import strings
from ui.audit import wording as audit_wording
from ui.audit.record_history import RecordHistory
from ui.letters import wording as letters_wording
from ui.meetings.meeting_format import due_text
from ui.office.attribution import hold_to_user, recorder
from ui.office.gate import guard
from ui.resolutions.followup_dialogs import (
    CancelDialog,
    CorrectionDialog,
    DeadlineDialog,
    DeferDialog,
    DoneDialog,
    FollowUpDialog,
    ReopenDialog,
    VoidDialog,
)
from ui.resolutions.followup_letters_tab import FollowUpLettersTab, letters_summary
from ui.resolutions.followup_log_tab import FollowUpLogTab
from ui.resolutions.followup_models import DeadlineHistoryModel
from ui.resolutions.register_table_model import status_colour, status_text
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.form_dialog import FormDialog
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.status_badge import show_status
from ui.widgets.table_setup import configure_table

WINDOW_SIZE = (980, 680)


def _touches_resolution(changes: Changes, resolution_id: int) -> bool:
    return changes.touches_resolution(resolution_id)


_RUNNING = (ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DEFERRED)


class FollowUpWindow(QDialog):
    message = Signal(str)  # what was just done, for the main window's status bar
    letter_requested = Signal(int)  # a letter about the resolution, double-clicked: its window

    def __init__(
        self, services: Services, resolution_id: int, meeting_id: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("followUpWindow")
        self._services = services
        self.resolution_id = resolution_id
        self.meeting_id = meeting_id
        self.row: ResolutionRow | None = None

        self.heading = QLabel()
        self.heading.setObjectName("meetingTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusChip")
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.heading)
        head.addWidget(self.status_label)
        head.addStretch(1)

        self.text = self._value_label()
        self.meeting = self._value_label()
        self.lead = self._value_label()
        self.collaborators = self._value_label()
        self.due = self._value_label()
        self.state_caption = self._caption("")
        # Beside the first line of the evidence or the reason, which often run to two.
        self.state_caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.state = self._value_label()
        self.letters = self._value_label()
        facts = QFormLayout()
        facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        facts.addRow(self._caption(strings.RESOLUTION_TEXT), self.text)
        facts.addRow(self._caption(strings.FOLLOWUP_MEETING), self.meeting)
        facts.addRow(self._caption(strings.FOLLOWUP_LEAD), self.lead)
        facts.addRow(self._caption(strings.FOLLOWUP_COLLABORATORS), self.collaborators)
        facts.addRow(self._caption(strings.FOLLOWUP_DUE), self.due)
        facts.addRow(self.state_caption, self.state)
        facts.addRow(self._caption(letters_wording.FOLLOWUP_LETTERS), self.letters)
        self._facts = facts

        self.record_button = QPushButton(strings.ACTION_RECORD_FOLLOWUP)
        self.record_button.setObjectName("primaryButton")
        self.done_button = QPushButton(strings.ACTION_MARK_DONE)
        self.cancel_button = QPushButton(strings.ACTION_CANCEL_RESOLUTION)
        self.reopen_button = QPushButton(strings.ACTION_REOPEN)
        self.defer_button = QPushButton(strings.ACTION_DEFER)
        self.deadline_button = QPushButton(strings.ACTION_CHANGE_DEADLINE)
        actions = QHBoxLayout()
        for button, slot in (
            (self.record_button, self.record_followup),
            (self.done_button, self.mark_done),
            (self.deadline_button, self.change_deadline),
            (self.defer_button, self.defer),
            (self.cancel_button, self.cancel_resolution),
            (self.reopen_button, self.reopen),
        ):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)

        self.log_tab = FollowUpLogTab(services.followup)
        self.log_tab.message.connect(self.message)
        self.log_tab.correct_requested.connect(self.correct_entry)
        self.log_tab.void_requested.connect(self.void_entry)
        self.log_model = self.log_tab.model
        self.log_table = self.log_tab.table
        self.deadline_model = DeadlineHistoryModel(self)
        self.deadline_table = QTableView()
        self.deadline_table.setModel(self.deadline_model)
        configure_table(self.deadline_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.log_tab, strings.FOLLOWUP_LOG_TAB)
        self.tabs.addTab(self.deadline_table, strings.FOLLOWUP_DEADLINES_TAB)
        self.letters_tab = FollowUpLettersTab()
        self.letters_tab.letter_requested.connect(self.letter_requested)
        self.tabs.addTab(self.letters_tab, letters_wording.FOLLOWUP_LETTERS)
        self.history = RecordHistory(services, "resolution", touches=_touches_resolution)
        self.tabs.addTab(self.history, audit_wording.HISTORY_TAB)

        # The look of the meeting window's header.
        header = QWidget()
        header.setObjectName("meetingHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QVBoxLayout(header)
        header_layout.addLayout(head)
        header_layout.addLayout(facts)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        fit_to_screen(self, *WINDOW_SIZE)

        services.changes.changed.connect(self._on_changes)
        self.reload()
        log = self.log_tab
        guard(
            services,
            Permission.EDIT,
            *(self.record_button, self.done_button, self.cancel_button, self.reopen_button),
            *(self.defer_button, self.deadline_button),
            *(log.correct_action, log.void_action, log.correct_button, log.void_button),
        )

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setObjectName("fieldLabel")
        return caption

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the resolution, its log and its deadlines again; NotFoundError if it is gone."""
        services = self._services
        rows = services.register.page(ResolutionQuery(meeting_id=self.meeting_id), limit=None)
        row = next((r for r in rows if r.id == self.resolution_id), None)
        if row is None:
            raise NotFoundError(strings.RESOLUTION_NOT_FOUND)
        record = next(
            (r for r in services.minutes.resolutions(self.meeting_id) if r.id == self.resolution_id), None
        )
        self.row = row
        self.setWindowTitle(strings.FOLLOWUP_WINDOW_TITLE.format(code=row.display_code))
        self.heading.setText(strings.FOLLOWUP_HEADING.format(code=row.display_code))
        show_status(self.status_label, self.status_text(), status_colour(row))
        self.text.setText(rtl(record.current_text if record else row.text))
        self.meeting.setText(
            rtl(
                strings.REGISTER_MEETING.format(
                    title=row.meeting_title, date=jalali.format_long(row.meeting_date)
                )
            )
        )
        self.lead.setText(rtl(row.lead_agency_name or strings.FOLLOWUP_NONE))
        self.collaborators.setText(rtl(_collaborators(record)))
        self.due.setText(rtl(due_text(record) if record else row.due_text))
        self._show_state(services.followup.state(self.resolution_id))
        self.log_tab.set_records(services.followup.log(self.resolution_id))
        self.deadline_model.set_records(services.followup.deadline_history(self.resolution_id))
        self._show_letters()
        self.history.show_record(self.resolution_id)
        self._update_buttons(row.status)

    def _show_state(self, state: ResolutionState) -> None:
        """The row under the deadline: shown only when the status rests on something to read."""
        caption, lines = _state_lines(state)
        self.state_caption.setText(caption)
        # Each line its own right-to-left paragraph: evidence may start with a number.
        self.state.setText("\n".join(rtl(line) for line in lines))
        self._facts.setRowVisible(self.state, bool(lines))

    def _show_letters(self) -> None:
        """Its communication, follow-up letters and answers: one line in the header, a list in a tab."""
        letters = self._services.letters.of_resolution(self.resolution_id)
        self.letters.setText(rtl(letters_summary(letters)))
        self._facts.setRowVisible(self.letters, bool(letters))  # none: the tab says «(۰)»
        self.letters_tab.set_records(letters)
        self.tabs.setTabText(
            self.tabs.indexOf(self.letters_tab),
            letters_wording.FOLLOWUP_LETTERS_TAB.format(count=format_int(len(letters))),
        )

    def status_text(self) -> str:
        return status_text(self.row) if self.row else ""

    def _update_buttons(self, status: ResolutionStatus) -> None:
        running = status in _RUNNING
        self.record_button.setEnabled(not status.closed)
        self.done_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        self.defer_button.setEnabled(running)
        self.deadline_button.setEnabled(not status.closed)
        self.reopen_button.setEnabled(status.closed)

    def _on_changes(self, changes: Changes) -> None:
        # Its text, deadline, status or log; its meeting's title; an agency's name.
        if (
            changes.touches_resolution(self.resolution_id)
            or changes.touches_meeting(self.meeting_id)
            or changes.agencies
            or changes.letters  # a letter about it voided: only the register says so
        ):
            self._reload_or_close()

    def _reload_or_close(self) -> None:
        try:
            self.reload()
        except NotFoundError:
            self.close()

    # -- actions ----------------------------------------------------------------------------

    def _shown_row(self) -> ResolutionRow:
        """The resolution shown: the actions are offered once reload() has read it."""
        return cast(ResolutionRow, self.row)

    def _secretary(self) -> str:
        """Who records: the signed-in user, else the council's secretary (typed over if need be)."""
        council = self._services.council.get()
        return recorder(self._services, council.secretary if council else "")

    def record_followup(self) -> bool:
        dialog = FollowUpDialog(
            self._services.followup, self._shown_row(), recorded_by=self._secretary(), parent=self
        )
        hold_to_user(dialog.recorded_by, self._services)
        return self._run(dialog, lambda code: strings.FOLLOWUP_RECORDED.format(code=code))

    def mark_done(self) -> bool:
        return self._run(
            DoneDialog(self._services.followup, self._shown_row(), self),
            lambda code: strings.RESOLUTION_DONE.format(code=code),
        )

    def cancel_resolution(self) -> bool:
        dialog = CancelDialog(self._services.followup, self._shown_row(), self)
        return self._run(dialog, lambda code: strings.RESOLUTION_CANCELLED.format(code=code))

    def reopen(self) -> bool:
        return self._run(
            ReopenDialog(self._services.followup, self._shown_row(), self),
            lambda code: strings.RESOLUTION_REOPENED.format(code=code),
        )

    def defer(self) -> bool:
        dialog = DeferDialog(self._services.followup, self._services.meetings, self._shown_row(), self)
        return self._run(
            dialog, lambda code: strings.RESOLUTION_DEFERRED.format(code=code, meeting=dialog.meeting_title)
        )

    def change_deadline(self) -> bool:
        dialog = DeadlineDialog(self._services.followup, self._shown_row(), by=self._secretary(), parent=self)
        hold_to_user(dialog.by, self._services)
        return self._run(
            dialog,
            lambda code: strings.DEADLINE_CHANGED.format(
                code=code, date=jalali.format_short(cast(DeadlineChangeRecord, dialog.saved).new_due)
            ),
        )

    # An entry of a closed resolution is corrected or voided too (see FollowUpService.correct):
    # the log tab offers it for any entry in force, whatever the status.

    def correct_entry(self) -> bool:
        entry = self.log_tab.selected_entry()
        if entry is None or not entry.in_force:
            return False
        dialog = CorrectionDialog(
            self._services.followup, self._shown_row(), entry, recorded_by=self._secretary(), parent=self
        )
        hold_to_user(dialog.recorded_by, self._services)
        if not self._run(
            dialog, lambda code: strings.ENTRY_CORRECTED_MESSAGE.format(date=_day(entry), code=code)
        ):
            return False
        self.log_tab.select_entry(cast(FollowUpRecord, dialog.saved).id)
        return True

    def void_entry(self) -> bool:
        entry = self.log_tab.selected_entry()
        if entry is None or not entry.in_force:
            return False
        dialog = VoidDialog(
            self._services.followup, self._shown_row(), entry, by=self._secretary(), parent=self
        )
        hold_to_user(dialog.by, self._services)
        return self._run(
            dialog, lambda code: strings.ENTRY_VOIDED_MESSAGE.format(date=_day(entry), code=code)
        )

    def _run(self, dialog: FormDialog, done: Callable[[str], str]) -> bool:
        """Show the dialog; once it saved (the core announced it: this window and the register
        have reloaded), say what was done."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.message.emit(done(self._shown_row().display_code))
        return True


def _day(entry: FollowUpRecord) -> str:
    return jalali.format_short(entry.date)


def _state_lines(state: ResolutionState) -> tuple[str, list[str]]:
    """The caption and the lines of the state row; no lines when there is nothing to show."""
    status = state.status
    if status is ResolutionStatus.DONE:
        closed = (
            strings.STATE_DONE_ON.format(date=jalali.format_short(state.closed_on)) if state.closed_on else ""
        )
        return strings.STATE_DONE, _lines(state.completion_evidence, closed)
    if status is ResolutionStatus.CANCELLED:
        closed = (
            strings.STATE_CANCELLED_ON.format(date=jalali.format_short(state.closed_on))
            if state.closed_on
            else ""
        )
        return strings.STATE_CANCELLED, _lines(state.status_note, closed)
    if status is ResolutionStatus.DEFERRED:
        if state.deferred_to_date is not None:
            meeting = strings.REGISTER_MEETING.format(
                title=state.deferred_to_title, date=jalali.format_long(state.deferred_to_date)
            )
        else:
            meeting = strings.STATE_DEFERRED_MEETING_GONE
        note = strings.STATE_DEFERRED_NOTE.format(note=state.status_note) if state.status_note else ""
        return strings.STATE_DEFERRED, _lines(meeting, note)
    if state.reopened:
        return strings.STATE_REOPENED, _lines(state.status_note)
    return "", []


def _lines(*parts: str) -> list[str]:
    return [line for part in parts for line in part.splitlines() if line.strip()]


def _collaborators(record: ResolutionRecord | None) -> str:
    if record is None or not record.collaborators:
        return strings.FOLLOWUP_NONE
    return strings.LIST_SEPARATOR.join(a.agency_name for a in record.collaborators)
