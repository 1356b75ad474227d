"""A platypus ``Table`` whose rows split across pages, as a word processor's do.

reportlab splits a table between rows only: a row that does not fit goes
whole to the next page, which leaves the page before a long resolution
mostly blank, and a row taller than a page stops the document with a
``LayoutError``. ``SplittingTable`` splits the row that does not fit at a
line of its cells instead: each cell keeps on this page what fits (a
paragraph by its lines, a cell of several flowables one by one), the rest
goes on the next page under the repeated header, and the continued row's
first cell in reading order (the rightmost, usually «ردیف») says
«(ادامه)» under the row's number. No cell is split to leave a single line
alone on either page; a row that could only be split so moves whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import CellStyle

from secretariat.reports import styles, wording
from secretariat.reports.paragraph import RtlParagraph

# The fewest lines of a paragraph left on either page when a cell is split.
MIN_LINES = 2
# A row shorter than this (about six lines) moves whole to the next page: split,
# a short row leaves two lines on each page, and costs the reader more than the room.
LEAST_SPLIT_ROW_HEIGHT = 100.0
# The rightmost cell of a row is repeated on the next page, above «(ادامه)»,
# if it is this many lines or fewer (a row's number or code; not a long name).
REPEATED_LINES = 2
_BIG = 1e6  # a height no cell reaches: to measure a flowable's whole height
_EPSILON = 1e-6


class SplittingTable(Table):
    """A ``Table`` that splits a row that does not fit, rather than moving it whole.

    Built as any ``Table`` (reportlab builds the parts of a split with the
    same class and arguments). The columns are laid out left to right, so
    the rightmost column, which reads first, is the last one here.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # platypus names them
        self._calc(availWidth, availHeight)
        inside = self._split_inside_row(availWidth, availHeight)
        if inside:
            return inside
        parts: list[Flowable] = super().split(availWidth, availHeight)
        return parts

    def _split_inside_row(self, available_width: float, available_height: float) -> list[Flowable]:
        """The table split inside its first row that does not fit, or [] if that row cannot be."""
        row = self._getFirstPossibleSplitRowPosition(available_height)
        header = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        if row < header or row >= self._nrows or self._spanCmds or self._held_together(row):
            return []
        if self._rowHeights[row] < LEAST_SPLIT_ROW_HEIGHT:
            return []
        room = available_height - sum(self._rowHeights[:row])
        halves = [
            _split_cell(value, style, width, room)
            for value, style, width in zip(
                self._cellvalues[row], self._cellStyles[row], self._colWidths, strict=True
            )
        ]
        if not any(head and tail for head, tail in halves):
            return []  # nothing would be split: moving the row whole loses no more room
        heads = [head for head, _tail in halves]
        tails = [tail for _head, tail in halves]
        tails[-1] = _continued(heads[-1], tails[-1], self._colWidths[-1], self._cellStyles[row][-1])
        return self._split_between_halves(row, heads, tails, available_width, available_height)

    def _held_together(self, row: int) -> bool:
        """Whether ``row`` is in a NOSPLIT range of several rows (a total and the row above it)."""
        for span in self._nosplitRanges.values() if self._nosplitCmds else ():
            if (
                span is not None
                and span[1] != span[3]
                and min(span[1], span[3]) <= row <= max(span[1], span[3])
            ):
                return True
        return False

    def _split_between_halves(
        self,
        row: int,
        heads: list[list[Flowable]],
        tails: list[list[Flowable]],
        available_width: float,
        available_height: float,
    ) -> list[Flowable]:
        """This table with ``row`` made two rows, split between them (as reportlab's own
        in-row split does: the style commands stretched over the two halves)."""
        cell_styles = [list(styles_of_row) for styles_of_row in self._cellStyles]
        # Both halves read from their top, as the row's text runs on; valign set on each
        # copy, since reportlab's copy of a copy is a copy of the first style (CellStyle
        # copies its bound ``copy`` method along with the attributes).
        halves_styles = [[_top_aligned(style) for style in cell_styles[row]] for _half in range(2)]
        cell_styles[row : row + 1] = halves_styles
        top_aligned = halves_styles[0]
        data = [list(cells) for cells in self._cellvalues]
        data[row : row + 1] = [heads, tails]
        heights = list(self._rowHeights)
        heights[row : row + 1] = [_row_height(heads, top_aligned, self._colWidths)] + [
            _row_height(tails, top_aligned, self._colWidths)
        ]
        stretched = self.__class__(
            data,
            colWidths=self._colWidths,
            rowHeights=heights,
            repeatRows=self.repeatRows,
            normalizedData=1,
            cellStyles=cell_styles,
            ident=self.ident,
            spaceBefore=getattr(self, "spaceBefore", None),
            spaceAfter=getattr(self, "spaceAfter", None),
            longTableOptimize=self._longTableOptimize,
        )
        for commands in ("_linecmds", "_bkgrndcmds", "_spanCmds", "_nosplitCmds", "_srflcmds", "_sircmds"):
            setattr(stretched, commands, self._stretchCommands(row, getattr(self, commands), self._nrows))
        stretched.hAlign, stretched.vAlign = self.hAlign, self.vAlign
        parts: list[Flowable] = Table.split(stretched, available_width, available_height)
        return parts if len(parts) == 2 else []


