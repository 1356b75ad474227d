"""A right-to-left table: columns from the right, widths from the content, rows that split.

A thin layer over platypus ``Table``: the columns are given in reading
order (the first is the rightmost, usually «ردیف»), and are laid out
reversed, since reportlab places the first column on the left. Text cells
become ``RtlParagraph``s that wrap inside their column, so nothing runs
over a cell's border or the page's edge. The header row repeats at the top
of every page the table runs onto, and a row too long for the rest of a
page splits there (``SplittingTable``: «(ادامه)» under its number on the
next page). Thin grey rules, a tinted header and faintly banded rows: the
look of a careful office's register.

The columns' widths come from their content (``column_widths``): a column
of short values (a date, a mobile number) takes what it needs, and the
long ones share the rest by their weights, none more than its share; so a
long e-mail address breaks inside its cell instead of squeezing the names
beside it, and no header breaks into more than two lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.paragraph import BULLET_GAP, RtlParagraph, text_width
from secretariat.reports.splitting_table import SplittingTable
from secretariat.reports.wording import ROW_NUMBER

CELL_PADDING = 4.0
ROW_NUMBER_WEIGHT = 0.6
HEADER_LINES = 2  # a header may wrap once, never more
_SHARING_STEPS = 60  # halvings of the search for the columns' common level: far below a point

Cell: TypeAlias = str | Flowable | list[Flowable]


@dataclass(frozen=True)
class Column:
    """A column in reading order: its header, its share of the width, its alignment.

    ``weight`` is the column's share of the room the long columns divide:
    a column whose content needs less takes less. ``least`` is the width in
    points it keeps whatever it holds: room for what is written by hand (a
    signature).
    """

    title: str
    weight: float = 1.0
    centered: bool = False
    least: float = 0.0


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
    a signature). A cell is text, a flowable, or a list of flowables (one
    name per line).
    """
    columns = list(columns)
    rows = [list(row) for row in rows]
    if numbered:
        columns.insert(0, Column(ROW_NUMBER, ROW_NUMBER_WEIGHT, centered=True))
        rows = [[to_persian_digits(number), *row] for number, row in enumerate(rows, start=1)]
    widths = column_widths(columns, rows, width, cell_style)
    centred_style = ParagraphStyle(f"{cell_style.name}_centred", parent=cell_style, alignment=1)

    def cell(value: Cell, column: Column) -> Flowable | list[Flowable]:
        if isinstance(value, (Flowable, list)):
            return value
        return RtlParagraph(value or "", centred_style if column.centered else cell_style)

    header: list[Flowable | list[Flowable]] = [
        RtlParagraph(column.title, styles.HEADER_CELL) for column in columns
    ]
    body = [[cell(value, column) for value, column in zip(row, columns, strict=True)] for row in rows]
    # reportlab lays the first column out on the left: reverse every row.
    data = [list(reversed(row)) for row in [header, *body]]
    table = SplittingTable(
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
    if zebra:
        # A band per row, not ROWBACKGROUNDS: a row split over two pages keeps its band on both.
        commands += [("BACKGROUND", (0, i), (-1, i), styles.ZEBRA_FILL) for i in range(2, len(body) + 1, 2)]
    table.setStyle(TableStyle(commands))
    return table


def column_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: float, cell_style: ParagraphStyle
) -> list[float]:
    """The columns' widths, in reading order, summing to ``width``, from what they hold.

    Each column needs its widest line unbroken (``natural``), and at least
    its header in two lines and its longest word whole, unless that word is
    longer than the column's share (an e-mail address, a link: it breaks).
    If every column gets what it needs, the spare room goes in proportion.
    Otherwise the columns share the width by their weights, as water finds
    one level: a column that needs less than its share takes only that, and
    the others divide the rest.
    """
    total_weight = sum(column.weight for column in columns)
    # A word wider than this breaks: the column's share by weight, or an equal share if
    # that is more (a date in a narrow column is whole; an e-mail address may break).
    shares = [max(width * column.weight / total_weight, width / len(columns)) for column in columns]
    padding = 2 * CELL_PADDING + 1
    needs: list[float] = []
    floors: list[float] = []
    for index, (column, share) in enumerate(zip(columns, shares, strict=True)):
        header = _header_width(column.title) + padding
        natural, longest_word = _measure((row[index] for row in rows), cell_style, width, share)
        floor = max(header, column.least, min(longest_word + padding, share))
        needs.append(max(floor, natural + padding))
        floors.append(floor)
    if sum(floors) >= width:  # too many columns for the page: each its part of its least
        return [width * floor / sum(floors) for floor in floors]
    if sum(needs) <= width:
        return [width * need / sum(needs) for need in needs]
    low, high = 0.0, width / min(column.weight for column in columns)
    for _ in range(_SHARING_STEPS):
        level = (low + high) / 2
        if sum(_levelled(needs, floors, columns, level)) > width:
            high = level
        else:
            low = level
    widths = _levelled(needs, floors, columns, low)
    # The last fraction of a point the search leaves goes to the columns that wanted more.
    wanting = [index for index, (got, need) in enumerate(zip(widths, needs, strict=True)) if got < need]
    spare = width - sum(widths)
    for index in wanting or range(len(widths)):
        widths[index] += spare / len(wanting or widths)
    return widths


