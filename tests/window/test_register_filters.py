"""The register's second row of filters: the year's meetings, a range of meeting dates, and
the filters a link sets, driven through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.persian import jalali
from tests.support.followup import followup_world, in_days
from ui.resolutions.register_view import STILL_OPEN
from ui.window.main_window import RESOLUTIONS, MainWindow


@pytest.fixture
def world(services):
    world = followup_world(services)
    # An older meeting with one resolution of its own, so there is a choice of meetings.
    older = services.meetings.plan(MeetingDraft(date=in_days(-200))).meeting
    services.attendance.record(
        older.id, [AttendanceEntry(i.id, "present") for i in services.attendance.invitations(older.id)]
    )
    world["older_resolution"] = services.minutes.add_resolution(
        older.id,
        ResolutionDraft(
            text="مقرر شد بانک اطلاعات خبرنگاران تهیه شود.",
            lead_agency_id=world["town"],
            due_next_meeting=True,
        ),
    )
    world["older"] = older
    return world


@pytest.fixture
def register(qtbot, services, world):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    main.show_section(RESOLUTIONS)
    return main.register_view


def _ids(view) -> set[int]:
    return {view.model.record(row).id for row in range(view.model.total())}


def test_the_meeting_filter_lists_one_meetings_resolutions(register, world):
    assert register.model.total() == 9
    combo = register.meeting_filter
    combo.setCurrentIndex(combo.findData(world["older"].id))
    assert _ids(register) == {world["older_resolution"].id}
    combo.setCurrentIndex(combo.findData(world["held"].id))
    assert register.model.total() == 8


def test_choosing_a_year_lists_only_that_years_meetings(register, world):
    older_year = jalali.jalali_year(world["older"].date)
    held_year = jalali.jalali_year(world["held"].date)
    combo = register.year_filter
    combo.setCurrentIndex(combo.findData(older_year))
    meetings = {register.meeting_filter.itemData(i) for i in range(1, register.meeting_filter.count())}
    assert world["older"].id in meetings
    assert (world["held"].id in meetings) == (held_year == older_year)


def test_a_range_of_meeting_dates_typed_in_jalali(qtbot, register, world, type_text):
    type_text(register.from_filter.lineEdit(), in_days(-250))
    register.from_filter.lineEdit().editingFinished.emit()
    type_text(register.to_filter.lineEdit(), in_days(-100))
    register.to_filter.lineEdit().editingFinished.emit()
    qtbot.waitUntil(lambda: _ids(register) == {world["older_resolution"].id})
    assert register.result_label.text() == "۱ مصوبه"


def test_a_link_shows_its_filters_and_clear_removes_them(qtbot, register, world):
    today = dt.date.today()
    register.show_query(ResolutionQuery(status=ResolutionStatus.DONE, closed_from=today, closed_to=today))
    assert register.closed_note.isVisible()
    assert jalali.format_short(today) in register.closed_note.text()
    assert _ids(register) == {world["done"].id}
    qtbot.mouseClick(register.clear_button, Qt.MouseButton.LeftButton)
    assert not register.closed_note.isVisible()
    assert register.model.total() == 9
    assert not register.clear_button.isEnabled()


def test_still_open_lists_deferred_but_not_closed(register):
    combo = register.status_filter
    combo.setCurrentIndex(combo.findData(STILL_OPEN))
    statuses = {register.model.record(row).status for row in range(register.model.total())}
    assert ResolutionStatus.DEFERRED in statuses
    assert not any(status.closed for status in statuses)
    assert register.model.total() == 7


def test_the_empty_date_range_shows_no_date_that_could_pass_for_a_filter(register):
    assert register.from_filter.lineEdit().placeholderText() == "از تاریخ"
    assert register.to_filter.lineEdit().placeholderText() == "تا تاریخ"
    assert register.model.total() == 9  # nothing filtered


def test_clearing_the_filters_clears_the_chosen_meeting_too(qtbot, register):
    meetings = register.meeting_filter
    meetings.setCurrentIndex(1)  # a meeting chosen in the list
    assert meetings.currentData() is not None
    narrowed = register.model.total()
    qtbot.mouseClick(register.clear_button, Qt.MouseButton.LeftButton)
    assert meetings.currentData() is None
    assert register.model.total() == 9 >= narrowed
