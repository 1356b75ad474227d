"""The common look and behaviour of the app's table views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.widgets.columns import Column


class _DeclaresColumns(Protocol):
    columns: Sequence[Column[Any]]


def configure_table(view: QTableView, *, sortable: bool = False) -> None:
    """Whole-row single selection, quiet grid, Persian-friendly header.

    The widths come from the model's ``columns``. With ``sortable``, clicking
    a header sorts (the model asks the database); a column the database
    cannot sort by leaves the current order as it is.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    # Every table model of the app declares them.
    columns = cast(_DeclaresColumns, view.model()).columns
    _set_widths(view, columns)
    if sortable:
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        _keep_indicator_on_sortable(view, columns)


def _set_widths(view: QTableView, columns: Sequence[Column[Any]]) -> None:
    header = view.horizontalHeader()
    for at, column in enumerate(columns):
        if column.stretch:
            header.setSectionResizeMode(at, QHeaderView.ResizeMode.Stretch)
        elif column.width is not None:
            view.setColumnWidth(at, column.width)


def _keep_indicator_on_sortable(view: QTableView, columns: Sequence[Column[Any]]) -> None:
    header = view.horizontalHeader()
    last_section, last_order = header.sortIndicatorSection(), header.sortIndicatorOrder()

    def on_changed(section: int, order: Qt.SortOrder) -> None:
        nonlocal last_section, last_order
        if 0 <= section < len(columns) and columns[section].sortable:
            last_section, last_order = section, order
            return
        header.blockSignals(True)
        header.setSortIndicator(last_section, last_order)
        header.blockSignals(False)

    header.sortIndicatorChanged.connect(on_changed)


def select_row(view: QTableView, row: int) -> None:
    """Select a whole row and make it current.

    ``QTableView.selectRow`` looks up the column at the viewport's right edge
    in a right-to-left view, which lies one pixel outside the header, so it
    selects nothing there; going through the selection model works.
    """
    index = view.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(index, flags)
    view.scrollTo(index)
