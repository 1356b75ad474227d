"""The year's matrix as a table: the agencies down, the twelve Jalali months across, then
each agency's counts.

A cell says its state in a word or a sign as well as in its colour («✓», «۴ روز دیر»,
«نرسیده», «—», «معاف»), and its tip says it whole: the state, the day the report was
received, the due date, why the agency is exempt. Each month's header counts its column
(«مهر» over «۱۷ از ۲۵»), so the counts stay in view however far the list is scrolled.

The matrix is read off the GUI thread, as the lists' pages are (``BackgroundReads``);
at a province's 200 agencies it takes a few milliseconds and comes before the view
paints.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from secretariat.monthly.matrix import (
    Cell,
    CellState,
    MatrixQuery,
    MatrixRow,
    MonthCount,
    MonthlyMatrixService,
    YearMatrix,
)
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import strings
from ui.widgets.background_reads import BackgroundReads
from ui.widgets.model_index import ROOT, Index
from ui.widgets.paged_table_model import PagedTableModel

NAME_COLUMN = 0
FIRST_MONTH_COLUMN = 1  # فروردین; اسفند is column 12
RECEIVED_COLUMN, LATE_COLUMN, MISSING_COLUMN = 13, 14, 15
COLUMN_COUNT = 16

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # a month column's ``Cell``
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's agency id


@dataclass(frozen=True)
class StateLook:
    text: QColor
    background: QColor | None


# A strong colour for the words on a faint tint of it, as the status badges are.
LOOKS = {
    CellState.ON_TIME: StateLook(QColor("#1e6b3f"), QColor("#e1f1e7")),
    CellState.LATE: StateLook(QColor("#8a5a00"), QColor("#fcefd0")),
    CellState.MISSING: StateLook(QColor("#b3261e"), QColor("#fbe2df")),
    CellState.NOT_DUE: StateLook(QColor("#6b7785"), None),
    CellState.EXEMPT: StateLook(QColor("#4a3f8c"), QColor("#ebe9f6")),
}
MISSING_COUNT_COLOUR = LOOKS[CellState.MISSING].text


def month_column(month: int) -> int:
    return FIRST_MONTH_COLUMN + month - 1


def column_month(column: int) -> int | None:
    """The month (1-12) a column shows, or None for the name and the counts."""
    month = column - FIRST_MONTH_COLUMN + 1
    return month if 1 <= month <= 12 else None


def cell_text(cell: Cell) -> str:
    """What the cell says, short enough for its column: «✓», «۴ روز دیر», «نرسیده», «—», «معاف»."""
    if cell.state is CellState.LATE:
        return strings.MONTHLY_CELL_LATE.format(days=format_int(cell.late_days or 0))
    return {
        CellState.ON_TIME: strings.MONTHLY_CELL_ON_TIME,
        CellState.MISSING: strings.MONTHLY_CELL_MISSING,
        CellState.NOT_DUE: strings.MONTHLY_CELL_NOT_DUE,
        CellState.EXEMPT: strings.MONTHLY_CELL_EXEMPT,
    }[cell.state]


def cell_state_line(cell: Cell, due_day: int, today: dt.date) -> str:
    """The cell's state in a sentence: «با تأخیر رسید: ۱۴۰۵/۰۸/۰۹، ۴ روز پس از مهلت (۱۴۰۵/۰۸/۰۵)»."""
    due = jalali.format_short(cell.month.due_date(due_day))
    received = jalali.format_short(cell.received_on)
    if cell.state is CellState.ON_TIME:
        return strings.MONTHLY_TIP_ON_TIME.format(received=received, due=due)
    if cell.state is CellState.LATE:
        return strings.MONTHLY_TIP_LATE.format(
            received=received, days=format_int(cell.late_days or 0), due=due
        )
    if cell.state is CellState.MISSING:
        return strings.MONTHLY_TIP_MISSING.format(due=due)
    if cell.state is CellState.EXEMPT:
        return strings.MONTHLY_TIP_EXEMPT.format(reason=cell.reason)
    if cell.month.first_day > today:
        return strings.MONTHLY_TIP_NOT_BEGUN.format(due=due)
    return strings.MONTHLY_TIP_NOT_DUE.format(due=due)


def month_header(column: MonthCount, today: dt.date) -> str:
    """«مهر» over «۱۷ از ۲۵» (received of those that owe it); «—» under a month whose reports
    are not due yet and none has come (not «۰ از ۲۵», which reads as twenty-five missing)."""
    if column.due_date >= today and column.received == 0:
        return f"{column.month.name}\n{strings.MONTHLY_CELL_NOT_DUE}"
    counts = strings.MONTHLY_RECEIVED_OF.format(
        received=format_int(column.received), expected=format_int(column.expected)
    )
    return f"{column.month.name}\n{counts}"


