"""A table of rows × the twelve Jalali months that fits a portrait A4 page.

``rtl_table`` gives every column room for its header in 9.5 pt bold: a
name and twelve months would not fit the page's width. Here the months'
headers are set smaller, each month's column is as wide as its name or its
widest value needs (never narrower than ``LEAST_MONTH``), an optional total
column likewise, and the name column takes what is left. The columns read
from the right («ردیف», the name, فروردین … اسفند, the total); a cell may be
text or a flowable (a mark), and may have a fill of its own. Built on
``SplittingTable``: the header repeats on every page and a long row splits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles, wording
from secretariat.reports.fonts import BOLD, MEDIUM
from secretariat.reports.paragraph import RtlParagraph, text_width
from secretariat.reports.splitting_table import SplittingTable

LEAST_MONTH = 21.0
LEAST_NAME = 100.0
PADDING = 2.0  # each side of a month's cell
NAME_PADDING = 4.0

HEADER = ParagraphStyle(
    "month_grid_header", parent=styles.HEADER_CELL, fontName=BOLD, fontSize=7.5, leading=12.5
)
VALUE = ParagraphStyle("month_grid_value", parent=styles.CELL, fontSize=7.5, leading=12, alignment=TA_CENTER)
TOTAL_VALUE = ParagraphStyle("month_grid_total", parent=VALUE, fontName=MEDIUM)
NAME = ParagraphStyle("month_grid_name", parent=styles.CELL, fontSize=8, leading=13)
TOTAL_NAME = ParagraphStyle("month_grid_total_name", parent=NAME, fontName=MEDIUM)

GridCell: TypeAlias = str | Flowable


@dataclass(frozen=True)
class GridRow:
    name: GridCell
    months: Sequence[GridCell]  # twelve, فروردین first
    total: GridCell = ""
    fills: Sequence[colors.Color | None] = field(default_factory=tuple)  # a month's background, or None


def month_grid(
    name_title: str,
    rows: Sequence[GridRow],
    *,
    width: float,
    total_title: str = "",
    numbered: bool = True,
    totals_row: GridRow | None = None,
    zebra: bool = True,
) -> Table:
    """``rows`` under «ردیف» (``numbered``), ``name_title``, the months and ``total_title`` (if given);
    ``totals_row`` last, unnumbered and tinted."""
    titles = [*jalali.MONTHS]
    with_total = bool(total_title)
    body = list(rows) + ([totals_row] if totals_row is not None else [])

    def value_style(row_index: int) -> ParagraphStyle:
        return TOTAL_VALUE if totals_row is not None and row_index == len(body) - 1 else VALUE

    def cell(value: GridCell, style: ParagraphStyle) -> Flowable:
        return value if isinstance(value, Flowable) else RtlParagraph(value or "", style)

    month_widths = [
        max(LEAST_MONTH, _widest([title, *(row.months[index] for row in body)]) + 2 * PADDING + 1)
        for index, title in enumerate(titles)
    ]
    total_width = (
        max(LEAST_MONTH, _widest([total_title, *(row.total for row in body)]) + 2 * PADDING + 1)
        if with_total
        else 0.0
    )
    number_width = (
        max(_widest([wording.ROW_NUMBER, to_persian_digits(len(rows))]) + 2 * NAME_PADDING + 1, 18.0)
        if numbered
        else 0.0
    )
    fixed = sum(month_widths) + total_width + number_width
    if width - fixed < LEAST_NAME:  # very large figures: the months give up a share of their room
        shrink = (width - LEAST_NAME - number_width) / (fixed - number_width)
        month_widths = [w * shrink for w in month_widths]
        total_width *= shrink
    name_width = width - number_width - sum(month_widths) - total_width

    widths: list[float] = []
    header: list[Flowable] = []
    if numbered:
        widths.append(number_width)
        header.append(RtlParagraph(wording.ROW_NUMBER, HEADER))
    widths.append(name_width)
    header.append(RtlParagraph(name_title, HEADER))
    widths += month_widths
    header += [RtlParagraph(title, HEADER) for title in titles]
    if with_total:
        widths.append(total_width)
        header.append(RtlParagraph(total_title, HEADER))

    data: list[list[Flowable]] = [header]
    for index, row in enumerate(body):
        is_total = totals_row is not None and index == len(body) - 1
        line: list[Flowable] = []
        if numbered:
            line.append(RtlParagraph("" if is_total else to_persian_digits(index + 1), VALUE))
        line.append(cell(row.name, TOTAL_NAME if is_total else NAME))
        line += [cell(value, value_style(index)) for value in row.months]
        if with_total:
            line.append(cell(row.total, TOTAL_VALUE))
        data.append(line)

    count = len(widths)
    # reportlab lays the first column out on the left: every row reversed.
    table = SplittingTable(
        [list(reversed(line)) for line in data],
        colWidths=list(reversed(widths)),
        repeatRows=1,
        hAlign="CENTER",
    )

    def column(reading: int) -> int:
        return count - 1 - reading

    first_month = (1 if numbered else 0) + 1
    name_column = column(first_month - 1)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, styles.RULE),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # a mark drawn in a cell (text aligns by its style)
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("LEFTPADDING", (name_column, 0), (name_column, -1), NAME_PADDING),
        ("RIGHTPADDING", (name_column, 0), (name_column, -1), NAME_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if zebra:
        commands += [("BACKGROUND", (0, i), (-1, i), styles.ZEBRA_FILL) for i in range(2, len(rows) + 1, 2)]
    for row_index, row in enumerate(body, start=1):
        for month_index, fill in enumerate(row.fills):
            if fill is not None:
                at = column(first_month + month_index)
                commands.append(("BACKGROUND", (at, row_index), (at, row_index), fill))
    if totals_row is not None:
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), styles.HEADER_FILL),
            ("LINEABOVE", (0, -1), (-1, -1), 0.9, styles.RULE),
            ("NOSPLIT", (0, -2), (-1, -1)),  # the totals never start a page alone
        ]
    table.setStyle(TableStyle(commands))
    return table


def _widest(cells: Sequence[GridCell]) -> float:
    """The widest of a column's header (the first) and values (measured in the totals' face,
    the wider); a flowable by its own width."""
    widest = 0.0
    for index, value in enumerate(cells):
        if isinstance(value, Flowable):
            widest = max(widest, float(getattr(value, "width", 0.0)))
        elif value:
            style = HEADER if index == 0 else TOTAL_VALUE
            widest = max(widest, text_width(value, style.fontName, style.fontSize))
    return widest
