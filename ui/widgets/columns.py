"""A table's column, defined once: title, width, alignment, sort, and how a record shows in it.

A model declares one tuple of ``Column``s (as Picard's item views do). The
model's header and cells, the view's widths (``configure_table``) and what a
click on a header asks the database to sort by all read that tuple, so the
title, the width and the cell of a column cannot drift apart by position.
Position 0 is the first column: the rightmost in a right-to-left view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon

R = TypeVar("R")

# The optional roles a column may give, by the field that gives them.
# ItemDataRole is an IntEnum: a plain int role from Qt finds its entry.
_ROLE_FIELDS: dict[int, str] = {
    Qt.ItemDataRole.ToolTipRole: "tooltip",
    Qt.ItemDataRole.ForegroundRole: "foreground",
    Qt.ItemDataRole.BackgroundRole: "background",
    Qt.ItemDataRole.FontRole: "font",
    Qt.ItemDataRole.DecorationRole: "decoration",
}

# What a view asks of every cell each time it paints it, besides its text and
# alignment: a table model makes these once per row (``RecordTableModel``).
# The tooltip is not among them: it is asked for one cell, under the mouse.
PAINTED_ROLES: tuple[int, ...] = tuple(
    int(role)
    for role in (
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.CheckStateRole,
    )
)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a table of records of type ``R``.

    ``sort`` is the value the core's query understands as this column's order
    (``AgencySort.NAME`` ...): the database sorts, with the Persian collation.
    A column without one does not sort when its header is clicked.
    """

    key: str  # names the column in code and tests, whatever its position
    title: str  # the header, from ``ui.strings``
    display: Callable[[R], str]
    width: int | None = None  # pixels; None leaves the header's default width
    stretch: bool = False  # takes the width the other columns leave
    alignment: Qt.AlignmentFlag | None = None  # None: the view's (leading, so right in Persian)
    sort: Any = None
    tooltip: Callable[[R], str | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    font: Callable[[R], QFont | None] | None = None
    decoration: Callable[[R], QIcon | None] | None = None

    @property
    def sortable(self) -> bool:
        return self.sort is not None

    def giver(self, role: int) -> Callable[[R], Any] | None:
        """What gives this column's cells for the optional ``role``; None when they hold nothing."""
        field = _ROLE_FIELDS.get(role)
        giver: Callable[[R], Any] | None = getattr(self, field) if field else None
        return giver

    def data(self, record: R, role: int) -> Any:
        """What this column's cell of ``record`` holds for ``role``; None when it holds nothing."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment
        give = self.giver(role)
        return give(record) if give is not None else None


def position(columns: Sequence[Column[Any]], key: str) -> int:
    """Where the column ``key`` stands among ``columns``."""
    for at, column in enumerate(columns):
        if column.key == key:
            return at
    raise KeyError(key)
