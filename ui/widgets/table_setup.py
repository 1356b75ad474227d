"""The common look and behaviour of the app's table views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def configure_table(
    view: QTableView,
    *,
    stretch_column: int | None = 0,
    sortable: Callable[[int], bool] | None = None,
) -> None:
    """Whole-row single selection, quiet grid, Persian-friendly header.

    With ``sortable``, clicking a header sorts (the model asks the database);
    a column the database cannot sort by leaves the current order as it is.
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
    if stretch_column is not None and view.model() is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    if sortable is not None:
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        _keep_indicator_on_sortable(view, sortable)


def _keep_indicator_on_sortable(view: QTableView, sortable: Callable[[int], bool]) -> None:
    header = view.horizontalHeader()
    last = {"section": header.sortIndicatorSection(), "order": header.sortIndicatorOrder()}

    def on_changed(section: int, order: Qt.SortOrder) -> None:
        if sortable(section):
            last.update(section=section, order=order)
            return
        header.blockSignals(True)
        header.setSortIndicator(last["section"], last["order"])
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
