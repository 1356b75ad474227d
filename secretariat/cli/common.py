"""What every command of the command line shares: refusals, references to
agencies typed by id or name, Jalali dates for JSON, reading enumerations
typed as a code or as their Persian label."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeAlias, TypeVar

from secretariat.cli.persian_parser import EXIT_REFUSED as EXIT_REFUSED
from secretariat.cli.persian_parser import shown
from secretariat.clock import format_time
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyQuery
from secretariat.persian import jalali
from secretariat.persian.text import fold, normalize_line, to_latin_digits, to_persian_digits

# Limits of what the command line reads, checked before anything is parsed or
# looked up, so that no typed value can overflow the database or Python's int.
MAX_ID = 2**63 - 1  # the largest id SQLite (and PostgreSQL's bigint) can hold
MAX_DAYS = 3650  # --due-within: ten years
MAX_GENERATIONS = 1000  # backup --keep
MAX_QUORUM = 1000  # init --quorum-count
MAX_DATE_LENGTH = 40  # a date or a time, however spaced
MAX_PATH_LENGTH = 4096

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


def whole_number(text: str, low: int, high: int) -> int | None:
    """``text`` as a whole number from ``low`` to ``high``, or None.

    Persian, Arabic-Indic and Latin digits are read; nothing else is (no
    sign, no ``²``, no separators), and a number longer than ``high`` is
    refused before Python converts it.
    """
    digits = to_latin_digits(text.strip())
    if not digits or not (digits.isascii() and digits.isdigit()):
        return None
    digits = digits.lstrip("0") or "0"
    if len(digits) > len(str(high)):
        return None
    value = int(digits)
    return value if low <= value <= high else None


def is_number(text: str) -> bool:
    """Is ``text`` typed as digits only (of any of the three scripts)?"""
    digits = to_latin_digits(text.strip())
    return bool(digits) and digits.isascii() and digits.isdigit()


def identifier(text: str) -> int:
    """An id typed with any digits, from 1 to 2^63-1 (argparse ``type``)."""
    value = whole_number(text, 1, MAX_ID)
    if value is None:
        raise argparse.ArgumentTypeError(_not_an_id(text))
    return value


def _not_an_id(text: str) -> str:
    return f"شناسه «{shown(text)}» معتبر نیست؛ شناسه عددی مثبت است، مانند ۱۲."


def bounded(what: str, low: int, high: int, *, empty: bool = False) -> Callable[[str], int | str]:
    """An argparse ``type``: a whole number of ``what`` from ``low`` to ``high``.

    It returns the number; with ``empty``, an empty value stays ``""`` (the
    option's default: not given), and a number is returned as its Latin text,
    for the drafts that take the typed text.
    """

    def parse(text: str) -> int | str:
        if empty and not text.strip():
            return ""
        value = whole_number(text.replace("%", "").replace("٪", ""), low, high)
        if value is None:
            raise argparse.ArgumentTypeError(
                f"«{shown(text)}» پذیرفته نیست؛ {what} عددی است بین "
                f"{to_persian_digits(low)} و {to_persian_digits(high)}."
            )
        return str(value) if empty else value

    return parse


def date_text(text: str) -> str:
    """A date or a time as typed (argparse ``type``), refused when too long to be one;
    the services read it."""
    if len(text) > MAX_DATE_LENGTH:
        raise argparse.ArgumentTypeError(f"«{shown(text)}» تاریخ یا ساعت نیست؛ بسیار بلند است.")
    return text


def location(text: str) -> str:
    """A file or folder path, or a database URL (argparse ``type``)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("مسیر پرونده خالی است.")
    if "\0" in text or len(text) > MAX_PATH_LENGTH:
        raise argparse.ArgumentTypeError(f"«{shown(text)}» مسیر پرونده نیست.")
    return text


def database_location(text: str) -> str:
    """``--db``: a file, or the URL of a database the app runs on (SQLite, PostgreSQL)."""
    text = location(text)
    scheme, url, _ = text.partition("://")
    if url and scheme.split("+")[0].lower() not in ("sqlite", "postgresql"):
        raise argparse.ArgumentTypeError(
            f"نشانی «{shown(text)}» پذیرفته نیست؛ پرونده SQLite یا نشانی postgresql://… بدهید."
        )
    return text


def file_path(text: str) -> Path:
    """A file or folder path (argparse ``type``)."""
    return Path(location(text))


def optional_file(text: str) -> str:
    """A file path that may be left empty (argparse ``type``)."""
    return location(text) if text else ""


def agency_id(secretariat: Secretariat, reference: str) -> int:
    """An agency typed as its id, its name in any spelling, or its short name."""
    text = normalize_line(reference)
    if not text:
        raise CliError("دستگاه را با شناسه یا نام آن بدهید.")
    if is_number(text):
        value = whole_number(text, 1, MAX_ID)
        if value is None:
            raise CliError(_not_an_id(text))
        return value  # the services say if no such agency exists
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
    raise CliError(f"{what} «{shown(text)}» شناخته نیست؛ یکی از این‌ها را بنویسید: {options}.")


def year(text: str | None) -> int | None:
    """A Jalali year from ``jalali.MIN_YEAR`` to ``MAX_YEAR``; empty: None (no filter)."""
    if text is None or not text.strip():
        return None
    value = whole_number(text, jalali.MIN_YEAR, jalali.MAX_YEAR)
    if value is None:
        raise CliError(
            f"«{shown(text)}» سال نیست؛ سال شمسی را از {to_persian_digits(jalali.MIN_YEAR)} تا "
            f"{to_persian_digits(jalali.MAX_YEAR)} مانند ۱۴۰۵ بنویسید."
        )
    return value


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
    if not reference.strip():
        raise CliError("مصوبه را با شناسه یا کد آن بدهید.")
    if is_number(reference):
        value = whole_number(reference, 1, MAX_ID)
        if value is None:
            raise CliError(_not_an_id(reference))
        return value
    text = fold(reference)  # any digits; without the direction marks a code is printed with
    found = secretariat.register.id_of_code(text) if len(text) <= MAX_DATE_LENGTH else None
    if found is None:
        raise CliError(f"مصوبه‌ای با کد «{shown(reference)}» پیدا نشد.")
    return found


def date_option(text: str | None, option: str) -> dt.date | None:
    """A Jalali date given to ``option``, or None when not given; a refusal names the option."""
    if not text:
        return None
    if len(text) > MAX_DATE_LENGTH:
        raise CliError(f"{option}: «{shown(text)}» تاریخ نیست.")
    try:
        return jalali.parse(text)
    except jalali.JalaliDateError as error:
        raise CliError(f"{option}: {error}") from error
