"""The agenda (دستور کار): ordered items with their presenters and notes;
add, edit, remove, move up and down, and the review of open resolutions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from secretariat.meetings.records import AgendaItemRecord
from secretariat.persian.text import to_persian_digits
from ui import messages, strings
from ui.meetings.window.agenda_item_dialog import AgendaItemDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.record_table_model import RecordTableModel


class AgendaModel(RecordTableModel):
    columns: tuple[Column[AgendaItemRecord], ...] = (
        Column(
            "position",
            strings.AGENDA_COLUMN_POSITION,
            lambda item: to_persian_digits(item.position),
            width=56,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
        Column("title", strings.AGENDA_COLUMN_TITLE, lambda item: item.title, width=320),
        Column(
            "presenter", strings.AGENDA_COLUMN_PRESENTER, lambda item: item.presenter_agency_name, width=220
        ),
        Column(
            "notes",
            strings.AGENDA_COLUMN_NOTES,
            lambda item: " ".join(item.notes.split()),  # one line in the table
            stretch=True,
            tooltip=lambda item: item.notes or None,
        ),
    )


class AgendaTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = AgendaModel(self)
        self.table = self._table(self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(strings.ADD_AGENDA_ITEM)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(strings.EDIT)
        self.remove_button = QPushButton(strings.REMOVE)
        self.up_button = QPushButton(strings.MOVE_UP)
        self.down_button = QPushButton(strings.MOVE_DOWN)
        self.review_button = QPushButton(strings.ADD_OPEN_REVIEW)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.review_button.clicked.connect(self.add_review)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(self.table, self._empty_message)

    def _empty_message(self) -> EmptyMessage:
        if self._detail is None or not self.meeting.editable:
            return EmptyMessage(strings.AGENDA_EMPTY)  # the lock note says why nothing can be added
        return EmptyMessage(
            strings.AGENDA_EMPTY,
            strings.AGENDA_EMPTY_HINT,
            (
                EmptyAction(strings.ADD_AGENDA_ITEM, self.add, "add"),
                EmptyAction(strings.ADD_OPEN_REVIEW, self.add_review, "review"),
            ),
        )

    def _refresh(self) -> None:
        kept = self._kept_id(self.table)
        self.model.set_records(self.detail.agenda)
        self._reselect(self.table, kept)
        self._lock_when_closed(strings.AGENDA_LOCKED)
        self._update_buttons()

    def selected_item(self) -> AgendaItemRecord | None:
        selected: AgendaItemRecord | None = self._selected(self.table)
        return selected

    def _update_buttons(self) -> None:
        editable = self._detail is not None and self.meeting.editable
        item = self.selected_item()
        count = self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and item is not None)
        self.remove_button.setEnabled(editable and item is not None)
        self.up_button.setEnabled(editable and item is not None and item.position > 1)
        self.down_button.setEnabled(editable and item is not None and item.position < count)
        # Asked again, the review item's list of open resolutions is brought up to date.
        has_review = any(each.reviews_open_resolutions for each in self.model.records())
        self.review_button.setText(strings.REFRESH_OPEN_REVIEW if has_review else strings.ADD_OPEN_REVIEW)
        self.review_button.setEnabled(editable)

    # -- actions --------------------------------------------------------------------------

    def add(self) -> None:
        services = self._services
        saved = self._run(AgendaItemDialog(services.agenda, services.agencies, self.meeting.id, parent=self))
        if saved is not None:
            self.select_next(saved.id)
            self.changed.emit(strings.AGENDA_ITEM_ADDED.format(title=saved.title))

    def edit_selected(self) -> None:
        item = self.selected_item()
        # As the edit button: greyed out for a closed meeting, or a role that may not edit.
        if item is None or not self.meeting.editable or not self.edit_button.isEnabled():
            return
        services = self._services
        saved = self._run(
            AgendaItemDialog(services.agenda, services.agencies, self.meeting.id, item, parent=self)
        )
        if saved is not None:
            self.changed.emit("")

    def remove_selected(self) -> None:
        item = self.selected_item()
        if item is None or not messages.confirm(self, strings.CONFIRM_REMOVE_ITEM.format(title=item.title)):
            return
        if self._attempt(lambda: self._services.agenda.remove(item.id)):
            self.changed.emit("")

    def move_selected(self, steps: int) -> None:
        item = self.selected_item()
        if item is not None and self._attempt(lambda: self._services.agenda.move(item.id, steps)):
            self.changed.emit("")

    def add_review(self) -> None:
        refreshing = any(each.reviews_open_resolutions for each in self.model.records())
        added = []
        if self._attempt(
            lambda: added.append(self._services.agenda.add_open_resolutions_review(self.meeting.id))
        ):
            self.select_next(added[0].id)
            self.changed.emit(strings.AGENDA_REVIEW_REFRESHED if refreshing else strings.AGENDA_REVIEW_ADDED)
