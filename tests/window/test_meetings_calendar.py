"""The meetings calendar (a Jalali month with the meetings in their days) and
the meeting list filtered by year, kind and status."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCalendar, QDate, Qt
from PySide6.QtGui import QColor

from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.persian import jalali
from tests.support.window_meetings import AGENCIES, make_council, plan
from ui.meetings.meeting_calendar import MeetingCalendar
from ui.meetings.meeting_calendar_page import MeetingCalendarPage
from ui.meetings.meeting_format import STATUS_COLOURS
from ui.meetings.meetings_view import MeetingsView
from ui.widgets.jalali_calendar import WEEKEND_COLOUR, to_qdate


@pytest.fixture
def agencies(services):
    return make_council(services)


@pytest.fixture
def meetings(services, agencies):
    """Two meetings in Ordibehesht 1420, one in Khordad, one in 1421, one cancelled."""
    host = agencies[AGENCIES[0]]
    return {
        "seventh": plan(services, "1420/02/27", host_agency_id=host, venue="سالن اجتماعات"),
        "same_month": plan(services, "1420/02/10", kind="working_group"),
        "next_month": plan(services, "1420/03/05"),
        "next_year": plan(services, "1421/02/02", kind="extraordinary"),
        "cancelled": services.meetings.cancel(plan(services, "1420/02/12").id, "نرسیدن گزارش‌ها"),
    }


def test_the_month_grid_is_jalali_starting_on_saturday_with_friday_as_the_weekend(qtbot):
    calendar = MeetingCalendar()
    qtbot.addWidget(calendar)
    assert calendar.calendar().name() == QCalendar(QCalendar.System.Jalali).name()
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    assert calendar.isRightToLeft()
    assert calendar.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color() == WEEKEND_COLOUR
    assert calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color() != WEEKEND_COLOUR


def test_the_calendar_shows_each_meeting_on_its_day_and_in_the_month_list(qtbot, services, meetings):
    page = MeetingCalendarPage(services.meetings)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.show_month(1420, 2)
    assert page.month_box.title() == "جلسات اردیبهشت ۱۴۲۰"

    day = jalali.parse("1420/02/27")
    [shown] = page.calendar.meetings_on(day)
    assert shown.id == meetings["seventh"].id
    # The day's tooltip names the meeting, its place and status.
    tip = page.calendar.dateTextFormat(to_qdate(day)).toolTip()
    assert "شهرداری پردیس، سالن اجتماعات" in tip and "برنامه‌ریزی‌شده" in tip
    # The month's list beside the grid, by date; the cancelled one too.
    listed = [
        page.month_model.index(row, page.month_model.column("day")).data()
        for row in range(page.month_model.rowCount())
    ]
    assert listed == ["دوشنبه ۱۰", "چهارشنبه ۱۲", "پنجشنبه ۲۷"]
    assert page.month_model.index(1, page.month_model.column("status")).data() == "لغوشده"

    # The day is painted with the meeting in its status colour.
    image = page.calendar.grab().toImage()
    assert _has_colour(image, QColor(STATUS_COLOURS[MeetingStatus.PLANNED]))

    # Choosing the day selects its meeting in the list; double-clicking opens it.
    page.show_date(day)
    assert page.selected_meeting_id() == meetings["seventh"].id
    with qtbot.waitSignal(page.open_requested) as opened:
        page.calendar.activated.emit(to_qdate(day))
    assert opened.args == [meetings["seventh"].id]
    # An empty day asks for a meeting to be planned on it.
    empty = jalali.parse("1420/02/20")
    with qtbot.waitSignal(page.plan_requested) as asked:
        page.calendar.activated.emit(to_qdate(empty))
    assert asked.args == [empty]


def test_moving_to_the_next_month_shows_its_meetings(qtbot, services, meetings):
    page = MeetingCalendarPage(services.meetings)
    qtbot.addWidget(page)
    page.show_month(1420, 2)
    page.calendar.showNextMonth()
    assert page.calendar.shown_month() == (1420, 3)
    assert [row.id for row in page.listed()] == [meetings["next_month"].id]
    page.calendar.showNextMonth()
    assert page.listed() == [] and page.empty_state.isVisibleTo(page)
    assert page.empty_state.text() == "در این ماه جلسه‌ای نیست."
    page.calendar.setCurrentPage(1421, 2)
    assert [row.id for row in page.listed()] == [meetings["next_year"].id]
    assert not page.empty_state.isVisibleTo(page)


def test_the_list_filters_by_year_kind_and_status(qtbot, services, meetings):
    view = MeetingsView(services)
    qtbot.addWidget(view)
    view.show_list()
    listing = view.list
    model = listing.model
    assert model.rowCount() == 5
    years = [listing.year_filter.itemText(i) for i in range(listing.year_filter.count())]
    assert years == ["همه سال‌ها", "سال ۱۴۲۱", "سال ۱۴۲۰"]

    listing.year_filter.setCurrentIndex(listing.year_filter.findData(1420))
    dates = [model.index(row, model.column("date")).data() for row in range(model.rowCount())]
    assert dates == ["۱۴۲۰/۰۳/۰۵", "۱۴۲۰/۰۲/۲۷", "۱۴۲۰/۰۲/۱۲", "۱۴۲۰/۰۲/۱۰"]  # newest first
    assert listing.result_label.text() == "۴ جلسه"

    listing.kind_filter.setCurrentIndex(listing.kind_filter.findData(MeetingKind.WORKING_GROUP.value))
    assert [model.index(0, column).data() for column in (model.column("title"), model.column("kind"))] == [
        "نخستین جلسه کارگروه",
        "کارگروه",
    ]
    listing.kind_filter.setCurrentIndex(0)
    listing.status_filter.setCurrentIndex(listing.status_filter.findData(MeetingStatus.CANCELLED.value))
    assert model.rowCount() == 1
    assert model.index(0, model.column("status")).data() == "لغوشده"
    listing.year_filter.setCurrentIndex(listing.year_filter.findData(1421))
    assert model.rowCount() == 0
    assert listing.result_label.text() == "جلسه‌ای پیدا نشد."


def test_the_search_box_finds_meetings_by_number_and_host_together_with_the_filters(
    qtbot, services, meetings, type_text
):
    view = MeetingsView(services)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.focus_search()  # Ctrl+F in the meetings section
    listing, model = view.list, view.list.model
    box = listing.search_box
    assert view.tabs.currentWidget() is listing and box.isVisible() and box.hasFocus()
    assert box.placeholderText().startswith("جستجو در شماره")

    def titles() -> list[str]:
        return [model.index(row, model.column("title")).data() for row in range(model.rowCount())]

    def search(text: str) -> None:
        box.clear()
        type_text(box, text)
        qtbot.waitUntil(lambda: model.query.search == text)

    # «جلسه ۳» in Persian digits: the council's third meeting, of 1421.
    search("جلسه ۳")
    assert titles() == ["سومین جلسه (فوق\u200cالعاده)"]
    assert listing.result_label.text() == "۱ جلسه"
    # The host, typed with an Arabic ي: the meeting it hosts.
    search("شهرداري")
    assert titles() == ["نخستین جلسه"]
    # With the year filter: only the 1420 working group.
    search("کارگروه")
    listing.year_filter.setCurrentIndex(listing.year_filter.findData(1421))
    assert model.rowCount() == 0 and listing.result_label.text() == "جلسه‌ای پیدا نشد."
    listing.year_filter.setCurrentIndex(listing.year_filter.findData(1420))
    assert titles() == ["نخستین جلسه کارگروه"]
    # Escape empties the box: the year's meetings again.
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and model.rowCount() == 4


def test_double_clicking_a_listed_meeting_opens_its_window(qtbot, services, meetings):
    view = MeetingsView(services)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.show_list()
    table = view.list.table
    qtbot.waitExposed(table)
    row = view.list.model.row_of(meetings["seventh"].id)
    rect = table.visualRect(table.model().index(row, view.list.model.column("title")))
    # QTest's double click is the second click only: the first one comes before it.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [window] = view.open_windows()
    assert window.meeting_id == meetings["seventh"].id
    assert window.header.title.text() == "نخستین جلسه"
    # Opening it again raises the same window.
    assert view.open_meeting(meetings["seventh"].id) is window


def test_a_change_in_a_meeting_window_reaches_the_calendar_and_the_list(qtbot, services, meetings):
    view = MeetingsView(services)
    qtbot.addWidget(view)
    view.calendar_page.show_month(1420, 2)
    window = view.open_meeting(meetings["seventh"].id)
    services.meetings.postpone(meetings["seventh"].id, "1420/03/10", "سفر استاندار")
    window.details.changed.emit("")  # as the postpone dialog's tab does once saved
    assert [row.id for row in view.calendar_page.listed()] == [
        meetings["same_month"].id,
        meetings["cancelled"].id,
    ]
    row = view.list.model.row_of(meetings["seventh"].id)
    assert view.list.model.index(row, view.list.model.column("status")).data() == "به تعویق افتاده"


def _has_colour(image, colour: QColor) -> bool:
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y) == colour:
                return True
    return False


def test_qdate_of_a_jalali_day():
    assert QDate(1420, 2, 27, QCalendar(QCalendar.System.Jalali)) == to_qdate(jalali.parse("1420/02/27"))
