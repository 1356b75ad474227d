"""The template of the agencies sheet: what «دریافت الگو» writes.

An .xlsx a secretary fills in Excel and reads back with the import: the
first sheet, right to left, has the Persian headers of ``agency_sheet.COLUMNS``
(the required one marked), column widths, the header row frozen, one sample
row, and a drop-down of the categories on the category column; the second
sheet lists the categories allowed. The phone and date columns are set to
text, so that Excel keeps the leading zero of 0912... and does not turn
۱۴۰۲/۰۳/۱۵ into a Gregorian date of its own.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyCategory
from secretariat.members.agency_sheet import COLUMNS, CellKind
from secretariat.persian.collation import sorted_persian

SHEET_TITLE = "دستگاه‌ها"
CATEGORIES_TITLE = "دسته‌ها"
SUGGESTED_NAME = "الگوی فهرست دستگاه‌ها.xlsx"
TEXT_FORMAT = "@"
# Rows of the first sheet prepared as text and offered the category list: room for a province.
PREPARED_ROWS = 500
_HEADER_FILL = "FFDDE7F3"
_SAMPLE_COLOUR = "FF6B7280"


def write_template(path: str | Path) -> Path:
    """Write the template to ``path`` (whole or not at all); a Persian ``DomainError`` if it cannot."""
    # Imported on first use, as in agency_sheet: the app's start need not pay for it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = SHEET_TITLE
    sheet.sheet_view.rightToLeft = True
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", start_color=_HEADER_FILL, end_color=_HEADER_FILL)
    sample_font = Font(italic=True, color=_SAMPLE_COLOUR)
    for at, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(at)
        title = f"{column.title} *" if column.key == "name" else column.title
        header = sheet.cell(row=1, column=at, value=title)
        header.font = header_font
        header.fill = header_fill
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sample = sheet.cell(row=2, column=at, value=column.example or None)
        sample.font = sample_font
        sheet.column_dimensions[letter].width = column.width
        if column.kind in (CellKind.PHONE, CellKind.DATE):
            for row in range(2, PREPARED_ROWS + 2):
                sheet.cell(row=row, column=at).number_format = TEXT_FORMAT
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "A2"

    categories = workbook.create_sheet(CATEGORIES_TITLE)
    categories.sheet_view.rightToLeft = True
    categories.column_dimensions["A"].width = 24
    categories.column_dimensions["B"].width = 16
    categories.append(["دسته", "کد"])
    for cell in categories[1]:
        cell.font = header_font
        cell.fill = header_fill
    labels = sorted_persian(AgencyCategory, key=lambda c: c.label)
    for category in labels:
        categories.append([category.label, category.value])

    at = next(i for i, column in enumerate(COLUMNS, start=1) if column.key == "category")
    letter = get_column_letter(at)
    choices = DataValidation(
        type="list",
        formula1=f"'{CATEGORIES_TITLE}'!$A$2:$A${len(labels) + 1}",
        allow_blank=True,
        showErrorMessage=False,  # a label typed in another spelling is still read
    )
    choices.add(f"{letter}2:{letter}{PREPARED_ROWS + 1}")
    sheet.add_data_validation(choices)

    # Written beside the target and moved over it: a failed write leaves no half file.
    try:
        handle, temporary = tempfile.mkstemp(prefix=".template-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
        try:
            workbook.save(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except PermissionError as error:
        raise DomainError(f"اجازه نوشتن «{path.name}» در این پوشه نیست؛ جای دیگری را برگزینید.") from error
    except OSError as error:
        raise DomainError(
            f"الگو در «{path}» نوشته نشد (دیسک پر است یا پوشه نیست)؛ جای دیگری را برگزینید."
        ) from error
    return path
