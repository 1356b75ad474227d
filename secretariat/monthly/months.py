"""A Jalali month as the monthly reports speak of it: «۱۴۰۵/۰۷», «مهر ۱۴۰۵», its due date.

A month's report is due on a day (the council's setting, by default the 5th)
of the following month; it is late from the day after.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from secretariat.errors import DomainError
from secretariat.persian import jalali
from secretariat.persian.text import to_latin_digits, to_persian_digits

DEFAULT_DUE_DAY = 5
# The due day exists in every month, Esfand of a common year included.
MAX_DUE_DAY = 29

_MONTH = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str | None) -> Month:
        """«۱۴۰۵/۰۷» or «1405-7» -> Month(1405, 7); a Persian DomainError otherwise."""
        match = _MONTH.match(to_latin_digits(text or ""))
        if not match:
            raise DomainError(f"«{(text or '').strip()}» ماه نیست؛ به شکل سال/ماه بنویسید، مثلاً ۱۴۰۵/۰۷.")
        year, month = int(match.group(1)), int(match.group(2))
        try:
            jalali.validate(year, month, 1)
        except jalali.JalaliDateError as error:
            raise DomainError(str(error)) from error
        return cls(year, month)

    @classmethod
    def of(cls, day: dt.date) -> Month:
        j = jalali.to_jalali(day)
        return cls(j.year, j.month)

    @property
    def first_day(self) -> dt.date:
        return jalali.from_jalali(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return jalali.from_jalali(self.year, self.month, jalali.month_length(self.year, self.month))

    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def due_date(self, due_day: int = DEFAULT_DUE_DAY) -> dt.date:
        """The last day the month's report is on time: ``due_day`` of the following month."""
        following = self.next()
        return jalali.from_jalali(following.year, following.month, due_day)

    @property
    def key(self) -> str:
        """«1405/07», as the command line and the JSON name a month."""
        return f"{self.year:04d}/{self.month:02d}"

    @property
    def short(self) -> str:
        """«۱۴۰۵/۰۷»."""
        return to_persian_digits(self.key)

    @property
    def name(self) -> str:
        """«مهر»."""
        return jalali.MONTHS[self.month - 1]

    @property
    def label(self) -> str:
        """«مهر ۱۴۰۵»."""
        return jalali.format_month(self.year, self.month)


def months_of(year: int) -> tuple[Month, ...]:
    return tuple(Month(year, month) for month in range(1, 13))
