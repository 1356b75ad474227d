"""The yearly report's own flowables: the cover, the contents, headings that
know their page, and the compact table of a meeting's resolutions.

Contents in one pass: a heading (``Marked``) writes the page it is drawn on
into the report's ``PageBook``; an entry of the contents draws its title and
leaders when laid out and leaves its page number to the canvas, which draws
it once every page is laid out (``draw_when_saved`` in ``page``). The
contents' entries are known before the layout (the sections and the
meetings), so the contents take the same room whatever the numbers.

``ResolutionTable``: a meeting's resolutions as a three-column table (from
the right: the code and status; the text, the agencies, the deadline and
what became of it; the follow-up history), drawn line by line with one
text object a part, its header repeated on every page it runs onto. At
1,500-2,000 resolutions a year, a platypus ``Table`` of paragraphs costs
too much per cell; here a resolution is a few measured lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR
from secretariat.reports.page import draw_emblem, draw_text
from secretariat.reports.paragraph import RtlParagraph, balanced_wrap, text_width, wrap_text
from secretariat.reports.typeset import Line, break_lines, draw_line, set_line

# -- headings that know their page, and the contents ------------------------------------


@dataclass
class PageBook:
    """The page each marked heading was drawn on, filled in during the layout."""

    pages: dict[str, int] = field(default_factory=dict)


class Marked(RtlParagraph):
    """A heading that writes its page into ``book`` under ``key`` and adds a PDF bookmark."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        key: str,
        book: PageBook,
        outline: str = "",
        level: int = 0,
        **kwargs: Any,  # RtlParagraph's own, passed on
    ):
        super().__init__(text, style, **kwargs)
        self.key = key
        self.book = book
        self.outline = outline or text
        self.level = level

    def split(self, availWidth: float, availHeight: float) -> list[RtlParagraph]:
        return []  # a heading is never split: its page is the page of its first line

    def draw(self) -> None:
        mark_page(self.canv, self.book, self.key, self.outline, self.level)
        super().draw()


def mark_page(canvas: Canvas, book: PageBook, key: str, outline: str, level: int) -> None:
    """Note the page of ``key``, and bookmark it in the PDF's outline.

    The bookmark is made when the page is written out (the numbered canvas
    keeps its pages until the end: a bookmark made now would point at the first).
    """
    book.pages.setdefault(key, canvas.getPageNumber())

    def bookmark(canvas: Canvas) -> None:
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(outline, key, level=level, closed=level > 0)

    draw_later = getattr(canvas, "draw_when_saved", None)
    if draw_later is not None:
        draw_later(bookmark)
    else:
        bookmark(canvas)


class ContentsEntry(Flowable):
    """One line of the contents: the title at the right, dotted leaders, the page at the left.

    The page number is drawn when the document is saved, from ``book``.
    """

    NUMBER_ROOM = 30.0

    def __init__(self, title: str, key: str, book: PageBook, *, style: ParagraphStyle, indent: float = 0.0):
        super().__init__()
        self.title = title
        self.key = key
        self.book = book
        self.style = style
        self.indent = indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        self.width = availWidth
        self.lines = wrap_text(
            self.title,
            availWidth - self.indent - self.NUMBER_ROOM - 20,
            self.style.fontName,
            self.style.fontSize,
        )
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._page_x, self._page_y = x, y  # where the entry is on the page, for the number drawn later
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        right = self.width - self.indent
        lift = (style.leading - style.fontSize) / 2 + 1  # a baseline above its line box's bottom
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self.lines):
            draw_text(
                canvas,
                right,
                self.height - (index + 1) * style.leading + lift,
                line,
                font=style.fontName,
                size=style.fontSize,
            )
        y = lift  # the last line's baseline: the leaders and the number are on it
        leader_right = right - text_width(self.lines[-1], style.fontName, style.fontSize) - 6
        leader_left = self.NUMBER_ROOM + 4
        if leader_right > leader_left:
            canvas.saveState()
            canvas.setStrokeColor(styles.RULE)
            canvas.setLineWidth(0.7)
            canvas.setDash(0.6, 2.4)
            canvas.setLineCap(1)
            canvas.line(leader_left, y + 1, leader_right, y + 1)
            canvas.restoreState()
        x, page_y = self._page_x, self._page_y + y
        key, book, font, size, color = self.key, self.book, style.fontName, style.fontSize, style.textColor

        def number(canvas: Canvas) -> None:
            page = book.pages.get(key)
            if page is None:
                return
            canvas.saveState()
            canvas.setFillColor(color)
            draw_text(canvas, x, page_y, to_persian_digits(page), font=font, size=size, align="left")
            canvas.restoreState()

        draw_later = getattr(canvas, "draw_when_saved", None)
        if draw_later is not None:
            draw_later(number)


