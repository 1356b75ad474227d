"""The «افراد» section: PR managers and staff, searchable, with add and edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from secretariat.people import PersonRecord
from secretariat.text import format_int
from ui import strings
from ui.people_table_model import PeopleTableModel, PersonColumn
from ui.person_dialog import PersonDialog
from ui.search_box import SearchBox
from ui.services import Services
from ui.table_setup import configure_table, select_row

_COLUMN_WIDTHS = {PersonColumn.NAME: 220, PersonColumn.MOBILE: 140, PersonColumn.EMAIL: 220}


class PeopleView(QWidget):
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._people = services.people
        self.search_box = SearchBox(strings.PEOPLE_SEARCH_PLACEHOLDER)
        self.search_box.searchChanged.connect(self._on_search)
        self.add_button = QPushButton(strings.ADD_PERSON)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(strings.EDIT)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultCount")

        self.model = PeopleTableModel(self._people, self)
        self.table = QTableView()
        self.table.setObjectName("listTable")
        self.table.setModel(self.model)
        configure_table(
            self.table, stretch_column=PersonColumn.CURRENT_ROLES, sortable=self.model.is_sortable
        )
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._kept_id: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        tools = QHBoxLayout()
        tools.addWidget(self.search_box, 1)
        tools.addSpacing(12)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)

        changes = services.changes
        changes.person_changed.connect(self._reload)
        changes.roles_changed.connect(self._reload)
        changes.agency_changed.connect(self._reload)
        self._show_result_count()
        self._update_buttons()

    def selected_person_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person_id(rows[0].row()) if rows else None

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)

    def _reload(self, _id: int = 0) -> None:
        self.model.reload()

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_person_id()

    def _restore_selection(self) -> None:
        if self._kept_id is not None:
            self.select_person(self._kept_id)
        self._update_buttons()
        self._show_result_count()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_person_id() is not None)

    def _show_result_count(self) -> None:
        total = self.model.total()
        self.result_label.setText(
            strings.PEOPLE_FOUND.format(count=format_int(total)) if total else strings.PEOPLE_NONE
        )

    def add_person(self) -> None:
        dialog = PersonDialog(self._people, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record: PersonRecord = dialog.saved
            self._services.changes.person_changed.emit(record.id)
            self.select_person(record.id)
            self.message.emit(strings.PERSON_ADDED.format(name=record.full_name))

    def edit_selected(self) -> None:
        person_id = self.selected_person_id()
        if person_id is None:
            return
        dialog = PersonDialog(self._people, self._people.get(person_id), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record: PersonRecord = dialog.saved
            self._services.changes.person_changed.emit(record.id)
            self.message.emit(strings.PERSON_SAVED.format(name=record.full_name))
