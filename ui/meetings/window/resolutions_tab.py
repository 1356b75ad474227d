"""The resolutions of the minutes (مصوبات): number and code, text, lead and
collaborating agencies, deadline, priority; add, edit and remove while the
minutes are open. Once finalized, corrections are amendments, listed with
the original text beside the amended one."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from secretariat.meetings.deadline import kept_deadline_text
from secretariat.meetings.kinds import MeetingStatus, Priority
from secretariat.meetings.records import AmendmentRecord, ResolutionRecord
from secretariat.persian.text import to_persian_digits
from ui import messages, strings
from ui.meetings.meeting_format import due_text, timestamp
from ui.meetings.window.amendment_dialog import ResolutionAmendmentDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.meetings.window.resolution_dialog import ResolutionDialog
from ui.office.attribution import hold_to_user
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.record_table_model import RecordTableModel

PRIORITY_COLOURS = {Priority.HIGH: QColor("#b26a00"), Priority.URGENT: QColor("#b3261e")}
AMENDED_COLOUR = QColor("#4a3f8c")


def _resolution_text(record: ResolutionRecord) -> str:
    if record.current_text != record.text:
        return f"{record.text}\n{strings.AMENDED_MARK}: {record.current_text}"
    return record.text


def _amended_colour(record: ResolutionRecord) -> QColor | None:
    return AMENDED_COLOUR if record.amendments else None


class ResolutionModel(RecordTableModel):
    columns: tuple[Column[ResolutionRecord], ...] = (
        Column(
            "number",
            strings.RESOLUTION_COLUMN_NUMBER,
            lambda record: to_persian_digits(record.number),
            width=50,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            "code",
            strings.RESOLUTION_COLUMN_CODE,
            lambda record: record.display_code,
            width=110,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            "text",
            strings.RESOLUTION_COLUMN_TEXT,
            _resolution_text,
            stretch=True,
            tooltip=lambda record: record.current_text,
            foreground=_amended_colour,
        ),
        Column(
            "lead",
            strings.RESOLUTION_COLUMN_LEAD,
            lambda record: record.lead.agency_name if record.lead else "",
            width=170,
        ),
        Column(
            "collaborators",
            strings.RESOLUTION_COLUMN_COLLABORATORS,
            lambda record: strings.LIST_SEPARATOR.join(a.agency_name for a in record.collaborators),
            width=170,
        ),
        Column("due", strings.RESOLUTION_COLUMN_DUE, due_text, width=100, foreground=_amended_colour),
        Column(
            "priority",
            strings.RESOLUTION_COLUMN_PRIORITY,
            lambda record: record.priority.label,
            width=64,
            foreground=lambda record: PRIORITY_COLOURS.get(record.priority),
        ),
    )


def _amended_digits(text: str, record: AmendmentRecord) -> str:
    # A deadline's amendment keeps the deadline as the core writes it; it reads as every deadline does.
    return kept_deadline_text(text) if record.field == "due_date" else text


def _original(record: AmendmentRecord) -> str:
    return _amended_digits(record.original, record)


def _amended(record: AmendmentRecord) -> str:
    return _amended_digits(record.amended, record)


class AmendmentModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: dict[int, str] = {}
        # The target column reads the names this model is given with the amendments.
        self.columns: tuple[Column[AmendmentRecord], ...] = (
            Column("target", strings.AMENDMENT_COLUMN_TARGET, self._target, width=140),
            Column(
                "field",
                strings.AMENDMENT_COLUMN_FIELD,
                lambda record: strings.AMENDMENT_FIELDS.get(record.field, record.field),
                width=80,
            ),
            Column("original", strings.AMENDMENT_COLUMN_ORIGINAL, _original, width=260, tooltip=_original),
            Column("amended", strings.AMENDMENT_COLUMN_AMENDED, _amended, stretch=True, tooltip=_amended),
            Column("reason", strings.AMENDMENT_COLUMN_REASON, lambda record: record.reason, width=200),
            Column("author", strings.AMENDMENT_COLUMN_AUTHOR, lambda record: record.author, width=100),
            Column(
                "recorded",
                strings.AMENDMENT_COLUMN_RECORDED,
                lambda record: timestamp(record.recorded_at),
                width=120,
            ),
        )

    def set_amendments(self, amendments: tuple[AmendmentRecord, ...], targets: dict[int, str]) -> None:
        self._targets = targets
        self.set_records(amendments)

    def _target(self, record: AmendmentRecord) -> str:
        return self._targets.get(record.id, "")


class ResolutionsTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = ResolutionModel(self)
        self.table = self._table(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(strings.ADD_RESOLUTION)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(strings.EDIT)
        self.remove_button = QPushButton(strings.REMOVE)
        self.amend_button = QPushButton(strings.AMEND)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.amend_button.clicked.connect(self.amend_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.amend_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.amendments_box = QGroupBox(strings.AMENDMENTS)
        self.amendment_model = AmendmentModel(self)
        self.amendments = self._table(self.amendment_model)
        self.amendments.setWordWrap(True)
        self.amendments.horizontalHeader().sectionResized.connect(
            lambda *_: self.amendments.resizeRowsToContents()
        )
        box = QVBoxLayout(self.amendments_box)
        box.addWidget(self.amendments)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.amendments_box)
        splitter.setSizes([330, 250])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.empty_state = EmptyState(self.table, self._empty_message)

    def _empty_message(self) -> EmptyMessage:
        if self._detail is None or self.meeting.status is not MeetingStatus.HELD:
            return EmptyMessage(strings.RESOLUTIONS_EMPTY)  # the lock note says when they are written
        return EmptyMessage(
            strings.RESOLUTIONS_EMPTY,
            strings.RESOLUTIONS_EMPTY_HINT,
            (EmptyAction(strings.ADD_RESOLUTION, self.add, "add"),),
        )

    def _refresh(self) -> None:
        kept = self._kept_id(self.table)
        detail = self.detail
        self.model.set_records(detail.resolutions)
        self.table.resizeRowsToContents()
        self._reselect(self.table, kept)
        codes = {
            r.id: strings.AMENDMENT_ON_RESOLUTION.format(code=r.display_code) for r in detail.resolutions
        }
        items = {
            i.id: strings.AMENDMENT_ON_ITEM.format(position=to_persian_digits(i.position))
            for i in detail.agenda
        }
        targets = {
            a.id: codes.get(a.resolution_id, "")
            if a.resolution_id is not None
            else items.get(cast(int, a.agenda_item_id), "")  # not on a resolution: on an agenda item
            for a in detail.amendments
        }
        self.amendment_model.set_amendments(detail.amendments, targets)
        self.amendments.resizeRowsToContents()
        self.amendments_box.setVisible(bool(detail.amendments))
        if self.meeting.status.upcoming:
            self._set_lock(strings.MINUTES_NOT_YET)
        else:
            self._lock_when_closed(strings.RESOLUTIONS_LOCKED)
        self._update_buttons()

    def selected_resolution(self) -> ResolutionRecord | None:
        selected: ResolutionRecord | None = self._selected(self.table)
        return selected

    def _update_buttons(self) -> None:
        status = self.meeting.status if self._detail is not None else None
        open_minutes = status is MeetingStatus.HELD
        finalized = status is MeetingStatus.FINALIZED
        selected = self.selected_resolution() is not None
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(not finalized)
        self.add_button.setEnabled(open_minutes)
        self.edit_button.setEnabled(open_minutes and selected)
        self.remove_button.setEnabled(open_minutes and selected)
        self.amend_button.setVisible(finalized)
        self.amend_button.setEnabled(finalized and selected)

    # -- actions ----------------------------------------------------------------------------

    def _dialog(self, record: ResolutionRecord | None) -> ResolutionDialog:
        services = self._services
        return ResolutionDialog(
            services.minutes, services.agencies, self.meeting, self.detail.agenda, record, parent=self
        )

    def add(self) -> None:
        saved = self._run(self._dialog(None))
        if saved is not None:
            self.select_next(saved.id)
            self.changed.emit(strings.RESOLUTION_ADDED.format(code=saved.display_code))

    def edit_selected(self) -> None:
        record = self.selected_resolution()
        # As the edit button: greyed out unless the minutes are open, and for a role that may not edit.
        if (
            record is None
            or self.meeting.status is not MeetingStatus.HELD
            or not self.edit_button.isEnabled()
        ):
            return
        saved = self._run(self._dialog(record))
        if saved is not None:
            self.changed.emit(strings.RESOLUTION_SAVED.format(code=saved.display_code))

    def remove_selected(self) -> None:
        record = self.selected_resolution()
        if record is None:
            return
        code = record.display_code
        if not messages.confirm(self, strings.CONFIRM_REMOVE_RESOLUTION.format(code=code)):
            return
        if self._attempt(lambda: self._services.minutes.remove_resolution(record.id)):
            self.changed.emit(strings.RESOLUTION_REMOVED.format(code=code))

    def amend_selected(self) -> None:
        record = self.selected_resolution()
        if record is None:
            return
        council = self._services.council.get()
        dialog = ResolutionAmendmentDialog(
            self._services.minutes,
            record,
            author=council.secretary if council else "",
            parent=self,
        )
        hold_to_user(dialog.author, self._services)
        if self._run(dialog) is not None:
            self.changed.emit(strings.AMENDMENT_SAVED)
