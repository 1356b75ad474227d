"""A council's list of agencies and their PR managers as an Excel sheet (xlsx), read into text.

The first sheet of the workbook is read. Its header row is the first of its
first ``HEADER_SEARCH_ROWS`` rows that names the agency column («نام دستگاه»);
each header is matched to a column of ``COLUMNS`` by its title or a variant,
compared folded (ي/ی, ك/ک, ZWNJ, spaces, a «*» or a note in brackets do not
count). A header matched to nothing is reported, not read. Each row under it
becomes a ``SheetRow`` of cleaned text (``text_input.clean``: control
characters pasted from Word, bidi overrides and Excel's ``_x000B_`` escapes
are removed); validating it is ``agency_import``'s work.

What a cell holds becomes text as a person would have typed it:

- a date cell (Gregorian, as Excel keeps dates) becomes the Jalali date of
  that day; a date cell whose year is 1300-1500 is a Jalali date the
  spreadsheet took for a Gregorian one, and is read as the Jalali date typed;
- a phone or mobile typed as a number has lost its leading zero in Excel: a
  number of 10 digits gets it back (09121234567 is stored as 9121234567);
- other numbers are written without a trailing «.0».

A file that cannot be such a sheet is refused with a Persian ``SheetError``,
before anything is parsed where possible: not a regular file, larger than
``MAX_FILE_BYTES``, an old .xls or a password-protected workbook, an
OpenDocument sheet, any other file (a text file renamed .xlsx), a ZIP that
unpacks to more than ``MAX_UNPACKED_BYTES``, a damaged workbook, one whose
first sheet has no header row or no rows under it, or more than ``MAX_ROWS``
rows. The table ends at the last filled row; ``EMPTY_ROWS_END`` empty rows
in a row end it too (a sheet formatted down to its millionth row is not read
to the end).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from secretariat import text_input
from secretariat.errors import DomainError
from secretariat.persian import jalali
from secretariat.persian.text import fold, format_int

MAX_FILE_BYTES = 20 * 1024 * 1024  # a province's list of 200 agencies is some 30 KB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a ZIP bomb is refused before it is unpacked
MAX_ROWS = 2_000  # ten times a province's member agencies
MAX_COLUMNS = 40  # columns read from the left of the sheet; the template has 14
HEADER_SEARCH_ROWS = 20  # a title or a note may stand above the header row
EMPTY_ROWS_END = 1_000

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected workbook
_OPENDOCUMENT_SHEET = b"application/vnd.oasis.opendocument.spreadsheet"
# Excel writes a control character in a text as _xHHHH_ (and a literal "_x" as _x005F_x).
_EXCEL_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


class SheetError(DomainError):
    """The file cannot be read as a sheet of agencies; nothing was read or saved."""


class CellKind(Enum):
    TEXT = "text"
    LINES = "lines"  # keeps its line breaks (an address)
    PHONE = "phone"
    DATE = "date"


@dataclass(frozen=True)
class SheetColumn:
    key: str
    title: str  # the template's header, and how a message names the column
    variants: tuple[str, ...] = ()  # other headers that mean this column
    kind: CellKind = CellKind.TEXT
    width: int = 16  # in the template, in characters
    example: str = ""  # the template's sample row


# In the template's order, right to left: the agency, then its PR manager.
COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(
        "name",
        "نام دستگاه",
        ("دستگاه", "نام دستگاه عضو", "دستگاه عضو", "نام دستگاه اجرایی", "عنوان دستگاه", "نام اداره"),
        width=40,
        example="اداره کل آموزش و پرورش",
    ),
    SheetColumn(
        "short_name", "نام اختصاری", ("نام کوتاه", "اختصار", "نام مختصر"), width=18, example="آموزش و پرورش"
    ),
    SheetColumn(
        "category", "دسته", ("رده", "نوع دستگاه", "دسته دستگاه", "دسته‌بندی", "نوع"), example="اداره کل"
    ),
    SheetColumn(
        "parent_ministry",
        "وزارتخانه/دستگاه مادر",
        ("وزارتخانه", "دستگاه مادر", "وزارتخانه متبوع", "دستگاه بالادست", "وزارتخانه یا دستگاه مادر"),
        width=26,
        example="وزارت آموزش و پرورش",
    ),
    SheetColumn("address", "نشانی", ("آدرس", "نشانی دستگاه"), CellKind.LINES, 34, "پردیس، بلوار امام خمینی"),
    SheetColumn(
        "phones",
        "تلفن",
        ("تلفن دستگاه", "شماره تلفن", "تلفن‌ها", "تلفن ثابت"),
        CellKind.PHONE,
        example="021-76240000",
    ),
    SheetColumn(
        "email",
        "پست الکترونیک",
        ("پست الکترونیکی", "رایانامه", "ایمیل", "email", "e-mail"),
        width=24,
        example="pr@example.ir",
    ),
    SheetColumn("website", "وبگاه", ("وب‌سایت", "وبسایت", "تارنما", "سایت", "website"), example="example.ir"),
    SheetColumn(
        "joined_on", "تاریخ عضویت", ("عضویت", "تاریخ عضویت در شورا"), CellKind.DATE, 14, "۱۴۰۲/۰۳/۱۵"
    ),
    SheetColumn(
        "manager_first_name",
        "نام مدیر روابط عمومی",
        ("نام مدیر", "نام", "نام مدیر روابط‌عمومی"),
        width=20,
        example="مریم",
    ),
    SheetColumn(
        "manager_last_name",
        "نام خانوادگی",
        ("نام خانوادگی مدیر روابط عمومی", "نام خانوادگی مدیر", "نام‌خانوادگی"),
        width=20,
        example="احمدی",
    ),
    SheetColumn(
        "manager_mobile",
        "همراه",
        ("تلفن همراه", "شماره همراه", "موبایل", "همراه مدیر روابط عمومی", "تلفن همراه مدیر روابط عمومی"),
        CellKind.PHONE,
        example="09121234567",
    ),
    SheetColumn(
        "manager_phone",
        "تلفن مدیر روابط عمومی",
        ("تلفن مدیر", "تلفن مستقیم", "تلفن مستقیم مدیر روابط عمومی"),
        CellKind.PHONE,
        18,
        "021-76241111",
    ),
    SheetColumn(
        "manager_start",
        "تاریخ شروع مسئولیت",
        ("تاریخ شروع", "شروع مسئولیت", "تاریخ انتصاب", "تاریخ شروع به کار", "از تاریخ"),
        CellKind.DATE,
        18,
        "۱۴۰۳/۰۱/۱۵",
    ),
)
# Not in the template: a sheet may give the manager's whole name in one column.
FULL_NAME_COLUMN = SheetColumn(
    "manager_full_name",
    "مدیر روابط عمومی",
    (
        "نام و نام خانوادگی مدیر روابط عمومی",
        "نام و نام خانوادگی",
        "نام کامل مدیر روابط عمومی",
        "مدیر روابط‌عمومی",
        "نام مدیر روابط عمومی و نام خانوادگی",
    ),
    width=26,
)
ALL_COLUMNS: tuple[SheetColumn, ...] = (*COLUMNS, FULL_NAME_COLUMN)
COLUMN_TITLES: Mapping[str, str] = {column.key: column.title for column in ALL_COLUMNS}
MANAGER_KEYS = tuple(column.key for column in ALL_COLUMNS if column.key.startswith("manager_"))


def header_key(text: str) -> str:
    """A header as it is compared: folded, without brackets, marks, digits or punctuation."""
    return "".join(character for character in fold(_BRACKETED.sub("", text)) if character.isalpha())


def _headers() -> dict[str, str]:
    found: dict[str, str] = {}
    for column in ALL_COLUMNS:
        for header in (column.title, *column.variants):
            key = header_key(header)
            assert found.get(key, column.key) == column.key, f"«{header}» names two columns"
            found[key] = column.key
    return found


_COLUMN_OF_HEADER = _headers()
_KINDS = {column.key: column.kind for column in ALL_COLUMNS}


@dataclass(frozen=True)
class SheetRow:
    """One filled row under the header: its number in Excel and its cells as text."""

    number: int
    cells: Mapping[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass(frozen=True)
class Sheet:
    file_name: str
    sheet_name: str
    header_row: int
    columns: Mapping[str, str]  # column key -> its header as written in the sheet
    unknown_headers: tuple[str, ...]  # headers matched to no column: not read
    rows: tuple[SheetRow, ...]


def read_sheet(path: str | Path) -> Sheet:
    """The agencies of the first sheet of the workbook at ``path``, or ``SheetError``."""
    path = Path(path)
    data = _read_bytes(path)
    _check_container(data)
    workbook = _open_workbook(data)
    try:
        return _read_first_sheet(workbook, path.name)
    except SheetError:
        raise
    except Exception as error:  # openpyxl reads the rows lazily: damage may show only now
        raise SheetError(_damaged()) from error
    finally:
        workbook.close()


def _read_bytes(path: Path) -> bytes:
    name = path.name
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise SheetError(f"«{name}» پرونده نیست (پوشه یا دستگاه است)؛ کاربرگ اکسل (xlsx) را انتخاب کنید.")
        if status.st_size > MAX_FILE_BYTES:
            raise SheetError(
                f"پرونده «{name}» بیش از اندازه بزرگ است ({_megabytes(status.st_size)} مگابایت)؛ "
                f"فهرست دستگاه‌ها در کاربرگی تا {_megabytes(MAX_FILE_BYTES)} مگابایت خوانده می‌شود."
            )
        with path.open("rb") as file:
            return file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise SheetError(f"پرونده «{name}» پیدا نشد.") from error
    except PermissionError as error:
        raise SheetError(f"اجازه خواندن پرونده «{name}» نیست.") from error
    except OSError as error:
        raise SheetError(f"پرونده «{name}» خوانده نشد (خطای دیسک یا شبکه)؛ دوباره بکوشید.") from error


def _check_container(data: bytes) -> None:
    if data.startswith(_OLE_SIGNATURE):
        raise SheetError(
            "این پرونده کاربرگ قدیمی اکسل (xls) یا کاربرگی گذرواژه‌دار است؛ آن را در اکسل باز کنید و با "
            "«ذخیره با نام» به‌شکل «کاربرگ اکسل (xlsx)» و بی‌گذرواژه ذخیره کنید، سپس دوباره بخوانید."
        )
    if not data.startswith(b"PK"):
        raise SheetError(_not_a_sheet())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(_OPENDOCUMENT_SHEET):
                raise SheetError(
                    "این پرونده کاربرگ OpenDocument (ods) است؛ آن را در برنامه صفحه‌گسترده به‌شکل "
                    "«کاربرگ اکسل (xlsx)» ذخیره کنید، سپس دوباره بخوانید."
                )
            if "xl/workbook.xml" not in names:
                raise SheetError(_not_a_sheet())
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SheetError(
                    "این کاربرگ باز‌شده بیش از اندازه بزرگ است؛ فهرست دستگاه‌ها را در کاربرگی تازه و "
                    "کوچک (مانند الگو) بگذارید."
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise SheetError(_damaged()) from error


def _open_workbook(data: bytes) -> Any:
    # Imported on first use: openpyxl takes a fifth of a second to import, which starting the app
    # (and every command of the command line) need not pay.
    from openpyxl import load_workbook

    try:
        # A file object, not the path: the extension is not read, the content is.
        with warnings.catch_warnings():
            # Features openpyxl does not read (data validation extensions, slicers) warn; unneeded here.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl's refusals have no common base (KeyError, ValueError, XML errors)
        raise SheetError(_damaged()) from error


def _read_first_sheet(workbook: Any, file_name: str) -> Sheet:
    if not workbook.worksheets:
        raise SheetError(_no_header())
    worksheet = workbook.worksheets[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = enumerate(worksheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1)
        header_row, positions, unknown = _find_header(rows)
        read = tuple(_data_rows(rows, positions))
    if not read:
        raise SheetError(
            f"زیر سطر سرستون‌ها (سطر {format_int(header_row)}) در برگه نخست، دستگاهی نوشته نشده است."
        )
    return Sheet(
        file_name=file_name,
        sheet_name=str(worksheet.title),
        header_row=header_row,
        columns={key: header for key, (_at, header) in positions.items()},
        unknown_headers=unknown,
        rows=read,
    )


def _find_header(
    rows: Iterator[tuple[int, tuple[Any, ...]]],
) -> tuple[int, dict[str, tuple[int, str]], tuple[str, ...]]:
    """The header row's number, where each known column is (and its header), and the unknown headers."""
    for number, values in rows:
        headers = [(at, _plain(value)) for at, value in enumerate(values) if _plain(value)]
        if any(_COLUMN_OF_HEADER.get(header_key(text)) == "name" for _at, text in headers):
            positions, unknown = _columns(headers)
            return number, positions, unknown
        if number >= HEADER_SEARCH_ROWS:
            break
    raise SheetError(_no_header())