def _top_aligned(style: CellStyle) -> CellStyle:
    copied = style.copy()
    copied.valign = "TOP"
    return copied


def _split_cell(
    value: Flowable | Sequence[Flowable], style: CellStyle, column_width: float, room: float
) -> tuple[list[Flowable], list[Flowable]]:
    """A cell's content as (what fits in ``room``, what goes on); a flowable that
    cannot be split without leaving a line alone goes on whole."""
    content: list[Flowable] = list(value) if isinstance(value, (list, tuple)) else [value]
    if any(not isinstance(flowable, Flowable) for flowable in content):
        return [], content  # plain text: rtl_table never makes it, and it cannot be split here
    width = column_width - style.leftPadding - style.rightPadding
    space = room - style.topPadding - style.bottomPadding
    head: list[Flowable] = []
    used = 0.0
    for index, flowable in enumerate(content):
        height = _height(flowable, width, space - used)
        if used + height <= space + _EPSILON:
            head.append(flowable)
            used += height
            continue
        parts = _split_flowable(flowable, width, space - used - flowable.getSpaceBefore())
        if parts:
            return [*head, parts[0]], [*parts[1:], *content[index + 1 :]]
        return head, content[index:]
    return head, []


def _split_flowable(flowable: Flowable, width: float, height: float) -> list[Flowable]:
    """``flowable.split``, refused if it leaves fewer than ``MIN_LINES`` of a paragraph on a page."""
    if height <= 0:
        return []
    parts: list[Flowable] = flowable.split(width, height)
    if len(parts) < 2:
        return []
    if isinstance(flowable, RtlParagraph):
        least = MIN_LINES * flowable.style.leading - _EPSILON
        if any(part.wrap(width, _BIG)[1] < least for part in parts):
            return []
    return parts


def _continued(
    head: list[Flowable], tail: list[Flowable], column_width: float, style: CellStyle
) -> list[Flowable]:
    """The continued row's rightmost cell: its number (or short first cell) again, if it
    was left whole on the page before, then «(ادامه)», then the rest of its content."""
    mark = RtlParagraph(wording.CONTINUED, styles.CONTINUED)
    if tail:
        return [mark, *tail]
    width = column_width - style.leftPadding - style.rightPadding
    # A row continued over a third page: its number again, but one «(ادامه)».
    content = [flowable for flowable in head if getattr(flowable, "style", None) is not styles.CONTINUED]
    paragraphs = [flowable for flowable in content if isinstance(flowable, RtlParagraph)]
    if not paragraphs or len(paragraphs) != len(content):
        return [mark]
    lines = sum(round(p.wrap(width, _BIG)[1] / p.style.leading) for p in paragraphs)
    if lines > REPEATED_LINES:
        return [mark]
    return [*(RtlParagraph(p.text, p.style) for p in paragraphs), mark]


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The room ``flowable`` takes in a cell: its height and the space around it."""
    _width, drawn = flowable.wrap(width, height)
    taken: float = drawn + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return taken


def _row_height(
    cells: Sequence[Sequence[Flowable]], cell_styles: Sequence[CellStyle], widths: Sequence[float]
) -> float:
    """The height of a row of these cells: the tallest, with its padding."""
    tallest = 0.0
    for content, style, column_width in zip(cells, cell_styles, widths, strict=True):
        width = column_width - style.leftPadding - style.rightPadding
        height = sum(_height(flowable, width, _BIG) for flowable in content)
        tallest = max(tallest, height + style.topPadding + style.bottomPadding)
    return tallest
