"""The monthly reports' printouts and Excel export, as the window offers them.

For the monthly page (its actions pass the year and month it shows):
- ``print_monthly_reminders(parent, services, year, month)``: the preview of
  the reminder letters (``one_letter``: one letter with the list);
- ``print_monthly_summary(parent, services, year)``: the preview of the yearly summary;
- ``export_monthly_workbook(parent, services, year)``: a place to save the
  .xlsx (``file_choice``), the workbook written in the background, then
  where it went, with a button that opens it. Not previewed.

For the «گزارش‌ها» menu, the same after a small dialog asks the month or
the year (``monthly_dialogs``): ``ask_monthly_reminders``,
``ask_monthly_summary``, ``ask_monthly_export``.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtWidgets import QDialog, QWidget

from secretariat.monthly.months import Month
from secretariat.monthly.workbook import SUGGESTED_NAME, write_workbook
from secretariat.persian.text import to_persian_digits
from ui import desktop, messages, strings
from ui.reports.monthly_dialogs import MonthlyReminderDialog, MonthlyYearDialog
from ui.reports.report_jobs import monthly_reminders_job, monthly_summary_job, show_report
from ui.reports.report_preview import ReportPreview
from ui.rtl import ltr
from ui.services import Services
from ui.widgets import file_choice
from ui.widgets.result_dialog import ResultDialog, show_result
from ui.widgets.work_dialog import run_work

XLSX = ".xlsx"


def print_monthly_reminders(
    parent: QWidget, services: Services, year: int, month: int, *, one_letter: bool = False
) -> ReportPreview:
    return show_report(parent, monthly_reminders_job(services, Month(year, month), one_letter=one_letter))


def print_monthly_summary(parent: QWidget, services: Services, year: int) -> ReportPreview:
    return show_report(parent, monthly_summary_job(services, year))


def suggested_workbook_name(year: int) -> str:
    return SUGGESTED_NAME.format(year=to_persian_digits(year))


def export_monthly_workbook(parent: QWidget, services: Services, year: int) -> Path | None:
    """The workbook of ``year`` where the person chooses; its path, or None if not written."""
    chosen = file_choice.save_file(
        parent, strings.MONTHLY_EXPORT_SAVE_TITLE, suggested_workbook_name(year), strings.XLSX_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != XLSX:
        path = path.with_name(path.name + XLSX)

    def write(_progress: object, _cancelled: object) -> Path:
        return write_workbook(services, year, path)

    outcome = run_work(
        parent,
        strings.MONTHLY_EXPORT_TITLE,
        strings.MONTHLY_EXPORT_WORKING.format(year=to_persian_digits(year)),
        write,
    )
    if outcome.error is not None:
        messages.error(parent, strings.MONTHLY_EXPORT_FAILED.format(reason=outcome.error))
        return None
    written = cast(Path, outcome.result)  # what write_workbook returned
    result = show_result(
        parent,
        strings.MONTHLY_EXPORT_TITLE,
        strings.MONTHLY_EXPORT_DONE.format(year=to_persian_digits(year), path=ltr(str(written))),
    )
    _offer_to_open(result, written)
    return written


def _offer_to_open(result: ResultDialog, path: Path) -> None:
    result.add_button(strings.MONTHLY_EXPORT_OPEN, lambda: desktop.open_in_default_app(path))


# -- from the «گزارش‌ها» menu: a dialog first ------------------------------------------------------


def ask_monthly_reminders(
    parent: QWidget, services: Services, *, month: Month | None = None
) -> ReportPreview | None:
    dialog = MonthlyReminderDialog(
        services.monthly_matrix.years(), services.council_settings.monthly_due_day(), parent, month=month
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen, one_letter = cast("tuple[Month, bool]", dialog.saved)  # what the dialog saves
    return print_monthly_reminders(parent, services, chosen.year, chosen.month, one_letter=one_letter)


def ask_monthly_summary(parent: QWidget, services: Services) -> ReportPreview | None:
    dialog = MonthlyYearDialog(
        strings.MONTHLY_SUMMARY_TITLE, strings.MONTHLY_SUMMARY_INTRO, services.monthly_matrix.years(), parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return print_monthly_summary(parent, services, cast(int, dialog.saved))


def ask_monthly_export(parent: QWidget, services: Services) -> Path | None:
    dialog = MonthlyYearDialog(
        strings.MONTHLY_EXPORT_TITLE,
        strings.MONTHLY_EXPORT_INTRO,
        services.monthly_matrix.years(),
        parent,
        save_text=strings.MONTHLY_EXPORT_SAVE,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return export_monthly_workbook(parent, services, cast(int, dialog.saved))
