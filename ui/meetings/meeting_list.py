"""The meeting list: every meeting, newest first, searched by words (number,
title, host, hall, occasion, agenda items, resolution codes: see
``secretariat.meetings.search``) and filtered by Jalali year, kind and status,
all together. Double-click (or «باز کردن جلسه») opens the meeting."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from secretariat.changes import Changes
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.records import MeetingRecord
from ui import strings
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.meeting_table_model import MeetingTableModel
from ui.services import Services
from ui.widgets.inputs import choice_box, fill_years
from ui.widgets.list_section import ListSection


class MeetingList(ListSection):
    SEARCH_PLACEHOLDER = strings.MEETING_SEARCH_PLACEHOLDER
    ADD = strings.PLAN_MEETING
    FOUND, NONE = strings.MEETINGS_FOUND, strings.MEETINGS_NONE
    ADDED, SAVED = strings.MEETING_PLANNED, strings.MEETING_SAVED
    EMPTY, EMPTY_HINT = strings.MEETINGS_EMPTY, strings.MEETINGS_EMPTY_HINT
    NO_MATCH = strings.MEETINGS_NO_MATCH

    model: MeetingTableModel

    plan_requested = Signal()
    open_requested = Signal(int)

    # A resolution counts in its meeting's row; a renamed agency hosts it.
    RELOAD_ON = ("meetings", "resolutions", "agencies")

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(MeetingTableModel(services.meetings), parent=parent)
        self._services = services
        self.edit_button.setText(strings.OPEN_MEETING)
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(10)
        self.kind_filter = choice_box([(strings.ALL_KINDS, "")] + [(k.label, k.value) for k in MeetingKind])
        self.status_filter = choice_box(
            [(strings.ALL_STATUSES, "")] + [(s.label, s.value) for s in MeetingStatus]
        )
        self._fill_years()
        for combo in (self.year_filter, self.kind_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self._listen(services.changes)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._lay_out(filters=[self.year_filter, self.kind_filter, self.status_filter, spacer])

    # -- filters ---------------------------------------------------------------------------

    def _fill_years(self) -> None:
        fill_years(self.year_filter, self._services.meetings.years(), strings.ALL_YEARS)

    def set_year(self, year: int | None) -> None:
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))

    def _apply_filters(self) -> None:
        kind = self.kind_filter.currentData()
        status = self.status_filter.currentData()
        self.model.set_filters(
            jalali_year=self.year_filter.currentData(),
            kind=MeetingKind(kind) if kind else None,
            status=MeetingStatus(status) if status else None,
        )

    def _filters(self) -> tuple[QComboBox, ...]:
        return (self.year_filter, self.kind_filter, self.status_filter)

    def _filtered(self) -> bool:
        return super()._filtered() or any(combo.currentIndex() > 0 for combo in self._filters())

    def clear_filters(self) -> None:
        for combo in self._filters():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        super().clear_filters()
        self._apply_filters()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("meetings"):
            self._fill_years()  # a meeting in a year not listed yet
        super()._on_changes(changes)

    # -- actions ---------------------------------------------------------------------------------

    def add(self) -> None:
        self.plan_requested.emit()

    def edit_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is not None:
            self.open_requested.emit(meeting_id)

    def _form(self, meeting_id: int | None) -> MeetingDialog:
        services = self._services
        record = services.meetings.get(meeting_id) if meeting_id is not None else None
        council = services.council.get()
        return MeetingDialog(
            services.meetings, services.agencies, record, chair=council.chair if council else "", parent=self
        )

    def _name(self, record: MeetingRecord) -> str:
        return record.title
