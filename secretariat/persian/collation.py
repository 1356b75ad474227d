"""Persian alphabetical order.

Code-point order puts پ چ ژ گ after ی and ه before و. This module gives
the order of a Persian dictionary:
آ ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی.

``sort_key`` is used for lists built in Python, and ``compare`` is
registered as the SQLite collation ``persian`` (see
``secretariat.database``) so that the database sorts the same way.
``index_key`` is a short form of the key, as bytes, that the core stores
beside a long list's text (the register's resolution texts and lead
agencies, see ``secretariat.sort_keys``) so that an index, not
Python, keeps the order.

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
    return _primary(text) + "\u0000" + text


def _primary(text: str) -> str:
    """The key's primary level: letters folded, words apart, numbers by value."""
    # NFC first, so that ا followed by a combining madda is آ too.
    marked = unicodedata.normalize("NFC", text).replace("آ", _MADDA_PLACEHOLDER)
    marked = _WORD_BREAK.sub(_BREAK_PLACEHOLDER, marked).strip(_BREAK_PLACEHOLDER)
    primary = fold(marked).translate(_WEIGHTS)
    if _DIGIT_RUN_NEEDED(primary):
        primary = _DIGITS.sub(_digit_run_weight, primary)
    return primary


_DIGIT_RUN_NEEDED = re.compile("[0-9]").search

# A stored key (``index_key``) is cut to this many bytes: an index entry stays small (PostgreSQL
# refuses one of more than about 2,700 bytes), and texts that agree on their first 200 or so
# letters are rare enough to be left in the order they were entered.
INDEX_KEY_BYTES = 240


class _CompactWeights(dict[int, str]):
    """The primary level's weights as bytes (latin-1 characters), in the same order and compact:
    one byte for each Persian and Latin letter, the word separator and ASCII; four for others.

    Each class starts with its own byte, so comparing two keys byte by byte compares their
    weights one by one: ASCII (0x00-0x7F) < other characters (0x80 and three bytes) < Persian
    letters (0xC0-0xE0) < characters of the private plane between them (0xE1 and three bytes)
    < Latin letters (0xE2-0xFB) < what comes after (0xFC and three bytes).
    """

    def __missing__(self, code: int) -> str:
        persian, latin = code - _LETTER_BASE, code - _LATIN_BASE
        if code < 0x80:
            weight = chr(code)
        elif code < _LETTER_BASE:
            weight = "\x80" + _three_bytes(code)
        elif persian < len(PERSIAN_ALPHABET):
            weight = chr(0xC0 + persian)
        elif code < _LATIN_BASE:
            weight = "\xe1" + _three_bytes(code)
        elif latin < 26:
            weight = chr(0xE2 + latin)
        else:
            weight = "\xfc" + _three_bytes(code)
        self[code] = weight
        return weight


def _three_bytes(code: int) -> str:
    return chr(code >> 16) + chr((code >> 8) & 0xFF) + chr(code & 0xFF)


_COMPACT_WEIGHTS = _CompactWeights()


@lru_cache(maxsize=4096)
def index_key(text: str | None) -> bytes:
    """A short key whose byte order is the Persian order of ``text`` (its first
    ``INDEX_KEY_BYTES``), for a database column and its index.

    The primary level of ``sort_key`` alone: texts that read the same once folded (ي for ی, a
    ZWNJ for a space) get the same key, and a query breaks such ties itself (by id).
    """
    if not text:
        return b""
    return _primary(text).translate(_COMPACT_WEIGHTS).encode("latin-1")[:INDEX_KEY_BYTES]


def compare(left: str | None, right: str | None) -> int:
    """-1, 0 or 1: the SQLite collation callable."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


T = TypeVar("T")


def sorted_persian(items: Iterable[T], key: Callable[[T], str | None] | None = None) -> list[T]:
    """``items`` in Persian order of ``key(item)``, or of the items themselves (strings) without a key."""
    return sorted(items, key=lambda item: sort_key(key(item) if key else cast(str, item)))
