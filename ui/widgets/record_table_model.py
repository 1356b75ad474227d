"""A table over a short list of records already in hand.

A meeting's agenda, invitees, resolutions or files come with the meeting
(``MeetingService.detail``), a few dozen rows at most: the model holds them
and a subclass declares its ``columns``, which say what each cell shows.
Long lists page from the database instead (``PagedTableModel``).

A view asks ``data()`` several times for each cell every time it paints it
(its text, alignment, colours, font, icon, check box): what a row shows is
made once, the first time it is painted (``ShownRow``: a tuple of one value
per column for each role), so that ``data()`` then only looks it up. The
tooltip, asked for one cell under the mouse, and a model's own roles (an id,
the whole record) are worked out when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from ui.widgets.columns import PAINTED_ROLES, Column, position
from ui.widgets.model_index import ROOT, Index

# The whole record; kept clear of the id roles subclasses number from UserRole + 1.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 64

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
# Roles a row answers only from what it keeps: nothing kept, nothing to show.
_KEPT_ONLY = frozenset((ALIGNMENT, *PAINTED_ROLES))


class ShownRow:
    """A record and what its cells show: by role, a tuple of one value per column (roles
    whose every cell is None are left out)."""

    __slots__ = ("cells", "record")

    def __init__(self, record: Any, cells: dict[int, tuple[Any, ...]]) -> None:
        self.record = record
        self.cells = cells


class RecordTableModel(QAbstractTableModel):
    """Subclasses declare ``columns``; records with an ``id`` can be found again.

    What a whole row shows whatever the column (its id, a grey for the
    inactive) comes from ``_row_data``, which goes before the column's own.
    """

    columns: tuple[Column[Any], ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: dict[int, Any] = {}  # by row
        self._shown: dict[int, ShownRow] = {}  # by row: those of the records painted so far
        self._laid_out: tuple[Column[Any], ...] | None = None  # the columns the next three are of
        self._alignments: tuple[Qt.AlignmentFlag | None, ...] | None = None
        self._painted: tuple[tuple[int, tuple[Callable[[Any], Any] | None, ...]], ...] = ()
        self._whole_rows = type(self)._row_data is not RecordTableModel._row_data

    def _row_data(self, record: Any, role: int) -> Any:
        return None

    def _lay_out_columns(self) -> None:
        """What the columns give besides their text (a model may set its columns in ``__init__``)."""
        columns = self._laid_out = self.columns
        alignments = tuple(column.alignment for column in columns)
        self._alignments = alignments if any(a is not None for a in alignments) else None
        # The painted roles some cell may give, with each column's giver of them.
        self._painted = tuple(
            (role, givers)
            for role in PAINTED_ROLES
            for givers in [tuple(column.giver(role) for column in columns)]
            if self._whole_rows or any(givers)
        )

    def _shown_row(self, record: Any) -> ShownRow:
        """What each cell of ``record``'s row shows, made once for all the paints to come."""
        columns = self.columns
        if columns is not self._laid_out:
            self._lay_out_columns()
        cells: dict[int, tuple[Any, ...]] = {DISPLAY: tuple(column.display(record) for column in columns)}
        if self._alignments is not None:
            cells[ALIGNMENT] = self._alignments
        for role, givers in self._painted:
            whole = self._row_data(record, role) if self._whole_rows else None
            if whole is not None:
                cells[role] = (whole,) * len(columns)
                continue
            values = tuple(give(record) if give is not None else None for give in givers)
            if any(value is not None for value in values):
                cells[role] = values
        return ShownRow(record, cells)

    def column(self, key: str) -> int:
        """The position of the column ``key``."""
        return position(self.columns, key)

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records, self._shown = dict(enumerate(records)), {}
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return [self._records[row] for row in sorted(self._records)]

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, record in self._records.items() if record.id == record_id), None)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        shown = self._shown.get(row)
        if shown is None:
            record = self._records.get(row)
            if record is None:
                return self._not_held(index, role)
            shown = self._shown[row] = self._shown_row(record)
        cells = shown.cells.get(role)
        if cells is not None:
            return cells[index.column()]
        if role in _KEPT_ONLY:
            return None
        return self._asked(shown.record, index.column(), role)

    def _asked(self, record: Any, column: int, role: int) -> Any:
        """A role no row keeps (a tooltip, a model's own): worked out now."""
        if role == RECORD_ROLE:
            return record
        value = self._row_data(record, role)
        return value if value is not None else self.columns[column].data(record, role)

    def _not_held(self, index: Index, role: int) -> Any:
        """A cell of a row not held: a row past the end (or a paged model's row still to read)."""
        return None
