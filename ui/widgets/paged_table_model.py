"""A table model that loads its rows a page at a time from a service.

The view asks for more rows (``canFetchMore``/``fetchMore``) as the person
scrolls, so a list of thousands opens at once. Filtering and sorting are the
service's business: the model only passes the query on and reloads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt

from ui.widgets.model_index import ROOT, Index
from ui.widgets.record_table_model import RecordTableModel


class PagedSource(Protocol):
    """What a core service offers for a paged list (``AgencyService``, ``PeopleService``)."""

    def count(self, query: Any) -> int: ...

    def page(self, query: Any, *, offset: int, limit: int | None) -> list[Any]: ...


class PagedTableModel(RecordTableModel):
    """Rows of ``service.page(query)``, loaded a page at a time; ``service.count(query)`` of them in all.

    The query is a frozen dataclass. ``set_search`` needs a ``search`` field;
    a column with a ``sort`` sorts by it (then the query needs ``sort`` and
    ``descending``). Subclasses declare the ``columns``.
    """

    PAGE_SIZE = 100

    def __init__(self, service: PagedSource, query: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = query
        self._total = 0
        self.reload()

    # -- for subclasses ----------------------------------------------------

    def _set_query(self, query: Any) -> None:
        if query == self._query:
            return
        previous, self._query = self._query, query
        # A new order of the same rows: the count stands, only the rows are read.
        self.reload(count=_without_order(query) != _without_order(previous))

    # -- public ---------------------------------------------------------------

    @property
    def query(self) -> Any:
        return self._query

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns) and self.columns[column].sortable

    def set_search(self, text: str) -> None:
        self._set_query(replace(self._query, search=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._set_query(replace(self._query, sort=self.columns[column].sort, descending=descending))

    def reload(self, *, count: bool = True) -> None:
        """Query again, keeping as many rows loaded as before (scroll position)."""
        self.beginResetModel()
        keep = max(self.PAGE_SIZE, len(self._records))
        if count:
            self._total = self._service.count(self._query)
        self._records = self._fetch(0, keep) if self._total else []
        self.endResetModel()

    def total(self) -> int:
        """How many rows match, loaded or not."""
        return self._total

    def row_object(self, row: int) -> Any:
        return self.record(row)

    def item_id(self, row: int) -> int:
        item_id: int = self.record(row).id
        return item_id

    # -- Qt: paging ------------------------------------------------------------------

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self._records) < self._total

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid():
            return
        batch = self._fetch(len(self._records), self.PAGE_SIZE)
        if not batch:
            # Rows were deleted elsewhere since counting: stop asking.
            self._total = len(self._records)
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._records.extend(batch)
        self.endInsertRows()

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        return self._service.page(self._query, offset=offset, limit=limit)


_ORDER_FIELDS = ("sort", "descending")


def _without_order(query: Any) -> Any:
    return replace(query, **{name: None for name in _ORDER_FIELDS if hasattr(query, name)})
