"""Excel sheets of agencies as a council sends them, made for a test."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

# The template's headers: the agency, then its PR manager.
HEADERS = [
    "نام دستگاه",
    "نام اختصاری",
    "دسته",
    "وزارتخانه/دستگاه مادر",
    "نشانی",
    "تلفن",
    "پست الکترونیک",
    "وبگاه",
    "تاریخ عضویت",
    "نام مدیر روابط عمومی",
    "نام خانوادگی",
    "همراه",
    "تلفن مدیر روابط عمومی",
    "تاریخ شروع مسئولیت",
]

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f]")


def excel_escaped(text: str) -> str:
    """A text with control characters as Excel stores them in the file («_x0007_»): what a cell
    pasted from Word holds. openpyxl refuses the characters themselves."""
    return _CONTROLS.sub(lambda match: f"_x{ord(match.group()):04X}_", text)


def write_sheet(
    path: Path,
    rows: Sequence[Sequence[object]],
    headers: Sequence[str] = HEADERS,
    *,
    above: Sequence[Sequence[object]] = (),
) -> Path:
    """A workbook whose first sheet has ``above`` (a title...), the header row, then ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in above:
        sheet.append(list(row))
    sheet.append(list(headers))
    for row in rows:
        sheet.append([excel_escaped(cell) if isinstance(cell, str) else cell for cell in row])
    workbook.save(path)
    return path


def agency_row(name: str, **cells: object) -> list[object]:
    """A row of the template's columns: ``name`` and the cells given by header key."""
    keys = [
        "name",
        "short_name",
        "category",
        "parent_ministry",
        "address",
        "phones",
        "email",
        "website",
        "joined_on",
        "first_name",
        "last_name",
        "mobile",
        "manager_phone",
        "start",
    ]
    unknown = set(cells) - set(keys)
    assert not unknown, unknown
    values: dict[str, object] = {"name": name, **cells}
    return [values.get(key) for key in keys]