def _columns(headers: Iterable[tuple[int, str]]) -> tuple[dict[str, tuple[int, str]], tuple[str, ...]]:
    positions: dict[str, tuple[int, str]] = {}
    unknown: list[str] = []
    for at, text in headers:
        key = _COLUMN_OF_HEADER.get(header_key(text))
        if key is None:
            unknown.append(text)
            continue
        # Council sheets often title both the agency's phone and its manager's «تلفن»: the second is his.
        if key == "phones" and key in positions and "manager_phone" not in positions:
            key = "manager_phone"
        if key in positions:
            first = positions[key][0]
            raise SheetError(
                f"ستون «{COLUMN_TITLES[key]}» دو بار در سطر سرستون‌ها آمده است "
                f"(ستون‌های {_letter(first)} و {_letter(at)})؛ یکی را بردارید یا نامش را روشن‌تر کنید."
            )
        positions[key] = (at, text)
    return positions, tuple(unknown)


def _data_rows(
    rows: Iterator[tuple[int, tuple[Any, ...]]], positions: dict[str, tuple[int, str]]
) -> Iterator[SheetRow]:
    count = 0
    empty_run = 0
    for number, values in rows:
        cells = {
            key: _cell_text(values[at] if at < len(values) else None, _KINDS[key])
            for key, (at, _h) in positions.items()
        }
        if not any(cells.values()):
            empty_run += 1
            if empty_run >= EMPTY_ROWS_END:
                return
            continue
        empty_run = 0
        count += 1
        if count > MAX_ROWS:
            raise SheetError(
                f"این برگه بیش از {format_int(MAX_ROWS)} ردیف دستگاه دارد؛ فهرست را در چند کاربرگ "
                "کوچک‌تر بگذارید و هر یک را جدا بخوانید."
            )
        yield SheetRow(number=number, cells={key: text for key, text in cells.items() if text})


