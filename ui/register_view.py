"""The «مصوبات» section: the register of all resolutions of all meetings.

Filtered by the database: words of the text (folded, as typed), status or
overdue, the responsible agency (lead or collaborator), the Jalali year of
the meeting and deadlines within N days. Double-click (or «پیگیری...») opens
the resolution's follow-up window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from secretariat.errors import DomainError, NotFoundError
from secretariat.followup.status import ResolutionStatus
from secretariat.text import format_int, to_persian_digits
from ui import messages, strings
from ui.agency_combo import AgencyCombo
from ui.followup_window import FollowUpWindow
from ui.inputs import choice_box
from ui.list_section import ListSection
from ui.register_table_model import RegisterColumn, RegisterTableModel
from ui.services import Services

OVERDUE = "overdue"  # the status filter's value for «معوق»: derived, not a stored status
DUE_WITHIN_DAYS = (7, 14, 30, 60, 90)


class RegisterView(ListSection):
    SEARCH_PLACEHOLDER = strings.REGISTER_SEARCH_PLACEHOLDER
    ADD = strings.OPEN_FOLLOWUP  # unused: resolutions are written in the minutes
    FOUND, NONE = strings.REGISTER_FOUND, strings.REGISTER_NONE
    ADDED = SAVED = ""
    STRETCH_COLUMN = RegisterColumn.TEXT
    COLUMN_WIDTHS = {
        RegisterColumn.CODE: 110,
        RegisterColumn.MEETING: 190,
        RegisterColumn.LEAD: 200,
        RegisterColumn.DUE: 95,
        RegisterColumn.STATUS: 150,
    }

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(RegisterTableModel(services.register), changed=services.changes.followup_changed,
                         parent=parent)
        self._services = services
        self._windows: dict[int, FollowUpWindow] = {}
        self.add_button.hide()
        self.edit_button.setText(strings.OPEN_FOLLOWUP)
        self.status_filter = choice_box(
            [(strings.ALL_STATUSES, "")]
            + [(status.label, status.value) for status in ResolutionStatus]
            + [(strings.REGISTER_OVERDUE_FILTER, OVERDUE)]
        )
        self.agency_filter = AgencyCombo(services.agencies)
        self.agency_filter.lineEdit().setPlaceholderText(strings.REGISTER_ALL_AGENCIES)
        self.agency_filter.setMinimumContentsLength(18)
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(8)
        self.due_filter = choice_box([(strings.REGISTER_ALL_DUES, "")])
        for days in DUE_WITHIN_DAYS:
            self.due_filter.addItem(strings.REGISTER_DUE_WITHIN.format(days=format_int(days)), days)
        self._fill_years()
        for combo in (self.status_filter, self.year_filter, self.due_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        # Typing part of a name leaves the filter off until it names an agency.
        self.agency_filter.currentTextChanged.connect(lambda _text: self._apply_filters())
        changes = services.changes
        changes.followup_changed.connect(self._reload)
        changes.resolutions_changed.connect(self._reload)
        changes.agency_changed.connect(self._reload)
        changes.meeting_changed.connect(self._on_meeting_changed)
        self._lay_out(filters=[self.status_filter, self.agency_filter, self.year_filter, self.due_filter])
        # Newest meetings first, their resolutions in order.
        self.table.sortByColumn(RegisterColumn.CODE, Qt.SortOrder.DescendingOrder)

    # -- filters ---------------------------------------------------------------------------

    def _fill_years(self) -> None:
        chosen = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(strings.ALL_YEARS, None)
        for year in self._services.meetings.years():
            self.year_filter.addItem(strings.YEAR_ITEM.format(year=to_persian_digits(year)), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(chosen)))
        self.year_filter.blockSignals(False)

    def set_filters(
        self,
        *,
        status: ResolutionStatus | str | None = None,
        agency_id: int | None = None,
        year: int | None = None,
        due_within_days: int | None = None,
        search: str = "",
    ) -> None:
        """Show the register filtered so (``status`` may be ``OVERDUE``): for links from elsewhere."""
        for combo, value in (
            (self.status_filter, str(status or "")),
            (self.year_filter, year),
            (self.due_filter, due_within_days if due_within_days is not None else ""),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.agency_filter.blockSignals(True)
        self.agency_filter.set_agency_id(agency_id)
        self.agency_filter.blockSignals(False)
        self.search_box.setText(search)
        self.search_box.flush()
        self._apply_filters()

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData()
        due = self.due_filter.currentData()
        self.model.set_filters(
            status=ResolutionStatus(status) if status and status != OVERDUE else None,
            overdue=status == OVERDUE,
            agency_id=self.agency_filter.agency_id(),
            jalali_year=self.year_filter.currentData(),
            due_within_days=due if isinstance(due, int) else None,
        )

    def _on_meeting_changed(self, _meeting_id: int) -> None:
        self._fill_years()
        self._reload()

    # -- opening -------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        resolution_id = self.selected_id()
        if resolution_id is not None:
            self.open_followup(resolution_id)

    def open_followup(self, resolution_id: int, meeting_id: int | None = None) -> FollowUpWindow | None:
        """The resolution's follow-up window (one per resolution), shown and raised.

        ``meeting_id`` is the resolution's meeting, needed when its row is not listed.
        """
        window = self._windows.get(resolution_id)
        if window is None:
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
            window.finished.connect(lambda _result, r=resolution_id: self._windows.pop(r, None))
            self._windows[resolution_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_windows(self) -> list[FollowUpWindow]:
        return list(self._windows.values())
