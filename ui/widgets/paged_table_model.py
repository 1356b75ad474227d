"""A table model over a long list that holds only the rows around what a view shows.

The model says how many rows match (``service.count``) and reads a page of
them (``service.page``) when a view asks for a row it does not hold, so a
list of 120,000 resolutions opens, and scrolls to its end, as quickly as a
list of a hundred (the register's service reads a page nearer the end from
the end). It keeps the pages around the rows asked for last (``HELD_PAGES``)
and drops the others: what it holds stays a few hundred rows however far the
list is scrolled.

``reload`` (after a change) counts again and reads again only the rows in
the view (``watch``): the view keeps its scroll position and its selection,
which follows the selected record by id. A new search, filter or order reads
the first page, and the view starts at the top.

Every read runs on a background thread (``BackgroundReads``): a quick one is
shown at once, and a slow one never holds the window for more than
``WAIT_MS``: the view keeps what it shows (the rows before a reload, blank
rows where it scrolled) until the rows arrive. Filtering and sorting are the
service's business: the model only passes the query on.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTableView

from ui.widgets.background_reads import BackgroundReads
from ui.widgets.model_index import ROOT, Index
from ui.widgets.record_table_model import RecordTableModel

# Rows read around those in view at a reload: a change that adds or removes a
# row above them moves the view's rows, and the selected one, by a few.
RELOAD_MARGIN = 10
# More than a screen shows: a view's rows are taken as no more than these (one not laid out yet).
MOST_ROWS_IN_VIEW = 200


class PagedSource(Protocol):
    """What a core service offers for a paged list (``AgencyService``, ``RegisterService``...)."""

    def count(self, query: Any) -> int: ...

    def page(self, query: Any, *, offset: int, limit: int | None) -> list[Any]: ...


class PagedTableModel(RecordTableModel):
    """Rows of ``service.page(query)``, ``service.count(query)`` of them in all, held by the page.

    The query is a frozen dataclass. ``set_search`` needs a ``search`` field;
    a column with a ``sort`` sorts by it (then the query needs ``sort`` and
    ``descending``). Subclasses declare the ``columns``.
    """

    PAGE_SIZE = 100
    HELD_PAGES = 5  # the pages kept around the rows asked for last; the rows of a selection are kept too
    WAIT_MS = 50  # the longest a turn of the event loop waits for reads before the view paints

    def __init__(self, service: PagedSource, query: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = query
        self._total = 0
        self._generation = 0  # a new query or a reload: reads begun before it are not shown
        self._renewing = False  # the rows of a new query or a reload are being read: the old ones stay
        self._pages: set[int] = set()  # read, or being read, since the last renewal (and not dropped)
        self._last_page = 0  # the page asked for last
        self._view: QTableView | None = None
        self._reads = BackgroundReads(self)
        self._renew(count=True, reset=True)

    # -- for subclasses ----------------------------------------------------

    def _set_query(self, query: Any) -> None:
        if query == self._query:
            return
        previous, self._query = self._query, query
        # A new order of the same rows: the count stands, only the rows are read.
        self._renew(count=_without_order(query) != _without_order(previous), reset=True)

    # -- public ---------------------------------------------------------------

    @property
    def query(self) -> Any:
        return self._query

    def watch(self, view: QTableView) -> None:
        """Reload the rows ``view`` shows (by default, the page asked for last)."""
        self._view = view
        view.destroyed.connect(lambda *_: self._forget_view())

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
        """Count and read again the rows in view (after a change); the view stays where it is."""
        self._renew(count=count, reset=False)

    def total(self) -> int:
        """How many rows match, held or not."""
        return self._total

    def held_rows(self) -> int:
        """How many rows the model holds now (the rest are read when a view asks for them)."""
        return len(self._records)

    def is_held(self, row: int) -> bool:
        """Does the model hold ``row`` now (shown without reading)?"""
        return row in self._records

    def reading(self) -> bool:
        """Are rows still being read in the background?"""
        return self._reads.busy()

    def wait_for_reads(self) -> None:
        """Wait for the reads begun and show their rows."""
        self._reads.finish()

    def record(self, row: int) -> Any:
        """The record of ``row``, read now if the model does not hold it."""
        if row not in self._records:
            self._reads.finish()
            if row not in self._records and 0 <= row < self._total:
                self._read_pages(row // self.PAGE_SIZE, row // self.PAGE_SIZE)
                self._reads.finish()
        return self._records[row]

    def row_object(self, row: int) -> Any:
        return self.record(row)

    def item_id(self, row: int) -> int:
        item_id: int = self.record(row).id
        return item_id

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._total

    # -- reading a page ---------------------------------------------------------------

    def _not_held(self, index: Index, role: int) -> Any:
        row = index.row()
        if self._renewing or not 0 <= row < self._total:
            return None
        page = row // self.PAGE_SIZE
        if page in self._pages:
            return None  # being read (or shorter than counted: rows deleted since)
        # The other rows in view are asked for in the same paint: one read for them all.
        first, last = self._rows_in_view()
        pages = range(first // self.PAGE_SIZE, last // self.PAGE_SIZE + 1)
        missing = [p for p in pages if p not in self._pages] if page in pages else [page]
        self._read_pages(min(missing), max(missing))
        # Read within the wait: shown in this very paint.
        return self.data(index, role) if row in self._records else None

    def _read_pages(self, first_page: int, last_page: int) -> None:
        pages = range(first_page, last_page + 1)
        self._pages.update(pages)
        self._last_page = last_page
        generation, query, total = self._generation, self._query, self._total
        first = first_page * self.PAGE_SIZE
        last = min((last_page + 1) * self.PAGE_SIZE, total) - 1

        def read() -> list[Any] | None:
            if generation != self._generation:
                return None  # a reload or a new query came first
            return self._read_rows(query, first, last)

        def arrived(future: Future[Any], at_once: bool) -> None:
            if generation != self._generation:
                return  # a reload or a new query came after: not shown, whatever it found
            records = future.result()
            if records is None:
                return
            for at, record in enumerate(records, start=first):
                self._records[at] = record
                self._shown.pop(at, None)
            self._drop_far_from(pages)
            if not at_once and records:
                # Painted blank meanwhile: paint the rows that arrived.
                last_column = len(self.columns) - 1
                self.dataChanged.emit(self.index(first, 0), self.index(first + len(records) - 1, last_column))

        self._reads.run(read, arrived, wait_ms=self.WAIT_MS)

    def _read_rows(self, query: Any, first: int, last: int) -> list[Any]:
        """Rows ``first`` to ``last`` (on the reading thread)."""
        return self._service.page(query, offset=first, limit=last - first + 1)

    def _drop_far_from(self, pages: range) -> None:
        """Keep the pages just read with those around them, and the rows in view and those a
        selection is on; drop the rest."""
        size = self.PAGE_SIZE
        if len(self._records) <= self.HELD_PAGES * size:
            return
        reach = max(0, self.HELD_PAGES - len(pages)) // 2
        first, last = self._rows_in_view()
        kept = set(range(pages.start - reach, pages.stop + reach)) | set(
            range(first // size, last // size + 1)
        )
        pinned = {index.row() for index in self.persistentIndexList()}
        for row in [row for row in self._records if row // size not in kept and row not in pinned]:
            del self._records[row]
            self._shown.pop(row, None)
        self._pages &= kept

    # -- a reload, a new query ---------------------------------------------------------------

    def _renew(self, *, count: bool, reset: bool) -> None:
        """Read again (count too with ``count``): the first page with ``reset``, else the rows in view."""
        spans = [(0, self.PAGE_SIZE - 1)] if reset else self._spans_to_reread()
        self._generation += 1
        self._renewing = True
        self._pages = set()
        generation, query, total = self._generation, self._query, self._total

        def read() -> tuple[int, list[tuple[int, list[Any]]]] | None:
            if generation != self._generation:
                return None
            if reset:
                # A first page shorter than a page is the whole list: no count needed.
                records = self._service.page(query, offset=0, limit=self.PAGE_SIZE)
                short = len(records) < self.PAGE_SIZE
                found = len(records) if short else self._service.count(query) if count else total
                return found, [(0, records)]
            found = self._service.count(query) if count else total
            return found, [
                (first, self._read_rows(query, first, min(last, found - 1)))
                for first, last in spans
                if first < found
            ]

        def arrived(future: Future[Any], at_once: bool) -> None:
            if generation != self._generation:
                return
            try:
                result = future.result()  # a read's error is raised here, in the GUI thread
                if result is None:
                    return
                found, blocks = result
                rows = {at: record for first, records in blocks for at, record in enumerate(records, first)}
                if reset:
                    self.beginResetModel()
                    self._total, self._records, self._shown = found, rows, {}
                    self._pages, self._last_page = {0}, 0
                    self.endResetModel()
                else:
                    self._reloaded(found, rows)
            finally:
                # Until now a view asking for a row not held is told nothing: it would be read
                # with the old count, or among rows about to be replaced.
                self._renewing = False

        self._reads.run(read, arrived, wait_ms=self.WAIT_MS)

    def _spans_to_reread(self) -> list[tuple[int, int]]:
        """The rows in view and the selected ones, each with a margin; merged, in order."""
        first, last = self._rows_in_view()
        spans = [(first, last)] + [(index.row(), index.row()) for index in self.persistentIndexList()]
        merged: list[tuple[int, int]] = []
        for low, high in sorted((max(0, low - RELOAD_MARGIN), high + RELOAD_MARGIN) for low, high in spans):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
            else:
                merged.append((low, high))
        return merged

    def _rows_in_view(self) -> tuple[int, int]:
        view = self._view
        height = view.viewport().height() if view is not None else 0
        top = view.rowAt(0) if view is not None and height > 0 else -1
        if view is not None and top >= 0:
            bottom = view.rowAt(height - 1)  # none: the list ends above the bottom edge
            return top, min(bottom if bottom >= 0 else self._total - 1, top + MOST_ROWS_IN_VIEW - 1)
        first = self._last_page * self.PAGE_SIZE
        return first, first + self.PAGE_SIZE - 1

    def _reloaded(self, found: int, rows: dict[int, Any]) -> None:
        """Show the rows read again in place: the view stays put, a selection follows its record."""
        if found > self._total:
            self.beginInsertRows(ROOT, self._total, found - 1)
            self._total = found
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        old = self._records
        new_rows = {record.id: row for row, record in rows.items()}
        before = self.persistentIndexList()
        after = []
        for index in before:
            held = old.get(index.row())
            row = new_rows.get(held.id) if held is not None else None
            if row is None and held is None and index.row() < found:
                row = index.row()  # not held before: it stays where it was
            after.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self._records, self._shown = rows, {}
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()
        if found < self._total:
            self.beginRemoveRows(ROOT, found, self._total - 1)
            self._total = found
            self.endRemoveRows()

    def _forget_view(self) -> None:
        self._view = None


_ORDER_FIELDS = ("sort", "descending")


def _without_order(query: Any) -> Any:
    return replace(query, **{name: None for name in _ORDER_FIELDS if hasattr(query, name)})
