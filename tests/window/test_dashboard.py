"""The home page: its figures, and every click through to the filtered register or a meeting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from secretariat.followup.status import ResolutionStatus
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from tests.support.followup import followup_world
from tests.support.monthly import add_agency, fix_today, record
from ui.home.dashboard_view import DashboardView
from ui.resolutions.followup_dialogs import DoneDialog
from ui.resolutions.register_view import OVERDUE
from ui.rtl import rtl
from ui.window.main_window import DASHBOARD, RESOLUTIONS, MainWindow


@pytest.fixture
def world(services):
    return followup_world(services)


@pytest.fixture
def window(qtbot, services, world):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    return main


def _figures(view) -> tuple[str, ...]:
    return tuple(
        card.number.text() for card in (view.open_card, view.overdue_card, view.due_card, view.done_card)
    )


def test_the_app_opens_on_the_dashboard(window):
    assert window.stack.currentIndex() == DASHBOARD
    view = window.dashboard_view
    assert window.current_section() is view
    assert _figures(view) == ("۶", "۳", "۱", "۱")
    assert view.worst_list.text(0) == "شهرداری پردیس: ۲ مصوبه معوق"
    assert view.meetings_list.count() == 2


def test_the_overdue_figure_opens_the_register_on_overdue(qtbot, window):
    qtbot.mouseClick(window.dashboard_view.overdue_card, Qt.MouseButton.LeftButton)
    register = window.register_view
    assert window.current_section() is register
    assert register.status_filter.currentData() == OVERDUE
    assert register.model.total() == 3
    assert all(register.model.record(row).overdue for row in range(3))


def test_each_figure_opens_as_many_rows_as_it_shows(qtbot, window):
    view = window.dashboard_view
    for card, shown in zip((view.open_card, view.due_card, view.done_card), ("۶", "۱", "۱"), strict=True):
        window.show_section(DASHBOARD)
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
        assert window.register_view.result_label.text() == f"{shown} مصوبه"
    assert window.register_view.closed_note.isVisible()  # the done card filters by the day of closing
    assert window.register_view.status_filter.currentData() == ResolutionStatus.DONE.value


def test_the_worst_agency_opens_its_overdue_resolutions(qtbot, window, world):
    view = window.dashboard_view
    rect = view.worst_list.row_rect(0)
    qtbot.mouseClick(view.worst_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    register = window.register_view
    assert window.current_section() is register
    assert register.agency_filter.agency_id() == world["town"]
    assert register.status_filter.currentData() == OVERDUE
    assert {register.model.record(row).id for row in range(register.model.total())} == {
        world["late_town"].id,
        world["late_shared"].id,
    }


def test_chart_slices_and_bars_open_the_register(window, world):
    view = window.dashboard_view
    labels = [piece.label() for piece in view.status_chart.slices()]
    assert "باز (۵)" in labels and "انجام‌شده (۱)" in labels
    view.status_chart.click_slice(ResolutionStatus.DONE)
    register = window.register_view
    assert register.status_filter.currentData() == ResolutionStatus.DONE.value
    assert register.model.total() == 1
    window.show_section(DASHBOARD)
    chart = view.completion_chart
    town = next(i for i, agency in enumerate(chart.agencies) if agency.agency_id == world["town"])
    chart.click_bar(town)
    assert register.agency_filter.agency_id() == world["town"]
    assert register.from_filter.date() is not None  # the chart counts the last twelve months
    assert register.model.total() == 4


def test_closing_a_resolution_updates_the_dashboard(qtbot, window, world, run_modal):
    view = window.dashboard_view
    qtbot.mouseClick(view.overdue_card, Qt.MouseButton.LeftButton)
    followup = window.register_view.open_followup(world["late_town"].id)
    qtbot.addWidget(followup)

    def finish(dialog: DoneDialog) -> None:
        dialog.evidence.setPlainText("گزارش تصویری نصب تابلوها")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(followup.done_button.click, finish)
    assert window.register_view.model.total() == 2
    window.show_section(DASHBOARD)
    qtbot.waitUntil(lambda: _figures(view) == ("۵", "۲", "۱", "۲"))
    assert view.worst_list.text(0).endswith("۱ مصوبه معوق")


def test_prepare_review_puts_open_resolutions_on_the_next_agenda(qtbot, window, world, services):
    view = window.dashboard_view
    qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    [item] = [i for i in services.agenda.items(world["next"].id) if i.reviews_open_resolutions]
    assert item.notes.count("\n") + 1 == 6  # the six resolutions still open
    [meeting_window] = window.meetings_view.open_windows()
    qtbot.addWidget(meeting_window)
    assert meeting_window.meeting_id == world["next"].id
    assert meeting_window.tabs.currentWidget() is meeting_window.agenda
    assert "۶ مصوبه باز" in window.statusBar().currentMessage()
    # Asked again from the register: the list is refreshed, not doubled.
    window.show_section(RESOLUTIONS)
    window.register_view.prepare_review()
    assert len([i for i in services.agenda.items(world["next"].id) if i.reviews_open_resolutions]) == 1


def test_prepare_review_without_a_coming_meeting_says_so(qtbot, services, message_boxes):
    from tests.support.meetings import Council

    Council(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    view = window.dashboard_view
    assert not view.review_button.isEnabled()
    assert view.prepare_review() is False
    kind, text = message_boxes.shown[-1]
    assert kind == "warn" and "برنامه‌ریزی" in text


def test_a_coming_meeting_opens_its_window(qtbot, window, world):
    view = window.dashboard_view
    rect = view.meetings_list.row_rect(0)
    qtbot.mouseClick(view.meetings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [meeting_window] = window.meetings_view.open_windows()
    qtbot.addWidget(meeting_window)
    assert meeting_window.meeting_id == world["next"].id


# -- the line of last month's monthly reports ---------------------------------------------


@pytest.fixture
def monthly_home(qtbot, services, monkeypatch):
    """The home page on 1405/08/12 (Mehr's reports were due on the 5th), three member agencies."""
    fix_today(monkeypatch)
    agencies = [add_agency(services, name) for name in ("شهرداری پردیس", "آموزش و پرورش", "شبکه بهداشت")]
    view = DashboardView(services)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view, agencies


def test_the_monthly_line_says_how_many_reports_came_and_how_many_late(qtbot, services, monthly_home):
    view, (town, school, health) = monthly_home
    line = view.monthly_line
    assert line.isVisible() and line.text.text() == rtl("گزارش‌های ماهانه مهر: ۰ از ۳ رسیده")
    record(services, town, "1405/07", "1405/08/03")
    record(services, school, "1405/07", "1405/08/09")  # four days late
    # Saved elsewhere (a dialog, the command line): the page reads its figures again.
    qtbot.waitUntil(lambda: line.text.text() == rtl("گزارش‌های ماهانه مهر: ۲ از ۳ رسیده (۱ با تأخیر)"))
    services.monthly_reports.exempt(health, "1405/07", reason="ادغام در سازمان استانی")
    qtbot.waitUntil(lambda: line.text.text() == rtl("گزارش‌های ماهانه مهر: ۲ از ۲ رسیده (۱ با تأخیر)"))
    services.council_settings.set_monthly_due_day(10)  # the council's due day: the 9th is on time
    qtbot.waitUntil(lambda: line.text.text() == rtl("گزارش‌های ماهانه مهر: ۲ از ۲ رسیده"))


def test_before_the_due_day_the_line_says_when_it_is_due(qtbot, services, monthly_home, monkeypatch):
    view, (town, _school, _health) = monthly_home
    fix_today(monkeypatch, jalali.from_jalali(1405, 8, 3))
    record(services, town, "1405/07", "1405/08/02")
    qtbot.waitUntil(
        lambda: view.monthly_line.text.text() == rtl("گزارش‌های ماهانه مهر: ۱ از ۳ رسیده؛ تا ۵ آبان موعد دارد")
    )


def test_the_monthly_line_opens_the_monthly_page_on_its_month(qtbot, monthly_home):
    view, _agencies = monthly_home
    asked = []
    view.show_monthly.connect(asked.append)
    qtbot.mouseClick(view.monthly_line, Qt.MouseButton.LeftButton)
    view.monthly_line.setFocus()
    qtbot.keyClick(view.monthly_line, Qt.Key.Key_Return)
    assert asked == [Month(1405, 7), Month(1405, 7)]


def test_a_council_without_agencies_has_no_monthly_line(qtbot, services, monkeypatch):
    fix_today(monkeypatch)
    view = DashboardView(services)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert not view.monthly_line.isVisible()
