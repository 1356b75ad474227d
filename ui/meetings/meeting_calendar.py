"""The Jalali month grid with the meetings written into their days.

Qt draws the Jalali month (``QCalendar.System.Jalali``, Saturday first); this
widget paints each day itself: the day's number in the corner (Friday in the
weekend colour, today in a filled circle), and under it one coloured line
per meeting, «۱۰:۰۰ هفتمین جلسه», in its status colour.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from PySide6.QtCore import QDate, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView, QWidget

from secretariat.clock import format_time
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import MeetingRow
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.meetings.meeting_format import place, status_colour
from ui.widgets.jalali_calendar import WEEKEND_COLOUR, configure_jalali_calendar, from_qdate, to_qdate

TODAY_COLOUR = QColor("#1f6f8b")
SELECTED_BACKGROUND = QColor("#e3f0f5")
_RIGHT = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OTHER_MONTH_COLOUR = QColor("#b5bec7")
GRID_COLOUR = QColor("#e4e8ec")
CANCELLED_TEXT = QColor("#6b7785")


def meeting_line(row: MeetingRow) -> str:
    """«هفتمین جلسه، ۱۰:۰۰»: the day's cell shows what fits, the title first."""
    time = format_time(row.start_time)
    return f"{row.title}{strings.LIST_SEPARATOR}{time}" if time else row.title


class MeetingCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        configure_jalali_calendar(self)
        self.setObjectName("meetingCalendar")
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.LongDayNames)
        self._by_day: dict[dt.date, list[MeetingRow]] = {}
        self._fix_header_row()

    def _fix_header_row(self) -> None:
        # Qt stretches the weekday names' row as tall as a week's: keep it one line high.
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        if view is None:
            return
        rows = view.verticalHeader()
        rows.setMinimumSectionSize(view.fontMetrics().height() + 12)
        rows.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        rows.resizeSection(0, view.fontMetrics().height() + 14)

    # -- the meetings -------------------------------------------------------------

    def set_meetings(self, rows: list[MeetingRow]) -> None:
        by_day: dict[dt.date, list[MeetingRow]] = defaultdict(list)
        for row in rows:
            by_day[row.date].append(row)
        self._by_day = dict(by_day)
        # The model's tooltip for a day is its text format's tooltip.
        self.setDateTextFormat(QDate(), QTextCharFormat())
        for day, meetings in self._by_day.items():
            tip = QTextCharFormat()
            tip.setToolTip(
                "\n".join(
                    strings.LIST_SEPARATOR.join(
                        part
                        for part in (meeting_line(m), place(m.host_agency_name, m.venue), m.status_label)
                        if part
                    )
                    for m in meetings
                )
            )
            self.setDateTextFormat(to_qdate(day), tip)
        self.updateCells()

    def meetings_on(self, day: dt.date) -> list[MeetingRow]:
        return list(self._by_day.get(day, ()))

    def shown_month(self) -> tuple[int, int]:
        """The Jalali (year, month) on the page."""
        return self.yearShown(), self.monthShown()

    # -- painting ---------------------------------------------------------------------

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = from_qdate(date)
        calendar = self.calendar()
        in_month = date.month(calendar) == self.monthShown()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = (
            SELECTED_BACKGROUND
            if date == self.selectedDate()
            else self.palette().color(QPalette.ColorRole.Base)
        )
        painter.fillRect(rect, background)
        painter.setPen(GRID_COLOUR)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        number = to_persian_digits(date.day(calendar))
        size = metrics.height() + 4
        # The day's number in the cell's leading (right) corner.
        circle = QRect(rect.right() - size - 4, rect.top() + 4, size, size)
        if date == QDate.currentDate():
            painter.setBrush(TODAY_COLOUR)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(circle)
            painter.setPen(QColor("white"))
        elif not in_month:
            painter.setPen(OTHER_MONTH_COLOUR)
        elif date.dayOfWeek() == Qt.DayOfWeek.Friday.value:
            painter.setPen(WEEKEND_COLOUR)
        else:
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, number)

        meetings = self._by_day.get(day, []) if in_month else []
        if meetings:
            self._paint_meetings(painter, rect, circle.bottom() + 4, meetings)
        painter.restore()

    def _paint_meetings(self, painter: QPainter, rect: QRect, top: int, meetings: list[MeetingRow]) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        metrics = QFontMetrics(font)
        text_height = metrics.height()
        room = max(0, (rect.bottom() - 3 - top) // (text_height + 4))  # one-line entries that fit
        shown = meetings if len(meetings) <= room else meetings[: max(0, room - 1)]
        # A day with one meeting gives it two lines, so that its whole title shows.
        lines = 2 if len(shown) == 1 and room >= 2 else 1
        y = float(top)
        for meeting in shown:
            box = QRectF(rect.left() + 3, y, rect.width() - 6, lines * text_height + 2)
            y += box.height() + 2
            colour = QColor(status_colour(meeting))
            tint = QColor(colour)
            tint.setAlpha(40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            painter.drawRoundedRect(box, 3, 3)
            painter.setBrush(colour)
            painter.drawRect(QRectF(box.right() - 3, box.top(), 3, box.height()))
            font.setStrikeOut(meeting.status is MeetingStatus.CANCELLED)
            painter.setFont(font)
            painter.setPen(CANCELLED_TEXT if font.strikeOut() else colour.darker(130))
            width = int(box.width() - 11)
            for number, text in enumerate(_wrapped(metrics, meeting_line(meeting), width, lines)):
                row = QRectF(box.left() + 4, box.top() + 1 + number * text_height, width, text_height)
                painter.drawText(row, _RIGHT, text)
        hidden = len(meetings) - len(shown)
        if hidden > 0:
            font.setStrikeOut(False)
            painter.setFont(font)
            painter.setPen(CANCELLED_TEXT)
            more = QRectF(rect.left() + 3, y, rect.width() - 8, text_height + 2)
            painter.drawText(more, _RIGHT, strings.CALENDAR_MORE.format(count=to_persian_digits(hidden)))


def _wrapped(metrics: QFontMetrics, text: str, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width``, broken between words; the last elided."""
    result: list[str] = []
    words = text.split(" ")
    while words and len(result) < lines - 1:
        taken = 1
        while taken < len(words) and metrics.horizontalAdvance(" ".join(words[: taken + 1])) <= width:
            taken += 1
        result.append(" ".join(words[:taken]))
        words = words[taken:]
    if words:
        result.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return result
