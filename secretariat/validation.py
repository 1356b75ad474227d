"""Field checks shared by the forms of the core; messages are Persian."""

from __future__ import annotations

import datetime as dt
import re

from secretariat import text_input
from secretariat.persian import jalali
from secretariat.persian.text import fold

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_WEBSITE = re.compile(r"^(https?://)?([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(:\d+)?(/\S*)?$")
# Digits of any script, with the separators people write between them.
_PHONES = re.compile(r"^[\d+\-()/،, \u200c]+$")


class FieldErrors(dict[str, str]):
    """field name -> Persian message; empty when the input is valid."""

    def check(self, field: str, ok: bool, message: str) -> bool:
        if not ok and field not in self:
            self[field] = message
        return ok


def text(errors: FieldErrors, form: str | type, field: str, value: str | None, *, required: str = "") -> str:
    """``value`` through the text boundary (``text_input``): cleaned, and held to
    the limit of ``field`` on ``form``; ``required`` is the message if it is empty."""
    value, too_long = text_input.accept(form, field, value)
    if required:
        # Only invisible characters (ZWNJ, direction marks, tatweel, diacritics)
        # leave nothing to read: that is empty too.
        errors.check(field, bool(fold(value)), required)
    errors.check(field, not too_long, too_long)
    return value


def email(errors: FieldErrors, form: str | type, field: str, value: str | None) -> str:
    value = text(errors, form, field, value)
    errors.check(
        field,
        not value or bool(_EMAIL.match(value)),
        f"نشانی رایانامه «{value}» درست نیست؛ مانند pr@pardis.ir",
    )
    return value


def website(errors: FieldErrors, form: str | type, field: str, value: str | None) -> str:
    value = text(errors, form, field, value)
    errors.check(
        field, not value or bool(_WEBSITE.match(value)), f"نشانی وبگاه «{value}» درست نیست؛ مانند pardis.ir"
    )
    return value


def phones(errors: FieldErrors, form: str | type, field: str, value: str | None) -> str:
    value = text(errors, form, field, value)
    errors.check(
        field,
        not value or bool(_PHONES.match(value)),
        "شماره تلفن فقط رقم و جداکننده (- ، +) دارد؛ چند شماره را با ، جدا کنید.",
    )
    return value


def jalali_date(errors: FieldErrors, field: str, value: str, *, required: bool = False) -> dt.date | None:
    try:
        parsed = jalali.parse_optional(value)
    except jalali.JalaliDateError as error:
        errors.check(field, False, str(error))
        return None
    if parsed is None:
        errors.check(field, not required, "تاریخ را وارد کنید.")
    return parsed


def dates_in_order(
    errors: FieldErrors, field: str, start: dt.date | None, end: dt.date | None, message: str
) -> None:
    if start is not None and end is not None:
        errors.check(field, end >= start, message)
