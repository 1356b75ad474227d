"""The period of the attendance report: from the start of this Jalali year to today by default."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import cast

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.persian import jalali
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class AttendancePeriodDialog(FormDialog):
    """``saved`` is the chosen ``(start, end)``; nothing is written."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        title: str = strings.ATTENDANCE_PERIOD_TITLE,
        intro: str = strings.ATTENDANCE_PERIOD_INTRO,
    ):
        """A period for a report: the attendance report's, or another's ``title`` and ``intro``."""
        super().__init__(title, parent, save_text=strings.SHOW_REPORT)
        today = today or clock.today()
        self.set_intro(intro)
        self.start = self.form.add_field("start", strings.ATTENDANCE_FROM, JalaliDateEdit(side=DateSide.PAST))
        self.end = self.form.add_field("end", strings.ATTENDANCE_TO, JalaliDateEdit())
        self.start.setDate(jalali.from_jalali(jalali.jalali_year(today), 1, 1))
        self.end.setDate(today)

    def check(self) -> Mapping[str, str]:
        errors: dict[str, str] = {}
        for name, edit in (("start", self.start), ("end", self.end)):
            if edit.date() is None:
                errors[name] = edit.error() or strings.ATTENDANCE_PERIOD_REQUIRED
        start, end = self.start.date(), self.end.date()
        if not errors and start is not None and end is not None and end < start:
            errors["end"] = strings.ATTENDANCE_PERIOD_ORDER
        return errors

    def save(self) -> tuple[dt.date, dt.date]:
        # check() has made sure both dates are given.
        return cast(dt.date, self.start.date()), cast(dt.date, self.end.date())
