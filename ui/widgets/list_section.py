"""A list section: a searchable, paged table of one kind of record, with add and edit.

The agencies and people sections are built on it, and so is the next list.
A subclass

- sets the words as class attributes,
- passes its ``PagedTableModel`` (which declares the table's columns),
- names in ``RELOAD_ON`` the kinds of change that reload the list and calls
  ``_listen(services.changes)`` (a form's save is announced by the core),
- gives ``_form`` (the add or edit dialog) and ``_name`` (for the messages),
- adds its own filters, buttons or panel and calls ``_lay_out`` last.

The selected row is kept across a reload, a search or a sort. An empty list
says why over its table (``EmptyState``): with nothing recorded yet, ``EMPTY``
and ``EMPTY_HINT`` with the add button's action (``_empty_actions``); when a
search or filter (``_filtered``) hides everything, ``NO_MATCH`` and a button
that clears them (``clear_filters``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.persian.text import format_int
from ui import strings
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.form_dialog import FormDialog
from ui.widgets.paged_table_model import PagedTableModel
from ui.widgets.search_box import SearchBox
from ui.widgets.table_setup import configure_table, select_row

if TYPE_CHECKING:
    from secretariat.changes import Changes
    from ui.changes import Changes as ChangeSignals


class ListSection(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    SEARCH_PLACEHOLDER: str
    ADD: str  # the add button
    FOUND: str  # the result count, with {count}
    NONE: str  # the result count when nothing matches
    ADDED: str  # the status messages, with {name}
    SAVED: str
    EMPTY: str  # the empty list, before anything is recorded
    EMPTY_HINT: str = ""  # what to do about it
    NO_MATCH: str  # the empty list, when a search or a filter hides every record
    RELOAD_ON: tuple[str, ...] = ()  # kinds of change (fields of secretariat.changes.Changes) shown here

    def __init__(self, model: PagedTableModel, *, parent: QWidget | None = None):
        super().__init__(parent)
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
        # Every row is one line high and never resized (the lists do not fit rows to their text).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.watch(self.table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._kept_id: int | None = None
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        # A reload keeps the view where it is; the selection follows its record (or goes).
        model.layoutChanged.connect(lambda *_: self._selection_changed())
        model.rowsInserted.connect(lambda *_: self._count_changed())
        model.rowsRemoved.connect(lambda *_: self._count_changed())

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
        self.empty_state = EmptyState(self.table, self._empty_message)
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

    def _filtered(self) -> bool:
        """Does a search or a filter narrow the list (so that empty means «nothing matches»)?"""
        return bool(self.search_box.text().strip())

    def clear_filters(self) -> None:
        """Show every record again: the search emptied (a subclass clears its filters too)."""
        if self.search_box.text():
            self.search_box.clear()
            self.search_box.flush()

    def _empty_actions(self) -> tuple[EmptyAction, ...]:
        """What the empty list offers to do: by default, add the first record."""
        return (EmptyAction(self.ADD, self.add, "add"),)

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

    def _listen(self, changes: ChangeSignals) -> None:
        changes.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.RELOAD_ON):
            self._reload()

    def _reload(self) -> None:
        self.model.reload()

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_id()

    def _restore_selection(self) -> None:
        # A reset (search, filter, sort) clears the selection without a
        # signal: the list starts at the top, with the same record selected
        # again if it is among the first rows, or none.
        self._count_changed()
        self.table.scrollToTop()
        if self._kept_id is None or not self.select(self._kept_id):
            self._selection_changed()

    def _count_changed(self) -> None:
        # The scroll bar fits the new count now, not after the rows are painted (which would
        # paint the list, and the section around its rounded frame, a second time).
        self.table.doItemsLayout()
        self._show_result_count()

    def _empty_message(self) -> EmptyMessage:
        if self._filtered():
            return EmptyMessage(
                self.NO_MATCH,
                strings.NO_MATCH_HINT,
                (EmptyAction(strings.CLEAR_FILTERS, self.clear_filters, "clear"),),
            )
        return EmptyMessage(self.EMPTY, self.EMPTY_HINT, self._empty_actions())

    def _show_result_count(self) -> None:
        total = self.model.total()
        self.result_label.setText(self.FOUND.format(count=format_int(total)) if total else self.NONE)

    # -- actions -------------------------------------------------------------------------

    def add(self) -> None:
        if not self.add_button.isEnabled():  # greyed out for this role (ui.office.gate)
            return
        record = self._run(self._form(None))
        if record is not None:
            self.select(record.id)
            self.message.emit(self.ADDED.format(name=self._name(record)))

    def edit_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None or not self.edit_button.isEnabled():  # nothing, or greyed out for this role
            return
        record = self._run(self._form(item_id))
        if record is not None:
            self.message.emit(self.SAVED.format(name=self._name(record)))

    def _run(self, dialog: FormDialog) -> Any:
        """Show the form; the record it saved (the core has announced it, the list reloaded), or None."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved
