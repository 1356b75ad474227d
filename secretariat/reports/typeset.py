"""Lines of Persian text: measured, broken, and written into a PDF text object.

A paragraph is resolved for direction once (``bidi.paragraph_levels``),
broken into lines on its logical text (``break_lines``), and each line is
drawn from its slice of the paragraph's levels (``draw_line``): its level
runs in drawing order, each shaped by HarfBuzz (``shaping``).

The PDF holds each line's glyphs in *logical* order, each moved to its
place on the line by the text-showing operator's own adjustments (``TJ``),
and each glyph's code reads as the letters it stands for (see
``fonts.PersianFont``). So the text layer is the text as typed: a viewer's
search and copy, pypdf and ``pdftotext -raw`` read «بسمه تعالی» and not
«ﯽﻟﺎﻌﺗ ﻪﻤﺴﺑ», brackets the right way round, while the page looks as it
must. The cost is a number between glyphs in the content stream.

Breaking: a line breaks at spaces and at the text's own line breaks (a
no-break space holds «۱۴ نفر» together; a ZWNJ joins a word's parts). A
word wider than the whole line (a long link or e-mail address) is broken
after «/ . @ - _ ? & =» where it can be, between characters where it
cannot; being one logical text with one set of levels, its pieces keep
their order on the lines.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject

from secretariat.reports.bidi import line_runs, paragraph_levels
from secretariat.reports.fonts import persian_font
from secretariat.reports.shaping import run_width, shape_run
from secretariat.reports.textlayer import writing_order

# The canvas's note of the direction a reader of its page's text is in
# (see ``textlayer``): set by each line, cleared at each new page.
READING_RIGHT_TO_LEFT = "reading_right_to_left"
# The longest step of a forward jump in a line, per 1000 of the size (a space is about 270).
_FORWARD_STEP = 100.0
_BREAKABLE_SPACE = re.compile(r"[ \t]+")
# Where a link, an e-mail address or a long code may break when it must: after these.
_WORD_BREAK_AFTER = frozenset("/.@-_?&=")
_LEAST_WORD_TAIL = 4  # letters: a broken address does not leave «ir» alone on a line


class LogicalText(str):
    """Text in logical order for a drawing's label: the report's canvas sets it as Persian
    (reportlab's graphics hand a label's text to ``Canvas.drawString`` as is)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paragraph: its logical text, its slice of the paragraph's levels,
    and whether it ends its paragraph (a justified paragraph leaves that line unstretched)."""

    text: str
    levels: tuple[int, ...]
    ends_paragraph: bool = True

    @classmethod
    def of(cls, text: str) -> Line:
        """A line that is a paragraph of its own (a title, a cell of one line, a label)."""
        text = text.replace("\n", " ")
        return cls(text, paragraph_levels(text))


@lru_cache(maxsize=65536)
def word_width(word: str, face: str) -> float:
    """A word's shaped width per 1000 of the size (the direction does not change it)."""
    return run_width(word, True, face)


def text_width(text: str, face: str, size: float) -> float:
    """The drawn width of one line of ``text``."""
    total = sum(word_width(word, face) for word in text.split(" ") if word)
    spaces = text.count(" ")
    if spaces:
        total += spaces * word_width(" ", face)
    return total * size / 1000


def break_lines(text: str, width: float, face: str, size: float) -> list[Line]:
    """``text`` broken into lines no wider than ``width``, each with its paragraph's levels."""
    lines: list[Line] = []
    space = word_width(" ", face) * size / 1000
    for paragraph in text.split("\n"):
        levels = paragraph_levels(paragraph)
        words = [(match.start(), match.end()) for match in re.finditer(r"[^ \t]+", paragraph)]
        paragraph_lines: list[tuple[int, int]] = []
        start = end = -1
        current_width = 0.0
        for word_start, word_end in words:
            word = paragraph[word_start:word_end]
            measured = word_width(word, face) * size / 1000
            if measured > width:
                if start >= 0:
                    paragraph_lines.append((start, end))
                pieces = _break_word(paragraph, word_start, word_end, width, face, size)
                paragraph_lines.extend(pieces[:-1])
                start, end = pieces[-1]
                current_width = text_width(paragraph[start:end], face, size)
                continue
            needed = measured if start < 0 else current_width + space + measured
            if start >= 0 and needed > width:
                paragraph_lines.append((start, end))
                start, end, current_width = word_start, word_end, measured
            else:
                if start < 0:
                    start = word_start
                end, current_width = word_end, needed
        if start >= 0:
            paragraph_lines.append((start, end))
        if not paragraph_lines:
            lines.append(Line("", ()))
            continue
        for number, (line_start, line_end) in enumerate(paragraph_lines):
            line_text = " ".join(_BREAKABLE_SPACE.split(paragraph[line_start:line_end]))
            if len(line_text) == line_end - line_start:
                line_levels = levels[line_start:line_end]
            else:  # runs of spaces made one: their levels go with them (spaces take the base level)
                line_levels = paragraph_levels(line_text) if line_text else ()
            lines.append(Line(line_text, line_levels, number == len(paragraph_lines) - 1))
    return lines


