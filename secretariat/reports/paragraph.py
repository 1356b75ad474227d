"""A right-to-left paragraph for reportlab's platypus.

``RtlParagraph`` breaks its logical text into lines by measured width
(``wrap_text``: the width of the shaped words in the paragraph's font), and
only then prepares each line for drawing (``visual.visual_line``). Wrapping
first is what keeps the words of every line in order; reportlab's own
``Paragraph`` cannot do this without the unavailable ``rlbidi`` package
(with ``wordWrap='RTL'`` it reverses words and digits).

The paragraph is right aligned (or centred, from its style's
``alignment``), may carry a bullet or number at its right edge with the
lines hung beside it, and splits between lines at a page break.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import CondPageBreak, Flowable

from secretariat.reports.fonts import register_fonts
from secretariat.reports.visual import DROPPED_CONTROLS, shape, visual_line

# Where a line may break; a no-break space (U+00A0) holds «۱۴ نفر» together.
_SPACES = re.compile(r"[ \t]+")
BULLET_GAP = 4.0  # points between a bullet and its text
_UNDRAWN = dict.fromkeys(map(ord, DROPPED_CONTROLS))


def text_width(text: str, font_name: str, font_size: float) -> float:
    """The drawn width of ``text``: its shaped letters in the font (order does not change it)."""
    register_fonts()
    return _shaped_width(text, font_name, font_size)


@lru_cache(maxsize=65536)
def _shaped_width(text: str, font_name: str, font_size: float) -> float:
    # Direction controls (the isolates around a code or a percentage) are not
    # drawn, so they take no room; the font has no glyph for them, and its
    # stand-in's width would push a right-aligned or centred line off its place.
    width: float = pdfmetrics.stringWidth(shape(text).translate(_UNDRAWN), font_name, font_size)
    return width


def wrap_text(text: str, width: float, font_name: str, font_size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``, each still in logical order.

    Lines break at spaces (never at a ZWNJ, which joins a word's parts) and
    at the text's own line breaks; a word wider than the whole line (a long
    e-mail address or link) is broken between characters.
    """
    space = text_width(" ", font_name, font_size)
    lines: list[str] = []
    for hard_line in text.split("\n"):
        words = [word for word in _SPACES.split(hard_line.strip()) if word]
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = text_width(word, font_name, font_size)
            if word_width > width:
                if current:
                    lines.append(" ".join(current))
                pieces = _break_word(word, width, font_name, font_size)
                lines.extend(pieces[:-1])
                current = [pieces[-1]]
                current_width = text_width(pieces[-1], font_name, font_size)
                continue
            needed = word_width if not current else current_width + space + word_width
            if current and needed > width:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width = needed
        lines.append(" ".join(current))
    return lines


def balanced_wrap(text: str, width: float, font_name: str, font_size: float) -> list[str]:
    """Like ``wrap_text``, with the lines as even as they can be in as few lines.

    For centred titles: «... شورای هماهنگی روابط عمومی‌های شهرستان» over a
    lone «پردیس» reads badly; two lines of about the same length do not.
    """
    lines = wrap_text(text, width, font_name, font_size)
    if len(lines) < 2:
        return lines
    narrow, wide = width / len(lines), width
    while wide - narrow > 2:
        middle = (narrow + wide) / 2
        if len(wrap_text(text, middle, font_name, font_size)) > len(lines):
            narrow = middle
        else:
            wide = middle
    return wrap_text(text, wide, font_name, font_size)


def _break_word(word: str, width: float, font_name: str, font_size: float) -> list[str]:
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and text_width(piece + char, font_name, font_size) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces


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
        _lines: list[str] | None = None,
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

    def lines(self, available_width: float) -> list[str]:
        """The logical lines at this width (computed once per width)."""
        width = self._text_width(available_width)
        if self._lines is None or self._lines_width != width:
            wrap = balanced_wrap if self.balanced else wrap_text
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
            "\n".join(lines[:fits]),
            self.style,
            bullet=self.bullet,
            _lines=lines[:fits],
            _width=self._lines_width,
            _first_part=self._first_part,
        )
        tail = RtlParagraph(
            "\n".join(lines[fits:]),
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
        if not any(self._lines or ()):
            return  # an empty cell: nothing to draw
        style = self.style
        canvas = self.canv
        right = self.width - style.rightIndent
        text_right = right - self._bullet_width()
        left = style.leftIndent
        offset = baseline_offset(style)
        canvas.saveState()
        # One text object for the whole paragraph: a line costs a move and a
        # string, not a text block of its own (the minutes have hundreds).
        text = canvas.beginText()
        text.setFont(style.fontName, style.fontSize)
        text.setFillColor(style.textColor)
        for index, line in enumerate(self._lines or ()):
            y = self.height - index * style.leading - offset
            if index == 0 and self.bullet and self._first_part:
                _place(text, visual_line(self.bullet), self._width_of(self.bullet), right, y, TA_RIGHT, left)
            _place(text, visual_line(line), self._width_of(line), text_right, y, style.alignment, left)
        canvas.drawText(text)
        canvas.restoreState()

    def _width_of(self, line: str) -> float:
        return text_width(line, self.style.fontName, self.style.fontSize)


def _place(
    text: PDFTextObject, drawn: str, width: float, right: float, y: float, alignment: int, left: float
) -> None:
    """Put one prepared line in the text object: right aligned at ``right``, or centred, or from ``left``."""
    if alignment == TA_CENTER:
        x = (left + right - width) / 2
    elif alignment == TA_LEFT:
        x = left
    else:
        x = right - width
    text.setTextOrigin(x, y)
    text.textOut(drawn)


# Room a section's heading needs below it on the page, or it starts the next
# page: the heading and the first lines (or table rows) stay together.
HEADING_ROOM = 100.0


def heading(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A section heading that never ends a page by itself."""
    return [CondPageBreak(HEADING_ROOM), RtlParagraph(text, style)]
