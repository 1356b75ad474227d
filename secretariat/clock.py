"""Times of day as people type and read them («۱۰:۳۰»), and the day and time it is now."""

from __future__ import annotations

import datetime as dt
import re

from secretariat.persian.text import to_latin_digits, to_persian_digits

_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:٫.]\s*(\d{1,2}))?\s*$")


class TimeFormatError(ValueError):
    """A typed time that is not a time of day; the message is Persian."""


def parse_time(text: str | None) -> dt.time | None:
    """«۱۰:۳۰», «10.30», «9» -> a time; empty -> None."""
    if text is None or not text.strip():
        return None
    match = _TIME.match(to_latin_digits(text))
    if not match:
        raise TimeFormatError(f"«{text.strip()}» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23:
        raise TimeFormatError(f"ساعت {to_persian_digits(hour)} وجود ندارد؛ ساعت باید بین ۰ و ۲۳ باشد.")
    if minute > 59:
        raise TimeFormatError(f"دقیقه {to_persian_digits(minute)} وجود ندارد؛ دقیقه باید بین ۰ و ۵۹ باشد.")
    return dt.time(hour, minute)


def format_time(value: dt.time | None, *, persian_digits: bool = True) -> str:
    if value is None:
        return ""
    text = f"{value.hour:02d}:{value.minute:02d}"
    return to_persian_digits(text) if persian_digits else text


def today() -> dt.date:
    """Today's date: the one place the core and the window ask for it, so that a
    test (or the demo's screenshots) can fix the day
    (``monkeypatch.setattr(clock, "today", lambda: day)``)."""
    return dt.date.today()


def now() -> dt.datetime:
    """The local time now, with its offset from UTC (+03:30 in Iran).

    What a printed PDF records as its creation time and the yearly archive as
    the time it was made: the one place they read the clock, so that a test
    can set it (``monkeypatch.setattr(clock, "now", ...)``).
    """
    return dt.datetime.now().astimezone()
