"""One line of Persian text in the order reportlab draws it.

reportlab draws the characters of a string left to right, one glyph each.
A Persian line must be prepared for that, in this order:

1. shaping: each letter takes its joined form (initial, medial, final,
   isolated); arabic-reshaper maps the letters to the Arabic presentation
   forms, which Vazirmatn draws;
2. visual order: the Unicode Bidirectional Algorithm with a right-to-left
   base direction, so that the line reads from the right while Latin and
   number runs (pr@pardis.ir, 09121234567, ۱۴۰۳/۰۲/۲۷) keep their
   left-to-right order inside it;
3. mirroring: a bracket in a right-to-left run is drawn as its mirror image,
   so that «(۳)» prints as (۳) and not )۳(.

This works on one line: a paragraph is wrapped into lines first (see
``paragraph``), because reordering a paragraph and wrapping it afterwards
puts the lines' words in the wrong order.

Decisions taken on purpose:
- ZWNJ (نیم‌فاصله) is kept. It is spelling: the reshaper honours it (می‌شود
  keeps its two parts unjoined), Vazirmatn draws it as nothing, and it stays
  in the PDF's text, so text copied from the PDF keeps it.
- Diacritics (ّ ٔ ً ...) are kept (arabic-reshaper's ``delete_harakat`` is
  off): names such as محمّد and words such as خانهٔ are spelled with them and
  Vazirmatn draws them. A mark ends up just before its letter in drawing
  order, which is where Vazirmatn's mark glyphs (they reach to the right of
  their origin) sit on that letter.
- The «الله» word ligature is off: Persian writes names such as عبدالله
  with letters. The lam-alef ligature (لا) is how Persian is written; on.
- The bidi levels come from python-bidi's Rust core (the whole algorithm of
  UAX #9, with isolates and bracket pairs). python-bidi 0.6 does not mirror,
  and hands out the levels only in the debug printout of the Rust
  ``BidiInfo`` (one level per UTF-8 byte); ``resolved_levels`` reads that
  printout and checks it covers the text, so a change in its format fails
  loudly (and in the tests) rather than printing wrong text. The line rules
  of the algorithm (L1 reset, L2 reversal, L4 mirroring) are applied here.
- Numbers joined by hyphens (codes ۱۴۰۴-۰۷-۰۳, phones 021-76251001, dates
  ۱۴۰۳-۰۲-۲۷) are kept left to right as one run. The algorithm alone would
  not: after a Persian letter their digits count as Arabic numbers, which a
  hyphen does not join, so the groups would come out in reverse
  (۰۳-۰۷-۱۴۰۴). Each such run is isolated left to right first, as
  ``meetings.kinds.display_code`` does for the codes on screen. Ranges are
  written «۱۰ تا ۱۲» in an office text, so nothing is lost.
- Direction controls (LRM, RLM, LRI ... PDI) steer the algorithm and are
  then dropped: Vazirmatn has no glyph for the isolates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import get_display

RTL_BASE_LEVEL = 1

_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "shift_harakat_position": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)

# Mirrored pairs (Unicode BidiMirroring) of the characters an office text
# uses; a character here is drawn as its pair in a right-to-left run.
MIRRORED = {
    "(": ")",
    ")": "(",
    "[": "]",
    "]": "[",
    "{": "}",
    "}": "{",
    "<": ">",
    ">": "<",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "≤": "≥",
    "≥": "≤",
}

# Dropped after reordering: they steer the algorithm and have no glyph.
DROPPED_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = frozenset(DROPPED_CONTROLS)
# Reset to the paragraph level at the end of a line or before a tab (rule
# L1): whitespace, isolate controls, and what X9 removed.
_L1_CLASSES = frozenset({"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
_SEPARATOR_CLASSES = frozenset({"S", "B"})

LRI, PDI = "\u2066", "\u2069"
# Digit groups joined by hyphens, in any digit script.
_HYPHENATED_NUMBER = re.compile(r"(?<![\w-])\d+(?:[-\u2010\u2011\u2013]\d+)+(?![\w-])")

_LEVELS_START = "\n    levels: ["
_LEVEL = re.compile(r"Level\(\s*(\d+)")


@lru_cache(maxsize=32768)
def _shape_word(word: str) -> str:
    shaped: str = _RESHAPER.reshape(word)  # arabic_reshaper is untyped
    return shaped


def shape(text: str) -> str:
    """The letters in their joined forms, still in logical order.

    Letters never join across a space, so each word is shaped on its own:
    words repeat (agency names, «مقرر شد») and a cached word costs nothing,
    where arabic-reshaper spends a quarter of a millisecond on every call.
    """
    return " ".join(_shape_word(word) if word else "" for word in text.split(" "))


def resolved_levels(text: str) -> list[int]:
    """The bidi embedding level of each character of ``text`` (base: right-to-left)."""
    dump = get_display(text, base_dir="R", debug=True)
    start = dump.rfind(_LEVELS_START)
    end = dump.find("]", start)
    byte_levels = [int(level) for level in _LEVEL.findall(dump, start, end)] if start >= 0 else []
    encoded_length = len(text.encode("utf-8"))
    if len(byte_levels) != encoded_length:
        raise RuntimeError(
            "python-bidi's debug printout no longer lists one level per byte "
            f"({len(byte_levels)} levels for {encoded_length} bytes); see secretariat/reports/visual.py"
        )
    levels = []
    offset = 0
    for char in text:
        levels.append(byte_levels[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _line_levels(text: str, levels: list[int]) -> list[int]:
    """Rule L1: trailing whitespace, and whitespace before a tab, take the paragraph level."""
    levels = list(levels)
    classes = [unicodedata.bidirectional(char) for char in text]
    boundaries = [index for index, kind in enumerate(classes) if kind in _SEPARATOR_CLASSES]
    for end in [*boundaries, len(text)]:
        if end < len(text):
            levels[end] = RTL_BASE_LEVEL
        index = end - 1
        while index >= 0 and classes[index] in _L1_CLASSES:
            levels[index] = RTL_BASE_LEVEL
            index -= 1
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """Rule L2: the logical indices in drawing order (left to right)."""
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


# The bidi classes that can put a character above the right-to-left base
# level: left-to-right letters, numbers, and explicit embeddings and isolates.
_RAISING_CLASSES = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


@lru_cache(maxsize=4096)
def _stays_at_base_level(char: str) -> bool:
    return unicodedata.bidirectional(char) not in _RAISING_CLASSES


@lru_cache(maxsize=16384)
def visual_line(text: str) -> str:
    """``text`` (one line, logical order) shaped, reordered and mirrored for drawing."""
    if not text:
        return ""
    shaped = shape(_HYPHENATED_NUMBER.sub(lambda run: LRI + run.group() + PDI, text))
    if all(_stays_at_base_level(char) for char in set(shaped)):
        # Persian letters, spaces and punctuation only (most lines of a
        # resolution's text): the algorithm resolves every character to the
        # base level, so the line is drawn reversed, its brackets mirrored.
        # The same result as below in a quarter of the time (a register of
        # thousands of rows draws tens of thousands of lines).
        return "".join(MIRRORED.get(char, char) for char in reversed(shaped) if char not in _CONTROLS)
    return by_the_algorithm(shaped)


def by_the_algorithm(shaped: str) -> str:
    """A shaped line in drawing order through python-bidi's levels and rules L1, L2 and L4."""
    levels = _line_levels(shaped, resolved_levels(shaped))
    drawn = []
    for index in visual_order(levels):
        char = shaped[index]
        if char in _CONTROLS:
            continue
        if levels[index] % 2 and char in MIRRORED:
            char = MIRRORED[char]
        drawn.append(char)
    return "".join(drawn)
