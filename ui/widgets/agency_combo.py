"""Pick one agency: a drop-down of the active agencies, narrowed as one types.

The list is in Persian order (from the database); typing part of a name
keeps the agencies whose folded name contains the folded text, so مدير
finds مدیر and روابط عمومی finds روابط‌عمومی. A council has a few hundred
agencies at most, so the names are held in the combo.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from secretariat.errors import NotFoundError
from secretariat.members.agencies import AgencyQuery, AgencyService
from secretariat.persian.text import fold, search_terms
from ui import strings
from ui.rtl import align_right


class FoldedFilter(QSortFilterProxyModel):
    """Rows whose folded text contains every folded term typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._terms = search_terms(text)
            self.endFilterChange()
        else:
            self._terms = search_terms(text)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(Qt.ItemDataRole.UserRole) is None:
            return not self._terms  # the "no agency" line only while nothing is typed
        name = fold(index.data(Qt.ItemDataRole.DisplayRole))
        return all(term in name for term in self._terms)


class AgencyCombo(QComboBox):
    """``agency_id()`` is the chosen agency, or None; ``typed_unknown()`` when the text matches none."""

    def __init__(
        self,
        agencies: AgencyService,
        *,
        optional: bool = True,
        exclude: Iterable[int] = (),
        keep: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        line = cast(QLineEdit, self.lineEdit())  # an editable combo has one
        align_right(line)
        line.setPlaceholderText(strings.AGENCY_PICKER_PLACEHOLDER)
        self._optional = optional
        if optional:
            # No agency: an empty line, so that the field shows its hint and typing starts afresh.
            self.addItem("", None)
        excluded = set(exclude)
        rows = [
            (row.id, row.name) for row in agencies.page(AgencyQuery(), limit=None) if row.id not in excluded
        ]
        if keep is not None and keep not in {agency_id for agency_id, _ in rows}:
            # An inactive agency already chosen (last year's host) stays choosable.
            try:
                rows.insert(0, (keep, agencies.get(keep).name))
            except NotFoundError:
                pass
        for agency_id, name in rows:
            self.addItem(name, agency_id)
        self._filter = FoldedFilter(self)
        self._filter.setSourceModel(self.model())
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(10)
        self.setCompleter(completer)
        line.textEdited.connect(self._on_text_edited)
        if not optional:
            self.setCurrentIndex(-1)

    def agency_id(self) -> int | None:
        index = self._matching_index()
        return self.itemData(index) if index >= 0 else None

    def set_agency_id(self, agency_id: int | None) -> None:
        index = self.findData(agency_id)
        self.setCurrentIndex(index if index >= 0 else (0 if self._optional else -1))

    def typed_unknown(self) -> bool:
        """Text is typed that names no agency of the list."""
        text = self.currentText().strip()
        return bool(text) and self._matching_index() < 0

    def agency_count(self) -> int:
        return self.count() - (1 if self._optional else 0)

    def _matching_index(self) -> int:
        text = self.currentText().strip()
        if not text:
            return 0 if self._optional else -1
        return self.findText(text, Qt.MatchFlag.MatchExactly)

    def _on_text_edited(self, text: str) -> None:
        self._filter.set_search(text)
        if text.strip():
            cast(QCompleter, self.completer()).complete()  # set in __init__
