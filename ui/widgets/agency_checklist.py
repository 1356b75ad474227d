"""Tick any number of agencies (a resolution's collaborators), with a filter box."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from secretariat.members.agencies import AgencyQuery, AgencyService
from secretariat.persian.text import format_int
from ui import strings
from ui.rtl import align_right
from ui.widgets.agency_combo import FoldedFilter
from ui.widgets.model_index import ROOT, Index


class CheckableAgencies(QAbstractListModel):
    """Agencies (id, name) with a tick each; ``UserRole`` is the id."""

    checkedChanged = Signal()

    def __init__(self, agencies: list[tuple[int, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._agencies = agencies
        self._checked: set[int] = set()

    def checked_ids(self) -> list[int]:
        """In the order of the list (Persian order)."""
        return [agency_id for agency_id, _ in self._agencies if agency_id in self._checked]

    def set_checked(self, ids: Iterable[int]) -> None:
        self._checked = set(ids)
        if self._agencies:
            self.dataChanged.emit(self.index(0), self.index(len(self._agencies) - 1))
        self.checkedChanged.emit()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._agencies)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        agency_id, name = self._agencies[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.UserRole:
            return agency_id
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if agency_id in self._checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        agency_id = self._agencies[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(agency_id)
        else:
            self._checked.discard(agency_id)
        self.dataChanged.emit(index, index, [role])
        self.checkedChanged.emit()
        return True


class AgencyChecklist(QWidget):
    """``checked_ids()``, ``set_checked(ids)``; ``changed`` when a tick changes."""

    changed = Signal()

    def __init__(self, agencies: AgencyService, *, keep: Iterable[int] = (), parent: QWidget | None = None):
        super().__init__(parent)
        rows = [(row.id, row.name) for row in agencies.page(AgencyQuery(), limit=None)]
        known = {agency_id for agency_id, _ in rows}
        # Agencies already ticked that are no longer active stay on the list.
        rows = [
            (agency_id, agencies.get(agency_id).name) for agency_id in keep if agency_id not in known
        ] + rows
        self.model = CheckableAgencies(rows, self)
        self._filter = FoldedFilter(self)
        self._filter.setSourceModel(self.model)
        self.filter_box = align_right(QLineEdit())
        self.filter_box.setPlaceholderText(strings.COLLABORATORS_FILTER)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter.set_search)
        self.view = QListView()
        self.view.setModel(self._filter)
        self.view.setUniformItemSizes(True)
        self.view.setFixedHeight(self.view.fontMetrics().height() * 6 + 24)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        layout.addWidget(self.count_label)
        self.model.checkedChanged.connect(self._on_checked_changed)
        self._on_checked_changed()

    def checked_ids(self) -> list[int]:
        return self.model.checked_ids()

    def set_checked(self, ids: Iterable[int]) -> None:
        self.model.set_checked(ids)

    def _on_checked_changed(self) -> None:
        count = len(self.model.checked_ids())
        self.count_label.setText(
            strings.COLLABORATORS_CHOSEN.format(count=format_int(count))
            if count
            else strings.COLLABORATORS_NONE
        )
        self.changed.emit()
