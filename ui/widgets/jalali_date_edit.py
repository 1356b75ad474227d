"""A Jalali date field: typed with any digits, or picked from a calendar.

People type ۱۴۰۳/۲/۲۷, 1403-02-27 or ١٤٠٣/٠٢/٢٧; when the field loses focus
the date is rewritten as ۱۴۰۳/۰۲/۲۷. An impossible date (۱۴۰۴/۱۲/۳۰) is
refused inline with the core's message saying what is wrong. The button (or
Alt+Down) opens Qt's Jalali month calendar.

The placeholder is a sample date near today, on the side of today the field's
dates lie (a deadline ahead, a join date behind): a fixed sample from another
year reads as the year to type.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.persian import jalali
from ui import resources, strings
from ui.rtl import align_right, persian_digits_as_typed
from ui.widgets.field_error import FieldError
from ui.widgets.jalali_calendar import from_qdate, jalali_calendar_widget, to_qdate


class DateSide(Enum):
    """Which side of today a field's dates lie on, for its sample date."""

    PAST = -1  # a date that has been: joining, a decree issued, the start of a period
    TODAY = 0  # mostly today: a follow-up, a role's end
    FUTURE = 1  # a date to come: a deadline, a meeting, a term's end


SAMPLE_DISTANCE = dt.timedelta(days=30)


def sample_placeholder(side: DateSide) -> str:
    """«مثلاً ۱۴۰۵/۰۹/۲۰»: a date a month from today on ``side`` (today itself for TODAY)."""
    return strings.EXAMPLE_DATE.format(date=jalali.format_short(clock.today() + side.value * SAMPLE_DISTANCE))


class JalaliDateEdit(QWidget):
    """API: ``text()`` as typed, ``date()`` (``datetime.date`` or None),
    ``setDate(date | None)``, ``dateChanged(object)`` and ``textEdited(str)``.

    ``placeholder`` replaces the sample date (a filter's «از تاریخ»).
    """

    dateChanged = Signal(object)
    textEdited = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        side: DateSide = DateSide.TODAY,
        placeholder: str | None = None,
    ):
        super().__init__(parent)
        self._date: dt.date | None = None
        self._parse_error = ""
        self._external_error = ""
        self._popup: _CalendarPopup | None = None

        self._line = persian_digits_as_typed(align_right(QLineEdit()))
        self._line.setPlaceholderText(placeholder if placeholder is not None else sample_placeholder(side))
        self._line.setMaxLength(20)
        self._button = QToolButton()
        self._button.setObjectName("calendarButton")
        self._button.setIcon(resources.icon("calendar"))
        self._button.setToolTip(strings.PICK_FROM_CALENDAR)
        self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button.clicked.connect(self.open_calendar)
        open_action = QAction(self._line)
        open_action.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_calendar)
        self._line.addAction(open_action)
        self._error = FieldError()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self._line, 1)
        row.addWidget(self._button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self._error)
        self.setFocusProxy(self._line)

        self._line.textEdited.connect(self._on_text_edited)
        self._line.editingFinished.connect(self._on_editing_finished)

    # -- value ----------------------------------------------------------------

    def text(self) -> str:
        return self._line.text()

    def setText(self, text: str) -> None:
        self._line.setText(text)
        self._reparse(show_error=bool(self._parse_error))

    def date(self) -> dt.date | None:
        return self._date

    def setDate(self, value: dt.date | None) -> None:
        self._line.setText(jalali.format_short(value))
        self._parse_error = ""
        self._external_error = ""
        self._refresh_error()
        self._set_date(value)

    def lineEdit(self) -> QLineEdit:
        return self._line

    # -- errors (also used by ErrorForm) ------------------------------------------

    def error(self) -> str:
        return self._error.message()

    def set_error(self, message: str) -> None:
        """A message from the form (e.g. "not in the future"), shown under the field."""
        self._external_error = message
        self._refresh_error()

    def keep_error_line(self) -> None:
        """In a form: hold the message's line even while empty, so that no field moves."""
        self._error.keep_line()

    # -- the calendar ---------------------------------------------------------------

    def calendar_popup(self) -> _CalendarPopup:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._on_picked)
        return self._popup

    def open_calendar(self) -> None:
        popup = self.calendar_popup()
        popup.show_below(self._line, self._date or clock.today())

    # -- internals --------------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        self._external_error = ""
        # While an error is shown it follows the typing, so it goes once fixed;
        # a new error waits until the person leaves the field.
        self._reparse(show_error=bool(self._parse_error))
        self.textEdited.emit(text)

    def _on_editing_finished(self) -> None:
        self._reparse(show_error=True)
        if self._date is not None:
            self._line.setText(jalali.format_short(self._date))

    def _reparse(self, *, show_error: bool) -> None:
        try:
            value = jalali.parse_optional(self._line.text())
            message = ""
        except jalali.JalaliDateError as error:
            value, message = None, str(error)
        self._parse_error = message if show_error else ""
        self._refresh_error()
        self._set_date(value)

    def _set_date(self, value: dt.date | None) -> None:
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def _refresh_error(self) -> None:
        message = self._parse_error or self._external_error
        self._error.show_message(message)
        self._line.setProperty("invalid", bool(message))
        self._line.style().unpolish(self._line)
        self._line.style().polish(self._line)

    def _on_picked(self, value: dt.date) -> None:
        self.setDate(value)
        self._line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.textEdited.emit(self._line.text())


class _CalendarPopup(QFrame):
    """The month calendar in a popup under the field."""

    picked = Signal(object)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar: QCalendarWidget = jalali_calendar_widget()
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        self.resize(330, 260)

    def show_below(self, anchor: QWidget, selected: dt.date) -> None:
        self.calendar.setSelectedDate(to_qdate(selected))
        size = self.sizeHint().expandedTo(self.size())
        # Right-to-left: the popup's right edge lines up with the field's.
        bottom_right = anchor.mapToGlobal(QPoint(anchor.width(), anchor.height()))
        self.move(bottom_right.x() - size.width(), bottom_right.y() + 2)
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, value: QDate) -> None:
        self.hide()
        self.picked.emit(from_qdate(value))
