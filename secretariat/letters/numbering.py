"""Letter numbers: the council's pattern, and a sequence per direction restarting each Jalali year.

The pattern is a setting (``council_setting``): ``{seq}`` the letter's place
in the year, ``{year}`` the Jalali year, ``{yy}`` its last two digits, and
any fixed text, e.g. ``{seq}/ش/{year}`` → «۱۲۳۴/ش/۱۴۰۵». Outgoing letters and
the receipt numbers of incoming ones have a pattern each. Numbers are stored
with Latin digits and shown with Persian ones. The next number is the year's
largest sequence plus one, read while holding the numbering lock
(``database.lock_numbering``) and guarded by a unique constraint: two desks
issuing at once never share a number, and since a letter is voided rather
than deleted, no number is ever skipped silently.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CouncilSetting, Letter
from secretariat.database import lock_numbering
from secretariat.errors import ValidationError
from secretariat.persian.text import to_latin_digits, to_persian_digits

OUT, IN = "out", "in"
DEFAULT_PATTERNS = {OUT: "{seq}/ش/{year}", IN: "{seq}/و/{year}"}
SETTING_KEYS = {OUT: "letters.out_pattern", IN: "letters.in_pattern"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_KNOWN = {"seq", "year", "yy"}
PATTERN_MESSAGE = (
    "الگوی شماره باید {seq} (ردیف نامه در سال) و {year} یا {yy} (سال) را داشته باشد، مانند {seq}/ش/{year}؛ "
    "جز این‌ها تنها متن ثابت می‌پذیرد."
)


def check_pattern(pattern: str) -> str:
    pattern = pattern.strip()
    names = _PLACEHOLDER.findall(pattern)
    ok = (
        bool(pattern)
        and len(pattern) <= 60
        and "seq" in names
        and ("year" in names or "yy" in names)
        and set(names) <= _KNOWN
        and "{" not in _PLACEHOLDER.sub("", pattern)
        and "}" not in _PLACEHOLDER.sub("", pattern)
    )
    if not ok:
        raise ValidationError({"pattern": PATTERN_MESSAGE})
    return pattern


def format_number(pattern: str, *, seq: int, year: int) -> str:
    """The number with Latin digits, as stored: «{seq}/ش/{year}», 12, 1405 -> «12/ش/1405»."""
    values = {"seq": str(seq), "year": str(year), "yy": f"{year % 100:02d}"}
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], pattern)


def shown(number: str) -> str:
    """As printed and shown: «۱۲/ش/۱۴۰۵»."""
    return to_persian_digits(number)


def typed(number: str) -> str:
    """A number as typed in any digits, as stored."""
    return to_latin_digits(number).strip()


def pattern(session: Session, direction: str) -> str:
    stored = session.get(CouncilSetting, SETTING_KEYS[direction])
    return stored.value if stored is not None else DEFAULT_PATTERNS[direction]


def next_number(session: Session, direction: str, year: int) -> tuple[int, str]:
    """The next sequence of ``direction`` in ``year`` and its number; the lock is held till the save ends."""
    lock_numbering(session, f"letter-{direction}-{year}")
    last = session.scalar(
        select(func.max(Letter.seq)).where(Letter.direction == direction, Letter.year == year)
    )
    seq = (last or 0) + 1
    return seq, format_number(pattern(session, direction), seq=seq, year=year)
