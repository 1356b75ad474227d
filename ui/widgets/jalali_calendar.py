"""Qt's month calendar set up as Persian offices read it.

Qt 6 draws the Jalali calendar itself (``QCalendar.System.Jalali``); this
module sets the Persian locale, right-to-left, Saturday as the first day and
Friday (not Qt's default Saturday and Sunday) as the weekend.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QToolButton, QWidget

from ui import resources

WEEKEND_COLOUR = QColor("#c0392b")
_WEEK = (
    Qt.DayOfWeek.Monday,
    Qt.DayOfWeek.Tuesday,
    Qt.DayOfWeek.Wednesday,
    Qt.DayOfWeek.Thursday,
    Qt.DayOfWeek.Friday,
    Qt.DayOfWeek.Saturday,
    Qt.DayOfWeek.Sunday,
)


def jalali_calendar_widget(parent: QWidget | None = None) -> QCalendarWidget:
    return configure_jalali_calendar(QCalendarWidget(parent))


def configure_jalali_calendar(calendar: QCalendarWidget) -> QCalendarWidget:
    """Set up ``calendar`` (or a subclass of it) as a Persian month."""
    calendar.setCalendar(QCalendar(QCalendar.System.Jalali))
    calendar.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    calendar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
    # Week numbers are ISO (Gregorian) weeks: meaningless beside a Jalali month.
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    # ش ی د س چ پ ج, as printed Persian calendars head their columns.
    calendar.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
    calendar.setGridVisible(False)
    workday = QTextCharFormat()
    workday.setForeground(calendar.palette().color(QPalette.ColorRole.Text))
    weekend = QTextCharFormat()
    weekend.setForeground(WEEKEND_COLOUR)
    for day in _WEEK:
        calendar.setWeekdayTextFormat(day, weekend if day == Qt.DayOfWeek.Friday else workday)
    _light_month_arrows(calendar)
    return calendar


def _light_month_arrows(calendar: QCalendarWidget) -> None:
    # Light arrows for the dark navigation bar; the previous month is on the
    # right in a right-to-left calendar, so its arrow points right.
    arrows = {"qt_calendar_prevmonth": "arrow-right-light", "qt_calendar_nextmonth": "arrow-left-light"}
    for name, icon_name in arrows.items():
        button = calendar.findChild(QToolButton, name)
        if button is not None:
            button.setIcon(resources.icon(icon_name))


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    # QDate's year(), month(), day() without a calendar are Gregorian.
    return dt.date(value.year(), value.month(), value.day())