# -- the cover ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cover:
    """What the cover says, top to bottom."""

    top_line: str  # «بسمه تعالی»
    council: str
    title: str  # «کارنامه سالانه»
    subtitle: str  # «دبیرخانه شورای هماهنگی روابط عمومی»
    year: str  # «سال ۱۴۰۴»
    period: str  # «از ۱ فروردین ۱۴۰۴ تا ۲۹ اسفند ۱۴۰۴»
    lines: tuple[str, ...]  # the city, the secretary, the print date


class CoverPage(Flowable):
    """The whole first page: a double frame, the emblem, the council, the title and the year."""

    def __init__(self, cover: Cover):
        super().__init__()
        self.cover = cover

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        cover = self.cover
        width, height = self.width, self.height
        centre = width / 2
        canvas.saveState()
        canvas.setStrokeColor(styles.ACCENT)
        canvas.setLineWidth(1.6)
        canvas.rect(-6, -6, width + 12, height + 12, stroke=1, fill=0)
        canvas.setLineWidth(0.5)
        canvas.rect(-1, -1, width + 2, height + 2, stroke=1, fill=0)
        canvas.setFillColor(styles.INK)
        draw_text(canvas, centre, height - 34, cover.top_line, font=MEDIUM, size=11, align="center")
        draw_emblem(canvas, centre, height - 125, 46)
        canvas.setFillColor(styles.ACCENT)
        y = height - 215
        for line in balanced_wrap(cover.council, width - 80, BOLD, 17):
            draw_text(canvas, centre, y, line, font=BOLD, size=17, align="center")
            y -= 30
        canvas.setStrokeColor(styles.ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(centre - 90, y + 6, centre + 90, y + 6)
        y -= 70
        draw_text(canvas, centre, y, cover.title, font=BOLD, size=34, align="center")
        y -= 42
        canvas.setFillColor(styles.INK)
        for line in balanced_wrap(cover.subtitle, width - 80, MEDIUM, 15):
            draw_text(canvas, centre, y, line, font=MEDIUM, size=15, align="center")
            y -= 26
        y -= 34
        canvas.setFillColor(styles.ACCENT)
        draw_text(canvas, centre, y, cover.year, font=BOLD, size=26, align="center")
        y -= 28
        canvas.setFillColor(styles.MUTED)
        draw_text(canvas, centre, y, cover.period, size=11, align="center")
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        bottom = 50 + len(cover.lines) * 20
        canvas.line(centre - 120, bottom + 26, centre + 120, bottom + 26)
        canvas.setFillColor(styles.INK)
        y = bottom
        for line in cover.lines:
            draw_text(canvas, centre, y, line, font=REGULAR, size=11.5, align="center")
            y -= 20
        canvas.restoreState()


# -- a meeting's resolutions --------------------------------------------------------------

LEADING = 12.6
PAD = 3.0
HEADER_HEIGHT = 17.0
TITLE_HEIGHT = 26.0
CONTINUED_HEIGHT = 17.0
CELL_GAP = 4.0  # from a cell's border to its text
SPACE_BEFORE = 10.0  # above a meeting's heading, after the table before it
PROGRESS_GAP = 4.0  # between a follow-up's date and its progress


@dataclass(frozen=True)
class Piece:
    """A piece of one line, ready to draw: right aligned at ``right`` (from the table's left edge)."""

    line: Line
    width: float
    right: float
    font: str
    size: float
    color: Color


@dataclass(frozen=True)
class Text:
    """Logical text for a cell: wrapped in the cell, in a font and colour."""

    text: str
    font: str = REGULAR
    size: float = 8.0
    color: Color = styles.INK


@dataclass(frozen=True)
class Entry:
    """A follow-up: the date in a column of its own at the right, the progress reported
    («۴۰٪», or nothing) in another beside it, then the text."""

    date: str
    text: str
    progress: str = ""
    size: float = 7.5


@dataclass
class Row:
    """One resolution: its slots (lines) of pieces; each cell's lines from the top."""

    slots: list[list[Piece]]
    tint: Color | None = None
    label: Piece | None = None  # the code, repeated where a row split over two pages goes on

    @property
    def height(self) -> float:
        return len(self.slots) * LEADING + 2 * PAD


@dataclass(frozen=True)
class TableColumns:
    """The three columns from the right, as shares of the width, and their headers."""

    headers: tuple[str, str, str]
    shares: tuple[float, float, float] = (0.13, 0.45, 0.42)
    date_width: float = 38.0
    progress_width: float = 20.0


def lay_row(
    cells: Sequence[Sequence[Text | Entry]],
    edges: Sequence[tuple[float, float]],
    columns: TableColumns,
    tint: Color | None = None,
) -> Row:
    """The cells' texts wrapped in their columns (``edges``: (left, right) of each) and set in slots."""
    laid: list[list[list[Piece]]] = []
    for items, (left, right) in zip(cells, edges, strict=True):
        lines: list[list[Piece]] = []
        inner_right, inner_left = right - CELL_GAP, left + CELL_GAP
        for item in items:
            if isinstance(item, Entry):
                progress_right = inner_right - columns.date_width
                text_right = progress_right - columns.progress_width
                wrapped = break_lines(item.text, text_right - inner_left, REGULAR, item.size)
                for index, line in enumerate(wrapped):
                    pieces = [_line_piece(line, text_right, REGULAR, item.size, styles.INK)]
                    if index == 0:
                        pieces.append(_piece(item.date, inner_right, REGULAR, item.size, styles.MUTED))
                        if item.progress:
                            pieces.append(
                                _piece(
                                    item.progress,
                                    progress_right - PROGRESS_GAP,
                                    MEDIUM,
                                    item.size,
                                    styles.ACCENT,
                                )
                            )
                    lines.append(pieces)
            else:
                for line in break_lines(item.text, inner_right - inner_left, item.font, item.size):
                    lines.append([_line_piece(line, inner_right, item.font, item.size, item.color)])
        laid.append(lines)
    depth = max((len(lines) for lines in laid), default=0) or 1
    slots = [
        [piece for lines in laid if index < len(lines) for piece in lines[index]] for index in range(depth)
    ]
    label = laid[0][0][0] if laid and laid[0] else None
    return Row(slots, tint, label)


def _piece(text: str, right: float, font: str, size: float, color: Color) -> Piece:
    return _line_piece(Line.of(text), right, font, size, color)


def _line_piece(line: Line, right: float, font: str, size: float, color: Color) -> Piece:
    """A wrapped line keeps its paragraph's bidi levels (a link broken over two lines keeps its order)."""
    return Piece(line, set_line(line, font, size).width, right, font, size, color)


class ResolutionTable(Flowable):
    """A meeting's heading and its resolutions' rows, split between rows (or a tall row's lines).

    ``make_rows(width)`` lays the rows out for the frame's width (once);
    ``on_drawn(rows_done)`` is told, as each part is drawn, how many rows
    are drawn so far (the progress), and may raise to cancel.
    """

    def __init__(
        self,
        title: str,
        subtitle: str,
        columns: TableColumns,
        make_rows: Callable[[float], list[Row]],
        *,
        key: str,
        book: PageBook,
        continued: str,
        on_drawn: Callable[[int], None] | None = None,
        empty_note: str = "",
        _rows: list[Row] | None = None,
        _first: bool = True,
        _done_before: int = 0,
        _width: float | None = None,
    ):
        super().__init__()
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.make_rows = make_rows
        self.key = key
        self.book = book
        self.continued = continued
        self.on_drawn = on_drawn
        self.empty_note = empty_note
        self._rows = _rows
        self._first = _first
        self._done_before = _done_before
        self._rows_width = _width

    def __repr__(self) -> str:
        return f"ResolutionTable({self.title!r}, first={self._first})"

    def _top_height(self) -> float:
        if self._first:
            return TITLE_HEIGHT + (HEADER_HEIGHT if self._rows else 0)
        return CONTINUED_HEIGHT + HEADER_HEIGHT

    def rows(self, width: float) -> list[Row]:
        if self._rows is None or self._rows_width != width:
            self._rows = self.make_rows(width)
            self._rows_width = width
        return self._rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        rows = self.rows(availWidth)
        self.width = availWidth
        body = sum(row.height for row in rows) if rows else (LEADING + 2 * PAD if self.empty_note else 0)
        self.height = self._top_height() + body
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[ResolutionTable]:
        rows = self.rows(availWidth)
        room = availHeight - self._top_height()
        placed: list[Row] = []
        used = 0.0
        rest = list(rows)
        while rest and used + rest[0].height <= room + 1e-6:
            used += rest[0].height
            placed.append(rest.pop(0))
        if rest:
            # Part of the next row, if it is tall enough to be split and enough of it fits.
            row = rest[0]
            # Two lines at least on either side; fewer on this page if need be (a
            # later call with less room must never find that more fits).
            fits = min(int((room - used - 2 * PAD + 1e-6) // LEADING), len(row.slots) - 2)
            # A meeting's heading is not left at the foot of a page over two lines of its first row.
            least = 4 if self._first and not placed else 2
            if fits >= least:
                placed.append(Row(row.slots[:fits], row.tint, row.label))
                rest[0] = Row(_continued(row.slots[fits:], row.label), row.tint, row.label)
        if not placed or not rest:
            return []
        whole_rows = len(placed) - (1 if len(placed) + len(rest) > len(rows) else 0)
        head = self._part(placed, first=self._first, done_before=self._done_before)
        tail = self._part(rest, first=False, done_before=self._done_before + whole_rows)
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return SPACE_BEFORE if self._first else 0.0

    def _part(self, rows: list[Row], *, first: bool, done_before: int) -> ResolutionTable:
        return ResolutionTable(
            self.title,
            self.subtitle,
            self.columns,
            self.make_rows,
            key=self.key,
            book=self.book,
            continued=self.continued,
            on_drawn=self.on_drawn,
            empty_note=self.empty_note,
            _rows=rows,
            _first=first,
            _done_before=done_before,
            _width=self._rows_width,
        )

    # -- drawing ------------------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        width = self.width
        rows = self._rows or []
        y = self.height
        canvas.saveState()
        if self._first:
            mark_page(canvas, self.book, self.key, self.title, 1)
            canvas.setFillColor(styles.ACCENT)
            draw_text(canvas, width, y - 13, self.title, font=BOLD, size=10.5)
            title_width = text_width(self.title, BOLD, 10.5)
            canvas.setFillColor(styles.MUTED)
            draw_text(canvas, width - title_width - 10, y - 13, self.subtitle, size=8)
            y -= TITLE_HEIGHT
        else:
            canvas.setFillColor(styles.MUTED)
            draw_text(canvas, width, y - 11, self.continued, font=MEDIUM, size=8)
            y -= CONTINUED_HEIGHT
        if not rows:
            if self.empty_note:
                canvas.setFillColor(styles.MUTED)
                draw_text(canvas, width - CELL_GAP, y - LEADING + 2, self.empty_note, size=8)
            canvas.restoreState()
            self._report(0)
            return
        edges = column_edges(self.columns, width)
        top = y
        # The header.
        canvas.setFillColor(styles.HEADER_FILL)
        canvas.rect(0, y - HEADER_HEIGHT, width, HEADER_HEIGHT, stroke=0, fill=1)
        canvas.setFillColor(styles.INK)
        for header, (left, right) in zip(self.columns.headers, edges, strict=True):
            draw_text(
                canvas, (left + right) / 2, y - HEADER_HEIGHT + 5, header, font=BOLD, size=8, align="center"
            )
        y -= HEADER_HEIGHT
        # Row tints first, then the rules, then the text in one text object.
        row_tops = []
        for row in rows:
            row_tops.append(y)
            if row.tint is not None:
                canvas.setFillColor(row.tint)
                canvas.rect(0, y - row.height, width, row.height, stroke=0, fill=1)
            y -= row.height
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.4)
        canvas.rect(0, y, width, top - y, stroke=1, fill=0)
        canvas.setLineWidth(0.9)
        canvas.line(0, top - HEADER_HEIGHT, width, top - HEADER_HEIGHT)
        canvas.setLineWidth(0.4)
        for left, _right in edges[:-1]:
            canvas.line(left, top, left, y)
        for row_top in row_tops[1:]:
            canvas.line(0, row_top, width, row_top)
        text = canvas.beginText()
        color = None
        for row, row_top in zip(rows, row_tops, strict=True):
            for index, slot in enumerate(row.slots):
                baseline = row_top - PAD - (index + 1) * LEADING + 3.4
                for piece in slot:
                    if piece.color is not color:
                        color = piece.color
                        text.setFillColor(piece.color)
                    set_text = set_line(piece.line, piece.font, piece.size)
                    draw_line(text, set_text, piece.font, piece.size, piece.right - piece.width, baseline)
        canvas.drawText(text)
        canvas.restoreState()
        self._report(len(rows))

    def _report(self, rows: int) -> None:
        if self.on_drawn is not None:
            self.on_drawn(self._done_before + rows)


def _continued(slots: list[list[Piece]], label: Piece | None) -> list[list[Piece]]:
    """The rest of a split row, its code repeated (greyed) at the top of its cell if that is free."""
    if label is None or any(piece.right == label.right for piece in slots[0]):
        return slots
    return [[replace(label, color=styles.MUTED), *slots[0]], *slots[1:]]


def column_edges(columns: TableColumns, width: float) -> list[tuple[float, float]]:
    """Each column's (left, right), the first column at the right."""
    edges = []
    right = width
    for share in columns.shares:
        left = right - width * share
        edges.append((max(0.0, left), right))
        right = left
    return edges
