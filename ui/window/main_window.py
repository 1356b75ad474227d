"""The main window: navigation, the sections, menus and the status bar.

It only wires the views together; each section does its own work.

The window can be shown before a database is open (``MainWindow()`` then
``attach(services)``): the app shows its frame at once and fills it when the
database layer has loaded, which is most of the start-up time. Meanwhile
``show_first_look`` puts the council's name and the home page's four
figures in it, read without the core (``secretariat.first_look``). Sections
are built the first time they are shown. This module therefore imports
neither the sections nor the core at load time.

Restoring a backup swaps the database under the window: ``detach`` closes
the windows opened from this one and drops the sections, the app's
``DatabaseHost`` closes the old database and opens the restored file, and
``attach`` shows the new one (sections are built again as they are shown).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeAlias, cast

import shiboken6
from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui import messages, strings
from ui.audit import wording as audit_wording
from ui.evaluation import wording as evaluation_wording
from ui.letters import wording as letters_wording
from ui.maintenance.backup_menu import BackupMenu
from ui.office import wording as office_wording
from ui.office.user_menu import UserMenu

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from secretariat.changes import Changes
    from secretariat.database import Database
    from secretariat.first_look import FirstLook
    from secretariat.followup.register import ResolutionQuery
    from secretariat.letters.register import LetterQuery
    from secretariat.monthly.months import Month
    from ui.agencies.agencies_view import AgenciesView
    from ui.audit.audit_browser import AuditBrowser
    from ui.evaluation.evaluation_view import EvaluationView
    from ui.home.dashboard_view import DashboardView
    from ui.letters.letters_view import LettersView
    from ui.meetings.meetings_view import MeetingsView
    from ui.meetings.window.meeting_window import MeetingWindow
    from ui.monthly.monthly_view import MonthlyView
    from ui.office.desk_news import DeskNews
    from ui.people.people_view import PeopleView
    from ui.reports.report_preview import ReportPreview
    from ui.resolutions.followup_window import FollowUpWindow
    from ui.resolutions.register_view import RegisterView
    from ui.services import Services
    from ui.start.database_host import DatabaseHost

    Section: TypeAlias = (
        DashboardView
        | AgenciesView
        | MeetingsView
        | RegisterView
        | PeopleView
        | MonthlyView
        | EvaluationView
        | LettersView
    )

STATUS_MESSAGE_MS = 6000
NAVIGATION_ROW_HEIGHT = 40


class _NavigationItems(QStyledItemDelegate):
    """Taller rows for the section list (a style sheet cannot set a list row's height)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), NAVIGATION_ROW_HEIGHT))


DASHBOARD, AGENCIES, MEETINGS, RESOLUTIONS, PEOPLE, MONTHLY, EVALUATION, LETTERS = range(8)


class _Searchable(Protocol):
    def focus_search(self) -> None: ...


def _build_section(number: int, services: Services) -> Section:
    # Imported here: a section (and the core under it) loads when first shown.
    if number == DASHBOARD:
        from ui.home.dashboard_view import DashboardView

        return DashboardView(services)
    if number == AGENCIES:
        from ui.agencies.agencies_view import AgenciesView

        return AgenciesView(services)
    if number == MEETINGS:
        from ui.meetings.meetings_view import MeetingsView

        return MeetingsView(services)
    if number == RESOLUTIONS:
        from ui.resolutions.register_view import RegisterView

        return RegisterView(services)
    if number == MONTHLY:
        from ui.monthly.monthly_view import MonthlyView

        return MonthlyView(services)
    if number == EVALUATION:
        from ui.evaluation.evaluation_view import EvaluationView

        return EvaluationView(services)
    if number == LETTERS:
        from ui.letters.letters_view import LettersView

        return LettersView(services)
    from ui.people.people_view import PeopleView

    return PeopleView(services)


class MainWindow(QMainWindow):
    SECTION_TITLES = (
        strings.SECTION_DASHBOARD,
        strings.SECTION_AGENCIES,
        strings.SECTION_MEETINGS,
        strings.SECTION_RESOLUTIONS,
        strings.SECTION_PEOPLE,
        strings.SECTION_MONTHLY,
        evaluation_wording.SECTION_EVALUATION,
        letters_wording.SECTION_LETTERS,
    )

    def __init__(self, services: Services | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services: Services | None = None
        self._host: DatabaseHost | None = None
        self._built: dict[int, Section] = {}
        self.desk_news: DeskNews | None = None  # the other desks' saves, asked for while attached
        self._audit_browser: AuditBrowser | None = None
        # The databases whose renumbering on open (migration 0005) was told: once each.
        self._renumbering_told: weakref.WeakSet[Database] = weakref.WeakSet()
        self.setWindowTitle(strings.APP_TITLE)
        self.stack = QStackedWidget()
        for _title in self.SECTION_TITLES:
            self.stack.addWidget(self._waiting())

        self.navigation = QListView()
        self.navigation.setObjectName("navigation")
        self.navigation.setModel(QStringListModel(list(self.SECTION_TITLES), self))
        self.navigation.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.navigation.setFixedWidth(190)
        self.navigation.setItemDelegate(_NavigationItems(self.navigation))
        self.navigation.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.show_section(current.row())
        )

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)  # first is rightmost: right-to-left
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counts = QLabel()
        self.counts.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.counts)
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self._set_actions_enabled(False)
        if services is not None:
            self.attach(services)

    @staticmethod
    def _waiting() -> QLabel:
        waiting = QLabel(strings.OPENING_DATABASE)
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return waiting

    def attach(self, services: Services, *, host: DatabaseHost | None = None) -> bool:
        """Show the council of ``services``: build the first section, the title and counts.

        ``host`` is the app's hold on the open database (a restore swaps it);
        without one, the window makes its own around ``services.database``.

        A council with user accounts asks who sits at this desk first (the sign-in dialog,
        unless someone is signed in already); False, and nothing shown, when the person
        cancelled it: the app then ends. What the signed-in role may not do is greyed out
        in every section built from here on.
        """
        from ui.office.desk_news import DeskNews
        from ui.office.sign_in import sign_in_if_needed

        if not sign_in_if_needed(services, self, ask=not messages.headless):
            return False
        self._services = services
        if host is not None:
            self._host = host
        services.changes.changed.connect(self._on_changes)
        self._update_title()
        self._update_counts()
        self._set_actions_enabled(True)
        self.statusBar().clearMessage()  # the first look's «opening»
        home = self._built.get(DASHBOARD)
        if home is not None:  # made by the first look, without services
            cast("DashboardView", home).attach(services)
        self.show_section(DASHBOARD)
        self._tell_renumbering(services)
        self.desk_news = DeskNews(services.database, self)
        self.desk_news.start()
        return True

    def show_first_look(self, look: FirstLook) -> None:
        """The council's name and the home page's four figures, read before the database has
        opened; the rest (every action, the other sections) waits for ``attach``."""
        from ui.home.dashboard_view import DashboardView

        self._set_title(look.council_name, is_demo=look.is_demo)
        home = self._built.get(DASHBOARD)
        if home is None:
            home = DashboardView()
            self._place_section(DASHBOARD, home)
        cast("DashboardView", home).show_first_look(look)
        self.show_section(DASHBOARD)
        self.show_message(strings.OPENING_DATABASE, 0)

    def _tell_renumbering(self, services: Services) -> None:
        """The meetings that shared a number and were renumbered as the database opened (the
        command line prints the same): in the status bar, and in a box once the window is up."""
        notices = services.meetings.renumbered_on_open()
        if not notices or services.database in self._renumbering_told:
            return
        self._renumbering_told.add(services.database)
        self.show_message(strings.MEETINGS_RENUMBERED_STATUS, 0)
        text = "\n".join(notices)
        # After the event loop has shown the window (attach runs before it starts).
        QTimer.singleShot(0, self, lambda: messages.warn(self, text, title=strings.MEETINGS_RENUMBERED_TITLE))

    def close_child_windows(self) -> bool:
        """Close the windows opened from this one (meetings, follow-up, previews, results).

        False when one stays open (a meeting window whose unsaved edits the
        person chose to keep); the others are closed all the same.
        """
        from ui.widgets.window_registry import close_windows

        kept = False
        for number in (MEETINGS, RESOLUTIONS, LETTERS):  # the sections that keep a window per record
            view = self._built.get(number)
            if view is not None:
                kept = not cast("MeetingsView | RegisterView | LettersView", view).windows.close_all() or kept
        # The rest opened from here: report previews, results, the archive dialog.
        others = [w for w in self.findChildren(QWidget) if w.isWindow() and not isinstance(w, QMenu)]
        return close_windows(others) and not kept

    def detach(self) -> Services | None:
        """Let go of the database: background work waited for, sections dropped, its announcements
        no longer heard; the services it had.

        Call ``close_child_windows`` first. The window then shows its frame
        and waits for ``attach``, as at start-up.
        """
        services = self._services
        if services is None:
            return None
        self._wait_for_workers()
        if self.desk_news is not None:
            self.desk_news.stop()
            self.desk_news.deleteLater()
            self.desk_news = None
        services.changes.changed.disconnect(self._on_changes)
        services.stop_listening()
        current = self.stack.currentIndex()
        for number, view in sorted(self._built.items()):
            self.stack.insertWidget(number, self._waiting())
            self.stack.removeWidget(view)
            view.deleteLater()
        self._built.clear()
        self.stack.setCurrentIndex(current)
        self._services = None
        self._set_actions_enabled(False)
        self.counts.clear()
        return services

    @property
    def database_host(self) -> DatabaseHost:
        """The app's hold on the open database (for a backup, a restore)."""
        if self._host is None or self._host.database is not self.services.database:
            from ui.start.database_host import DatabaseHost

            self._host = DatabaseHost(self.services.database)
        return self._host

    def reload_all(self) -> None:
        """Everything may have changed (a backup was restored): every view reads again.

        Announced on the database, as the core announces its own changes, so every
        view and window hears it the one way it hears everything.
        """
        from secretariat.changes import EVERYTHING

        self.services.database.changes.publish(EVERYTHING)

    def _wait_for_workers(self) -> None:
        """Background work on the database ends before the database goes: what can stop is
        asked to (a report, an archive), the rest (the daily backup) is waited for."""
        from ui.worker import Worker  # only ours: Qt's own threads (a PDF view's) run on their own terms

        workers = [w for w in self.findChildren(Worker) if shiboken6.isValid(w) and w.isRunning()]
        for worker in workers:
            worker.cancel()
        for worker in workers:
            worker.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._wait_for_workers()
        super().closeEvent(event)

    @property
    def services(self) -> Services:
        assert self._services is not None, "attach() a database first"
        return self._services

    @property
    def dashboard_view(self) -> DashboardView:
        return cast("DashboardView", self._section(DASHBOARD))

    @property
    def agencies_view(self) -> AgenciesView:
        return cast("AgenciesView", self._section(AGENCIES))

    @property
    def meetings_view(self) -> MeetingsView:
        return cast("MeetingsView", self._section(MEETINGS))

    @property
    def register_view(self) -> RegisterView:
        return cast("RegisterView", self._section(RESOLUTIONS))

    @property
    def people_view(self) -> PeopleView:
        return cast("PeopleView", self._section(PEOPLE))

    @property
    def monthly_view(self) -> MonthlyView:
        return cast("MonthlyView", self._section(MONTHLY))

    @property
    def evaluation_view(self) -> EvaluationView:
        return cast("EvaluationView", self._section(EVALUATION))

    @property
    def letters_view(self) -> LettersView:
        return cast("LettersView", self._section(LETTERS))

    def _section(self, number: int) -> Section:
        """The section's view, built the first time it is needed."""
        view = self._built.get(number)
        if view is None:
            view = _build_section(number, self.services)
            self._place_section(number, view)
        return view

    def _place_section(self, number: int, view: Section) -> None:
        view.message.connect(self._show_message)
        self._connect_links(number, view)
        waiting = cast(QWidget, self.stack.widget(number))  # the waiting page in its place
        self.stack.insertWidget(number, view)
        self.stack.removeWidget(waiting)
        waiting.deleteLater()
        self._built[number] = view

    def _connect_links(self, number: int, view: Section) -> None:
        """What a section asks of the others: the register on a filter, a meeting's window."""
        if number in (DASHBOARD, RESOLUTIONS):
            cast("DashboardView | RegisterView", view).show_agenda.connect(self.show_meeting_agenda)
        if number == DASHBOARD:
            dashboard = cast("DashboardView", view)
            dashboard.show_register.connect(self.show_register)
            dashboard.show_meeting.connect(self.show_meeting)
            # The first-run guide's steps are done where they are done elsewhere.
            dashboard.guide.add_agency.connect(self.new_agency)
            dashboard.guide.import_agencies.connect(self.import_agencies)
            dashboard.guide.appoint_manager.connect(self.appoint_manager)
            dashboard.guide.plan_meeting.connect(self.new_meeting)
            dashboard.guide.open_meeting.connect(self.show_meeting)
        if number == RESOLUTIONS:
            cast("RegisterView", view).plan_meeting_requested.connect(self.new_meeting)
            cast("RegisterView", view).show_letter.connect(self.show_letter)
        if number == DASHBOARD:
            cast("DashboardView", view).show_letters.connect(self.show_letters)
            cast("DashboardView", view).show_monthly.connect(self.show_monthly)
        if number == LETTERS:
            cast("LettersView", view).open_followup.connect(self.show_followup)
        if number == PEOPLE:
            cast("PeopleView", view).show_agencies.connect(lambda: self.show_section(AGENCIES))
        if number == EVALUATION:
            evaluation = cast("EvaluationView", view)
            evaluation.ranking_print_requested.connect(self.print_evaluation_of)
            evaluation.scorecards_print_requested.connect(self.print_scorecards_of)
            evaluation.certificates_print_requested.connect(self.print_certificates_of)
        if number == MONTHLY:
            monthly = cast("MonthlyView", view)
            monthly.reminders_requested.connect(self.print_monthly_reminders_of)
            monthly.summary_requested.connect(self.print_monthly_summary_of)
            monthly.export_requested.connect(self.export_monthly_workbook_of)

    def show_register(self, query: ResolutionQuery) -> None:
        """The register, filtered by ``query`` (a ``ResolutionQuery``)."""
        self.show_section(RESOLUTIONS)
        self.register_view.show_query(query)

    def show_monthly(self, month: Month) -> None:
        """The monthly reports' page on ``month`` (the home page's monthly line)."""
        self.show_section(MONTHLY)
        self.monthly_view.show_year_month(month)

    def show_letters(self, query: LetterQuery) -> None:
        """The letter register, filtered by ``query``."""
        self.show_section(LETTERS)
        self.letters_view.show_query(query)

    def show_letter(self, letter_id: int) -> None:
        """The letter's window; the letter register stays where it is."""
        self.letters_view.open_letter(letter_id)

    def show_followup(self, resolution_id: int, meeting_id: int) -> FollowUpWindow | None:
        """The resolution's follow-up window; the resolutions' register stays where it is."""
        return self.register_view.open_followup(resolution_id, meeting_id)

    def show_meeting(self, meeting_id: int) -> MeetingWindow | None:
        """The meeting's window; the meetings section stays where it is."""
        return self.meetings_view.open_meeting(meeting_id)

    def show_meeting_agenda(self, meeting_id: int) -> None:
        window = self.show_meeting(meeting_id)
        if window is not None:
            window.tabs.setCurrentWidget(window.agenda)

    # -- menus ------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        council = bar.addMenu(strings.MENU_COUNCIL)
        self.council_action = self._action(strings.ACTION_COUNCIL_SETTINGS, self.edit_council)
        council.addAction(self.council_action)
        # The secretary's; the others see it greyed, its tooltip saying why.
        self.audit_action = self._action(audit_wording.ACTION_AUDIT, self.show_audit)
        council.addAction(self.audit_action)
        council.setToolTipsVisible(True)
        council.aboutToShow.connect(self._update_audit_action)
        council.addSeparator()
        council.addAction(self._action(strings.ACTION_QUIT, self.close, QKeySequence.StandardKey.Quit))

        view = bar.addMenu(strings.MENU_VIEW)
        for number, title in enumerate(self.SECTION_TITLES):
            view.addAction(
                self._action(title, lambda _=False, n=number: self.show_section(n), f"Ctrl+{number + 1}")
            )
        view.addSeparator()
        self.find_action = self._action(strings.ACTION_FIND, self.focus_search, QKeySequence.StandardKey.Find)
        view.addAction(self.find_action)

        agencies = bar.addMenu(strings.MENU_AGENCIES)
        self.new_agency_action = self._action(
            strings.ACTION_NEW_AGENCY, self.new_agency, QKeySequence.StandardKey.New
        )
        agencies.addAction(self.new_agency_action)
        self.import_agencies_action = self._action(strings.ACTION_IMPORT_AGENCIES, self.import_agencies)
        agencies.addAction(self.import_agencies_action)
        meetings = bar.addMenu(strings.MENU_MEETINGS)
        self.new_meeting_action = self._action(strings.ACTION_NEW_MEETING, self.new_meeting, "Ctrl+Shift+N")
        self.meeting_calendar_action = self._action(
            strings.ACTION_MEETING_CALENDAR, self.show_meeting_calendar
        )
        self.meeting_list_action = self._action(strings.ACTION_MEETING_LIST, self.show_meeting_list)
        meetings.addAction(self.new_meeting_action)
        meetings.addSeparator()
        meetings.addAction(self.meeting_calendar_action)
        meetings.addAction(self.meeting_list_action)
        people = bar.addMenu(strings.MENU_PEOPLE)
        self.new_person_action = self._action(strings.ACTION_NEW_PERSON, self.new_person)
        people.addAction(self.new_person_action)
        reports = bar.addMenu(strings.MENU_REPORTS)
        self.report_actions = [
            self._action(strings.ACTION_PRINT_REGISTER, self.print_register, QKeySequence.StandardKey.Print),
            self._action(strings.ACTION_PRINT_FOLLOWUP_LETTERS, self.print_followup_letters),
            self._action(strings.ACTION_PRINT_ATTENDANCE, self.print_attendance),
            self._action(strings.ACTION_PRINT_LETTERS, self.print_letters_register),
            self._action(strings.ACTION_PRINT_DIRECTORY, self.print_directory),
        ]
        self.monthly_report_actions = [
            self._action(strings.ACTION_PRINT_MONTHLY_REMINDERS, self.print_monthly_reminders),
            self._action(strings.ACTION_PRINT_MONTHLY_SUMMARY, self.print_monthly_summary),
            self._action(strings.ACTION_EXPORT_MONTHLY_WORKBOOK, self.export_monthly_workbook),
        ]
        for action in self.report_actions:
            reports.addAction(action)
        reports.addSeparator()
        for action in self.monthly_report_actions:
            reports.addAction(action)
        self.report_actions += self.monthly_report_actions
        reports.addSeparator()
        evaluation_actions = [
            self._action(strings.ACTION_PRINT_EVALUATION, self.print_evaluation),
            self._action(strings.ACTION_PRINT_SCORECARDS, self.print_scorecards),
            self._action(strings.ACTION_PRINT_CERTIFICATES, self.print_certificates),
        ]
        for action in evaluation_actions:
            reports.addAction(action)
        self.report_actions += evaluation_actions
        self.backup_menu = BackupMenu(self, bar.addMenu(strings.MENU_BACKUP))
        self.user_menu = UserMenu(self, bar.addMenu(office_wording.MENU_USERS), self.user_label)

    def _action(
        self, text: str, slot: Callable[..., object], shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # -- sections ------------------------------------------------------------------

    def _set_actions_enabled(self, enabled: bool) -> None:
        actions = (
            self.council_action,
            self.find_action,
            self.new_agency_action,
            self.import_agencies_action,
            self.new_person_action,
            self.new_meeting_action,
            self.meeting_calendar_action,
            self.meeting_list_action,
            *self.report_actions,
            *self.backup_menu.actions,
            *self.user_menu.actions,
        )
        for action in actions:
            action.setEnabled(enabled)
        if enabled:
            self._apply_roles()
        self.user_menu.show_user(self._services if enabled else None)
        self._update_audit_action()

    def _apply_roles(self) -> None:
        """Grey out the menu actions the signed-in role may not use, saying why."""
        from secretariat.office.roles import Permission
        from ui.office.gate import apply_roles

        edit, restore = Permission.EDIT, Permission.RESTORE
        apply_roles(
            self.services,
            [
                (self.council_action, edit),
                (self.new_agency_action, edit),
                (self.import_agencies_action, edit),
                (self.new_person_action, edit),
                (self.new_meeting_action, edit),
                (self.backup_menu.restore_action, restore),
                (self.backup_menu.import_action, restore),
            ],
        )

    def _update_audit_action(self) -> None:
        """The audit browser is the secretary's (``Permission.USERS``), as whoever signed in may."""
        from secretariat.office.roles import Permission, refusal

        services = self._services
        allowed = services is not None and services.may(Permission.USERS)
        self.audit_action.setEnabled(allowed)
        why = "" if allowed or services is None else refusal(services.user, Permission.USERS)
        self.audit_action.setToolTip(why or audit_wording.AUDIT_TITLE)
        self.audit_action.setStatusTip(why)

    def show_audit(self) -> AuditBrowser | None:
        """The audit trail's browser: one window, brought forward if it is open."""
        from secretariat.office.roles import Permission, refusal
        from ui.audit.audit_browser import AuditBrowser

        if not self.services.may(Permission.USERS):
            messages.warn(self, refusal(self.services.user, Permission.USERS))
            return None
        browser = self._audit_browser
        if browser is None or not shiboken6.isValid(browser):
            browser = self._audit_browser = AuditBrowser(self.services, self)
        browser.show()
        browser.raise_()
        browser.activateWindow()
        return browser

    def show_section(self, number: int) -> None:
        if not 0 <= number < len(self.SECTION_TITLES):
            return
        if self._services is not None:
            self._section(number)
        self.stack.setCurrentIndex(number)
        index = self.navigation.model().index(number, 0)
        # Selected, not only current: a shown list makes its first row current without selecting it.
        if not self.navigation.selectionModel().isSelected(index):
            self.navigation.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def current_section(self) -> QWidget:
        return cast(QWidget, self.stack.currentWidget())  # the stack always holds every section's page

    def focus_search(self) -> None:
        if self.stack.currentIndex() == DASHBOARD:
            self.show_section(RESOLUTIONS)  # the home page has no search of its own
        cast(_Searchable, self.current_section()).focus_search()  # every section but the home page

    def new_agency(self) -> None:
        self.show_section(AGENCIES)
        self.agencies_view.add_agency()

    def import_agencies(self) -> None:
        self.show_section(AGENCIES)
        self.agencies_view.import_from_sheet()

    def appoint_manager(self, agency_id: int) -> None:
        """The agency selected in its section, and the appointment of its PR manager."""
        self.show_section(AGENCIES)
        view = self.agencies_view
        if not view.select_agency(agency_id):
            view.clear_filters()  # a search may hide it
            if not view.select_agency(agency_id):
                view.detail.show_agency(agency_id)
        view.detail.appoint()

    def new_person(self) -> None:
        self.show_section(PEOPLE)
        self.people_view.add_person()

    def new_meeting(self) -> None:
        self.show_section(MEETINGS)
        self.meetings_view.plan_meeting()

    def show_meeting_calendar(self) -> None:
        self.show_section(MEETINGS)
        self.meetings_view.show_calendar()

    def show_meeting_list(self) -> None:
        self.show_section(MEETINGS)
        self.meetings_view.show_list()

    # -- reports ---------------------------------------------------------------------------------

    def print_register(self) -> ReportPreview:
        """The register report of the register as it is filtered now."""
        self.show_section(RESOLUTIONS)
        return self.register_view.print_register()

    def print_followup_letters(self) -> ReportPreview:
        return self.register_view.print_letters()

    def print_letters_register(self) -> ReportPreview | None:
        """The letter register of a period, asked first."""
        from ui.reports.attendance_period_dialog import AttendancePeriodDialog
        from ui.reports.report_jobs import letters_register_job, show_report

        dialog = AttendancePeriodDialog(
            self, title=strings.LETTERS_PERIOD_TITLE, intro=strings.LETTERS_PERIOD_INTRO
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end = cast("tuple[dt.date, dt.date]", dialog.saved)  # what the dialog saves
        return show_report(self, letters_register_job(self.services, start, end))

    def print_attendance(self) -> ReportPreview | None:
        from ui.reports.attendance_period_dialog import AttendancePeriodDialog
        from ui.reports.report_jobs import attendance_job, show_report

        dialog = AttendancePeriodDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end = cast("tuple[dt.date, dt.date]", dialog.saved)  # what the dialog saves
        return show_report(self, attendance_job(self.services, start, end))

    def print_directory(self) -> ReportPreview:
        return self.agencies_view.print_directory()

    def print_monthly_reminders(self) -> ReportPreview | None:
        from ui.reports.monthly_actions import ask_monthly_reminders

        return ask_monthly_reminders(self, self.services)

    def print_monthly_summary(self) -> ReportPreview | None:
        from ui.reports.monthly_actions import ask_monthly_summary

        return ask_monthly_summary(self, self.services)

    def print_monthly_reminders_of(self, year: int, month: int) -> ReportPreview | None:
        """From the monthly page: its month chosen, one letter each or one with the list still asked."""
        from secretariat.monthly.months import Month
        from ui.reports.monthly_actions import ask_monthly_reminders

        return ask_monthly_reminders(self, self.services, month=Month(year, month))

    def print_monthly_summary_of(self, year: int) -> ReportPreview:
        from ui.reports.monthly_actions import print_monthly_summary

        return print_monthly_summary(self, self.services, year)

    def export_monthly_workbook_of(self, year: int) -> Path | None:
        from ui.reports.monthly_actions import export_monthly_workbook

        return export_monthly_workbook(self, self.services, year)

    def export_monthly_workbook(self) -> Path | None:
        from ui.reports.monthly_actions import ask_monthly_export

        return ask_monthly_export(self, self.services)

    def print_evaluation(self) -> ReportPreview | None:
        return self._print_evaluation("ranking")

    def print_scorecards(self) -> ReportPreview | None:
        return self._print_evaluation("scorecards")

    def print_certificates(self) -> ReportPreview | None:
        return self._print_evaluation("certificates")

    def print_evaluation_of(self, year: int) -> ReportPreview:
        """From the evaluation page: the ranking of the year it shows."""
        from ui.reports.evaluation_prints import print_ranking

        return print_ranking(self, self.services, year)

    def print_scorecards_of(self, year: int, agency_id: int) -> ReportPreview:
        """From the evaluation page: every agency's score card (``agency_id`` 0) or one agency's."""
        from ui.reports.evaluation_prints import print_scorecards

        return print_scorecards(self, self.services, year, agency_id or None)

    def print_certificates_of(self, year: int) -> ReportPreview | None:
        from ui.reports.evaluation_prints import print_certificates

        return print_certificates(self, self.services, year)

    def _print_evaluation(self, kind: str) -> ReportPreview | None:
        from ui.reports.evaluation_print_dialog import EvaluationPrint
        from ui.reports.evaluation_prints import print_from_menu

        return print_from_menu(self, self.services, EvaluationPrint(kind))

    def edit_council(self) -> None:
        from ui.council.council_form import CouncilDialog

        record = self.services.council.get()
        if record is None:
            return
        dialog = CouncilDialog(self.services.council, record, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._show_message(strings.COUNCIL_SAVED)

    # -- title and status bar ---------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("council"):
            self._update_title()
        if changes.touches("agencies", "people"):
            self._update_counts()

    def _update_title(self) -> None:
        record = self.services.council.get()
        self._set_title(record.name if record else None, is_demo=record is not None and record.is_demo)

    def _set_title(self, council_name: str | None, *, is_demo: bool) -> None:
        parts = [council_name or strings.APP_TITLE]
        if is_demo:
            parts.append(strings.DEMO_SUFFIX)
        self.setWindowTitle(" ".join(parts))

    def _update_counts(self) -> None:
        from secretariat.members.agencies import AgencyQuery
        from secretariat.members.people import PersonQuery
        from secretariat.persian.text import format_int

        agencies = self.services.agencies.count(AgencyQuery())
        people = self.services.people.count(PersonQuery())
        self.counts.setText(
            strings.STATUS_ACTIVE_AGENCIES.format(count=format_int(agencies))
            + "  ·  "
            + strings.STATUS_PEOPLE.format(count=format_int(people))
        )

    def _show_message(self, text: str) -> None:
        self.show_message(text)

    def show_message(self, text: str, timeout_ms: int = STATUS_MESSAGE_MS) -> None:
        """A line in the status bar (``timeout_ms`` 0: until the next one)."""
        self.statusBar().showMessage(text, timeout_ms)
