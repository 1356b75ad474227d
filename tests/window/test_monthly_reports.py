"""The «گزارش‌های ماهانه» section: the year's matrix, recording and correcting a report from
its cells, exemptions, and the indicators' editor.

Today is fixed at 1405/08/12: Mehr's reports were due on 1405/08/05, Aban's are not due yet.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from secretariat.monthly.indicators import IndicatorDraft
from secretariat.monthly.months import Month
from secretariat.monthly.reports import figure_field
from tests.support.files import pdf
from tests.support.monthly import add_agency, fix_today, record
from ui.monthly.indicators_dialog import IndicatorsDialog
from ui.monthly.matrix_model import (
    CELL_ROLE,
    LATE_COLUMN,
    LOOKS,
    MISSING_COLUMN,
    NAME_COLUMN,
    RECEIVED_COLUMN,
    month_column,
)
from ui.monthly.month_dialog import MonthDialog
from ui.monthly.report_form import MonthlyReportForm
from ui.rtl import RLM
from ui.widgets import file_choice
from ui.widgets.table_setup import select_row
from ui.window.main_window import MONTHLY, MainWindow

MEHR, SHAHRIVAR, MORDAD, TIR, ABAN = 7, 6, 5, 4, 8


@pytest.fixture
def agencies(services, council, monkeypatch):
    fix_today(monkeypatch)
    return {
        "ورزش": add_agency(services, "اداره کل ورزش و جوانان"),
        "بانک": add_agency(services, "بانک ملی", category="bank"),
        "شهرداری": add_agency(services, "شهرداری پردیس", category="municipality"),
    }


@pytest.fixture
def window(qtbot, services, agencies):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def view(window):
    window.show_section(MONTHLY)
    return window.monthly_view


def row_of(view, agency_id) -> int:
    row = view.model.row_of(agency_id)
    assert row is not None
    return row


def cell(view, agency_id, month, role=Qt.ItemDataRole.DisplayRole):
    return view.model.index(row_of(view, agency_id), month_column(month)).data(role)


def shown_agencies(view) -> list[str]:
    return [view.model.index(row, NAME_COLUMN).data() for row in range(view.model.rowCount())]


def double_click(qtbot, view, agency_id, month) -> None:
    index = view.model.index(row_of(view, agency_id), month_column(month))
    view.table.scrollTo(index)
    center = view.table.visualRect(index).center()
    # QTest's double click is the second click only: the first one comes before it.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_required(form, type_text, value="۳") -> None:
    for indicator in form.indicators:
        if indicator.required and not form.figures[indicator.id].text():
            type_text(form.figures[indicator.id], value)


def test_the_matrix_says_each_state_in_words_and_colour(view, services, agencies):
    sport = agencies["ورزش"]
    record(services, sport, "1405/07", "1405/08/05")  # on the due day
    record(services, sport, "1405/06", "1405/07/09")  # due 1405/07/05: 4 days late
    services.monthly_reports.exempt(sport, "1405/05", reason="تغییر مدیر روابط عمومی")

    assert shown_agencies(view) == ["اداره کل ورزش و جوانان", "بانک ملی", "شهرداری پردیس"]
    texts = {month: cell(view, sport, month) for month in (MEHR, SHAHRIVAR, MORDAD, TIR, ABAN)}
    assert texts == {MEHR: "✓", SHAHRIVAR: "۴ روز دیر", MORDAD: "معاف", TIR: "نرسیده", ABAN: "—"}
    # The colour goes with the words, never alone: each state its own tint.
    assert cell(view, sport, MEHR, Qt.ItemDataRole.BackgroundRole) != cell(
        view, sport, SHAHRIVAR, Qt.ItemDataRole.BackgroundRole
    )
    assert (
        cell(view, sport, TIR, Qt.ItemDataRole.ForegroundRole)
        == LOOKS[cell(view, sport, TIR, CELL_ROLE).state].text
    )
    tip = cell(view, sport, SHAHRIVAR, Qt.ItemDataRole.ToolTipRole)
    assert "۱۴۰۵/۰۷/۰۹" in tip and "۴ روز پس از مهلت" in tip and "۱۴۰۵/۰۷/۰۵" in tip
    assert "تغییر مدیر روابط عمومی" in cell(view, sport, MORDAD, Qt.ItemDataRole.ToolTipRole)
    assert "۱۴۰۵/۰۹/۰۵" in cell(view, sport, ABAN, Qt.ItemDataRole.ToolTipRole)  # when Aban's is due
    # Each month's header counts its column; the last columns count each agency's row.
    header = view.model.headerData(month_column(MEHR), Qt.Orientation.Horizontal)
    assert header == "مهر\n۱ از ۳"
    assert view.model.headerData(month_column(ABAN), Qt.Orientation.Horizontal) == "آبان\n—"
    row = row_of(view, sport)
    counts = [
        view.model.index(row, column).data() for column in (RECEIVED_COLUMN, LATE_COLUMN, MISSING_COLUMN)
    ]
    assert counts == ["۲", "۱", "۴"]  # فروردین to تیر missing
    assert view.result_label.text().removeprefix(RLM).startswith("۳ دستگاه")


def test_the_filters_narrow_the_matrix_and_the_year_can_be_chosen(view, services, agencies):
    for month in range(1, 8):
        record(services, agencies["ورزش"], f"1405/{month:02d}", f"1405/{month + 1:02d}/01")
    record(services, agencies["بانک"], "1404/12", "1405/01/03")
    view.category_filter.setCurrentIndex(view.category_filter.findData("bank"))
    assert shown_agencies(view) == ["بانک ملی"]
    view.category_filter.setCurrentIndex(0)
    view.only_missing.setChecked(True)
    assert shown_agencies(view) == ["بانک ملی", "شهرداری پردیس"]  # the sport directorate sent all seven
    view.only_missing.setChecked(False)
    years = [view.year_filter.itemData(i) for i in range(view.year_filter.count())]
    assert years == [1405, 1404]  # the one recorded was added as it was recorded
    view.year_filter.setCurrentIndex(view.year_filter.findData(1404))
    assert cell(view, agencies["بانک"], 12) == "✓"
    assert cell(view, agencies["ورزش"], 12) == "نرسیده"


def test_the_search_box_finds_an_agency_without_hiding_the_others(view, agencies):
    view.search_box.setText("شهرداري")  # an Arabic ي finds the Persian ی
    view.search_box.flush()
    assert view.table.currentIndex().row() == row_of(view, agencies["شهرداری"])
    assert view.model.rowCount() == 3


def test_a_missing_cell_opens_the_form_prefilled_and_saving_records_the_report(
    qtbot, view, services, agencies, type_text, run_modal
):
    bank = agencies["بانک"]
    assert cell(view, bank, MEHR) == "نرسیده"

    def fill(form) -> None:
        assert isinstance(form, MonthlyReportForm)
        assert form.agency.agency_id() == bank
        assert Month.parse(form.month.text()) == Month(1405, MEHR)
        assert form.received_on.text() == "۱۴۰۵/۰۸/۱۲"  # today
        fill_required(form, type_text)
        click(qtbot, form.save_button())

    run_modal(lambda: double_click(qtbot, view, bank, MEHR), fill)

    assert cell(view, bank, MEHR) == "۷ روز دیر"  # due 1405/08/05, received today
    report = services.monthly_reports.of_month(bank, "1405/07").report
    assert report is not None and report.recorded_by == ""  # the council has no secretary named

    def fill_aban(form) -> None:
        fill_required(form, type_text)
        click(qtbot, form.save_button())

    run_modal(lambda: double_click(qtbot, view, bank, ABAN), fill_aban)
    assert cell(view, bank, ABAN) == "✓"  # Aban's is due on 1405/09/05


def test_a_refused_save_shows_beside_the_field_and_loses_nothing(
    qtbot, view, services, agencies, type_text, run_modal
):
    sport = agencies["ورزش"]
    first = services.indicators.list()[0]

    def refused_then_fixed(form) -> None:
        form.received_on.setText("۱۴۰۵/۰۶/۲۰")  # before Mehr began
        type_text(form.figures[first.id], "دوازده")
        click(qtbot, form.save_button())
        assert form.isVisible()
        assert "پیش از آغاز آن ماه" in form.form.error("received_on")
        assert "عدد نیست" in form.form.error(figure_field(first.id))
        assert form.figures[first.id].text() == "دوازده"  # as typed
        assert form.agency.agency_id() == sport
        form.received_on.setText("1405/08/02")  # Latin digits are read as well
        form.figures[first.id].clear()
        type_text(form.figures[first.id], "12")  # shown in Persian digits as typed
        assert form.figures[first.id].text() == "۱۲"
        fill_required(form, type_text)
        click(qtbot, form.save_button())

    run_modal(lambda: double_click(qtbot, view, sport, MEHR), refused_then_fixed)
    report = services.monthly_reports.of_month(sport, "1405/07").report
    assert report is not None and report.figures[first.id] == 12
    assert cell(view, sport, MEHR) == "✓"


def test_the_record_button_records_any_agency_and_month_and_refuses_a_second(
    qtbot, view, services, agencies, type_text, run_modal, tmp_path
):
    scan = tmp_path / "گزارش مهر.pdf"
    scan.write_bytes(pdf("monthly report"))
    record(services, agencies["شهرداری"], "1405/07", "1405/08/01")

    def second_report(form) -> None:
        assert form.agency.agency_id() is None  # chosen in the form
        click(qtbot, form.save_button())
        assert form.form.error("agency_id")
        form.agency.set_agency_id(agencies["شهرداری"])
        form.month.set_month(Month(1405, MEHR))
        fill_required(form, type_text)
        form.file.set_path(scan)
        click(qtbot, form.save_button())
        assert "پیش‌تر" in form.form.error("month")  # correct the first instead
        form.agency.set_agency_id(agencies["بانک"])
        click(qtbot, form.save_button())

    run_modal(lambda: click(qtbot, view.record_button), second_report)
    report = services.monthly_reports.of_month(agencies["بانک"], "1405/07").report
    assert report is not None and report.file is not None and report.file.filename == "گزارش مهر.pdf"


def test_a_correction_keeps_the_first_version_visible_struck_through(
    qtbot, view, services, agencies, type_text, run_modal, monkeypatch, tmp_path
):
    sport = agencies["ورزش"]
    first = services.indicators.list()[0]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf("monthly report"))
    services.monthly_reports.record(
        _draft(services, sport, "1405/07", "1405/08/09", figures={first.id: "5"}, file=scan)
    )
    assert cell(view, sport, MEHR) == "۴ روز دیر"
    view.table.setCurrentIndex(view.model.index(row_of(view, sport), month_column(MEHR)))
    view.table.setFocus()
    opened: list[MonthDialog] = []

    def look_and_correct(dialog) -> None:
        assert isinstance(dialog, MonthDialog)
        opened.append(dialog)
        assert dialog.version_model.rowCount() == 1
        assert dialog.values["received"].text().removeprefix(RLM) == "۱۴۰۵/۰۸/۰۹"
        assert "۵ خبر" in [
            dialog.figure_model.index(r, 1).data() for r in range(dialog.figure_model.rowCount())
        ]
        assert dialog.exempt_button.isHidden() and dialog.record_button.isHidden()

        def correct(form) -> None:
            assert isinstance(form, MonthlyReportForm)
            assert form.figures[first.id].text() == "۵"  # the report as recorded
            assert form.keep_file is not None and form.keep_file.isChecked()
            form.received_on.setText("۱۴۰۵/۰۸/۰۴")
            click(qtbot, form.save_button())
            assert form.form.error("reason")  # a correction says why
            type_text(form.reason, "تاریخ دریافت از روی دفتر اندیکاتور اصلاح شد")
            click(qtbot, form.save_button())

        run_modal(lambda: click(qtbot, dialog.correct_button), correct)
        model = dialog.version_model
        assert model.rowCount() == 2
        assert [model.index(r, 0).data() for r in range(2)] == ["اصلاح‌شده", "اصلاحیه (در جریان)"]
        assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
        assert "دفتر اندیکاتور" in model.index(0, model.column("note")).data()
        assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
        assert dialog.values["received"].text().removeprefix(RLM) == "۱۴۰۵/۰۸/۰۴"
        monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(tmp_path / "copy.pdf"))
        assert dialog.save_file()  # the file kept through the correction
        assert (tmp_path / "copy.pdf").read_bytes() == scan.read_bytes()
        # The first version, chosen in the history, shows as it was.
        select_row(dialog.history, 0)
        assert dialog.values["received"].text().removeprefix(RLM) == "۱۴۰۵/۰۸/۰۹"
        dialog.accept()

    run_modal(lambda: qtbot.keyClick(view.table, Qt.Key.Key_Return), look_and_correct)
    assert opened
    assert cell(view, sport, MEHR) == "✓"  # now received on the 4th


def test_voiding_a_report_and_exempting_the_month(
    qtbot, view, services, agencies, type_text, run_modal, message_boxes
):
    bank = agencies["بانک"]
    record(services, bank, "1405/06", "1405/07/02")
    dialog = MonthDialog(services, bank, Month(1405, SHAHRIVAR), view)
    qtbot.addWidget(dialog)
    dialog.show()

    def void(form) -> None:
        type_text(form.reason, "گزارش دستگاه دیگری بود")
        click(qtbot, form.save_button())

    run_modal(lambda: click(qtbot, dialog.void_button), void)
    assert dialog.version_model.index(0, 0).data() == "باطل‌شده"
    assert "دستگاه دیگری" in dialog.version_model.index(0, dialog.version_model.column("note")).data()
    assert not dialog.record_button.isHidden() and dialog.correct_button.isHidden()
    assert cell(view, bank, SHAHRIVAR) == "نرسیده"

    def exempt(form) -> None:
        click(qtbot, form.save_button())
        assert form.form.error("reason")
        type_text(form.reason, "ادغام در شعبه دیگر")
        click(qtbot, form.save_button())

    run_modal(lambda: click(qtbot, dialog.exempt_button), exempt)
    assert cell(view, bank, SHAHRIVAR) == "معاف"
    assert "ادغام در شعبه دیگر" in cell(view, bank, SHAHRIVAR, Qt.ItemDataRole.ToolTipRole)
    assert "ادغام" in dialog.exemption_note.text()
    click(qtbot, dialog.lift_button)
    assert message_boxes.shown and message_boxes.shown[-1][0] == "confirm"
    assert cell(view, bank, SHAHRIVAR) == "نرسیده"
    dialog.close()


def test_a_cells_menu_exempts_an_empty_month(qtbot, view, services, agencies, type_text, run_modal):
    city = agencies["شهرداری"]
    index = view.model.index(row_of(view, city), month_column(TIR))
    menu = view.cell_menu(index)
    texts = [action.text() for action in menu.actions()]
    assert texts == ["ثبت گزارش...", "نمایش گزارش و سابقه...", "معاف کردن..."]

    def exempt(form) -> None:
        type_text(form.reason, "عضو تازه")
        click(qtbot, form.save_button())

    run_modal(lambda: menu.actions()[2].trigger(), exempt)
    assert cell(view, city, TIR) == "معاف"
    assert view.cell_menu(view.model.index(row_of(view, city), month_column(ABAN))) is not None


def test_the_printing_buttons_ask_for_the_selected_month_and_year(qtbot, view, agencies, monkeypatch):
    from ui.reports import monthly_actions

    asked_for: list[tuple] = []  # what the main window asked for, in place of the dialogs and previews
    monkeypatch.setattr(
        monthly_actions, "ask_monthly_reminders", lambda parent, services, month: asked_for.append(month)
    )
    monkeypatch.setattr(
        monthly_actions, "print_monthly_summary", lambda parent, services, year: asked_for.append(year)
    )
    monkeypatch.setattr(
        monthly_actions, "export_monthly_workbook", lambda parent, services, year: asked_for.append(-year)
    )
    assert view.reminders_button.text() == "نامه‌های یادآوری مهر..."  # the month due last
    with qtbot.waitSignal(view.reminders_requested) as asked:
        click(qtbot, view.reminders_button)
    assert asked.args == [1405, MEHR]
    view.table.setCurrentIndex(view.model.index(0, month_column(TIR)))
    assert view.reminders_button.text() == "نامه‌های یادآوری تیر..."
    with qtbot.waitSignal(view.reminders_requested) as asked:
        click(qtbot, view.reminders_button)
    assert asked.args == [1405, TIR]
    with qtbot.waitSignal(view.summary_requested) as asked:
        click(qtbot, view.summary_button)
    assert asked.args == [1405]
    with qtbot.waitSignal(view.export_requested) as asked:
        click(qtbot, view.export_button)
    assert asked.args == [1405]
    assert asked_for == [Month(1405, MEHR), Month(1405, TIR), 1405, -1405]


def test_the_matrix_follows_what_the_core_saves_and_the_due_day(qtbot, view, services, agencies):
    sport = agencies["ورزش"]
    record(services, sport, "1405/07", "1405/08/08")  # saved elsewhere: another desk, the command line
    assert cell(view, sport, MEHR) == "۳ روز دیر"
    services.council_settings.set_monthly_due_day(10)
    assert cell(view, sport, MEHR) == "✓"
    assert "روز ۱۰ ماه بعد" in view.result_label.text()


def test_the_indicators_editor_adds_moves_retires_and_sets_the_due_day(
    qtbot, view, services, agencies, type_text, run_modal, message_boxes
):
    dialog = IndicatorsDialog(services, view)
    qtbot.addWidget(dialog)
    dialog.show()
    before = len(services.indicators.list())

    def add(form) -> None:
        type_text(form.name, "بازدید از پروژه‌ها")
        type_text(form.unit, "بازدید")
        form.required.setChecked(True)
        click(qtbot, form.save_button())

    run_modal(lambda: click(qtbot, dialog.add_button), add)
    added = services.indicators.find("بازدید از پروژه‌ها")
    assert added is not None and added.required
    assert dialog.selected().id == added.id
    assert dialog.model.index(before, 0).data() == str(before + 1).translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    )
    click(qtbot, dialog.up_button)
    assert [i.id for i in services.indicators.list()][before - 1] == added.id
    assert dialog.selected().id == added.id  # still chosen after the list read again

    # A name already there is refused beside the name.
    def duplicate(form) -> None:
        type_text(form.name, "بازدید از پروژه‌ها")
        click(qtbot, form.save_button())
        assert "پیش‌تر" in form.form.error("name")
        form.done(0)

    run_modal(lambda: click(qtbot, dialog.add_button), duplicate)

    click(qtbot, dialog.retire_button)
    assert added.id not in [i.id for i in services.indicators.list()]
    assert dialog.selected().retired and dialog.retire_button.text() == "بازگرداندن"
    assert not dialog.up_button.isEnabled()
    form = MonthlyReportForm(services, agency_id=agencies["ورزش"], parent=view)
    qtbot.addWidget(form)
    assert added.id not in form.figures  # no longer asked for
    click(qtbot, dialog.retire_button)
    assert added.id in [i.id for i in services.indicators.list()]

    click(qtbot, dialog.delete_button)  # never used: deleted after asking
    assert message_boxes.shown[-1][0] == "confirm"
    assert services.indicators.find("بازدید از پروژه‌ها") is None

    used = services.indicators.list()[0]
    record(services, agencies["ورزش"], "1405/07", "1405/08/01", figures={used.id: "4"})
    dialog.select(used.id)
    assert not dialog.delete_button.isEnabled()  # it has figures: retired, never deleted

    dialog.due_day.setText("۳۵")
    click(qtbot, dialog.save_due_day_button)
    assert "۲۹" in dialog.due_day_error.message()
    dialog.due_day.setText("۱۰")
    click(qtbot, dialog.save_due_day_button)
    assert services.council_settings.monthly_due_day() == 10
    assert not dialog.due_day_error.message()
    dialog.close()


def test_an_indicator_used_keeps_its_kind(qtbot, services, agencies, run_modal):
    indicator = services.indicators.add(IndicatorDraft(name="جلسات هم‌اندیشی", unit="جلسه"))
    record(services, agencies["ورزش"], "1405/07", "1405/08/01", figures={indicator.id: "2"})
    from ui.monthly.indicator_form import IndicatorForm

    form = IndicatorForm(services.indicators, services.indicators.get(indicator.id))
    qtbot.addWidget(form)
    assert not form.kind.isEnabled()


def test_the_section_has_its_place_and_shortcut(qtbot, window):
    assert window.navigation.model().stringList()[MONTHLY] == "گزارش‌های ماهانه"
    view_menu = [action for action in window.menuBar().actions() if action.text() == "نما"][0].menu()
    action = [a for a in view_menu.actions() if a.text() == "گزارش‌های ماهانه"][0]
    assert action.shortcut() == QKeySequence("Ctrl+6")
    action.trigger()
    assert window.current_section() is window.monthly_view


def _draft(services, agency_id, month, received, *, figures, file=None):
    from secretariat.monthly.reports import MonthlyReportDraft
    from tests.support.monthly import figures_for_required

    incoming = services.monthly_reports.read_file(file) if file is not None else None
    return MonthlyReportDraft(
        agency_id=agency_id,
        month=month,
        received_on=received,
        figures={**figures_for_required(services), **figures},
        file=incoming,
    )


def test_the_window_hears_of_monthly_reports_and_indicators(qtbot, services, agencies):
    with qtbot.waitSignal(services.changes.monthly_changed) as heard:
        record(services, agencies["بانک"], "1405/07", "1405/08/01")
    assert heard.args == [agencies["بانک"]]
    with qtbot.waitSignal(services.changes.indicators_changed):
        services.indicators.add(IndicatorDraft(name="نمایشگاه‌ها", unit="نمایشگاه"))


def test_the_home_pages_monthly_line_opens_the_page_on_its_month(qtbot, window, services, agencies):
    """From the home page: the monthly page, on the year and month the line counts, whatever it showed."""
    from ui.window.main_window import DASHBOARD

    record(services, agencies["ورزش"], "1404/03", "1404/04/02")  # a year to be on before
    window.show_section(MONTHLY)
    view = window.monthly_view
    view.year_filter.setCurrentIndex(view.year_filter.findData(1404))
    qtbot.waitUntil(lambda: view.year() == 1404 and view.model.matrix() is not None)
    window.show_section(DASHBOARD)
    home = window.dashboard_view
    qtbot.waitUntil(lambda: home.monthly_line.isVisible())
    qtbot.mouseClick(home.monthly_line, Qt.MouseButton.LeftButton)
    assert window.current_section() is view
    qtbot.waitUntil(lambda: view.year() == 1405 and view.model.matrix() is not None)
    qtbot.waitUntil(lambda: view.selected_month() == 7)  # Mehr: the month the line counted