def _break_word(
    paragraph: str, start: int, end: int, width: float, face: str, size: float
) -> list[tuple[int, int]]:
    """A word too wide for a line, as (start, end) pieces: after a link's separators if it has them."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    breaks: list[int] = []  # where the piece may end: after a separator
    for index in range(start, end):
        if index > piece_start and text_width(paragraph[piece_start : index + 1], face, size) > width:
            # The last separator that leaves more than a stub («.ir») for the next line, else the last.
            usable = [cut for cut in breaks if cut > piece_start]
            roomy = [cut for cut in usable if end - cut >= _LEAST_WORD_TAIL]
            cut = (roomy or usable or [index])[-1]
            pieces.append((piece_start, cut))
            piece_start = cut
            breaks = []
        if paragraph[index] in _WORD_BREAK_AFTER:
            breaks.append(index + 1)
    pieces.append((piece_start, end))
    return pieces


@dataclass(frozen=True, slots=True)
class SetLine:
    """A line set in type: its glyphs in drawing order from the left, each with its code,
    where it is drawn and the index of the letters it stands for; and the line's width."""

    text: str
    codes: str
    lefts: tuple[float, ...]  # each glyph's left from the line's left, in points
    rises: tuple[float, ...]  # each glyph's shift up from the baseline, in points
    indices: tuple[int, ...]  # each glyph's first letter in ``text``
    width: float


@lru_cache(maxsize=32768)
def set_line(line: Line, face: str, size: float, stretch: float = 0.0) -> SetLine:
    """``line`` shaped and placed; ``stretch`` points are added at each space (justified text)."""
    scale = size / 1000
    codes: list[str] = []
    lefts: list[float] = []
    rises: list[float] = []
    indices: list[int] = []
    cursor = 0.0
    for run in line_runs(line.text, line.levels):
        for glyph in shape_run(line.text[run.start : run.end], run.rtl, face):
            codes.append(glyph.code)
            lefts.append(cursor + glyph.x_offset * scale)
            rises.append(glyph.y_offset * scale)
            indices.append(run.start + glyph.index)
            cursor += glyph.advance * scale
            if stretch and glyph.code == " ":
                cursor += stretch
    return SetLine(line.text, "".join(codes), tuple(lefts), tuple(rises), tuple(indices), cursor)


def spaces_in(line: Line) -> int:
    """The spaces a justified line may stretch."""
    return line.text.count(" ")


def draw_line(
    text: PDFTextObject,
    set_text: SetLine,
    face: str,
    size: float,
    left: float,
    y: float,
    *,
    mute: bool = False,
) -> None:
    """Write ``set_text`` into the text object, its left end at (``left``, ``y``).

    ``mute``: the glyphs read as blanks in the text layer (a watermark).
    Before each glyph, the ``TJ`` adjustment that moves the pen from where
    the previous glyph left it to where this one is drawn; before each
    reading segment, the text matrix moved to the segment's first glyph
    (``Tm`` for the line's first, ``Td`` along the line for the others) and
    the font set again (it ends the reader's run).
    """
    if not set_text.codes:
        return
    canvas = text._canvas
    font = persian_font(face)
    reading_rtl = bool(getattr(canvas, READING_RIGHT_TO_LEFT, False))
    order, segment_starts, reading_rtl = writing_order(set_text.text, set_text.indices, reading_rtl)
    setattr(canvas, READING_RIGHT_TO_LEFT, reading_rtl)
    codes = "".join(set_text.codes[position] for position in order)
    if mute:  # drawn, but read as blanks: a watermark is not part of what the page says
        glyph_of = font.face.charToGlyph
        codes = "".join(font.code(glyph_of[ord(code)], " ") for code in codes)
    lefts = [set_text.lefts[position] for position in order]
    rises = [set_text.rises[position] for position in order]
    ids = font.glyph_ids(codes, canvas._doc)
    select_font = f"{font.internal_name(canvas._doc)} {fp_str(size)} Tf"
    code = text._code
    items: list[str] = []
    pending: list[str] = []
    pen = segment_left = 0.0
    rise = 0.0
    per_point = 1000 / size
    scale = size / 1000

    def close_string() -> None:
        if pending:
            items.append(f"<{''.join(pending)}>")
            pending.clear()

    def flush() -> None:
        close_string()
        if items:
            code.append(f"[{' '.join(items)}] TJ")
            items.clear()

    for index, glyph_id in enumerate(ids):
        if index == 0 or index in segment_starts:
            # A segment starts where its first glyph is drawn, then sets the font again: a
            # reader ends its run there (with any space it put for the move), and sees
            # no gap where the pen jumps back.
            flush()
            if index == 0:
                code.append(f"1 0 0 1 {fp_str(left + lefts[index])} {fp_str(y)} Tm")
            else:  # on the same line: moved from the segment before
                code.append(f"{fp_str(lefts[index] - segment_left)} 0 Td")
            code.append(select_font)
            pen = segment_left = lefts[index]
        glyph_rise = rises[index]
        if glyph_rise != rise:
            flush()
            code.append(f"{fp_str(glyph_rise)} Ts")
            rise = glyph_rise
        glyph_left = lefts[index]
        adjustment = (pen - glyph_left) * per_point
        if adjustment > 0.05 or adjustment < -0.05:
            close_string()
            # A jump forward over glyphs written later (the digits of a number in a
            # right-to-left run) goes in steps shorter than half a space: a reader takes
            # a longer one for the space between two words. Real spaces are glyphs.
            steps = math.ceil(-adjustment / _FORWARD_STEP) if adjustment < 0 else 1
            items.extend([fp_str(adjustment / steps)] * steps)
        pending.append(f"{glyph_id:04X}")
        pen = glyph_left + font.width_of(codes[index]) * scale
    flush()
    if rise:
        code.append("0 Ts")


def draw_text_line(
    text: PDFTextObject,
    line: Line,
    face: str,
    size: float,
    right: float,
    y: float,
    *,
    align: str = "right",
    mute: bool = False,
) -> float:
    """One line at ``right`` (its right end), or centred on it, or from it (``align`` "left"); its width."""
    set_text = set_line(line, face, size)
    if align == "center":
        left = right - set_text.width / 2
    elif align == "left":
        left = right
    else:
        left = right - set_text.width
    draw_line(text, set_text, face, size, left, y, mute=mute)
    return set_text.width
