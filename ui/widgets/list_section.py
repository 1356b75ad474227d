"""A list section: a searchable, paged table of one kind of record, with add and edit.

The agencies and people sections are built on it, and so is the next list.
A subclass

- sets the words as class attributes,
- passes its ``PagedTableModel`` (which declares the table's columns) and
  the change its forms make,
- connects the changes that should reload the list to ``_reload``,
- gives ``_form`` (the add or edit dialog) and ``_name`` (for the messages),
- adds its own filters, buttons or panel and calls ``_lay_out`` last.

The selected row is kept across a reload, a search or a sort.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from secretariat.persian.text import format_int
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.paged_table_model import PagedTableModel
from ui.widgets.search_box import SearchBox
from ui.widgets.table_setup import configure_table, select_row


class ListSection(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    SEARCH_PLACEHOLDER: str
    ADD: str  # the add button
    FOUND: str  # the result count, with {count}
    NONE: str  # the result count when nothing matches
    ADDED: str  # the status messages, with {name}
    SAVED: str

    def __init__(self, model: PagedTableModel, *, changed: SignalInstance, parent: QWidget | None = None):
        super().__init__(parent)
        self._changed = changed
        self.search_box = SearchBox(self.SEARCH_PLACEHOLDER)
        self.add_button = QPushButton(self.ADD)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(strings.EDIT)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultCount")

        self.model = model
        model.setParent(self)
        self.search_box.searchChanged.connect(model.set_search)
        self.table = QTableView()
        self.table.setObjectName("listTable")
        self.table.setModel(model)
        configure_table(self.table, sortable=True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._kept_id: int | None = None
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)

    def _lay_out(
        self,
        body: QWidget | None = None,
        *,
        filters: Sequence[QWidget] = (),
        buttons: Sequence[QWidget] = (),
    ) -> None:
        """The tool row over ``body`` (by default ``_table_area()``); call last in ``__init__``."""
        tools = QHBoxLayout()
        tools.addWidget(self.search_box, 1)
        for widget in filters:
            tools.addWidget(widget)
        tools.addSpacing(12)
        for button in (self.add_button, self.edit_button, *buttons):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self._table_area() if body is None else body, 1)
        self._show_result_count()
        self._update_buttons()

    def _table_area(self) -> QWidget:
        """The table with the result count under it."""
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        return area

    # -- for subclasses ------------------------------------------------------------

    def _form(self, item_id: int | None) -> FormDialog:
        """The dialog that adds a record (``None``) or edits one."""
        raise NotImplementedError

    def _name(self, record: Any) -> str:
        """The record's name in the status messages."""
        raise NotImplementedError

    def _selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)

    # -- selection -------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_id(rows[0].row()) if rows else None

    def select(self, item_id: int) -> bool:
        row = self.model.row_of(item_id)
        if row is None:
            return False
        select_row(self.table, row)
        return True

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- list --------------------------------------------------------------------------

    def _reload(self, _id: int = 0) -> None:
        self.model.reload()

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_id()

    def _restore_selection(self) -> None:
        # A reset (search, sort, reload) clears the selection without a
        # signal: select the same record again, or say that none is selected.
        if self._kept_id is None or not self.select(self._kept_id):
            self._selection_changed()
        self._show_result_count()

    def _show_result_count(self) -> None:
        total = self.model.total()
        self.result_label.setText(self.FOUND.format(count=format_int(total)) if total else self.NONE)

    # -- actions -------------------------------------------------------------------------

    def add(self) -> None:
        record = self._run(self._form(None))
        if record is not None:
            self.select(record.id)
            self.message.emit(self.ADDED.format(name=self._name(record)))

    def edit_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        record = self._run(self._form(item_id))
        if record is not None:
            self.message.emit(self.SAVED.format(name=self._name(record)))

    def _run(self, dialog: FormDialog) -> Any:
        """Show the form; once it has saved, announce the change and return the record."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self._changed.emit(dialog.saved.id)
        return dialog.saved
