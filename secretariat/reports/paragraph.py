"""A right-to-left paragraph for reportlab's platypus.

``RtlParagraph`` resolves its text's direction once per paragraph, breaks
it into lines by measured width (``typeset.break_lines``: the width of the
words as HarfBuzz shapes them in the paragraph's font), and draws each line
from its slice of the paragraph's levels (``typeset.draw_line``).
reportlab's own ``Paragraph`` cannot do this without the unavailable
``rlbidi`` package (with ``wordWrap='RTL'`` it reverses words and digits).

The paragraph is right aligned, centred or justified (from its style's
``alignment``; a justified paragraph's last line stays at the right, as in
an office letter), may carry a bullet or number at its right edge with the
lines hung beside it, and splits between lines at a page break.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import CondPageBreak, Flowable, Table

from secretariat.reports.fonts import register_fonts
from secretariat.reports.typeset import Line, break_lines, draw_line, set_line, spaces_in
from secretariat.reports.typeset import text_width as _typeset_width

BULLET_GAP = 4.0  # points between a bullet and its text


def text_width(text: str, font_name: str, font_size: float) -> float:
    """The drawn width of one line of ``text`` in the font (shaped; order does not change it)."""
    register_fonts()
    return _typeset_width(text, font_name, font_size)


def wrap_text(text: str, width: float, font_name: str, font_size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``, each still in logical order.

    Lines break at spaces (never at a ZWNJ, which joins a word's parts) and
    at the text's own line breaks; a word wider than the whole line (a long
    e-mail address or link) is broken after its separators, or between characters.
    """
    register_fonts()
    return [line.text for line in break_lines(text, width, font_name, font_size)]


def balanced_wrap(text: str, width: float, font_name: str, font_size: float) -> list[str]:
    """Like ``wrap_text``, with the lines as even as they can be in as few lines.

    For centred titles: «... شورای هماهنگی روابط عمومی‌های شهرستان» over a
    lone «پردیس» reads badly; two lines of about the same length do not.
    """
    return [line.text for line in _balanced_lines(text, width, font_name, font_size)]


def _balanced_lines(text: str, width: float, font_name: str, font_size: float) -> list[Line]:
    register_fonts()
    lines = break_lines(text, width, font_name, font_size)
    if len(lines) < 2:
        return lines
    narrow, wide = width / len(lines), width
    while wide - narrow > 2:
        middle = (narrow + wide) / 2
        if len(break_lines(text, middle, font_name, font_size)) > len(lines):
            narrow = middle
        else:
            wide = middle
    return break_lines(text, wide, font_name, font_size)


def baseline_offset(style: ParagraphStyle) -> float:
    """From the top of a line box to the baseline, the font's glyph box centred in the leading."""
    face = pdfmetrics.getFont(style.fontName).face
    ascent = face.ascent * style.fontSize / 1000
    descent = -face.descent * style.fontSize / 1000
    offset: float = (style.leading - ascent - descent) / 2 + ascent
    return offset


