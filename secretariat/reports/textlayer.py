"""The order in which a line's glyphs are written, so that the PDF reads back as typed.

Where each glyph is drawn is the bidi algorithm's business (``bidi``); the
order in which the glyphs follow one another in the content stream is free,
since each is moved to its place (``typeset.draw_line``). That order is
what text extraction reads. The extractors in use (pypdf, the viewers' copy
and search, ``pdftotext -raw``) read a PDF as it is written by Word: the
stream split into runs at each strong letter of the other direction, each
right-to-left run (Persian letters, with the digits, spaces and punctuation
among them) reversed, a left-to-right run (Latin) kept. ``reading_segments``
gives the order that this reading turns back into the logical text:

- a right-to-left segment (from a Persian letter to the last Persian letter
  before a Latin one, digits and punctuation included) is written reversed;
- a left-to-right segment is written in order;
- neutrals between segments of different directions (the space between a
  Persian word and an e-mail address, «( » before a Latin word) are a
  segment of their own, written reversed after a right-to-left segment
  (the reader is still reading right to left there) and in order after a
  left-to-right one.

Each segment is written as a chunk of its own (``typeset.draw_line`` sets
the font again before it), which ends the reader's run there.

A ligature (لا) is one glyph that reads as its two letters in logical
order; a mark (the fatha of «تَ») follows its letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# How the extractors class characters: right-to-left letters (Hebrew and
# Arabic scripts with their presentation forms), neutrals (ASCII spaces,
# punctuation and symbols, Arabic and Persian digits and separators,
# general punctuation such as ZWNJ, currency and arrows), and the rest
# left to right (Latin letters and digits, and also «» and other Latin-1 signs).
_RIGHT_TO_LEFT = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))
_NEUTRAL = (
    ("\x00", "\x2f"),
    ("\x3a", "\x40"),
    ("\u0660", "\u066d"),
    ("\u06f0", "\u06f9"),
    ("\u2000", "\u206f"),
    ("\u20a0", "\u21ff"),
)
RTL, NEUTRAL, LTR = "R", "N", "L"


@lru_cache(maxsize=4096)
def reading_class(char: str) -> str:
    if any(low <= char <= high for low, high in _NEUTRAL):
        return NEUTRAL
    if any(low <= char <= high for low, high in _RIGHT_TO_LEFT):
        return RTL
    return LTR


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]``: a right-to-left or left-to-right segment, or neutrals only."""

    start: int
    end: int
    direction: str  # RTL, LTR or NEUTRAL


@lru_cache(maxsize=16384)
def reading_segments(text: str) -> tuple[Segment, ...]:
    """The segments of one line, in logical order (see the module's notes).

    A strong segment starts and ends with a strong letter (a right-to-left
    one takes the neutrals before it at the start of the line: written
    reversed, they come last); the neutrals between segments, at the end
    of the line, or at its start before a left-to-right letter, are
    segments of their own.
    """
    classes = [reading_class(char) for char in text]
    runs: list[tuple[int, int, str]] = []  # (first strong letter, last strong letter, direction)
    for index, kind in enumerate(classes):
        if kind == NEUTRAL:
            continue
        if runs and runs[-1][2] == kind:
            runs[-1] = (runs[-1][0], index, kind)
        else:
            runs.append((index, index, kind))
    if not runs:
        return (Segment(0, len(text), NEUTRAL),) if text else ()
    segments: list[Segment] = []
    first, _, direction = runs[0]
    if first and direction == LTR:
        segments.append(Segment(0, first, NEUTRAL))
    for number, (first, last, direction) in enumerate(runs):
        start = 0 if number == 0 and direction == RTL else first
        segments.append(Segment(start, last + 1, direction))
        following = runs[number + 1][0] if number + 1 < len(runs) else len(text)
        if following > last + 1:
            segments.append(Segment(last + 1, following, NEUTRAL))
    return tuple(segments)


@lru_cache(maxsize=32768)
def writing_order(
    text: str, logical_indices: tuple[int, ...], reading_rtl: bool
) -> tuple[tuple[int, ...], frozenset[int], bool]:
    """The glyphs' positions in writing order, the positions (in that order) that start a
    segment, and the reader's direction after the line.

    ``logical_indices`` holds each glyph's first letter's index in ``text``;
    ``reading_rtl`` is the reader's direction as the line starts. A segment
    is written reversed if it is right-to-left, or neutral while the reader
    reads right to left. Neutrals after a right-to-left segment are written
    with it when the reader reads right to left as it starts (they join its
    run, and any space a reader adds for a jump in it falls at its end);
    otherwise they are a segment of their own. The glyphs of a reversed
    segment go from its last letter to its first; a glyph that follows
    another of the same letter stays after it.
    """
    parts: list[tuple[int, int, bool]] = []  # (start, end, written reversed)
    reading = reading_rtl
    for segment in reading_segments(text):
        if segment.direction == NEUTRAL:
            if parts and parts[-1][2] and reading and _joinable(parts, reading_rtl):
                start, _, written_reversed = parts[-1]
                parts[-1] = (start, segment.end, written_reversed)
            else:
                parts.append((segment.start, segment.end, reading))
            continue
        parts.append((segment.start, segment.end, segment.direction == RTL))
        reading = segment.direction == RTL
    part_of = [0] * max(len(text), 1)
    for number, (start, end, _) in enumerate(parts):
        for index in range(start, end):
            part_of[index] = number

    def key(position: int) -> tuple[int, int, int]:
        index = min(logical_indices[position], len(part_of) - 1)
        number = part_of[index]
        return (number, -index if parts and parts[number][2] else index, position)

    order = tuple(sorted(range(len(logical_indices)), key=key))
    numbers = [part_of[min(logical_indices[position], len(part_of) - 1)] for position in order]
    starts = frozenset(place for place in range(1, len(order)) if numbers[place] != numbers[place - 1])
    return order, starts, reading


def _joinable(parts: list[tuple[int, int, bool]], reading_rtl: bool) -> bool:
    """Can neutrals join the last (right-to-left) part: was the reader reading right to left
    as that part started (the line's incoming direction, or the part before it)?"""
    if len(parts) == 1:
        return reading_rtl
    return parts[-2][2]
