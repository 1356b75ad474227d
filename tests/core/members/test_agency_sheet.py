"""Reading a council's Excel sheet of agencies: headers in any spelling, cells as typed, bad files refused."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from secretariat.members.agencies import AgencyCategory
from secretariat.members.agency_sheet import COLUMNS, MAX_ROWS, SheetError, read_sheet
from secretariat.members.agency_template import CATEGORIES_TITLE, SHEET_TITLE, write_template
from tests.support.agency_sheets import agency_row, write_sheet


def test_headers_are_found_in_any_spelling_below_a_title(tmp_path):
    path = write_sheet(
        tmp_path / "list.xlsx",
        [["شهرداری پردیس", "pr@pardis.ir", "مریم احمدی", "09121234567", "021", "شهرداری"]],
        # Arabic ي/ك, a ZWNJ for a space, a star, a note in brackets, a variant name.
        headers=[
            "نام دستگاه *",
            "پست الكترونيكي",
            "نام و نام‌خانوادگی مدیر روابط عمومی",
            "تلفن همراه (مدیر)",
            "شماره  تلفن",
            "رده",
        ],
        above=[["فهرست دستگاه‌های عضو شورای هماهنگی روابط عمومی"], []],
    )
    sheet = read_sheet(path)
    assert sheet.header_row == 3
    assert sheet.unknown_headers == ()
    assert dict(sheet.rows[0].cells) == {
        "name": "شهرداری پردیس",
        "email": "pr@pardis.ir",
        "manager_full_name": "مریم احمدی",
        "manager_mobile": "09121234567",
        "phones": "021",
        "category": "شهرداری",
    }
    assert sheet.rows[0].number == 4  # the row as Excel numbers it


def test_an_unknown_header_is_reported_and_a_second_phone_is_the_managers(tmp_path):
    path = write_sheet(
        tmp_path / "list.xlsx",
        [["شهرداری پردیس", "021-1", "علی", "021-2", "یادداشت"]],
        headers=["نام دستگاه", "تلفن", "نام مدیر روابط عمومی", "تلفن", "توضیحات"],
    )
    sheet = read_sheet(path)
    assert sheet.unknown_headers == ("توضیحات",)
    assert sheet.rows[0].get("phones") == "021-1"
    assert sheet.rows[0].get("manager_phone") == "021-2"


def test_a_header_twice_is_refused_naming_the_columns(tmp_path):
    path = write_sheet(tmp_path / "list.xlsx", [["الف", "ب"]], headers=["نام دستگاه", "نام دستگاه"])
    with pytest.raises(SheetError, match="«نام دستگاه» دو بار .*A و B"):
        read_sheet(path)


def test_excel_date_cells_become_jalali_and_phones_typed_as_numbers_keep_their_zero(tmp_path):
    path = write_sheet(
        tmp_path / "list.xlsx",
        [
            agency_row("الف", joined_on=dt.datetime(2023, 6, 5), mobile=9121234567, phones=76240000),
            # LibreOffice takes a typed 1402/03/15 for a Gregorian date in the year 1402.
            agency_row("ب", joined_on=dt.datetime(1402, 3, 15), start=dt.date(2024, 3, 20), phones=21.0),
        ],
    )
    first, second = read_sheet(path).rows
    assert first.get("joined_on") == "1402/03/15"
    assert first.get("manager_mobile") == "09121234567"
    assert first.get("phones") == "76240000"
    assert second.get("joined_on") == "1402/03/15"
    assert second.get("manager_start") == "1403/01/01"
    assert second.get("phones") == "21"


def test_control_characters_pasted_from_word_are_cleaned(tmp_path):
    path = write_sheet(
        tmp_path / "list.xlsx",
        [
            agency_row(
                "اداره\x07 آموزش\x0bو پرورش\x1b[31m", address="خیابان یک\r\nپلاک\x0b۲", short_name="\u202eآپ"
            )
        ],
    )
    row = read_sheet(path).rows[0]
    assert row.get("name") == "اداره آموزش و پرورش"
    assert row.get("address") == "خیابان یک\nپلاک\n۲"  # the address keeps its lines
    assert row.get("short_name") == "آپ"  # no bidi override left to turn the lists around


def test_empty_rows_are_skipped_and_numbers_kept(tmp_path):
    path = write_sheet(tmp_path / "list.xlsx", [agency_row("الف"), [], [None, None], agency_row("ب")])
    assert [(row.number, row.get("name")) for row in read_sheet(path).rows] == [(2, "الف"), (5, "ب")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,phone\nshahrdari,021\n", "کاربرگ اکسل \\(xlsx\\) نیست"),
        (b"", "کاربرگ اکسل \\(xlsx\\) نیست"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "کاربرگ قدیمی اکسل \\(xls\\)"),
    ],
    ids=["text-renamed", "empty-file", "old-xls"],
)
def test_a_file_that_is_not_a_sheet_is_refused_in_persian(tmp_path, content, message):
    path = tmp_path / "agencies.xlsx"
    path.write_bytes(content)
    with pytest.raises(SheetError, match=message):
        read_sheet(path)


def test_a_damaged_workbook_and_a_zip_of_something_else_are_refused(tmp_path):
    whole = write_sheet(tmp_path / "whole.xlsx", [agency_row("الف")]).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SheetError, match="آسیب دیده"):
        read_sheet(cut)
    other = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(SheetError, match="کاربرگ اکسل \\(xlsx\\) نیست"):
        read_sheet(other)
    with pytest.raises(SheetError, match="پیدا نشد"):
        read_sheet(tmp_path / "missing.xlsx")
    with pytest.raises(SheetError, match="پرونده نیست"):
        read_sheet(tmp_path)


def test_an_empty_workbook_or_one_without_rows_is_refused(tmp_path):
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(SheetError, match="سطر سرستون‌ها با ستون «نام دستگاه» پیدا نشد"):
        read_sheet(empty)
    with pytest.raises(SheetError, match="دستگاهی نوشته نشده است"):
        read_sheet(write_sheet(tmp_path / "headers.xlsx", []))


def test_a_sheet_of_ten_thousand_rows_is_refused(tmp_path):
    path = write_sheet(
        tmp_path / "huge.xlsx", [[f"دستگاه {n}"] for n in range(10_000)], headers=["نام دستگاه"]
    )
    with pytest.raises(SheetError, match="بیش از ۲٬۰۰۰ ردیف"):
        read_sheet(path)
    assert MAX_ROWS == 2_000


def test_the_template_is_right_to_left_with_the_categories_and_reads_back(tmp_path):
    path = write_template(tmp_path / "template.xlsx")
    workbook = load_workbook(path)
    sheet, categories = workbook.worksheets
    assert (sheet.title, categories.title) == (SHEET_TITLE, CATEGORIES_TITLE)
    assert sheet.sheet_view.rightToLeft and categories.sheet_view.rightToLeft
    assert [cell.value for cell in sheet[1]] == [
        f"{c.title} *" if c.key == "name" else c.title for c in COLUMNS
    ]
    assert sheet.column_dimensions["A"].width == 40
    assert {row[0] for row in categories.iter_rows(min_row=2, values_only=True)} == {
        category.label for category in AgencyCategory
    }
    assert sheet["L2"].number_format == "@"  # the mobile column keeps its leading zero
    row = read_sheet(path).rows[0]
    assert row.get("name") == "اداره کل آموزش و پرورش"
    assert row.get("manager_mobile") == "09121234567"