def _levelled(
    needs: Sequence[float], floors: Sequence[float], columns: Sequence[Column], level: float
) -> list[float]:
    return [
        max(floor, min(need, level * column.weight))
        for need, floor, column in zip(needs, floors, columns, strict=True)
    ]


def _header_width(title: str) -> float:
    """The least width that holds ``title`` in ``HEADER_LINES`` lines (or fewer), its words whole."""
    style = styles.HEADER_CELL
    words = title.split()

    def line(part: Sequence[str]) -> float:
        return text_width(" ".join(part), style.fontName, style.fontSize)

    if len(words) <= 1 or HEADER_LINES < 2:
        return line(words)
    return min(max(line(words[:cut]), line(words[cut:])) for cut in range(1, len(words)))


def _measure(
    cells: Iterable[Cell], cell_style: ParagraphStyle, width: float, share: float
) -> tuple[float, float]:
    """A column's widest unbroken line and its longest word, measured word by word (a
    line's width is its words' and spaces': the letters join within words only).

    The measuring stops once the column wants the whole ``width`` and has a
    word as long as its ``share``: the rest would not change its width.
    """
    natural = longest = 0.0
    for cell in cells:
        for text, style, extra in _texts(cell, cell_style):
            space = text_width(" ", style.fontName, style.fontSize)
            for hard_line in text.split("\n"):
                words = [text_width(word, style.fontName, style.fontSize) for word in hard_line.split()]
                if words:
                    natural = max(natural, sum(words) + space * (len(words) - 1) + extra)
                    longest = max(longest, *words)
        if natural >= width and longest >= share:
            break
    return natural, longest


def _texts(cell: Cell, cell_style: ParagraphStyle) -> list[tuple[str, ParagraphStyle, float]]:
    """The texts of a cell with their styles and the room beside them (a bullet's);
    a flowable other than a paragraph asks for no width."""
    if isinstance(cell, str):
        return [(cell, cell_style, 0.0)]
    flowables = cell if isinstance(cell, list) else [cell]
    texts = []
    for flowable in flowables:
        # A wrapper (``page.Bookmarked``) is measured by what it wraps.
        flowable = getattr(flowable, "flowable", flowable)
        if isinstance(flowable, RtlParagraph):
            style = flowable.style
            bullet = flowable.bullet
            extra = text_width(bullet, style.fontName, style.fontSize) + BULLET_GAP if bullet else 0.0
            texts.append((flowable.text, style, extra))
    return texts


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
    table = SplittingTable(
        [list(reversed(row)) for row in rows], colWidths=list(reversed(widths)), hAlign="CENTER"
    )
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
