"""The council's own settings, kept in its database and shared by every desk that opens it.

Unlike the user's settings (``maintenance.settings``: this PC's backups and
folders), these belong to the council: the day its monthly reports are due,
and the like. Each is a key and a text value in ``council_setting``; a key
not stored reads as its default.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import CouncilSetting
from secretariat.database import Database
from secretariat.errors import ValidationError
from secretariat.monthly.months import DEFAULT_DUE_DAY, MAX_DUE_DAY
from secretariat.persian.text import to_latin_digits, to_persian_digits

MONTHLY_DUE_DAY = "monthly.due_day"

DUE_DAY_MESSAGE = (
    f"روز مهلت گزارش ماهانه باید عددی میان ۱ و {to_persian_digits(MAX_DUE_DAY)} باشد "
    "(روزی از ماه بعد که گزارش تا آن روز به‌موقع است)."
)


def read_due_day(session: Session) -> int:
    stored = session.get(CouncilSetting, MONTHLY_DUE_DAY)
    if stored is None or not stored.value.isdigit() or not 1 <= int(stored.value) <= MAX_DUE_DAY:
        return DEFAULT_DUE_DAY
    return int(stored.value)


class CouncilSettingsService:
    def __init__(self, database: Database):
        self._db = database

    def monthly_due_day(self) -> int:
        """The day of the following month a monthly report is due by (5: the 5th)."""
        with self._db.reading() as session:
            return read_due_day(session)

    def set_monthly_due_day(self, day: int | str) -> int:
        text = to_latin_digits(str(day)).strip()
        if not text.isdigit() or not 1 <= int(text) <= MAX_DUE_DAY:
            raise ValidationError({"due_day": DUE_DAY_MESSAGE})
        with self._db.transaction() as session:
            session.merge(CouncilSetting(key=MONTHLY_DUE_DAY, value=str(int(text))))
        return int(text)
