"""A right-to-left table: columns from the right, header on every page.

A thin layer over platypus ``Table``: the columns are given in reading
order (the first is the rightmost, usually «ردیف»), and are laid out
reversed, since reportlab places the first column on the left. Text cells
become ``RtlParagraph``s that wrap inside their column, so nothing runs
over a cell's border or the page's edge. The header row repeats at the top
of every page the table runs onto. Thin grey rules, a tinted header and
faintly banded rows: the look of a careful office's register.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.paragraph import RtlParagraph, text_width
from secretariat.reports.wording import ROW_NUMBER

CELL_PADDING = 4.0
ROW_NUMBER_WEIGHT = 0.6

Cell: TypeAlias = str | Flowable


@dataclass(frozen=True)
class Column:
    """A column in reading order: its header, its share of the width, its alignment."""

    title: str
    weight: float = 1.0
    centered: bool = False


def rtl_table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    *,
    width: float,
    numbered: bool = False,
    zebra: bool = True,
    min_row_height: float = 0.0,
    cell_style: ParagraphStyle = styles.CELL,
) -> Table:
    """A table ``width`` points wide; ``rows`` hold the cells in reading order.

    ``numbered`` adds «ردیف» as the rightmost column, numbered in Persian
    digits. ``min_row_height`` keeps body rows at least that tall (room for
    a signature).
    """
    columns = list(columns)
    rows = [list(row) for row in rows]
    if numbered:
        columns.insert(0, Column(ROW_NUMBER, ROW_NUMBER_WEIGHT, centered=True))
        rows = [[to_persian_digits(number), *row] for number, row in enumerate(rows, start=1)]
    total_weight = sum(column.weight for column in columns)
    widths = [width * column.weight / total_weight for column in columns]
    widths = fit_widths(widths, _narrowest(columns, rows, cell_style))
    centred_style = ParagraphStyle(f"{cell_style.name}_centred", parent=cell_style, alignment=1)

    def cell(value: Cell, column: Column) -> Flowable:
        if isinstance(value, Flowable):
            return value
        return RtlParagraph(value or "", centred_style if column.centered else cell_style)

    header = [RtlParagraph(column.title, styles.HEADER_CELL) for column in columns]
    body = [[cell(value, column) for value, column in zip(row, columns, strict=True)] for row in rows]
    # reportlab lays the first column out on the left: reverse every row.
    data = [list(reversed(row)) for row in [header, *body]]
    table = Table(
        data,
        colWidths=list(reversed(widths)),
        repeatRows=1,
        minRowHeights=[0.0] + [min_row_height] * len(body) if min_row_height else None,
        hAlign="CENTER",
    )
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, styles.RULE),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if zebra and body:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, styles.ZEBRA_FILL]))
    table.setStyle(TableStyle(commands))
    return table


def _narrowest(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], cell_style: ParagraphStyle
) -> list[float]:
    """Each column's least width: its longest word (of the header or a text
    cell) must fit whole, so that a date or a code is never cut in two."""
    narrowest = []
    for index, column in enumerate(columns):
        words = [(word, styles.HEADER_CELL) for word in column.title.split()]
        cells = [row[index] for row in rows if isinstance(row[index], str)]
        words += [(word, cell_style) for cell in cells for word in cell.split()]
        widths = [text_width(word, style.fontName, style.fontSize) for word, style in words]
        longest = max(widths, default=0.0)
        narrowest.append(longest + 2 * CELL_PADDING + 1)
    return narrowest


def fit_widths(widths: Sequence[float], narrowest: Sequence[float]) -> list[float]:
    """``widths`` changed as little as possible so that none is under its least.

    The columns that must grow take the room from the others in proportion
    to what those can spare; if the table cannot fit at all, the widths are
    left as given (and long words are broken).
    """
    widths = list(widths)
    needed = sum(max(0.0, least - width) for width, least in zip(widths, narrowest, strict=True))
    spare = sum(max(0.0, width - least) for width, least in zip(widths, narrowest, strict=True))
    if needed <= 0 or spare < needed:
        return widths
    return [
        least if width <= least else width - (width - least) * needed / spare
        for width, least in zip(widths, narrowest, strict=True)
    ]


def details_table(pairs: Sequence[tuple[str, str]], *, width: float, per_row: int = 2) -> Table:
    """Label and value pairs, ``per_row`` pairs a row from the right («تاریخ: ...»)."""
    label_weight, value_weight = 1.0, 2.6
    rows: list[list[Flowable]] = []
    for start in range(0, len(pairs), per_row):
        row: list[Flowable] = []
        for label, value in pairs[start : start + per_row]:
            row += [RtlParagraph(label, styles.LABEL_CELL), RtlParagraph(value, styles.CELL)]
        row += [RtlParagraph("", styles.CELL) for _ in range(2 * per_row - len(row))]
        rows.append(row)
    total = per_row * (label_weight + value_weight)
    weights = [label_weight, value_weight] * per_row
    widths = [width * weight / total for weight in weights]
    table = Table([list(reversed(row)) for row in rows], colWidths=list(reversed(widths)), hAlign="CENTER")
    label_columns = [2 * per_row - 1 - 2 * pair for pair in range(per_row)]  # after the reversal
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("BACKGROUND", (column, 0), (column, -1), styles.HEADER_FILL) for column in label_columns]
    table.setStyle(TableStyle(commands))
    return table
