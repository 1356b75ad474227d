"""What every command of the command line shares: refusals, references to
agencies typed by id or name, Jalali dates for JSON, reading enumerations
typed as a code or as their Persian label."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from typing import Protocol, TypeAlias, TypeVar

from secretariat.clock import format_time
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyQuery
from secretariat.persian import jalali
from secretariat.persian.text import NumberFormatError, fold, normalize_line, parse_int, to_latin_digits

EXIT_REFUSED = 2

# The sub-commands each module adds its parsers to (argparse has no public name for it).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Labelled(Protocol):
    """An enumeration member with its code and its Persian label."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


Choice = TypeVar("Choice", bound=Labelled)


class CliError(DomainError):
    pass


def identifier(text: str) -> int:
    """An id typed with any digits (argparse ``type``)."""
    try:
        value = parse_int(text)
    except NumberFormatError as error:
        raise argparse.ArgumentTypeError(f"«{text}» شناسه نیست؛ شناسه عدد است.") from error
    if value < 1:
        raise argparse.ArgumentTypeError(f"«{text}» شناسه نیست؛ شناسه عدد است.")
    return value


def agency_id(secretariat: Secretariat, reference: str) -> int:
    """An agency typed as its id, its name in any spelling, or its short name."""
    text = normalize_line(reference)
    if to_latin_digits(text).isdigit():
        return int(to_latin_digits(text))  # the services say if no such agency exists
    service = secretariat.agencies
    record = service.find_by_name(text)
    if record is not None:
        return record.id
    key = fold(text)
    found = [
        row
        for row in service.page(AgencyQuery(search=text, include_inactive=True), limit=None)
        if fold(row.short_name) == key
    ]
    if len(found) == 1:
        return found[0].id
    if len(found) > 1:
        raise CliError(f"نام کوتاه «{text}» از آنِ چند دستگاه است؛ نام کامل یا شناسه را بنویسید.")
    raise CliError(f"دستگاهی با نام «{text}» پیدا نشد.")


def choice(kind: Iterable[Choice], text: str | None, what: str) -> Choice | None:
    """An enumeration member from its code or its Persian label (any spelling)."""
    if text is None or not text.strip():
        return None
    key = fold(text)
    for member in kind:
        if key in (member.value, fold(member.label)):
            return member
    options = "، ".join(f"{member.value} ({member.label})" for member in kind)
    raise CliError(f"{what} «{text.strip()}» شناخته نیست؛ یکی از این‌ها را بنویسید: {options}.")


def year(text: str | None) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_int(text)
    except NumberFormatError as error:
        raise CliError(f"«{text.strip()}» سال نیست؛ سال را مانند ۱۴۰۵ بنویسید.") from error


def json_date(value: dt.date | None) -> str | None:
    """Jalali with Latin digits, as scripts read it: ``1404/07/15``."""
    return jalali.format_short(value, persian_digits=False) or None


def json_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return f"{jalali.format_short(value.date(), persian_digits=False)} {value:%H:%M}"


def json_time(value: dt.time | None) -> str | None:
    return format_time(value, persian_digits=False) or None


def resolution_id(secretariat: Secretariat, reference: str) -> int:
    """A resolution by its id, or by the code printed in the minutes (۱۴۰۵-۰۷-۰۱)."""
    text = fold(reference)  # any digits; without the direction marks a code is printed with
    if text.isdigit():
        return int(text)
    found = secretariat.register.id_of_code(text)
    if found is None:
        raise CliError(f"مصوبه‌ای با کد «{reference.strip()}» پیدا نشد.")
    return found


def date_option(text: str | None, option: str) -> dt.date | None:
    """A Jalali date given to ``option``, or None when not given; a refusal names the option."""
    if not text:
        return None
    try:
        return jalali.parse(text)
    except jalali.JalaliDateError as error:
        raise CliError(f"{option}: {error}") from error