def _cell_text(value: object, kind: CellKind) -> str:
    """What a cell holds, as the text a person would have typed into the form."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value.date() if isinstance(value, dt.datetime) else value)
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        digits = str(value)
        return "0" + digits if kind is CellKind.PHONE and len(digits) == 10 else digits
    return text_input.clean(_unescape(str(value)), multiline=kind is CellKind.LINES)


def _date_text(day: dt.date) -> str:
    if jalali.MIN_YEAR <= day.year <= jalali.MAX_YEAR:  # typed as Jalali, taken for a Gregorian date
        return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"
    return jalali.format_short(day, persian_digits=False)


def _plain(value: object) -> str:
    return text_input.clean(_unescape(str(value))) if value is not None else ""


def _unescape(text: str) -> str:
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _letter(at: int) -> str:
    """The Excel letter of the column at position ``at`` (0 is A)."""
    letters = ""
    at += 1
    while at:
        at, rest = divmod(at - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _megabytes(size: int) -> str:
    return format_int(max(1, round(size / (1024 * 1024))))


def _not_a_sheet() -> str:
    return (
        "این پرونده کاربرگ اکسل (xlsx) نیست. اگر فهرست در پرونده دیگری است (مانند CSV یا xls)، آن را در "
        "اکسل باز کنید و به‌شکل «کاربرگ اکسل (xlsx)» ذخیره کنید."
    )


def _damaged() -> str:
    return "این کاربرگ اکسل آسیب دیده است و خوانده نمی‌شود؛ آن را در اکسل باز کنید و دوباره ذخیره کنید."


def _no_header() -> str:
    return (
        f"در {format_int(HEADER_SEARCH_ROWS)} سطر نخست برگه نخست، سطر سرستون‌ها با ستون «نام دستگاه» پیدا "
        "نشد. الگو را با «دریافت الگو» بگیرید و فهرست را در آن بنویسید."
    )