def month_header_tip(column: MonthCount) -> str:
    return strings.MONTHLY_HEADER_TIP.format(
        month=column.month.label,
        due=jalali.format_short(column.due_date),
        expected=format_int(column.expected),
        on_time=format_int(column.on_time),
        late=format_int(column.late),
        missing=format_int(column.missing),
        not_due=format_int(column.not_due),
    )


_COUNTED = {
    RECEIVED_COLUMN: (CellState.ON_TIME, CellState.LATE),
    LATE_COLUMN: (CellState.LATE,),
    MISSING_COLUMN: (CellState.MISSING,),
}
_COUNT_TITLES = {
    RECEIVED_COLUMN: strings.MONTHLY_COLUMN_RECEIVED,
    LATE_COLUMN: strings.MONTHLY_COLUMN_LATE,
    MISSING_COLUMN: strings.MONTHLY_COLUMN_MISSING,
}
_COUNT_TIPS = {
    RECEIVED_COLUMN: strings.MONTHLY_COLUMN_RECEIVED_TIP,
    LATE_COLUMN: strings.MONTHLY_COLUMN_LATE_TIP,
    MISSING_COLUMN: strings.MONTHLY_COLUMN_MISSING_TIP,
}
_CENTRED = Qt.AlignmentFlag.AlignCenter
_NAME_ALIGNMENT = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


class FramedCellDelegate(QStyledItemDelegate):
    """The chosen cell keeps its state's colours (a highlight over them hid the state) and is
    framed instead."""

    FRAME = QColor("#1f3b4d")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        if chosen:
            painter.save()
            painter.setPen(QPen(self.FRAME, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class MatrixModel(QAbstractTableModel):
    """The ``YearMatrix`` of ``query``, read again by ``reload`` (the view calls it on a change)."""

    def __init__(self, service: MonthlyMatrixService, query: MatrixQuery, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._query = query
        self._matrix: YearMatrix | None = None
        self._reads = BackgroundReads(self)

    # -- reading ---------------------------------------------------------------------------

    def query(self) -> MatrixQuery:
        return self._query

    def set_query(self, query: MatrixQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        query = self._query

        def arrived(future: Future[Any], _at_once: bool) -> None:
            if query != self._query:
                return  # a filter changed while it was read: the later read shows
            self.beginResetModel()
            self._matrix = future.result()
            self.endResetModel()

        # As long as a list waits for its page before the view paints.
        self._reads.run(lambda: self._service.year(query), arrived, wait_ms=PagedTableModel.WAIT_MS)

    def wait_for_reads(self) -> None:
        self._reads.finish()

    def matrix(self) -> YearMatrix | None:
        return self._matrix

    # -- what a view asks --------------------------------------------------------------------

    def row(self, row: int) -> MatrixRow:
        assert self._matrix is not None
        return self._matrix.rows[row]

    def row_of(self, agency_id: int) -> int | None:
        rows = self._matrix.rows if self._matrix else ()
        return next((number for number, row in enumerate(rows) if row.agency_id == agency_id), None)

    def cell(self, index: Index) -> Cell | None:
        month = column_month(index.column())
        if self._matrix is None or month is None or not index.isValid():
            return None
        return self._matrix.rows[index.row()].cells[month - 1]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self._matrix is None else len(self._matrix.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._matrix is None or not index.isValid():
            return None
        row = self._matrix.rows[index.row()]
        column = index.column()
        if role == AGENCY_ROLE:
            return row.agency_id
        month = column_month(column)
        if month is not None:
            return self._cell_data(row, row.cells[month - 1], role)
        if column == NAME_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.agency
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _NAME_ALIGNMENT
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.agency
            return None
        count = row.count(*_COUNTED[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return format_int(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        if role == Qt.ItemDataRole.ForegroundRole and column == MISSING_COLUMN and count:
            return MISSING_COUNT_COLOUR
        return None

    def _cell_data(self, row: MatrixRow, cell: Cell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        if role == Qt.ItemDataRole.ForegroundRole:
            return LOOKS[cell.state].text
        if role == Qt.ItemDataRole.BackgroundRole:
            return LOOKS[cell.state].background
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_tip(row, cell)
        return None

    def cell_tip(self, row: MatrixRow, cell: Cell) -> str:
        assert self._matrix is not None
        state = cell_state_line(cell, self._matrix.due_day, self._matrix.today)
        return f"{row.agency}، {cell.month.label}\n{state}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        tip = role == Qt.ItemDataRole.ToolTipRole
        month = column_month(section)
        if month is not None:
            if self._matrix is None:
                return None if tip else Month(self._query.year, month).name
            column = self._matrix.columns[month - 1]
            return month_header_tip(column) if tip else month_header(column, self._matrix.today)
        if section == NAME_COLUMN:
            return None if tip else strings.MONTHLY_COLUMN_AGENCY
        if tip:
            return _COUNT_TIPS[section]
        rows = self._matrix.rows if self._matrix else ()
        total = sum(row.count(*_COUNTED[section]) for row in rows)
        return f"{_COUNT_TITLES[section]}\n{format_int(total)}"
