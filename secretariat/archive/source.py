"""What an import reads: an archive's ZIP, or a bare JSON file in the same schema.

``open_source`` checks before anything is written: a ZIP is first checked
against its manifest (a changed, missing or extra file refuses it), then
its ``data/records.json`` is read; a JSON file is read as it is. The
document must be ours (``schema``), in a version this app reads, and every
row must have its fields with values of their types and references to rows
that exist; then their values are checked (``values.check_values``: dates
in range, numbers unique, statuses that agree with their data, ...). A
refusal names the record, the table, the row and the field, in Persian.
Rows come back typed (dates as ``datetime.date``, ...), derived fields left
out. A ZIP's members are read in chunks within their ceilings
(``limits``): a zip bomb is refused before it fills the memory.

A document of an older schema version lacks what later versions added
(``since``): it is read as that version meant it (``_from_older_version``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretariat.archive.formats import RECORDS_PATH
from secretariat.archive.keys import follow_up_keys
from secretariat.archive.limits import (
    ATTACHMENT_MAX_BYTES,
    RECORDS_MAX_BYTES,
    check_declared_sizes,
    read_member,
    too_big,
)
from secretariat.archive.manifest import check_schema
from secretariat.archive.schema import TABLE, TABLES, Field, Table
from secretariat.archive.values import check_values, refusal, shown
from secretariat.archive.verify import verify_archive
from secretariat.errors import DomainError
from secretariat.persian.text import to_persian_digits

# A reference that may name a row outside the archive: a meeting of another year, a resolution of an
# earlier year's meeting, a letter of another year answered.
OUTSIDE_ALLOWED = {
    ("resolutions", "deferred_to_meeting"),
    ("letters", "meeting"),
    ("letters", "answers_letter"),
    ("letter_resolutions", "resolution"),
}
_MAX_PROBLEMS_SHOWN = 5

# A row read: field name -> a value of the field's type (text, int, bool, date, datetime, time, None).
TypedRow = dict[str, Any]


@dataclass
class ArchiveSource:
    path: Path
    year: int
    council: TypedRow
    tables: dict[str, list[TypedRow]]
    zip: zipfile.ZipFile | None  # None: a bare JSON file, without the files' bytes
    where: str = RECORDS_PATH  # where the records were read: named in a refusal

    @property
    def has_files(self) -> bool:
        return self.zip is not None

    def file(self, path: str) -> bytes:
        """A file's bytes (an attachment, a monthly report's file, a letter's document), read in
        chunks and refused past the size ``attach`` accepts."""
        assert self.zip is not None
        return read_member(self.zip, path, ATTACHMENT_MAX_BYTES)


@contextmanager
def open_source(path: str | Path) -> Iterator[ArchiveSource]:
    """The archive or JSON file at ``path``, checked and typed; refused in Persian otherwise."""
    path = Path(path)
    if not path.exists():
        raise DomainError(f"پرونده «{path}» پیدا نشد.")
    if path.is_dir():
        raise DomainError(f"«{path}» پوشه است، نه پرونده بایگانی.")
    if zipfile.is_zipfile(path):
        _check_sizes(path)  # before anything is inflated, even to check it
        result = verify_archive(path)
        if not result.ok:
            problems = result.problems()
            listed = "؛ ".join(problems[:_MAX_PROBLEMS_SHOWN])
            more = (
                f" و {to_persian_digits(len(problems) - _MAX_PROBLEMS_SHOWN)} مورد دیگر"
                if len(problems) > _MAX_PROBLEMS_SHOWN
                else ""
            )
            raise DomainError(f"بایگانی با فهرست خود نمی‌خواند ({listed}{more})؛ چیزی وارد نشد.")
        with zipfile.ZipFile(path) as archive:
            try:
                data = read_member(archive, RECORDS_PATH)
            except KeyError as error:
                raise DomainError(f"در بایگانی، داده‌های سال ({RECORDS_PATH}) نیست؛ چیزی وارد نشد.") from error
            yield _source(path, _parse_json(data, path), archive, RECORDS_PATH)
        return
    try:
        if path.stat().st_size > RECORDS_MAX_BYTES:
            raise too_big(path.name, RECORDS_MAX_BYTES)
        data = path.read_bytes()
    except OSError as error:
        raise DomainError(f"پرونده «{path.name}» خوانده نشد: {error.strerror or error}") from error
    yield _source(path, _parse_json(data, path), None, path.name)


def _check_sizes(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            check_declared_sizes(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DomainError(f"پرونده «{path.name}» بایگانی ZIP نیست یا آسیب دیده است.") from error


def _parse_json(data: bytes, path: Path) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError(
            f"پرونده «{path.name}» نه بایگانی ZIP است و نه پرونده JSON خوانا؛ چیزی وارد نشد."
        ) from error


def _source(path: Path, document: object, archive: zipfile.ZipFile | None, where: str) -> ArchiveSource:
    document = check_schema(document, f"پرونده «{path.name}»")
    if "tables" not in document and "files" in document:
        raise DomainError(
            "این پرونده فهرست بایگانی (manifest.json) است، نه داده‌های آن؛ خود پرونده ZIP را بدهید."
        )
    year = document.get("year")
    tables = document.get("tables")
    if (
        not isinstance(year, int)
        or isinstance(year, bool)
        or not isinstance(tables, dict)
        or not isinstance(document.get("council"), dict)
    ):
        raise DomainError(f"پرونده «{path.name}» سال، شورا یا جدول‌های بایگانی را ندارد؛ چیزی وارد نشد.")
    version: int = document["version"]  # checked by check_schema
    council = _typed_row(where, TABLE["council"], document["council"], 1, version)
    typed: dict[str, list[TypedRow]] = {}
    for table in TABLES:
        if table.name == "council":
            continue
        if table.since > version:
            typed[table.name] = []
            continue
        rows = tables.get(table.name)
        if not isinstance(rows, list):
            raise DomainError(f"جدول «{table.name}» در پرونده نیست؛ چیزی وارد نشد.")
        typed[table.name] = [
            _typed_row(where, table, row, number, version) for number, row in enumerate(rows, start=1)
        ]
    _from_older_version(version, typed)
    _check_keys_and_references(where, typed)
    for number, row in enumerate(typed["meetings"], start=1):
        if row["jalali_year"] != year:
            raise refusal(
                where,
                "meetings",
                number,
                "jalali_year",
                f"جلسه از سال {to_persian_digits(row['jalali_year'])} "
                f"است و بایگانی از سال {to_persian_digits(year)}",
                row,
            )
    check_values(where, year, council, typed)
    return ArchiveSource(path, year, council, typed, archive, where)


def _from_older_version(version: int, tables: dict[str, list[TypedRow]]) -> None:
    """Fill in what a document of an older version could not say, as that version meant it."""
    if version < 2:
        # Version 1 had no corrections (the table is empty): every entry is in force, and its
        # entries are keyed as version 2 keys them, from their order.
        entries = tables["follow_ups"]
        for row, key in zip(entries, follow_up_keys(row["resolution"] for row in entries), strict=True):
            row["key"] = key


def _typed_row(where: str, table: Table, row: object, number: int, version: int) -> TypedRow:
    if not isinstance(row, dict):
        raise refusal(where, table.name, number, None, "ردیف خوانا نیست", None)

    def refuse(field: str, problem: str) -> DomainError:
        return refusal(where, table.name, number, field, problem, row)

    typed: TypedRow = {}
    for field in table.fields:
        if field.since > version and field.if_absent is not None:
            typed[field.name] = field.if_absent  # an archive written before the field was added
            continue
        if field.derived or field.since > version:
            continue
        if field.name not in row:
            raise refuse(field.name, "نیست")
        typed[field.name] = _typed_value(refuse, field, row[field.name])
    return typed


def _typed_value(
    refuse: Callable[[str, str], DomainError], field: Field, value: Any
) -> object:  # value: as JSON has it
    if value is None:
        if field.nullable:
            return None
        raise refuse(field.name, "خالی است")
    kind = field.type
    try:
        if kind in ("key", "text", "enum") or kind.startswith("ref:"):
            if not isinstance(value, str):
                raise ValueError
            if kind == "enum" and value not in field.choices:
                raise refuse(field.name, f"«{shown(value)}» از مقدارهای پذیرفتنی نیست")
            if kind == "key" and not value:
                raise ValueError
            return value
        if kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError
            return value
        if kind == "number":  # a figure: JSON's NaN, Infinity and numbers past a float are not one
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ValueError
            number = float(value)
            if not math.isfinite(number):
                raise ValueError
            return number
        if kind == "bool":
            if not isinstance(value, bool):
                raise ValueError
            return value
        if kind == "date":
            return dt.date.fromisoformat(value)
        if kind == "datetime":
            return dt.datetime.fromisoformat(value)
        if kind == "time":
            hour, minute = value.split(":")
            return dt.time(int(hour), int(minute))
    except (ValueError, TypeError, AttributeError, OverflowError) as error:
        raise refuse(field.name, f"مقدار «{shown(value)}» از نوع {kind} نیست") from error
    raise refuse(field.name, f"نوع {kind} شناخته نیست")


def _check_keys_and_references(where: str, tables: dict[str, list[TypedRow]]) -> None:
    keys: dict[str, set[str]] = {}
    for table in TABLES:
        key = table.key
        if key is None or table.name == "council":
            continue
        seen: set[str] = set()
        for number, row in enumerate(tables[table.name], start=1):
            if row[key.name] in seen:
                raise refusal(
                    where, table.name, number, key.name, f"کلید «{shown(row[key.name])}» تکراری است", row
                )
            seen.add(row[key.name])
        keys[table.name] = seen
    for table in TABLES:
        if table.name == "council":
            continue
        for field in table.fields:
            target = field.reference
            if target is None or (table.name, field.name) in OUTSIDE_ALLOWED:
                continue
            for number, row in enumerate(tables[table.name], start=1):
                value = row[field.name]
                if value is not None and value not in keys[target]:
                    raise refusal(
                        where,
                        table.name,
                        number,
                        field.name,
                        f"«{shown(value)}» در جدول {target} نیست",
                        row,
                    )
