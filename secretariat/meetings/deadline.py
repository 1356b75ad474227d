"""How a resolution's deadline (مهلت) reads: one rule for the screens, the printed pages
and the command line.

A deadline is a day, shown as a Jalali date in Persian digits («۱۴۰۴/۰۸/۲۸»),
or «تا جلسه بعد» (until the next meeting). A resolution the minutes gave
neither (an old record, an imported one) reads «بدون مهلت» everywhere, never
an empty cell in one place and a dash in another.

An amendment of finalized minutes keeps a deadline as text: the date in Latin
digits («1404/08/28») or «تا جلسه بعد»; ``kept_deadline`` writes that form
and ``parse_kept_deadline`` reads it back.
"""

from __future__ import annotations

import datetime as dt

from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

NEXT_MEETING = "تا جلسه بعد"
NO_DEADLINE = "بدون مهلت"


def deadline_text(due: dt.date | None, next_meeting: bool = False) -> str:
    """«۱۴۰۴/۰۸/۲۸», «تا جلسه بعد», or «بدون مهلت»."""
    if due is not None:
        return jalali.format_short(due)
    return NEXT_MEETING if next_meeting else NO_DEADLINE


def kept_deadline(due: dt.date | None, next_meeting: bool = False) -> str:
    """A deadline as an amendment keeps it: «1404/08/28», «تا جلسه بعد», or empty."""
    if due is not None:
        return jalali.format_short(due, persian_digits=False)
    return NEXT_MEETING if next_meeting else ""


def parse_kept_deadline(text: str) -> tuple[dt.date | None, bool]:
    """(day, until the next meeting) from a deadline as an amendment keeps it; (None, False) if none."""
    text = text.strip()
    if not text:
        return None, False
    if text == NEXT_MEETING:
        return None, True
    try:
        return jalali.parse(text), False
    except jalali.JalaliDateError:
        return None, False


def kept_deadline_text(text: str) -> str:
    """How a deadline kept by an amendment reads (its «پیشین» and «اصلاح‌شده» columns)."""
    due, next_meeting = parse_kept_deadline(text)
    if due is None and not next_meeting and text.strip():
        return to_persian_digits(text)  # not written by this app: shown as it is, in Persian digits
    return deadline_text(due, next_meeting)
