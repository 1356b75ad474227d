"""The «مصوبات» section: the register of all resolutions of all meetings.

Filtered by the database: words of the text (folded, as typed), status (or
every still-open one, or overdue), the responsible agency (lead or
collaborator), deadlines within N days, the Jalali year, one meeting, and a
range of meeting dates. A link from the dashboard may also filter by the day
resolutions were closed; that filter shows as a note with a button that
removes it. Double-click (or «پیگیری...») opens the resolution's follow-up
window. «بررسی در جلسه بعد» puts the open resolutions on the next meeting's
agenda in one action.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import DomainError, NotFoundError
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.office.gate import guard
from ui.reports.report_jobs import followup_letter_job, followup_letters_job, register_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.resolutions.followup_window import FollowUpWindow
from ui.resolutions.register_table_model import RegisterTableModel
from ui.resolutions.review_action import prepare_review
from ui.services import Services
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.empty_state import EmptyAction
from ui.widgets.inputs import choice_box, fill_years
from ui.widgets.jalali_date_edit import JalaliDateEdit
from ui.widgets.list_section import ListSection
from ui.widgets.window_registry import WindowRegistry

# The status filter's values that are not one stored status.
STILL_OPEN = "still_open"
OVERDUE = "overdue"  # derived from the deadline, never stored
DUE_WITHIN_DAYS = (7, 14, 30, 60, 90)


class RegisterView(ListSection):
    SEARCH_PLACEHOLDER = strings.REGISTER_SEARCH_PLACEHOLDER
    ADD = strings.OPEN_FOLLOWUP  # unused: resolutions are written in the minutes
    FOUND, NONE = strings.REGISTER_FOUND, strings.REGISTER_NONE
    ADDED = SAVED = ""
    EMPTY, EMPTY_HINT = strings.REGISTER_EMPTY, strings.REGISTER_EMPTY_HINT
    NO_MATCH = strings.REGISTER_NO_MATCH

    # A row shows its resolution's follow-up, meeting and lead agency.
    RELOAD_ON = ("followups", "resolutions", "agencies", "meetings")

    model: RegisterTableModel
    agency_filter: AgencyCombo  # read by a print menu lambda made before it

    show_agenda = Signal(int)  # a meeting whose agenda should be shown: the review was just prepared
    plan_meeting_requested = Signal()  # resolutions are written in a meeting's minutes
    show_letter = Signal(int)  # a letter about a resolution, asked for from its follow-up window

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(RegisterTableModel(services.register), parent=parent)
        self._services = services
        self.windows: WindowRegistry[FollowUpWindow] = WindowRegistry()
        # Filters a link can set but no box shows (the day resolutions were closed).
        self._closed_from: dt.date | None = None
        self._closed_to: dt.date | None = None
        self.add_button.hide()
        self.edit_button.setText(strings.OPEN_FOLLOWUP)
        self.review_button = QPushButton(strings.PREPARE_REVIEW)
        self.review_button.setToolTip(strings.PREPARE_REVIEW_TIP)
        self.review_button.clicked.connect(self.prepare_review)
        self.print_button = QPushButton(strings.PRINT)  # its menu names what can be printed
        print_menu = QMenu(self.print_button)
        print_menu.addAction(strings.ACTION_PRINT_REGISTER, self.print_register)
        self.print_letter_action = print_menu.addAction(
            strings.ACTION_PRINT_FOLLOWUP_LETTER, self.print_letter
        )
        print_menu.addAction(strings.ACTION_PRINT_FOLLOWUP_LETTERS, self.print_letters)
        print_menu.aboutToShow.connect(
            lambda: self.print_letter_action.setEnabled(self.agency_filter.agency_id() is not None)
        )
        self.print_button.setMenu(print_menu)
        self.status_filter = choice_box(
            [(strings.ALL_STATUSES, ""), (strings.REGISTER_STILL_OPEN_FILTER, STILL_OPEN)]
            + [(status.label, status.value) for status in ResolutionStatus]
            + [(strings.REGISTER_OVERDUE_FILTER, OVERDUE)]
        )
        self.agency_filter = AgencyCombo(services.agencies)
        cast(QLineEdit, self.agency_filter.lineEdit()).setPlaceholderText(
            strings.REGISTER_ALL_AGENCIES
        )  # editable
        self.agency_filter.setMinimumContentsLength(18)
        self.due_filter = choice_box([(strings.REGISTER_ALL_DUES, "")])
        for days in DUE_WITHIN_DAYS:
            self.due_filter.addItem(strings.REGISTER_DUE_WITHIN.format(days=format_int(days)), days)
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(8)
        self.meeting_filter = QComboBox()
        self.meeting_filter.setMinimumContentsLength(22)
        self.from_filter = JalaliDateEdit(placeholder=strings.REGISTER_FROM_PLACEHOLDER)
        self.to_filter = JalaliDateEdit(placeholder=strings.REGISTER_TO_PLACEHOLDER)
        for edit in (self.from_filter, self.to_filter):
            edit.setMaximumWidth(150)
            edit.dateChanged.connect(lambda _date: self._apply_filters())
        self.closed_note = QLabel()
        self.closed_note.setObjectName("filterNote")
        self.clear_button = QPushButton(strings.CLEAR_FILTERS)
        self.clear_button.clicked.connect(self.clear_filters)
        self._fill_years()
        self._fill_meetings()
        for combo in (self.status_filter, self.due_filter, self.meeting_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.year_filter.currentIndexChanged.connect(self._on_year_chosen)
        # Typing part of a name leaves the filter off until it names an agency.
        self.agency_filter.currentTextChanged.connect(lambda _text: self._apply_filters())
        self._listen(services.changes)

        second_row = QHBoxLayout()
        second_row.addWidget(self.year_filter)
        second_row.addWidget(self.meeting_filter)
        second_row.addSpacing(12)
        second_row.addWidget(QLabel(strings.REGISTER_MEETING_DATES))
        # The fields say «از تاریخ» and «تا تاریخ» while empty: no sample date that
        # could be read as a filter already set.
        second_row.addWidget(self.from_filter)
        second_row.addWidget(self.to_filter)
        second_row.addWidget(self.closed_note)
        second_row.addStretch(1)
        second_row.addWidget(self.clear_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(second_row)
        body_layout.addWidget(self._table_area(), 1)
        self._lay_out(
            body,
            filters=[self.status_filter, self.agency_filter, self.due_filter],
            buttons=[self.review_button, self.print_button],
        )
        # Newest meetings first, their resolutions in order.
        self.table.sortByColumn(self.model.column("code"), Qt.SortOrder.DescendingOrder)
        self._show_closed_note()
        guard(services, Permission.EDIT, self.review_button)

    # -- filters ---------------------------------------------------------------------------

    def _fill_years(self) -> None:
        fill_years(self.year_filter, self._services.meetings.years(), strings.ALL_YEARS)

    def _fill_meetings(self, chosen: int | None = None, *, exact: bool = False) -> None:
        """The meetings of the chosen year (every meeting without one), newest first; ``chosen``
        (or, unless ``exact``, the meeting chosen before) stays chosen."""
        if not exact and chosen is None:
            chosen = self.meeting_filter.currentData()
        self.meeting_filter.blockSignals(True)
        self.meeting_filter.clear()
        self.meeting_filter.addItem(strings.REGISTER_ALL_MEETINGS, None)
        for meeting in self._services.meetings.page(
            MeetingQuery(jalali_year=self.year_filter.currentData()), limit=None
        ):
            if meeting.number is None:
                continue  # cancelled: it has no resolutions
            self.meeting_filter.addItem(
                strings.REGISTER_MEETING.format(title=meeting.title, date=jalali.format_short(meeting.date)),
                meeting.id,
            )
        self.meeting_filter.setCurrentIndex(max(0, self.meeting_filter.findData(chosen)))
        self.meeting_filter.blockSignals(False)

    def _on_year_chosen(self) -> None:
        self._fill_meetings()
        self._apply_filters()

    def show_query(self, query: ResolutionQuery) -> None:
        """Show the register filtered by ``query`` (its order aside): for links from elsewhere."""
        status = STILL_OPEN if query.still_open else OVERDUE if query.overdue else (query.status or "")
        widgets = (
            self.status_filter,
            self.year_filter,
            self.due_filter,
            self.meeting_filter,
            self.from_filter,
            self.to_filter,
            self.agency_filter,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(str(status))))
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(query.jalali_year)))
        due = query.due_within_days
        if due is not None and self.due_filter.findData(due) < 0:
            self.due_filter.addItem(strings.REGISTER_DUE_WITHIN.format(days=format_int(due)), due)
        self.due_filter.setCurrentIndex(max(0, self.due_filter.findData(due if due is not None else "")))
        self._fill_meetings(query.meeting_id, exact=True)  # «پاک کردن فیلترها» clears the meeting too
        self.from_filter.setDate(query.meeting_from)
        self.to_filter.setDate(query.meeting_to)
        self.agency_filter.set_agency_id(query.agency_id)
        for widget in widgets:
            widget.blockSignals(False)
        self._closed_from, self._closed_to = query.closed_from, query.closed_to
        self._show_closed_note()
        self.search_box.setText(query.search)
        self.search_box.flush()
        self._apply_filters()

    def _show_closed_note(self) -> None:
        shown = self._closed_from is not None or self._closed_to is not None
        self.closed_note.setVisible(shown)
        if shown:
            self.closed_note.setText(
                strings.REGISTER_CLOSED_BETWEEN.format(
                    start=jalali.format_short(self._closed_from) if self._closed_from else "…",
                    end=jalali.format_short(self._closed_to) if self._closed_to else "…",
                )
            )

    def filters(self) -> ResolutionQuery:
        """What the filter boxes select (without the search text and the order)."""
        status = self.status_filter.currentData()
        due = self.due_filter.currentData()
        return ResolutionQuery(
            status=ResolutionStatus(status) if status and status not in (OVERDUE, STILL_OPEN) else None,
            still_open=status == STILL_OPEN,
            overdue=status == OVERDUE,
            agency_id=self.agency_filter.agency_id(),
            meeting_id=self.meeting_filter.currentData(),
            jalali_year=self.year_filter.currentData(),
            meeting_from=self.from_filter.date(),
            meeting_to=self.to_filter.date(),
            due_within_days=due if isinstance(due, int) else None,
            closed_from=self._closed_from,
            closed_to=self._closed_to,
        )

    def _filtered(self) -> bool:
        return super()._filtered() or self.filters() != ResolutionQuery()

    def clear_filters(self) -> None:
        self.show_query(ResolutionQuery())

    def _empty_actions(self) -> tuple[EmptyAction, ...]:
        return (EmptyAction(strings.REGISTER_PLAN_MEETING, self.plan_meeting_requested.emit, "plan"),)

    def _apply_filters(self) -> None:
        filters = self.filters()
        self.clear_button.setEnabled(filters != ResolutionQuery() or bool(self.search_box.text()))
        self.model.filter_by(filters)

    # -- the review of open resolutions ---------------------------------------------------------

    def prepare_review(self) -> bool:
        meeting_id = prepare_review(self, self._services, self.message)
        if meeting_id is not None:
            self.show_agenda.emit(meeting_id)
        return meeting_id is not None

    # -- printing ---------------------------------------------------------------------------------

    def print_register(self) -> ReportPreview:
        """The register report of what the list shows now: its filters and its search."""
        return show_report(
            self, register_job(self._services, replace(self.filters(), search=self.search_box.text()))
        )

    def print_letter(self) -> ReportPreview | None:
        agency_id = self.agency_filter.agency_id()
        if agency_id is None:
            return None
        return show_report(
            self, followup_letter_job(self._services, agency_id, self.agency_filter.currentText())
        )

    def print_letters(self) -> ReportPreview:
        return show_report(self, followup_letters_job(self._services))

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("meetings"):
            self._fill_years()  # a meeting in a year not listed yet
        super()._on_changes(changes)

    # -- opening -------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        resolution_id = self.selected_id()
        if resolution_id is not None:
            self.open_followup(resolution_id)

    def open_followup(self, resolution_id: int, meeting_id: int | None = None) -> FollowUpWindow | None:
        """The resolution's follow-up window (one per resolution), shown and raised.

        ``meeting_id`` is the resolution's meeting, needed when its row is not listed.
        """
        return self.windows.show(resolution_id, lambda: self._make_window(resolution_id, meeting_id))

    def _make_window(self, resolution_id: int, meeting_id: int | None) -> FollowUpWindow | None:
        row = self.model.row_of(resolution_id)
        if meeting_id is None and row is not None:
            meeting_id = self.model.record(row).meeting_id
        try:
            if meeting_id is None:
                raise NotFoundError(strings.RESOLUTION_NOT_FOUND)
            window = FollowUpWindow(self._services, resolution_id, meeting_id, self.window())
        except DomainError as error:
            messages.warn(self, error.message)
            return None
        window.message.connect(self.message)
        window.letter_requested.connect(self.show_letter)
        return window

    def open_windows(self) -> list[FollowUpWindow]:
        return self.windows.windows()
