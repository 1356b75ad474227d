"""The monthly reports from the window: the reminders and the yearly summary previewed, the Excel
workbook saved where chosen; from the «گزارش‌ها» menu after a small dialog, or straight from the
monthly page's actions. Today is 1405/08/12 (``monthly.TODAY``): Mehr is past due."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from secretariat.monthly.months import Month
from secretariat.persian import jalali
from tests.support import monthly_print as world
from tests.support.monthly import TODAY, fix_today
from ui import desktop
from ui.reports import monthly_actions
from ui.reports.monthly_dialogs import MonthlyReminderDialog, MonthlyYearDialog, last_month_due
from ui.reports.report_preview import ReportPreview
from ui.widgets import file_choice
from ui.widgets.result_dialog import ResultDialog
from ui.window.main_window import MONTHLY, MainWindow

MEHR = Month(1405, 7)


@pytest.fixture
def window(qtbot, services, monkeypatch):
    fix_today(monkeypatch)
    world.build_monthly_world(services)
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    return main


def made(qtbot, preview: ReportPreview) -> list[str]:
    """The preview's report once made: each page's text, its whitespace collapsed."""
    qtbot.addWidget(preview)
    qtbot.waitUntil(
        lambda: preview.is_ready() or preview.pages.currentWidget() is preview.message, timeout=20000
    )
    assert preview.is_ready(), preview.message.text()
    pages = PdfReader(io.BytesIO(preview.data)).pages
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in pages]


# -- the dialogs ---------------------------------------------------------------------------------


def test_the_reminder_dialog_proposes_the_last_month_past_due(qtbot, persian_app):
    assert last_month_due(TODAY, 5) == MEHR  # due on 1405/08/05
    assert last_month_due(jalali.from_jalali(1405, 8, 5), 5) == Month(1405, 6)  # Mehr due today: not yet
    assert last_month_due(jalali.from_jalali(1405, 1, 3), 5) == Month(1404, 11)  # across the year
    dialog = MonthlyReminderDialog([1405, 1404], 5, today=TODAY)
    qtbot.addWidget(dialog)
    assert (dialog.year.currentText(), dialog.month.currentText()) == ("سال ۱۴۰۵", "مهر")
    assert [dialog.year.itemText(i) for i in range(dialog.year.count())] == ["سال ۱۴۰۵", "سال ۱۴۰۴"]
    assert not dialog.one_letter.isChecked()
    dialog.one_letter.setChecked(True)
    dialog.accept()
    assert dialog.saved == (MEHR, True)


def test_a_month_not_yet_due_is_refused_beside_the_month(qtbot, persian_app):
    dialog = MonthlyReminderDialog([1405], 5, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.month.setCurrentIndex(dialog.month.findData(8))  # Aban: due on 1405/09/05
    dialog.accept()
    assert dialog.saved is None
    assert dialog.form.error("month") == (
        "گزارش‌های آبان ۱۴۰۵ تا ۱۴۰۵/۰۹/۰۵ مهلت دارند؛ ماهی را برگزینید که مهلت آن گذشته است."
    )


def test_the_dialogs_fit_a_laptops_screen(qtbot, persian_app):
    for dialog in (
        MonthlyReminderDialog([1405], 5, today=TODAY),
        MonthlyYearDialog("خلاصه سالانه گزارش‌های ماهانه", "متن", [1405, 1404], today=TODAY),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= 1366 and dialog.height() <= 768
        dialog.done(0)


# -- the «گزارش‌ها» menu -------------------------------------------------------------------------


def test_the_reports_menu_offers_the_monthly_printouts_and_the_workbook(window):
    texts = [action.text() for action in window.monthly_report_actions]
    assert texts == [
        "یادآوری گزارش‌های ماهانه نرسیده...",
        "خلاصه سالانه گزارش‌های ماهانه...",
        "خروجی اکسل گزارش‌های ماهانه...",
    ]


def test_the_reminders_from_the_menu_go_to_the_agencies_that_owe_the_month(qtbot, window, run_modal):
    opened: list[ReportPreview] = []

    def choose(dialog):
        assert isinstance(dialog, MonthlyReminderDialog)
        dialog.accept()  # the month proposed: Mehr, a letter per agency

    run_modal(lambda: opened.append(window.print_monthly_reminders()), choose)
    (preview,) = opened
    assert preview.job.title == "نامه‌های یادآوری گزارش ماهانه مهر ۱۴۰۵"
    pages = made(qtbot, preview)
    assert [world.BANK in page for page in pages] == [True, False]
    assert world.AGRICULTURE in pages[1]


def test_the_summary_from_the_menu_for_the_year_chosen(qtbot, window, run_modal):
    opened: list[ReportPreview] = []
    run_modal(lambda: opened.append(window.print_monthly_summary()), lambda dialog: dialog.accept())
    (preview,) = opened
    assert preview.job.title == "خلاصه سالانه گزارش‌های ماهانه ۱۴۰۵"
    assert "خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها" in made(qtbot, preview)[0]


# -- from the monthly page: the year and month it shows ----------------------------------------------


def test_one_reminder_letter_with_the_list(qtbot, window):
    preview = monthly_actions.print_monthly_reminders(window, window.services, 1405, 7, one_letter=True)
    assert preview.job.title == "یادآوری گزارش ماهانه مهر ۱۴۰۵ با فهرست دستگاه‌ها"
    (page,) = made(qtbot, preview)
    assert "به: اعضای محترم" in page and world.BANK in page and world.AGRICULTURE in page


def test_a_month_nobody_owes_says_so_in_the_preview(qtbot, window):
    agriculture = window.services.agencies.find_by_name(world.AGRICULTURE)
    window.services.monthly_reports.exempt(agriculture.id, "1405/01", reason="ادغام با سازمان دیگر")
    preview = monthly_actions.print_monthly_reminders(window, window.services, 1405, 1)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.pages.currentWidget() is preview.message, timeout=20000)
    assert "همه دستگاه‌ها گزارش ماهانه فروردین ۱۴۰۵ را فرستاده‌اند" in preview.message.text()


def test_the_workbook_is_saved_where_chosen_and_can_be_opened(
    qtbot, window, monkeypatch, message_boxes, tmp_path
):
    asked, opened = [], []

    def save_file(_parent, title, suggested, filters=""):
        asked.append((title, suggested, filters))
        return str(tmp_path / "گزارش‌های مهر")  # typed without the suffix

    monkeypatch.setattr(file_choice, "save_file", save_file)
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: opened.append(path) or True)
    written = monthly_actions.export_monthly_workbook(window, window.services, 1405)
    assert asked == [("ذخیره کاربرگ گزارش‌های ماهانه", "گزارش‌های ماهانه ۱۴۰۵.xlsx", "کاربرگ اکسل (*.xlsx)")]
    assert written == tmp_path / "گزارش‌های مهر.xlsx"
    assert load_workbook(written).sheetnames == ["وضعیت ارسال", "ارقام", "جمع ماهانه"]
    assert message_boxes.shown == []
    (result,) = [dialog for dialog in window.findChildren(ResultDialog) if dialog.isVisible()]
    assert str(written) in result.summary.text()
    (open_button,) = [b for b in result.buttons.buttons() if b.text() == "باز کردن کاربرگ"]
    open_button.click()
    assert opened == [written]
    result.close()


def test_a_workbook_not_asked_for_or_not_written_leaves_nothing(window, monkeypatch, message_boxes, tmp_path):
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: None)
    assert monthly_actions.export_monthly_workbook(window, window.services, 1405) is None
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(tmp_path / "no such folder" / "x.xlsx"))
    assert monthly_actions.export_monthly_workbook(window, window.services, 1405) is None
    [(kind, text)] = message_boxes.shown
    assert kind == "error" and text.startswith("کاربرگ ذخیره نشد") and "نوشته نشد" in text
    assert not list(tmp_path.rglob("*.xlsx"))


def test_the_export_from_the_menu_asks_the_year(window, monkeypatch, run_modal, tmp_path):
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(tmp_path / "monthly.xlsx"))
    written: list[Path | None] = []

    def choose(dialog):
        assert isinstance(dialog, MonthlyYearDialog)
        assert dialog.save_button().text() == "ذخیره..."
        dialog.accept()

    run_modal(lambda: written.append(window.export_monthly_workbook()), choose)
    assert written == [tmp_path / "monthly.xlsx"]
    for dialog in window.findChildren(ResultDialog):
        dialog.close()


def test_the_monthly_pages_buttons_print_what_the_page_shows(qtbot, window, run_modal, monkeypatch):
    """The page's three buttons reach the printouts: the reminders dialog opens on the page's month."""
    window.show_section(MONTHLY)
    page = window.monthly_view
    chosen: list[Month] = []

    def keep_month(dialog):
        assert isinstance(dialog, MonthlyReminderDialog)
        chosen.append(dialog.chosen_month())
        dialog.reject()

    run_modal(lambda: page.reminders_requested.emit(1405, 6), keep_month)
    assert chosen == [Month(1405, 6)]
    previews: list[ReportPreview] = []
    monkeypatch.setattr(monthly_actions, "show_report", lambda parent, job: previews.append(job) or job)
    page.summary_requested.emit(1405)
    assert [job.title for job in previews] == ["خلاصه سالانه گزارش‌های ماهانه ۱۴۰۵"]
    saved: list[int] = []
    monkeypatch.setattr(
        monthly_actions, "export_monthly_workbook", lambda parent, services, year: saved.append(year)
    )
    page.export_requested.emit(1404)
    assert saved == [1404]
