"""Persian text: storage normalisation, search folding and digits.

Three strengths on purpose (see shared/PERSIAN.md):
- ``normalize`` is what is stored: Arabic ي/ك become Persian ی/ک, the ends
  are trimmed and runs of spaces collapse. Nothing else changes silently;
  the zero-width non-joiner is spelling and stays.
- ``fold`` is what is compared when searching: it folds much harder, on the
  query and on the text alike, so that مدير finds مدیر and روابط عمومی finds
  روابط‌عمومی.
- digit helpers convert between Persian, Arabic-Indic and Latin digits.
"""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

_TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN_DIGITS = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

# Storage: only the two letters Persian keyboards on Windows get wrong.
_STORAGE_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
_SPACE_RUNS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Search folding: every variant a person may have typed maps to one letter.
_FOLD_LETTER_MAP = {
    "\u064a": "ی",  # ي Arabic yeh
    "\u0649": "ی",  # ى alef maksura
    "\u0626": "ی",  # ئ yeh with hamza
    "\u0643": "ک",  # ك Arabic kaf
    "\u0629": "ه",  # ة teh marbuta
    "\u06c0": "ه",  # ۀ heh with yeh above
    "\u06c1": "ه",  # ہ heh goal
    "\u06d5": "ه",  # ە ae
    "\u0623": "ا",  # أ
    "\u0625": "ا",  # إ
    "\u0622": "ا",  # آ
    "\u0671": "ا",  # ٱ alef wasla
    "\u0624": "و",  # ؤ
}
_FOLD_LETTERS = str.maketrans(_FOLD_LETTER_MAP)
# Removed by folding: tatweel, harakat and Quranic marks, hamza above/below
# (هٔ is ه + U+0654), the ZWNJ/ZWJ and the bidi controls people paste in.
_FOLD_DROPPED_RANGES = (
    ("\u0640", "\u0640"),
    ("\u064b", "\u065f"),
    ("\u0670", "\u0670"),
    ("\u06d6", "\u06ed"),
    ("\u200b", "\u200f"),
    ("\u202a", "\u202e"),
    ("\u2066", "\u2069"),
    ("\ufeff", "\ufeff"),
)
_FOLD_DROP = re.compile("[" + "".join(f"{first}-{last}" for first, last in _FOLD_DROPPED_RANGES) + "]")
_WHITESPACE = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """The form of free text that is stored: Persian letters, tidy spaces."""
    if not text:
        return ""
    text = text.translate(_STORAGE_LETTERS)
    lines = [_SPACE_RUNS.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(lines).strip()


def normalize_line(text: str | None) -> str:
    """A one-line field (a name, a title): newlines count as spaces."""
    return normalize(_WHITESPACE.sub(" ", text or ""))


def fold(text: str | None) -> str:
    """The search form of a text: variants, marks, spaces and ZWNJ removed.

    Spaces and ZWNJ are dropped entirely, so روابط عمومی, روابط‌عمومی and
    روابطعمومی fold alike. Digits of every script become Latin.
    """
    if not text:
        return ""
    # NFKC turns Arabic presentation forms (from PDFs and old fonts) into
    # the base letters before they are folded.
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_FOLD_LETTERS).translate(_TO_LATIN_DIGITS)
    text = _FOLD_DROP.sub("", text)
    return _WHITESPACE.sub("", text).casefold()


def fold_translation() -> tuple[str, str]:
    """``fold`` as one character translation, for a database to fold its own text with
    (PostgreSQL's ``translate(text, source, target)``, after NFKC and before lowercasing):
    each character of ``source`` becomes the one at the same place in ``target``, and those
    past the end of ``target`` (the marks, the controls, every kind of space) are removed."""
    mapped = dict(_FOLD_LETTER_MAP)
    mapped.update(zip(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2, strict=True))
    dropped = [chr(code) for first, last in _FOLD_DROPPED_RANGES for code in range(ord(first), ord(last) + 1)]
    # Every character that ``\s`` matches (all of them lie below U+10000).
    dropped += [chr(code) for code in range(0x10000) if chr(code).isspace()]
    return "".join(mapped) + "".join(dropped), "".join(mapped.values())


# A query is read up to these limits and the rest of it is ignored: a page
# pasted into the search box must not make a query the database refuses
# ("LIKE or GLOB pattern too complex") or scans for long. Cutting can only
# widen the results: a text holding a whole term holds its first characters.
MAX_SEARCH_TERMS = 20
MAX_TERM_LENGTH = 100


def search_terms(query: str | None) -> list[str]:
    """Split a typed query into folded terms; every term must match.

    At most ``MAX_SEARCH_TERMS`` terms, each cut to ``MAX_TERM_LENGTH``
    characters; further terms are ignored.
    """
    if not query:
        return []
    terms: list[str] = []
    for word in re.split(rf"[\s{ZWNJ}]+", query):
        term = fold(word)[:MAX_TERM_LENGTH]
        if term:
            terms.append(term)
            if len(terms) == MAX_SEARCH_TERMS:
                break
    return terms


def matches(query: str | None, text: str | None) -> bool:
    """Does ``text`` contain every term of ``query``, after folding?"""
    haystack = fold(text)
    return all(term in haystack for term in search_terms(query))


def to_persian_digits(value: object) -> str:
    """Persian digits for anything shown to a person (numbers, dates)."""
    return str(value).translate(_TO_PERSIAN_DIGITS)


def to_latin_digits(text: str) -> str:
    return text.translate(_TO_LATIN_DIGITS)


class NumberFormatError(ValueError):
    """A typed number that is not a number; the message is Persian."""


_INTEGER = re.compile(r"[+-]?\d+")
# No count, year or id the app keeps has more digits (a signed 64-bit id has 19).
_MAX_DIGITS = 18


def parse_int(text: str | None) -> int:
    """Parse an integer typed with Persian, Arabic-Indic or Latin digits.

    Thousands separators (٬ , and the Persian momayyez) are accepted.
    """
    cleaned = to_latin_digits(normalize_line(text))
    cleaned = re.sub("[,\u066c\u060c ]", "", cleaned).replace("\u2212", "-")
    if not cleaned:
        raise NumberFormatError("عددی وارد نشده است.")
    if not _INTEGER.fullmatch(cleaned) or not cleaned.lstrip("+-").isascii():
        raise NumberFormatError(f"«{(text or '').strip()[:40]}» عدد صحیح نیست.")
    if len(cleaned.lstrip("+-").lstrip("0")) > _MAX_DIGITS:
        raise NumberFormatError("این عدد بیش از اندازه بزرگ است.")
    return int(cleaned)


def format_int(value: int) -> str:
    """An integer in Persian digits with the Persian thousands separator."""
    return to_persian_digits(f"{value:,}".replace(",", "\u066c"))