class RtlParagraph(Flowable):
    """A paragraph of Persian (or mixed) text, wrapped, right aligned or centred.

    ``bullet`` (e.g. «۱.») is drawn at the right edge of the first line and
    the text hangs beside it. ``balanced`` evens out the lines (titles).
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        bullet: str = "",
        balanced: bool = False,
        _lines: list[Line] | None = None,
        _width: float | None = None,
        _first_part: bool = True,
    ):
        super().__init__()
        register_fonts()
        self.text = text
        self.style = style
        self.bullet = bullet
        self.balanced = balanced
        self._lines = _lines
        self._lines_width = _width
        self._first_part = _first_part
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"RtlParagraph({self.text[:40]!r})"

    # -- layout --------------------------------------------------------------

    def _bullet_width(self) -> float:
        if not self.bullet:
            return 0.0
        return text_width(self.bullet, self.style.fontName, self.style.fontSize) + BULLET_GAP

    def _text_width(self, available: float) -> float:
        style = self.style
        width: float = max(1.0, available - style.leftIndent - style.rightIndent - self._bullet_width())
        return width

    def lines(self, available_width: float) -> list[Line]:
        """The lines at this width (computed once per width)."""
        width = self._text_width(available_width)
        if self._lines is None or self._lines_width != width:
            wrap = _balanced_lines if self.balanced else break_lines
            self._lines = wrap(self.text, width, self.style.fontName, self.style.fontSize)
            self._lines_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[RtlParagraph]:
        lines = self.lines(availWidth)
        fits = int((availHeight + 1e-6) // self.style.leading)
        if fits <= 0 or fits >= len(lines):
            return []
        # Leave no single line alone at the foot or the head of a page when
        # the paragraph is long enough not to.
        if len(lines) >= 4:
            fits = min(max(fits, 2), len(lines) - 2) if fits >= 2 else 0
        if fits <= 0:
            return []
        # Each part keeps its own lines; its text is those lines, so that if a
        # later frame is narrower it wraps them again without the other part's.
        head = RtlParagraph(
            "\n".join(line.text for line in lines[:fits]),
            self.style,
            bullet=self.bullet,
            _lines=lines[:fits],
            _width=self._lines_width,
            _first_part=self._first_part,
        )
        tail = RtlParagraph(
            "\n".join(line.text for line in lines[fits:]),
            self.style,
            bullet=self.bullet,
            _lines=lines[fits:],
            _width=self._lines_width,
            _first_part=False,
        )
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    # -- drawing -------------------------------------------------------------

    def draw(self) -> None:
        if not any(line.text for line in self._lines or ()):
            return  # an empty cell: nothing to draw
        style = self.style
        canvas = self.canv
        right = self.width - style.rightIndent
        text_right = right - self._bullet_width()
        left = style.leftIndent
        offset = baseline_offset(style)
        canvas.saveState()
        # One text object for the whole paragraph: a line costs a move and its
        # glyphs, not a text block of its own (the minutes have hundreds).
        text = canvas.beginText()
        text.setFillColor(style.textColor)
        face, size = style.fontName, style.fontSize
        for index, line in enumerate(self._lines or ()):
            y = self.height - index * style.leading - offset
            if index == 0 and self.bullet and self._first_part:
                # The space after the bullet takes no room at the right edge, and keeps the
                # bullet and the text apart in the text layer.
                _place(text, Line.of(self.bullet + " "), face, size, right, y, TA_RIGHT, left)
            _place(text, line, face, size, text_right, y, style.alignment, left)
        canvas.drawText(text)
        canvas.restoreState()


def _place(
    text: PDFTextObject,
    line: Line,
    face: str,
    size: float,
    right: float,
    y: float,
    alignment: int,
    left: float,
) -> None:
    """One line in the text object: right aligned at ``right``, centred, from ``left``, or
    justified between them (its spaces stretched; a paragraph's last line stays at the right)."""
    stretch = 0.0
    if alignment == TA_JUSTIFY and not line.ends_paragraph and spaces_in(line):
        natural = set_line(line, face, size).width
        stretch = max(0.0, (right - left - natural) / spaces_in(line))
    set_text = set_line(line, face, size, stretch)
    if alignment == TA_CENTER:
        x = (left + right - set_text.width) / 2
    elif alignment == TA_LEFT:
        x = left
    else:
        x = right - set_text.width
    draw_line(text, set_text, face, size, x, y)


# Room a section's heading needs below it on the page, or it starts the next
# page: the heading and the first lines (or table rows) stay together.
HEADING_ROOM = 100.0


def heading(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A section heading that never ends a page by itself."""
    return [CondPageBreak(HEADING_ROOM), RtlParagraph(text, style)]


class RoomForStart(CondPageBreak):
    """A heading's page break, sized by what follows it: the heading, a note, and the
    header and first row of the table after them must fit on the page, or they all go
    to the next one (a row too short to split would otherwise leave the heading alone)."""

    def __init__(self, following: Sequence[Flowable]):
        super().__init__(HEADING_ROOM)
        self.following = list(following)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # platypus names them
        needed = 0.0
        for flowable in self.following:
            if isinstance(flowable, Table):
                flowable.wrap(availWidth, _TALL)
                head_rows = flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0
                needed += sum(flowable._rowHeights[: head_rows + 1])
                break
            needed += (
                flowable.wrap(availWidth, _TALL)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
            )
        self.height = max(HEADING_ROOM, needed)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


_TALL = 1e6  # a height nothing reaches: to measure a flowable whole
# At most this many flowables after a heading are kept with it (a heading, a note, a table).
_KEPT_AFTER_HEADING = 4


def keep_headings_with_their_tables(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with each heading's break (``heading``) made a ``RoomForStart`` when a
    table follows the heading closely."""
    kept = list(story)
    for index, flowable in enumerate(kept):
        if type(flowable) is not CondPageBreak:
            continue
        following = []
        for after in kept[index + 1 : index + 1 + _KEPT_AFTER_HEADING]:
            if isinstance(after, CondPageBreak):
                break
            following.append(after)
            if isinstance(after, Table):
                kept[index] = RoomForStart(following)
                break
    return kept
