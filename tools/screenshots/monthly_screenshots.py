"""The monthly reports' screens for ``--screenshots``: the year's matrix, the form of a report
with its refusals beside the fields, one agency's month with a corrected report's history,
and the indicators' editor.

They show the demo council once it has monthly reports. Until then (or for a database
without any) they show a sample council of their own in a temporary database, with a
year of reports up to today (on time, late, missing, an exemption, a correction and a
void), deleted at the end: the demo is never written to.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from secretariat import clock
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.monthly.reports import MonthlyReportDraft, Via
from secretariat.persian import jalali
from tools.screenshots.stage import Stage
from ui.monthly.indicators_dialog import IndicatorsDialog
from ui.monthly.matrix_model import month_column
from ui.monthly.month_dialog import MonthDialog
from ui.monthly.monthly_view import latest_due_month
from ui.monthly.report_form import MonthlyReportForm
from ui.services import Services
from ui.window.main_window import MONTHLY, MainWindow

SAMPLE_COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس (نمونه گزارش‌های ماهانه)"
SECRETARY = "زهرا موسوی"
# name, category; the last joined this year (the months before show as exempt).
SAMPLE_AGENCIES = [
    ("فرمانداری پردیس", "governorate"),
    ("شهرداری پردیس", "municipality"),
    ("اداره ورزش و جوانان پردیس", "directorate"),
    ("اداره آموزش و پرورش پردیس", "directorate"),
    ("شبکه بهداشت و درمان پردیس", "organization"),
    ("بانک ملی شعبه مرکزی پردیس", "bank"),
    ("دانشگاه آزاد اسلامی واحد پردیس", "university"),
    ("اداره ثبت اسناد و املاک پردیس", "directorate"),
    ("اداره تعاون، کار و رفاه اجتماعی پردیس", "directorate"),
    ("شرکت آب و فاضلاب پردیس", "state_company"),
    ("جمعیت هلال احمر پردیس", "institution"),
    ("اداره منابع طبیعی و آبخیزداری پردیس", "directorate"),
]


def _has_reports(services: Services) -> bool:
    for year in services.monthly_matrix.years():
        matrix = services.monthly_matrix.year(MatrixQuery(year))
        if any(cell.state.received for row in matrix.rows for cell in row.cells):
            return True
    return False


def _window(stage: Stage) -> MainWindow:
    """The demo's window if it has monthly reports, else the sample council's."""
    if _has_reports(stage.services):
        return stage.window
    return stage.shared("monthly-sample", lambda: _sample_window(stage))


def _sample_window(stage: Stage) -> tuple[MainWindow, Callable[[], None]]:
    from secretariat.database import open_database

    folder = tempfile.TemporaryDirectory(prefix="screenshots-monthly-")
    services = Services.for_database(open_database(Path(folder.name) / "council.sqlite3"))
    _fill_sample(services)
    window = MainWindow(services)
    window.resize(stage.window.size())
    window.show()

    def close() -> None:
        window.close_child_windows()
        window.close()
        window.deleteLater()
        services.close()
        folder.cleanup()

    return window, close


def _fill_sample(services: Services) -> None:
    services.council.create(CouncilDraft(name=SAMPLE_COUNCIL, city="پردیس", secretary=SECRETARY))
    today = clock.today()
    year = jalali.jalali_year(today)
    newcomer_joined = jalali.format_short(jalali.from_jalali(year, 5, 10))
    ids = []
    for number, (name, category) in enumerate(SAMPLE_AGENCIES):
        joined = newcomer_joined if number == len(SAMPLE_AGENCIES) - 1 else ""
        ids.append(services.agencies.add(AgencyDraft(name=name, category=category, joined_on=joined)).id)
    indicators = services.indicators.list()
    last_month = latest_due_month(year)
    for number, agency_id in enumerate(ids):
        for month in range(1, last_month + 1):
            shape = (number * 7 + month * 3) % 10
            if shape == 8 or (number == len(ids) - 1 and month < 6):
                continue  # missing (or before joining)
            if (number, month) == (3, 2):
                services.monthly_reports.exempt(
                    agency_id, Month(year, month), reason="تغییر مدیر روابط عمومی"
                )
                continue
            due = Month(year, month).due_date()
            received = due - dt.timedelta(days=shape % 4) if shape < 6 else due + dt.timedelta(days=shape - 3)
            received = min(received, today)
            figures = {
                indicator.id: str((number + month * indicator.id) % 9 + (1 if indicator.required else 0))
                for indicator in indicators
                if indicator.kind.value != "yesno"
            }
            services.monthly_reports.record(
                MonthlyReportDraft(
                    agency_id=agency_id,
                    month=Month(year, month).key,
                    received_on=jalali.format_short(received),
                    via=(Via.LETTER if shape % 2 else Via.EMAIL).value,
                    letter_number=f"{1200 + number * 10 + month}/ص" if shape % 2 else "",
                    letter_date=jalali.format_short(received - dt.timedelta(days=1)) if shape % 2 else "",
                    figures=figures,
                    recorded_by=SECRETARY,
                )
            )
    _correct_and_void(services, ids[0], ids[1], Month(year, last_month))


def _correct_and_void(services: Services, corrected: int, voided: int, month: Month) -> None:
    reports = services.monthly_reports
    report = reports.of_month(corrected, month).report
    if report is not None:
        first = services.indicators.list()[0]
        figures = {indicator_id: _typed(value) for indicator_id, value in report.figures.items()} | {
            first.id: str(int(report.figures.get(first.id, 0)) + 12)
        }
        reports.correct(
            report.id,
            MonthlyReportDraft(
                agency_id=corrected,
                month=month.key,
                received_on=jalali.format_short(report.received_on),
                via=report.via.value,
                letter_number=report.letter_number,
                letter_date=jalali.format_short(report.letter_date),
                figures=figures,
                note="نسخه دوم گزارش با فهرست کامل اخبار از دستگاه رسید.",
                recorded_by=SECRETARY,
            ),
            reason="رقم اخبار منتشرشده در نسخه نخست ناقص بود",
            by=SECRETARY,
        )
    previous = month.previous()
    mistaken = reports.of_month(voided, previous).report
    if mistaken is not None:
        reports.void(mistaken.id, reason="گزارش دستگاه دیگری به نام این دستگاه ثبت شده بود", by=SECRETARY)


def _typed(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# -- the steps -------------------------------------------------------------------------------


def matrix(stage: Stage) -> QWidget:
    window = _window(stage)
    window.show_section(MONTHLY)
    view = window.monthly_view
    view.table.setCurrentIndex(view.model.index(0, month_column(view.selected_month())))
    return window


def _missing_month(services: Services) -> tuple[int, Month] | None:
    year = jalali.jalali_year(clock.today())
    for row in services.monthly_matrix.year(MatrixQuery(year)).rows:
        for cell in reversed(row.cells):
            if cell.state is CellState.MISSING:
                return row.agency_id, cell.month
    return None


def record_form_errors(stage: Stage) -> QWidget:
    """The form of a missing report, refused: a date before the month, a figure in words."""
    window = _window(stage)
    services = window.services
    found = _missing_month(services)
    agency_id, month = found if found is not None else (None, None)
    form = MonthlyReportForm(services, agency_id=agency_id, month=month, parent=window)
    stage.open(form)
    first = form.indicators[0]
    shown_month = month or Month.of(clock.today()).previous()
    form.received_on.setDate(shown_month.first_day - dt.timedelta(days=3))
    figure = form.figures[first.id]
    if isinstance(figure, QLineEdit):  # a count: typed in words, refused
        figure.setText("دوازده")
    form.accept()  # refused: the messages show beside the fields, the input stays
    return form


def _month_with_history(services: Services) -> tuple[int, Month] | None:
    """An agency's month whose report was corrected, else one with a report."""
    reports = services.monthly_reports
    fallback = None
    for year in services.monthly_matrix.years():
        for row in services.monthly_matrix.year(MatrixQuery(year)).rows[:40]:
            for cell in reversed(row.cells):
                if cell.report_id is None:
                    continue
                fallback = fallback or (row.agency_id, cell.month)
                if len(reports.of_month(row.agency_id, cell.month).history) > 1:
                    return row.agency_id, cell.month
    return fallback


def report_history(stage: Stage) -> QWidget:
    window = _window(stage)
    found = _month_with_history(window.services)
    if found is None:
        return window
    dialog = MonthDialog(window.services, found[0], found[1], window)
    stage.track(dialog)
    dialog.show()  # at the size it opens at on this screen
    return dialog


def indicators(stage: Stage) -> QWidget:
    window = _window(stage)
    dialog = IndicatorsDialog(window.services, window)
    stage.track(dialog)
    dialog.show()
    return dialog


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("monthly-matrix", matrix),
    ("monthly-record-errors", record_form_errors),
    ("monthly-report-history", report_history),
    ("monthly-indicators", indicators),
]
