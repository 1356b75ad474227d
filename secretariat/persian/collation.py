"""Persian alphabetical order.

Code-point order puts پ چ ژ گ after ی and ه before و. This module gives
the order of a Persian dictionary:
آ ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی.

``sort_key`` is used for lists built in Python, and ``compare`` is
registered as the SQLite collation ``persian`` (see
``secretariat.database``) so that the database sorts the same way.

The key has two levels. The primary level reads letters with their
variants folded (ي as ی, ك as ک, ة as ه, أ as ا) and ignores diacritics,
tatweel and ZWNJ-versus-space, words compared one by one; digits compare
by value whatever their script. The secondary level, the text itself,
breaks ties so that the order is total and stable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar, cast

from secretariat.persian.text import fold

PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"

# Weights, as code points of the key: word separators < digit runs < other
# characters (punctuation, other scripts, at their own code points) <
# Persian letters < Latin letters. Letters get weights in a private-use
# plane, above every character a name really contains.
_SEPARATOR = "\u0001"
_DIGIT_RUN = "\u0002"
_LETTER_BASE = 0xF0000
_LATIN_BASE = 0xF0100

# Placeholders that fold() leaves alone (private-use characters).
_MADDA_PLACEHOLDER = "\ue000"  # آ is its own letter here, though search folds it to ا
_BREAK_PLACEHOLDER = "\ue001"  # spaces and ZWNJ between words; fold() drops them

_WEIGHTS = {ord(letter): chr(_LETTER_BASE + i) for i, letter in enumerate(PERSIAN_ALPHABET)}
_WEIGHTS[ord(_MADDA_PLACEHOLDER)] = _WEIGHTS[ord("آ")]
_WEIGHTS[ord(_BREAK_PLACEHOLDER)] = _SEPARATOR
_WEIGHTS.update({ord(c): chr(_LATIN_BASE + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")})

_DIGITS = re.compile(r"[0-9]+")
_WORD_BREAK = re.compile(r"[\s\u200c]+")


def _digit_run_weight(match: re.Match[str]) -> str:
    # Numbers sort by value: the length first, then the digits.
    digits = match.group().lstrip("0") or "0"
    return _DIGIT_RUN + chr(0x30 + len(digits)) + digits


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """A string whose code-point order is the Persian order of ``text``."""
    if not text:
        return ""
    # NFC first, so that ا followed by a combining madda is آ too.
    marked = unicodedata.normalize("NFC", text).replace("آ", _MADDA_PLACEHOLDER)
    marked = _WORD_BREAK.sub(_BREAK_PLACEHOLDER, marked).strip(_BREAK_PLACEHOLDER)
    primary = fold(marked).translate(_WEIGHTS)
    if _DIGIT_RUN_NEEDED(primary):
        primary = _DIGITS.sub(_digit_run_weight, primary)
    return primary + "\u0000" + text


_DIGIT_RUN_NEEDED = re.compile("[0-9]").search


def compare(left: str | None, right: str | None) -> int:
    """-1, 0 or 1: the SQLite collation callable."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


T = TypeVar("T")


def sorted_persian(items: Iterable[T], key: Callable[[T], str | None] | None = None) -> list[T]:
    """``items`` in Persian order of ``key(item)``, or of the items themselves (strings) without a key."""
    return sorted(items, key=lambda item: sort_key(key(item) if key else cast(str, item)))
