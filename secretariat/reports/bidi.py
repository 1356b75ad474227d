"""The Unicode Bidirectional Algorithm (UAX #9) for a printed paragraph.

A paragraph's embedding levels are resolved once, on the whole logical
paragraph (``paragraph_levels``), before it is broken into lines. Each line
then keeps its slice of those levels and is reordered by them (rules L1 and
L2, ``line_runs``), never resolved again as a paragraph of its own: «۳۰٪» at
the start of a wrapped line then reads as it does in the middle of one, and
a link broken over two lines keeps its order. This is how Word and the
browsers show a paragraph.

Decisions taken on purpose:
- The levels come from python-bidi's Rust core (the whole algorithm, with
  isolates and bracket pairs). python-bidi 0.6 hands them out only in the
  debug printout of the Rust ``BidiInfo`` (one level per UTF-8 byte);
  ``resolved_levels`` reads that printout and checks that it covers the
  text, so a change in its format fails loudly (and in the tests) rather
  than printing wrong text.
- Numbers joined by hyphens (codes ۱۴۰۴-۰۷-۰۳, phones 021-76251001, dates
  ۱۴۰۳-۰۲-۲۷) are kept left to right as one run. The algorithm alone would
  not: after a Persian letter their digits count as Arabic numbers, which a
  hyphen does not join, so the groups would come out in reverse. Each such
  run is isolated left to right first, as ``meetings.kinds.display_code``
  does for the codes on screen.
- A percentage is one left-to-right run too, its sign at the number's
  right, as the app's screens show «۸۵٪»: the algorithm alone draws the
  sign at the right of a number that opens a paragraph (a European number)
  and at its left after a Persian word (an Arabic number), so «۲۵٪» would
  change sides between a table's cell and a sentence.
- Mirroring (rule L4) is the shaper's: HarfBuzz draws «(» of a right-to-left
  run as its mirror image (see ``shaping``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bidi import get_display

RTL_BASE_LEVEL = 1
LRI, PDI = "\u2066", "\u2069"

# Direction controls: they steer the algorithm and are then not drawn.
DIRECTION_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Digit groups joined by hyphens, in any digit script; a number and its percent sign.
_LEFT_TO_RIGHT_NUMBER = re.compile(
    r"(?<![\w-])\d+(?:[-\u2010\u2011\u2013]\d+)+(?![\w-])|(?<![\w.,/٫٬])\d+(?:[.,٫٬/]\d+)*[%٪]"
)
_LEVELS_START = "\n    levels: ["
_LEVEL = re.compile(r"Level\(\s*(\d+)")

# Reset to the paragraph level at the end of a line or before a tab (rule
# L1): whitespace, isolate controls, and what X9 removed.
_L1_CLASSES = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
_SEPARATOR_CLASSES = frozenset({"S", "B"})
# The bidi classes that can put a character above the right-to-left base
# level: left-to-right letters, numbers, and explicit embeddings and isolates.
_RAISING_CLASSES = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


@lru_cache(maxsize=4096)
def _stays_at_base_level(char: str) -> bool:
    return unicodedata.bidirectional(char) not in _RAISING_CLASSES


def resolved_levels(text: str) -> list[int]:
    """python-bidi's embedding level of each character of ``text`` (base: right-to-left)."""
    dump = get_display(text, base_dir="R", debug=True)
    start = dump.rfind(_LEVELS_START)
    end = dump.find("]", start)
    byte_levels = [int(level) for level in _LEVEL.findall(dump, start, end)] if start >= 0 else []
    encoded_length = len(text.encode("utf-8"))
    if len(byte_levels) != encoded_length:
        raise RuntimeError(
            "python-bidi's debug printout no longer lists one level per byte "
            f"({len(byte_levels)} levels for {encoded_length} bytes); see secretariat/reports/bidi.py"
        )
    levels = []
    offset = 0
    for char in text:
        levels.append(byte_levels[offset])
        offset += len(char.encode("utf-8"))
    return levels


@lru_cache(maxsize=8192)
def paragraph_levels(text: str) -> tuple[int, ...]:
    """The embedding level of each character of one logical paragraph (no line breaks in it)."""
    if all(_stays_at_base_level(char) for char in set(text)):
        # Persian letters, spaces and punctuation only (most of a resolution's
        # text): every character resolves to the base level, without asking.
        return (RTL_BASE_LEVEL,) * len(text)
    isolated: list[str] = []
    origin: list[int] = []  # the index in ``isolated`` of each character of ``text``
    position = 0
    for match in _LEFT_TO_RIGHT_NUMBER.finditer(text):
        for index in range(position, match.start()):
            origin.append(len(isolated))
            isolated.append(text[index])
        isolated.append(LRI)
        for index in range(match.start(), match.end()):
            origin.append(len(isolated))
            isolated.append(text[index])
        isolated.append(PDI)
        position = match.end()
    for index in range(position, len(text)):
        origin.append(len(isolated))
        isolated.append(text[index])
    levels = resolved_levels("".join(isolated))
    return tuple(levels[index] for index in origin)


def line_levels(text: str, levels: tuple[int, ...]) -> list[int]:
    """Rule L1 on one line: trailing whitespace, and whitespace before a tab, take the paragraph level."""
    result = list(levels)
    classes = [unicodedata.bidirectional(char) for char in text]
    boundaries = [index for index, kind in enumerate(classes) if kind in _SEPARATOR_CLASSES]
    for end in [*boundaries, len(text)]:
        if end < len(text):
            result[end] = RTL_BASE_LEVEL
        index = end - 1
        while index >= 0 and classes[index] in _L1_CLASSES:
            result[index] = RTL_BASE_LEVEL
            index -= 1
    return result


def visual_order(levels: list[int]) -> list[int]:
    """Rule L2: the indices of ``levels`` in drawing order (left to right)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    current = list(levels)
    odd = [level for level in levels if level % 2]
    lowest_odd = min(odd) if odd else max(levels) + 1
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if current[index] < level:
                index += 1
                continue
            end = index
            while end < len(order) and current[end] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            current[index:end] = current[index:end][::-1]
            index = end
    return order


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of one line at one level: ``text[start:end]``, right to left when ``rtl``."""

    start: int
    end: int
    rtl: bool


def line_runs(text: str, levels: tuple[int, ...]) -> list[Run]:
    """The level runs of one line (its logical text and its slice of the paragraph's levels),
    in drawing order from the left (rule L2 on whole runs; a run's own characters are put
    in order by the shaper, right to left for an odd level)."""
    if not text:
        return []
    if all(level == RTL_BASE_LEVEL for level in levels):
        return [Run(0, len(text), True)]
    adjusted = line_levels(text, levels)
    runs: list[Run] = []
    run_levels: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or adjusted[index] != adjusted[start]:
            runs.append(Run(start, index, adjusted[start] % 2 == 1))
            run_levels.append(adjusted[start])
            start = index
    return [runs[index] for index in visual_order(run_levels)]
