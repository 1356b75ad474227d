"""The glyphs of one run of text, as HarfBuzz shapes them from the font.

A Persian letter takes its joined form (initial, medial, final, isolated)
and marks sit where the font's GPOS table puts them: the fatha of «تَشکیل»
above the ت, not on its dots. HarfBuzz does this from the font itself
(reportlab 5 uses it the same way, through ``uharfbuzz``); it also draws a
bracket of a right-to-left run as its mirror image, so «(۳)» prints as (۳).

``shape_run`` takes one level run (see ``bidi.line_runs``) in logical order
and gives its glyphs in drawing order, left to right, each with the code
that draws it in a ``fonts.PersianFont`` (and reads as the letters it
stands for in the PDF's text layer), its advance, its offsets and the
logical position of the letters it stands for.

Decisions taken on purpose:
- ZWNJ (نیم‌فاصله) is kept: it is spelling, it keeps می‌شود in two unjoined
  parts, draws as nothing and stays in the text layer. The direction
  controls (LRM, RLM, LRI … PDI) only steer the bidi algorithm: no glyph.
- The «الله» word ligature is off (Persian writes عبدالله with letters);
  the لا ligature is how Persian is written: on.
- Without ``uharfbuzz`` (it is a dependency; this is for a broken
  install), arabic-reshaper's presentation forms stand in: joined letters,
  but marks not positioned.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from arabic_reshaper import ArabicReshaper

from secretariat.reports.bidi import DIRECTION_CONTROLS
from secretariat.reports.fonts import PersianFont, persian_font

try:
    import uharfbuzz
except ImportError:  # pragma: no cover - a broken install; see the module's notes
    uharfbuzz = None

# Mirrored pairs (Unicode BidiMirroring) of the characters an office text
# uses, for the stand-in shaper; HarfBuzz knows them all.
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
# HarfBuzz's defaults for Arabic script, but the standard ligatures: in
# Vazirmatn that is the «الله» word ligature (لا is a required one, kept).
_FEATURES = {"kern": True, "liga": False}
_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "shift_harakat_position": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)


# Its glyph in Vazirmatn is empty and has no width: it carries the second
# letter of a ligature into the text layer (see ``shape_run``).
EMPTY_GLYPH_CHARACTER = 0x200B  # ZERO WIDTH SPACE


@dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph of a shaped run. Lengths are per 1000 of the font size."""

    code: str  # the character that draws it in its font (see ``fonts.PersianFont.code``)
    advance: float  # how far the pen moves after it, as the shaper placed it
    x_offset: float
    y_offset: float
    index: int  # where the letters it stands for start in the run's text


_hb_fonts: dict[str, Any] = {}
_hb_lock = threading.Lock()


def _hb_font(font: PersianFont) -> Any:
    hb_font = _hb_fonts.get(font.fontName)
    if hb_font is None:
        with _hb_lock:
            hb_font = _hb_fonts.get(font.fontName)
            if hb_font is None:
                assert uharfbuzz is not None
                hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(font.face._ttf_data)))
                _hb_fonts[font.fontName] = hb_font
    return hb_font


def harfbuzz_available() -> bool:
    return uharfbuzz is not None


@lru_cache(maxsize=65536)
def shape_run(text: str, rtl: bool, face: str) -> tuple[Glyph, ...]:
    """The glyphs of ``text`` (one level run, logical order) in drawing order from the left."""
    font = persian_font(face)
    if uharfbuzz is None:
        return _reshaped(text, rtl, font)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.language = "fa"
    uharfbuzz.shape(_hb_font(font), buffer, _FEATURES)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    scale = 1000 / font.units_per_em
    carrier = font.face.charToGlyph[EMPTY_GLYPH_CHARACTER]
    glyphs: list[Glyph] = []
    texted: set[int] = set()
    for info, position in zip(infos, positions, strict=True):
        cluster = info.cluster
        letters = text[cluster : ends[cluster]]
        if all(char in DIRECTION_CONTROLS for char in letters):
            continue  # steers the bidi algorithm; nothing to draw or to read
        if cluster in texted:
            letters = ""  # a second glyph of the same letters (a decomposed form)
        texted.add(cluster)
        # A glyph of several letters (the لا ligature) reads as its first; each
        # other letter rides on an empty glyph of no width at its logical side
        # (the left in a right-to-left run), so that every reader, whether it
        # goes by the glyphs' places or by their order, reads them in order.
        carried = [
            Glyph(font.code(carrier, letter), 0.0, 0.0, 0.0, cluster + offset)
            for offset, letter in enumerate(letters[1:], start=1)
        ]
        if rtl:
            glyphs.extend(reversed(carried))
        glyphs.append(
            Glyph(
                font.code(info.codepoint, letters[:1]),
                position.x_advance * scale,
                position.x_offset * scale,
                position.y_offset * scale,
                cluster,
            )
        )
        if not rtl:
            glyphs.extend(carried)
    return tuple(glyphs)


def _reshaped(text: str, rtl: bool, font: PersianFont) -> tuple[Glyph, ...]:
    """The stand-in shaper: arabic-reshaper's presentation forms, mirrored and reversed for ``rtl``."""
    shaped = " ".join(_RESHAPER.reshape(word) if word else "" for word in text.split(" "))
    chars = [(MIRRORED.get(char, char) if rtl else char) for char in shaped]
    placed = list(enumerate(chars))
    if rtl:
        placed.reverse()
    glyphs = []
    for index, char in placed:
        if char in DIRECTION_CONTROLS:
            continue
        glyph_id = font.face.charToGlyph.get(ord(char), 0)
        letters = unicodedata.normalize("NFKC", char) if "\ufb50" <= char <= "\ufeff" else char
        if rtl and char in MIRRORED:
            letters = MIRRORED[char]
        code = font.code(glyph_id, letters)
        glyphs.append(Glyph(code, font.width_of(code), 0.0, 0.0, min(index, len(text) - 1)))
    return tuple(glyphs)


def run_width(text: str, rtl: bool, face: str) -> float:
    """The advance of a shaped run, per 1000 of the font size."""
    return sum(glyph.advance for glyph in shape_run(text, rtl, face))
