"""What the monthly reports' printouts ask before they are made: a month (the reminders) or a year.

- ``MonthlyReminderDialog``: the year and the month, by default the last
  month whose reports are past due, and «یک نامه با فهرست»; a month not yet
  due is refused beside its field. ``saved`` is ``(Month, one_letter)``.
- ``MonthlyYearDialog``: a year among those with reports, and this year;
  ``saved`` is the year (the yearly summary, the Excel export).

Nothing is written; the choice is all they return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from secretariat import clock
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box


def last_month_due(today: dt.date, due_day: int) -> Month:
    """The latest month whose reports are past their due day on ``today``."""
    month = Month.of(today).previous()
    while month.due_date(due_day) >= today:
        month = month.previous()
    return month


def year_box(years: Sequence[int], current: int) -> QComboBox:
    """«سال ۱۴۰۵» … newest first, ``current`` among them."""
    shown = sorted({*years, current}, reverse=True)
    return choice_box(
        [(strings.YEAR_ITEM.format(year=to_persian_digits(y)), y) for y in shown], current=current
    )


class MonthlyReminderDialog(FormDialog):
    def __init__(
        self,
        years: Sequence[int],
        due_day: int,
        parent: QWidget | None = None,
        *,
        month: Month | None = None,
        one_letter: bool = False,
        today: dt.date | None = None,
    ):
        super().__init__(strings.MONTHLY_REMINDERS_TITLE, parent, save_text=strings.SHOW_REPORT)
        self._today = today or clock.today()
        self._due_day = due_day
        chosen = month or last_month_due(self._today, due_day)
        self.set_intro(strings.MONTHLY_REMINDERS_INTRO)
        self.year = self.form.add_field("year", strings.MONTHLY_YEAR, year_box(years, chosen.year))
        months = [(name, number) for number, name in enumerate(jalali.MONTHS, start=1)]
        self.month = self.form.add_field(
            "month", strings.MONTHLY_MONTH, choice_box(months, current=chosen.month)
        )
        self.one_letter = self.form.add_field("one_letter", "", QCheckBox(strings.MONTHLY_ONE_LETTER))
        self.one_letter.setChecked(one_letter)

    def chosen_month(self) -> Month:
        return Month(int(self.year.currentData()), int(self.month.currentData()))

    def check(self) -> Mapping[str, str]:
        month = self.chosen_month()
        due = month.due_date(self._due_day)
        if due >= self._today:
            return {"month": strings.MONTHLY_NOT_DUE.format(month=month.label, due=jalali.format_short(due))}
        return {}

    def save(self) -> tuple[Month, bool]:
        return self.chosen_month(), self.one_letter.isChecked()


class MonthlyYearDialog(FormDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        years: Sequence[int],
        parent: QWidget | None = None,
        *,
        save_text: str = strings.SHOW_REPORT,
        year: int | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(title, parent, save_text=save_text)
        self.set_intro(intro)
        current = year or jalali.jalali_year(today or clock.today())
        self.year = self.form.add_field("year", strings.MONTHLY_YEAR, year_box(years, current))

    def save(self) -> int:
        return int(self.year.currentData())
