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
import sys
import unicodedata
from functools import lru_cache

from secretariat.text import fold

PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"

# Weights: separators < digits < Persian letters < Latin letters < the rest.
_SEPARATOR = "\u0001"
_DIGIT_RUN = "\u0002"
_LETTER_BASE = 0x100
_LATIN_BASE = _LETTER_BASE + len(PERSIAN_ALPHABET) + 1
_OTHER_BASE = 0x1000

_LETTER_WEIGHT = {letter: chr(_LETTER_BASE + i) for i, letter in enumerate(PERSIAN_ALPHABET)}
_MADDA_PLACEHOLDER = "\ue000"
_DIGITS = re.compile(r"\d+")
_WORD_BREAK = re.compile(r"[\s\u200c]+")


def _digit_run_weight(digits: str) -> str:
    # Numbers sort by value: the length first, then the digits.
    digits = digits.lstrip("0") or "0"
    return _DIGIT_RUN + chr(0x30 + len(digits)) + digits


def _char_weight(char: str) -> str:
    weight = _LETTER_WEIGHT.get(char)
    if weight is not None:
        return weight
    if "a" <= char <= "z":
        return chr(_LATIN_BASE + ord(char) - ord("a"))
    # The last code points would overflow; they share the top weight and the
    # secondary level (the text itself) orders them.
    return chr(min(_OTHER_BASE + ord(char), sys.maxunicode))


def _word_weights(word: str) -> str:
    # آ is its own letter in the order, though search folds it to ا: hide it
    # from folding behind a private-use placeholder.
    # NFC first, so that ا followed by a combining madda is آ too.
    word = unicodedata.normalize("NFC", word)
    folded = fold(word.replace("آ", _MADDA_PLACEHOLDER)).replace(_MADDA_PLACEHOLDER, "آ")
    parts: list[str] = []
    position = 0
    for match in _DIGITS.finditer(folded):
        parts.extend(_char_weight(c) for c in folded[position : match.start()])
        parts.append(_digit_run_weight(match.group()))
        position = match.end()
    parts.extend(_char_weight(c) for c in folded[position:])
    return "".join(parts)


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """A string whose code-point order is the Persian order of ``text``."""
    if not text:
        return ""
    words = [w for w in _WORD_BREAK.split(text.strip()) if w]
    primary = _SEPARATOR.join(_word_weights(w) for w in words)
    return primary + "\u0000" + text


def compare(left: str | None, right: str | None) -> int:
    """-1, 0 or 1: the SQLite collation callable."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def sorted_persian(items, key=lambda item: item):
    """``items`` in Persian order of ``key(item)``."""
    return sorted(items, key=lambda item: sort_key(key(item)))
