"""One meeting, from the plan to signed minutes, in a window of its own.

The header says which meeting it is and where it stands; the tabs hold its
particulars, agenda, invitees, attendance, minutes and files, and its
history (who changed what, and when). Every change
goes through the core, which announces it: the calendar and the list
follow, and the window reloads the meeting, whether the change was made in
one of its tabs or anywhere else. What a meeting's state no longer allows
is read-only, with a note saying why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import NotFoundError
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingDraft
from secretariat.meetings.records import MeetingDetail
from secretariat.meetings.steps import StepPlace
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.audit import wording as audit_wording
from ui.meetings.window.agenda_tab import AgendaTab
from ui.meetings.window.attachments_tab import AttachmentsTab
from ui.meetings.window.attendance_tab import AttendanceTab
from ui.meetings.window.finalize_dialog import FinalizeDialog
from ui.meetings.window.history_tab import HistoryTab
from ui.meetings.window.invitees_tab import InviteesTab
from ui.meetings.window.meeting_details_tab import MeetingDetailsTab
from ui.meetings.window.meeting_header import MeetingHeader
from ui.meetings.window.meeting_tab import MeetingTab
from ui.meetings.window.resolutions_tab import ResolutionsTab
from ui.meetings.window.summaries_tab import SummariesTab
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.reports.report_jobs import communication_job, invitation_job, minutes_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.screen_fit import fit_to_screen

MESSAGE_MS = 6000


class MeetingWindow(QDialog):
    message = Signal(str)  # what was just done, for the main window's status bar

    def __init__(self, services: Services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        # Closed is gone: a day of opening meetings does not pile up hidden windows.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("meetingWindow")
        self._services = services
        self.meeting_id = meeting_id
        self._detail: MeetingDetail | None = None

        self.header = MeetingHeader()
        self.finalize_button = QPushButton(strings.FINALIZE)
        self.finalize_button.setObjectName("primaryButton")
        self.finalize_button.clicked.connect(self.finalize)
        self.print_button = QPushButton(strings.PRINT)  # its menu names what can be printed
        print_menu = QMenu(self.print_button)
        self.print_minutes_action = print_menu.addAction(strings.ACTION_PRINT_MINUTES, self.print_minutes)
        self.print_invitations_action = print_menu.addAction(
            strings.ACTION_PRINT_INVITATIONS, lambda: self.print_invitation(per_agency=True)
        )
        self.print_invitation_list_action = print_menu.addAction(
            strings.ACTION_PRINT_INVITATION_LIST, lambda: self.print_invitation(per_agency=False)
        )
        print_menu.addSeparator()
        self.communicate_action = print_menu.addAction(strings.ACTION_COMMUNICATE, self.communicate)
        self.print_button.setMenu(print_menu)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.finalize_button, 0, Qt.AlignmentFlag.AlignTop)

        self.details = MeetingDetailsTab(services)
        self.agenda = AgendaTab(services)
        self.invitees = InviteesTab(services)
        self.attendance = AttendanceTab(services)
        self.summaries = SummariesTab(services)
        self.resolutions = ResolutionsTab(services)
        self.attachments = AttachmentsTab(services)
        self.history = HistoryTab(services)
        self.tabs = QTabWidget()
        self._titles: list[tuple[MeetingTab, str]] = [
            (self.details, strings.TAB_DETAILS),
            (self.agenda, strings.TAB_AGENDA),
            (self.invitees, strings.TAB_INVITEES),
            (self.attendance, strings.TAB_ATTENDANCE),
            (self.summaries, strings.TAB_SUMMARIES),
            (self.resolutions, strings.TAB_RESOLUTIONS),
            (self.attachments, strings.TAB_ATTACHMENTS),
            (self.history, audit_wording.HISTORY_TAB),
        ]
        self.details.steps.go_to.connect(self._go_to_step)
        for tab, title in self._titles:
            self.tabs.addTab(tab, title)
            tab.changed.connect(self._on_tab_changed)
            tab.message.connect(self._say)

        self.message_label = QLabel()
        self.message_label.setObjectName("resultCount")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message_label.clear)
        close_button = QPushButton(strings.CLOSE)
        close_button.clicked.connect(self.close)
        foot = QHBoxLayout()
        foot.addWidget(self.message_label, 1)
        foot.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(foot)
        # PySide6's stubs omit connecting a signal by keyword in a constructor (activated=).
        QShortcut(QKeySequence.StandardKey.Close, self, activated=self.close)  # type: ignore[call-overload]
        self._listening = True
        self._closing = False
        # A change to this meeting is shown by one reload, once whoever made it is done with it.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        services.changes.changed.connect(self._on_changes)
        # A dialog presses its default button on Enter: here that was «چاپ», whose menu
        # opened from the attendance grid. The meeting is a window of tabs, not a form:
        # Enter belongs to the grid or field that has the focus.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        fit_to_screen(self, 1100, 760)
        self.reload()
        self._guard_role(services)

    def _guard_role(self, services: Services) -> None:
        """Grey out what the signed-in role may not do here, saying why (``ui.office.gate``)."""
        details, agenda, invitees = self.details, self.agenda, self.invitees
        attendance, summaries, resolutions, files = (
            self.attendance,
            self.summaries,
            self.resolutions,
            self.attachments,
        )
        guard(services, Permission.FINALIZE, self.finalize_button)
        guard(
            services,
            Permission.EDIT,
            *(details.edit_button, details.postpone_button, details.cancel_button),
            *(agenda.add_button, agenda.edit_button, agenda.remove_button, agenda.up_button),
            *(agenda.down_button, agenda.review_button),
            *(invitees.invite_agency_button, invitees.invite_guest_button, invitees.remove_button),
            *(attendance.save_button, attendance.revert_button, attendance.rest_present_button),
            summaries.save_button,
            *(resolutions.add_button, resolutions.edit_button, resolutions.remove_button),
            *(files.signed_button, files.document_button, files.describe_button),
        )
        # Amending finalized minutes is the secretary's, as finalizing them is.
        guard(services, Permission.FINALIZE, summaries.amend_button, resolutions.amend_button)

    @property
    def detail(self) -> MeetingDetail:
        assert self._detail is not None
        return self._detail

    def reload(self) -> None:
        try:
            detail = self._services.meetings.detail(self.meeting_id)
        except NotFoundError:
            self._say(strings.MEETING_GONE)
            self.close()
            return
        self._detail = detail
        meeting = detail.meeting
        self.setWindowTitle(
            strings.MEETING_WINDOW_TITLE.format(title=meeting.title, date=jalali.format_long(meeting.date))
        )
        self.header.show_meeting(meeting, self._planning_warnings(detail))
        for tab, _title in self._titles:
            tab.show_detail(detail)
        counts = {
            self.agenda: len(detail.agenda),
            self.invitees: len(detail.invitations),
            self.resolutions: len(detail.resolutions),
            self.attachments: len(detail.attachments),
        }
        for index, (tab, title) in enumerate(self._titles):
            count = counts.get(tab)
            self.tabs.setTabText(
                index, strings.TAB_WITH_COUNT.format(title=title, count=format_int(count)) if count else title
            )
        self.finalize_button.setVisible(meeting.status is MeetingStatus.HELD)
        # Minutes exist once the meeting is held; invitations go out before it.
        self.print_minutes_action.setEnabled(meeting.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED))
        for action in (self.print_invitations_action, self.print_invitation_list_action):
            action.setEnabled(meeting.status.upcoming)
        # The resolutions are communicated once the minutes are final.
        self.communicate_action.setEnabled(meeting.status is MeetingStatus.FINALIZED)

    def _planning_warnings(self, detail: MeetingDetail) -> tuple[str, ...]:
        meeting = detail.meeting
        if not meeting.status.upcoming:
            return ()
        draft = MeetingDraft(
            kind=meeting.kind.value,
            date=jalali.format_short(meeting.date, persian_digits=False),
            host_agency_id=meeting.host_agency_id,
        )
        return self._services.meetings.check(draft, meeting_id=meeting.id)

    def show_tab(self, tab: MeetingTab) -> None:
        self.tabs.setCurrentWidget(tab)

    def _go_to_step(self, place: str) -> None:
        if place == StepPlace.COMMUNICATION:  # not a tab: the letters' preview
            self.communicate()
            return
        tab = getattr(self, place, None)  # the steps name the tabs as this window does
        if isinstance(tab, MeetingTab):
            self.show_tab(tab)
            tab.setFocus()

    # -- changes ------------------------------------------------------------------------------

    def _on_tab_changed(self, text: str) -> None:
        # The tab has saved and is done (a row to select, a sheet marked saved): show the
        # meeting as saved now rather than on the reload the core's announcement asked for.
        self._reload_timer.stop()
        self.reload()
        if text:
            self._say(text)

    def _on_changes(self, changes: Changes) -> None:
        if self._closing:
            return
        if self._shows(changes):
            # Not at once: the change may be a tab's own, announced in the middle of its save.
            self._reload_timer.start()
        elif changes.meetings:
            self._show_header()  # another meeting's change can renumber this one

    def _shows(self, changes: Changes) -> bool:
        """Whether ``changes`` touch what this window shows."""
        if changes.touches_meeting(self.meeting_id) or changes.agencies or self._detail is None:
            return True  # an agency: a renamed host, presenter or invitee
        if changes.letters and self._detail.meeting.status is MeetingStatus.FINALIZED:
            return True  # its resolutions communicated: the steps say so
        return any(resolution.id in changes.resolutions for resolution in self._detail.resolutions)

    def _show_header(self) -> None:
        try:
            meeting = self._services.meetings.get(self.meeting_id)
        except NotFoundError:
            return
        self.header.show_meeting(meeting, self._planning_warnings(self.detail))

    def _say(self, text: str) -> None:
        self.message_label.setText(rtl(text))
        self._message_timer.start()
        self.message.emit(text)

    def print_minutes(self) -> ReportPreview:
        return show_report(self, minutes_job(self._services, self.meeting_id, self.detail.meeting.title))

    def print_invitation(self, *, per_agency: bool) -> ReportPreview:
        job = invitation_job(
            self._services, self.meeting_id, self.detail.meeting.title, per_agency=per_agency
        )
        return show_report(self, job)

    def communicate(self) -> ReportPreview:
        """The letters communicating the resolutions to the agencies responsible: previewed, then issued."""
        return show_report(
            self, communication_job(self._services, self.meeting_id, self.detail.meeting.title)
        )

    def finalize(self) -> None:
        council = self._services.council.get()
        dialog = FinalizeDialog(
            self._services.minutes, self.detail, by=council.secretary if council else "", parent=self
        )
        hold_to_user(dialog.by, self._services)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            title = self.detail.meeting.title
            self._on_tab_changed(strings.FINALIZED_MESSAGE.format(name=title))

    # -- closing ---------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return any(tab.has_unsaved_changes() for tab, _title in self._titles)

    def _may_close(self) -> bool:
        """Closing drops unsaved edits (an attendance sheet, a summary): ask first."""
        if self._closing or not self.has_unsaved_changes() or self._detail is None:
            return True
        return messages.confirm_discard(self, strings.UNSAVED_CHANGES.format(name=self.detail.meeting.title))

    def _stop_listening(self) -> None:
        self._closing = True
        if self._listening:
            self._listening = False
            self._reload_timer.stop()
            self._services.changes.changed.disconnect(self._on_changes)

    def reject(self) -> None:
        # Escape and the close button come here; so does closing the window.
        if self._may_close():
            self._stop_listening()
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self._stop_listening()
        super().closeEvent(event)
