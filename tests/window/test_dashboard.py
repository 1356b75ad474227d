"""The home page: its figures, and every click through to the filtered register or a meeting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from secretariat.followup.status import ResolutionStatus
from tests.support.followup import followup_world
from ui.resolutions.followup_dialogs import DoneDialog
from ui.resolutions.register_view import OVERDUE
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
