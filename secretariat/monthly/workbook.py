"""The year's monthly reports as an Excel workbook (.xlsx), for the secretariat to filter and total.

Three sheets, right to left, Persian headers in a bold frozen first row:

- «وضعیت ارسال»: the year's matrix, an agency a row (Persian order) with
  its category, a column per Jalali month («فروردین ۱۴۰۵» …), each cell
  the state in Persian («به‌موقع»، «با تأخیر (۴ روز)»، «نرسیده»، «هنوز موعد
  نرسیده»، «معاف», the reason in the cell's note) on the tint the summary
  report uses, then the agency's months on time, late, missing and exempt
  as numbers;
- «ارقام»: every figure of the reports in force, one a row (agency,
  category, year, month number, month, indicator, figure, unit), with a
  filter on its header. One long list rather than a sheet per indicator:
  Excel's filter on «شاخص» gives one indicator's agencies and months, on
  «دستگاه» one agency's year, and a pivot table any total, and a list keeps
  its shape when an indicator is added or retired. A yes/no figure is the
  number 1 or 0 shown as «بله» or «خیر» (a number format), so that it sums;
- «جمع ماهانه»: each indicator's council total month by month, and the year's.

Numbers are stored as numbers. The file is written whole or not at all (a
temporary file beside it, then moved over it).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyCategory
from secretariat.monthly.indicators import IndicatorKind
from secretariat.monthly.matrix import Cell, CellState, MatrixQuery
from secretariat.monthly.months import months_of
from secretariat.persian.text import to_persian_digits

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from secretariat.core import Secretariat

STATUS_SHEET = "وضعیت ارسال"
FIGURES_SHEET = "ارقام"
TOTALS_SHEET = "جمع ماهانه"

AGENCY = "دستگاه"
CATEGORY = "دسته"
ON_TIME = "به‌موقع"
LATE = "با تأخیر"
MISSING = "نرسیده"
EXEMPT = "معاف"
LATE_BY = "با تأخیر ({days} روز)"
NOT_DUE = "هنوز موعد نرسیده"
YEAR = "سال"
MONTH_NUMBER = "شماره ماه"
MONTH = "ماه"
INDICATOR = "شاخص"
FIGURE = "رقم"
UNIT = "واحد"
YEAR_TOTAL = "جمع سال"
YESNO_UNIT = "بله/خیر"
NOTE_AUTHOR = "دبیرخانه"
SUGGESTED_NAME = "گزارش‌های ماهانه {year}.xlsx"

NOT_WRITABLE = "اجازه نوشتن «{name}» در این پوشه نیست؛ جای دیگری را برگزینید."
NOT_WRITTEN = "کاربرگ در «{path}» نوشته نشد (دیسک پر است یا پوشه نیست)؛ جای دیگری را برگزینید."

# Excel number formats: a count, hours (a half), and yes/no shown in words.
NUMBER_FORMATS = {
    IndicatorKind.COUNT: "#,##0",
    IndicatorKind.HOURS: "#,##0.0",
    IndicatorKind.YESNO: '"بله";"بله";"خیر"',
}
HEADER_FILL = "FFE4E9ED"
STATE_FILLS = {
    CellState.ON_TIME: "FFE2F0E5",
    CellState.LATE: "FFFBEFD3",
    CellState.MISSING: "FFF7DEDB",
    CellState.EXEMPT: "FFE9EDF0",
}
WIDEST = 48  # characters: a long agency name wraps rather than widening its column without end


def state_text(cell: Cell) -> str:
    """A matrix cell as the sheet says it: «به‌موقع»، «با تأخیر (۴ روز)»، «نرسیده» …"""
    if cell.state is CellState.LATE:
        return LATE_BY.format(days=to_persian_digits(cell.late_days or 0))
    if cell.state is CellState.NOT_DUE:
        return NOT_DUE
    return cell.state.label


def write_workbook(secretariat: Secretariat, year: int, path: str | Path) -> Path:
    """Write the workbook of Jalali ``year`` to ``path``; a Persian ``DomainError`` if it cannot be."""
    # Imported on first use, as in agency_sheet: the app's start need not pay for it.
    from openpyxl import Workbook

    path = Path(path)
    workbook = Workbook()
    status = workbook.active
    assert status is not None  # a new workbook has its first sheet
    _status_sheet(status, secretariat, year)
    _figures_sheet(workbook.create_sheet(FIGURES_SHEET), secretariat, year)
    _totals_sheet(workbook.create_sheet(TOTALS_SHEET), secretariat, year)
    _save(workbook, path)
    return path


def _status_sheet(sheet: Worksheet, secretariat: Secretariat, year: int) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    matrix = secretariat.monthly_matrix.year(MatrixQuery(year))
    sheet.title = STATUS_SHEET
    counted = (CellState.ON_TIME, CellState.LATE, CellState.MISSING, CellState.EXEMPT)
    headers = [AGENCY, CATEGORY, *(month.label for month in months_of(year)), ON_TIME, LATE, MISSING, EXEMPT]
    rows: list[list[Any]] = []
    for row in matrix.rows:
        rows.append(
            [
                row.agency,
                _category(row.category),
                *(state_text(cell) for cell in row.cells),
                *(row.count(state) for state in counted),
            ]
        )
    _table(sheet, headers, rows, frozen_columns=2)
    fills = {
        state: PatternFill("solid", start_color=color, end_color=color)
        for state, color in STATE_FILLS.items()
    }
    for index, row in enumerate(matrix.rows, start=2):
        for month, cell in enumerate(row.cells, start=3):
            fill = fills.get(cell.state)
            if fill is not None:
                sheet.cell(row=index, column=month).fill = fill
            if cell.reason:  # why it is exempt: a note, so that the month's column stays narrow
                sheet.cell(row=index, column=month).comment = Comment(cell.reason, NOTE_AUTHOR)


def _figures_sheet(sheet: Worksheet, secretariat: Secretariat, year: int) -> None:
    indicators = {indicator.id: indicator for indicator in secretariat.indicators.list(include_retired=True)}
    headers = [AGENCY, CATEGORY, YEAR, MONTH_NUMBER, MONTH, INDICATOR, FIGURE, UNIT]
    rows: list[list[Any]] = []
    kinds: list[IndicatorKind] = []
    for figure in secretariat.monthly_figures.rows(year):
        indicator = indicators[figure.indicator_id]
        kinds.append(indicator.kind)
        rows.append(
            [
                figure.agency,
                _category(figure.category),
                year,
                figure.month.month,
                figure.month.label,
                indicator.name,
                _number(figure.value),
                YESNO_UNIT if indicator.kind is IndicatorKind.YESNO else indicator.unit,
            ]
        )
    _table(sheet, headers, rows, filtered=True)
    value_column = headers.index(FIGURE) + 1
    for index, kind in enumerate(kinds, start=2):
        sheet.cell(row=index, column=value_column).number_format = NUMBER_FORMATS[kind]


def _totals_sheet(sheet: Worksheet, secretariat: Secretariat, year: int) -> None:
    figures = secretariat.monthly_figures.year(year)
    headers = [INDICATOR, UNIT, *(month.label for month in months_of(year)), YEAR_TOTAL]
    rows: list[list[Any]] = []
    for line in figures.council:
        indicator = line.indicator
        unit = YESNO_UNIT if indicator.kind is IndicatorKind.YESNO else indicator.unit
        totals = [_number(value) if value is not None else None for value in line.months]
        rows.append([indicator.name, unit, *totals, _number(line.total) if line.total is not None else None])
    _table(sheet, headers, rows, frozen_columns=1)
    # A yes/no total counts the reports that said yes: a count, not a yes.
    for index, line in enumerate(figures.council, start=2):
        kind = IndicatorKind.COUNT if line.indicator.kind is IndicatorKind.YESNO else line.indicator.kind
        for column in range(3, len(headers) + 1):
            sheet.cell(row=index, column=column).number_format = NUMBER_FORMATS[kind]


def _number(value: float) -> int | float:
    """A whole figure as an int (Excel shows «12», not «12.0»)."""
    return int(value) if value == int(value) else value


def _category(code: str) -> str:
    try:
        return AgencyCategory(code).label
    except ValueError:
        return code


def _table(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    frozen_columns: int = 0,
    filtered: bool = False,
) -> None:
    """``headers`` bold on a tint in a frozen first row, ``rows`` under them, right to left,
    each column as wide as its longest text (within reason)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.sheet_view.rightToLeft = True
    sheet.append(list(headers))
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = centred
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            # A name typed as «=HYPERLINK(…)» stays text: Excel would run it as a formula.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for index, header in enumerate(headers):
        longest = max([len(header), *(len(_shown(row[index])) for row in rows)])
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(WIDEST, longest * 1.15 + 3)
    sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}2"
    if filtered and rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _save(workbook: Any, path: Path) -> None:
    try:
        handle, temporary = tempfile.mkstemp(prefix=".monthly-", suffix=".xlsx", dir=path.parent)
        os.close(handle)
        try:
            workbook.save(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except PermissionError as error:
        raise DomainError(NOT_WRITABLE.format(name=path.name)) from error
    except OSError as error:
        raise DomainError(NOT_WRITTEN.format(path=path)) from error
