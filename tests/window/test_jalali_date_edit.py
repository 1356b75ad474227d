"""The Jalali date field and its popup calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCalendar, QDate, QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget

from ui.widgets.jalali_calendar import WEEKEND_COLOUR, jalali_calendar_widget
from ui.widgets.jalali_date_edit import JalaliDateEdit


@pytest.fixture
def edit(qtbot, persian_app):
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.show()
    return edit


def type_and_leave(qtbot, edit: JalaliDateEdit, type_text, text: str) -> None:
    line = edit.lineEdit()
    line.clear()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # finishes editing, like leaving the field


def test_an_impossible_date_is_refused_with_the_reason(qtbot, edit, type_text):
    type_and_leave(qtbot, edit, type_text, "۱۴۰۴/۱۲/۳۰")
    assert edit.date() is None
    assert edit.error() == "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."
    assert edit.text() == "۱۴۰۴/۱۲/۳۰"  # the input is kept for correcting


def test_the_last_day_of_a_leap_year_is_accepted(qtbot, edit, type_text):
    type_and_leave(qtbot, edit, type_text, "۱۴۰۳/۱۲/۳۰")
    assert edit.date() == dt.date(2025, 3, 20)
    assert edit.error() == ""


@pytest.mark.parametrize("typed", ["1403-2-7", "١٤٠٣/٠٢/٠٧", "۱۴۰۳/۲/۷"])
def test_any_digits_and_separators_are_accepted_and_shown_in_persian(qtbot, edit, type_text, typed):
    type_and_leave(qtbot, edit, type_text, typed)
    assert edit.date() == dt.date(2024, 4, 26)
    assert edit.text() == "۱۴۰۳/۰۲/۰۷"


def test_the_error_goes_away_as_soon_as_the_date_is_fixed(qtbot, edit, type_text):
    type_and_leave(qtbot, edit, type_text, "۱۴۰۳/۱۳/۰۱")
    assert "ماه ۱۳ وجود ندارد" in edit.error()
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(edit.lineEdit(), Qt.Key.Key_Backspace)
    type_text(edit.lineEdit(), "۱۲/۰۱")
    assert edit.error() == ""
    assert edit.date() == dt.date(2025, 2, 19)


def test_set_date_and_the_date_changed_signal(qtbot, edit):
    with qtbot.waitSignal(edit.dateChanged) as signal:
        edit.setDate(dt.date(2024, 5, 16))
    assert signal.args == [dt.date(2024, 5, 16)]
    assert edit.text() == "۱۴۰۳/۰۲/۲۷"
    with qtbot.waitSignal(edit.dateChanged) as signal:
        edit.setDate(None)
    assert signal.args == [None]
    assert edit.text() == ""


def test_the_calendar_is_jalali_persian_right_to_left_and_starts_on_saturday(persian_app):
    calendar = jalali_calendar_widget()
    assert calendar.calendar().name() == QCalendar(QCalendar.System.Jalali).name() == "Jalali"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    assert calendar.locale().language() == QLocale.Language.Persian
    assert calendar.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    # 1405/09/03 is a Tuesday (سه‌شنبه) in the Jalali month of Azar.
    date = QDate(2026, 11, 24)
    assert (
        date.year(calendar.calendar()),
        date.month(calendar.calendar()),
        date.day(calendar.calendar()),
    ) == (1405, 9, 3)


def test_only_friday_is_coloured_as_the_weekend(persian_app):
    calendar = jalali_calendar_widget()
    colours = {
        day: calendar.weekdayTextFormat(day).foreground().color()
        for day in (
            Qt.DayOfWeek.Saturday,
            Qt.DayOfWeek.Sunday,
            Qt.DayOfWeek.Monday,
            Qt.DayOfWeek.Tuesday,
            Qt.DayOfWeek.Wednesday,
            Qt.DayOfWeek.Thursday,
            Qt.DayOfWeek.Friday,
        )
    }
    assert colours[Qt.DayOfWeek.Friday] == WEEKEND_COLOUR
    assert [day for day, colour in colours.items() if colour == WEEKEND_COLOUR] == [Qt.DayOfWeek.Friday]


def test_picking_a_day_in_the_popup_fills_the_field(qtbot, edit):
    edit.setDate(dt.date(2024, 5, 16))
    edit.open_calendar()
    popup = edit.calendar_popup()
    assert popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2024, 5, 16)
    assert popup.calendar.calendar().name() == "Jalali"
    with qtbot.waitSignal(edit.dateChanged):
        popup.calendar.clicked.emit(QDate(2024, 5, 20))  # a click on ۳۱ اردیبهشت
    assert not popup.isVisible()
    assert edit.date() == dt.date(2024, 5, 20)
    assert edit.text() == "۱۴۰۳/۰۲/۳۱"
