"""A table over a short list of records already in hand.

A meeting's agenda, invitees, resolutions or files come with the meeting
(``MeetingService.detail``), a few dozen rows at most: the model holds them
and a subclass declares its ``columns``, which say what each cell shows.
Long lists page from the database instead (``PagedTableModel``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt

from ui.widgets.columns import Column, position
from ui.widgets.model_index import ROOT, Index

# The whole record; kept clear of the id roles subclasses number from UserRole + 1.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 64


class RecordTableModel(QAbstractTableModel):
    """Subclasses declare ``columns``; records with an ``id`` can be found again.

    What a whole row shows whatever the column (its id, a grey for the
    inactive) comes from ``_row_data``, which goes before the column's own.
    """

    columns: tuple[Column[Any], ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    def _row_data(self, record: Any, role: int) -> Any:
        return None

    def column(self, key: str) -> int:
        """The position of the column ``key``."""
        return position(self.columns, key)

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, record in enumerate(self._records) if record.id == record_id), None)

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
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        if role == RECORD_ROLE:
            return record
        value = self._row_data(record, role)
        return value if value is not None else self.columns[index.column()].data(record, role)
