"""The Jalali calendar as people read and type it.

Dates are stored as Gregorian ``datetime.date`` and always shown and entered
as Jalali. Parsing accepts / or - (or .) between the parts and digits of any
script; an impossible date is refused with a Persian message that says
what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re

import jdatetime

from secretariat.persian.text import to_latin_digits, to_persian_digits

MONTHS = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
# Index by Python's weekday(): Monday is 0.
WEEKDAYS = ["دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]

# Years the secretariat can meaningfully record: before the oldest councils,
# after any plan.
MIN_YEAR = 1300
MAX_YEAR = 1500

# Bounded runs of digits: a pasted 5,000-digit "date" is refused as not a date, never
# handed to int() (which refuses more than 4,300 digits with an error of its own).
_DATE = re.compile(r"^\s*(\d{1,6})\s*[/\-.]\s*(\d{1,4})\s*[/\-.]\s*(\d{1,4})\s*$")


class JalaliDateError(ValueError):
    """A typed date that cannot be a Jalali date. ``str()`` is Persian."""


def is_leap(year: int) -> bool:
    leap: bool = jdatetime.date(year, 1, 1).isleap()
    return leap


def month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def parse(text: str | None) -> dt.date:
    """``"۱۴۰۳/۰۲/۲۷"`` -> ``date(2024, 5, 16)``, or ``JalaliDateError``."""
    if not text or not text.strip():
        raise JalaliDateError("تاریخ وارد نشده است.")
    match = _DATE.match(to_latin_digits(text))
    if not match:
        raise JalaliDateError(f"«{text.strip()}» تاریخ نیست؛ به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۲/۲۷.")
    year, month, day = (int(part) for part in match.groups())
    validate(year, month, day)
    return _gregorian(year, month, day)


def validate(year: int, month: int, day: int) -> None:
    """Raise ``JalaliDateError`` saying what is wrong with year/month/day."""
    if year < 100:
        raise JalaliDateError("سال را چهاررقمی بنویسید، مثلاً ۱۴۰۳.")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise JalaliDateError(
            f"سال {to_persian_digits(year)} پذیرفتنی نیست؛ سال باید بین "
            f"{to_persian_digits(MIN_YEAR)} و {to_persian_digits(MAX_YEAR)} باشد."
        )
    if not 1 <= month <= 12:
        raise JalaliDateError(f"ماه {to_persian_digits(month)} وجود ندارد؛ ماه باید بین ۱ و ۱۲ باشد.")
    length = month_length(year, month)
    if not 1 <= day <= length:
        if month == 12 and day == 30:
            raise JalaliDateError(f"سال {to_persian_digits(year)} کبیسه نیست و اسفند آن ۲۹ روز دارد.")
        raise JalaliDateError(
            f"{MONTHS[month - 1]} {to_persian_digits(length)} روز دارد؛ "
            f"روز {to_persian_digits(day)} وجود ندارد."
        )


def parse_optional(text: str | None) -> dt.date | None:
    """Like ``parse``, but an empty field is ``None``."""
    if text is None or not text.strip():
        return None
    return parse(text)


def to_jalali(value: dt.date) -> jdatetime.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    return jdatetime.date.fromgregorian(date=value)


def from_jalali(year: int, month: int, day: int) -> dt.date:
    validate(year, month, day)
    return _gregorian(year, month, day)


def _gregorian(year: int, month: int, day: int) -> dt.date:
    gregorian: dt.date = jdatetime.date(year, month, day).togregorian()  # jdatetime has no types
    return gregorian


def format_short(value: dt.date | None, *, persian_digits: bool = True) -> str:
    """``date(2024, 5, 16)`` -> ``"۱۴۰۳/۰۲/۲۷"``; ``None`` -> ``""``."""
    if value is None:
        return ""
    j = to_jalali(value)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    return to_persian_digits(text) if persian_digits else text


def format_long(value: dt.date | None) -> str:
    """``date(2024, 5, 16)`` -> ``"پنجشنبه ۲۷ اردیبهشت ۱۴۰۳"``."""
    if value is None:
        return ""
    j = to_jalali(value)
    weekday = WEEKDAYS[value.weekday()]
    return f"{weekday} {to_persian_digits(j.day)} {MONTHS[j.month - 1]} {to_persian_digits(j.year)}"


def format_month(year: int, month: int) -> str:
    """«اردیبهشت ۱۴۰۳»."""
    return f"{MONTHS[month - 1]} {to_persian_digits(year)}"


def today() -> dt.date:
    return dt.date.today()


def jalali_year(value: dt.date) -> int:
    year: int = to_jalali(value).year
    return year
