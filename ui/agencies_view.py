"""The «دستگاه‌های عضو» section: the searchable register and the selected agency."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.agencies import AgencyRecord
from secretariat.errors import DomainError
from secretariat.text import format_int
from ui import messages, strings
from ui.agency_detail import AgencyDetailPanel
from ui.agency_dialog import AgencyDialog
from ui.agency_table_model import AgencyColumn, AgencyTableModel
from ui.search_box import SearchBox
from ui.services import Services
from ui.table_setup import configure_table, select_row

_COLUMN_WIDTHS = {
    AgencyColumn.SHORT_NAME: 150,
    AgencyColumn.CATEGORY: 130,
    AgencyColumn.PR_MANAGER: 170,
    AgencyColumn.PHONES: 130,
    AgencyColumn.JOINED_ON: 100,
    AgencyColumn.STATUS: 70,
}


class AgenciesView(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._agencies = services.agencies

        self.search_box = SearchBox(strings.AGENCY_SEARCH_PLACEHOLDER)
        self.search_box.searchChanged.connect(self._on_search)
        self.show_inactive = QCheckBox(strings.SHOW_INACTIVE)
        self.show_inactive.toggled.connect(self._on_show_inactive)
        self.add_button = QPushButton(strings.ADD_AGENCY)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(strings.EDIT)
        self.toggle_button = QPushButton(strings.DEACTIVATE)
        self.delete_button = QPushButton(strings.DELETE)
        self.add_button.clicked.connect(self.add_agency)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultCount")

        self.model = AgencyTableModel(self._agencies, self)
        self.table = QTableView()
        self.table.setObjectName("listTable")
        self.table.setModel(self.model)
        configure_table(self.table, stretch_column=AgencyColumn.NAME, sortable=lambda _column: True)
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._kept_id: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)

        self.detail = AgencyDetailPanel(services)
        self.detail.message.connect(self.message)

        tools = QHBoxLayout()
        tools.addWidget(self.search_box, 1)
        tools.addWidget(self.show_inactive)
        tools.addSpacing(12)
        for button in (self.add_button, self.edit_button, self.toggle_button, self.delete_button):
            tools.addWidget(button)
        table_area = QWidget()
        table_layout = QVBoxLayout(table_area)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.result_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_area)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)

        changes = services.changes
        changes.agency_changed.connect(self._reload)
        changes.roles_changed.connect(self._reload)
        changes.person_changed.connect(self._reload)
        self._show_result_count()
        self._update_buttons()

    # -- selection ----------------------------------------------------------------

    def selected_agency_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.agency_id(rows[0].row()) if rows else None

    def select_agency(self, agency_id: int) -> bool:
        row = self.model.row_of(agency_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.detail.show_agency(self.selected_agency_id())
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        for button in (self.edit_button, self.toggle_button, self.delete_button):
            button.setEnabled(bool(rows))
        active = self.model.row_object(rows[0].row()).active if rows else True
        self.toggle_button.setText(strings.DEACTIVATE if active else strings.ACTIVATE)

    # -- list -------------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)

    def _on_show_inactive(self, checked: bool) -> None:
        self.model.set_include_inactive(checked)

    def _reload(self, _agency_id: int = 0) -> None:
        self.model.reload()

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_agency_id()

    def _restore_selection(self) -> None:
        # A reset (search, sort, reload) clears the selection without a
        # signal: select the same agency again, or say that none is selected.
        if self._kept_id is None or not self.select_agency(self._kept_id):
            self._on_selection_changed(QItemSelection(), QItemSelection())
        self._show_result_count()

    def _show_result_count(self) -> None:
        total = self.model.total()
        self.result_label.setText(
            strings.AGENCIES_FOUND.format(count=format_int(total)) if total else strings.AGENCIES_NONE
        )

    # -- actions -------------------------------------------------------------------------

    def add_agency(self) -> None:
        dialog = AgencyDialog(self._agencies, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record: AgencyRecord = dialog.saved
            self._services.changes.agency_changed.emit(record.id)
            self.select_agency(record.id)
            self.message.emit(strings.AGENCY_ADDED.format(name=record.name))

    def edit_selected(self) -> None:
        agency_id = self.selected_agency_id()
        if agency_id is None:
            return
        dialog = AgencyDialog(self._agencies, self._agencies.get(agency_id), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record: AgencyRecord = dialog.saved
            self._services.changes.agency_changed.emit(record.id)
            self.message.emit(strings.AGENCY_SAVED.format(name=record.name))

    def toggle_selected(self) -> None:
        agency_id = self.selected_agency_id()
        if agency_id is None:
            return
        current = self._agencies.get(agency_id)
        record = self._agencies.set_active(agency_id, not current.active)
        self._services.changes.agency_changed.emit(record.id)
        text = strings.AGENCY_ACTIVATED if record.active else strings.AGENCY_DEACTIVATED
        self.message.emit(text.format(name=record.name))

    def delete_selected(self) -> None:
        agency_id = self.selected_agency_id()
        if agency_id is None:
            return
        record = self._agencies.get(agency_id)
        # Ask only when deleting is possible; otherwise the core's refusal
        # (deactivate instead) is the answer.
        if not self._agencies.is_referenced(agency_id) and not messages.confirm(
            self, strings.CONFIRM_DELETE_AGENCY.format(name=record.name)
        ):
            return
        try:
            self._agencies.delete(agency_id)
        except DomainError as error:
            messages.warn(self, error.message)
            return
        self._services.changes.agency_changed.emit(agency_id)
        self.message.emit(strings.AGENCY_DELETED.format(name=record.name))
