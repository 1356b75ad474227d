"""When the demo's events happen: a calendar written for one day, moved to the day the demo is built.

The demo's register, meetings and follow-up are written with the dates they
have when the demo is built on ``ANCHOR`` (1405/09/04, a Wednesday): by then
the last meeting was held two weeks before and its minutes are still being
written, the next meetings come 7 to 34 days later, resolutions fall due in
the next two weeks and some are overdue. Built on another day, every date
moves by the same whole number of weeks, so the anchor lands on that day or
up to six days before it: what the home page shows on the day the demo is
built is always the same picture, and every weekday stays what it was written
as (meetings on Saturday to Wednesday, never on a Thursday or Friday). Nothing
in the calendar happens after the anchor but the meetings still to come and
the deadlines.

A meeting that a move puts on an official holiday of the solar calendar
(Nowruz, 12 and 13 Farvardin, 14 and 15 Khordad, 22 Bahman, 29 Esfand) goes to
the working day before it; a meeting still to come that would then fall on or
before today goes to the working day after it instead. (The lunar holidays
move every year; the demo does not know them.)

Letter numbers in the texts carry the year they were written in
(«نامه شماره ۳۵۷/ش/۱۴۰۴»): the year is set from the date of the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from secretariat import clock
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

ANCHOR = "1405/09/04"  # the day the calendar is written for
WEEKEND = (3, 4)  # Thursday and Friday (``date.weekday()``): offices are closed
HOLIDAYS = {(1, 1), (1, 2), (1, 3), (1, 4), (1, 12), (1, 13), (3, 14), (3, 15), (11, 22), (12, 29)}

# «۳۵۷/ش/۱۴۰۴», «۲۶۱-ش-۱۴۰۵» (a file named after its letter), «سال ۱۴۰۵»: the year is the last group.
_DATED = re.compile(r"((?:[۰-۹]+[/-][آ-ی]{1,2}[/-])|(?:سال ))([۰-۹]{4})")


def is_working_day(day: dt.date) -> bool:
    j = jalali.to_jalali(day)
    return day.weekday() not in WEEKEND and (j.month, j.day) not in HOLIDAYS


@dataclass(frozen=True)
class DemoCalendar:
    """The calendar moved to ``today``, the day the demo is built."""

    today: dt.date

    @classmethod
    def built_on(cls, today: dt.date | None = None) -> DemoCalendar:
        return cls(today or clock.today())

    @property
    def shift(self) -> dt.timedelta:
        """Whole weeks from the anchor to today, rounded down."""
        days = (self.today - jalali.parse(ANCHOR)).days
        return dt.timedelta(days=days - days % 7)

    def day(self, written: str) -> dt.date:
        """The day a date written for the anchor (``"1405/08/20"``) falls on."""
        return jalali.parse(written) + self.shift

    def text(self, written: str) -> str:
        """``day`` as the services take it (``"1405/08/20"``)."""
        return jalali.format_short(self.day(written), persian_digits=False)

    def meeting_day(self, written: str) -> dt.date:
        """``day``, moved off an official holiday to a working day (see the module's note)."""
        day = self.day(written)
        if is_working_day(day):
            return day
        before = _step_to_working_day(day, -1)
        if day > self.today >= before:
            return _step_to_working_day(day, 1)
        return before

    @staticmethod
    def dated(text: str, day: dt.date) -> str:
        """``text`` with the year of each letter number set to ``day``'s Jalali year."""
        year = to_persian_digits(jalali.jalali_year(day))
        return _DATED.sub(lambda match: match.group(1) + year, text)


def working_day(day: dt.date, direction: int = -1) -> dt.date:
    """``day`` if offices are open then, else the nearest working day before it (``direction`` -1)
    or after it (+1)."""
    return _step_to_working_day(day, direction)


def _step_to_working_day(day: dt.date, direction: int) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=direction)
    return day
