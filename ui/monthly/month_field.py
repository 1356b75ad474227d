"""A Jalali month in a form: the month by name and the year in any digits («مهر» «۱۴۰۵»).

``text()`` is what the core reads («1405/7»); a year that is not one is refused
by the core, beside this field, with the month's own message.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import to_latin_digits, to_persian_digits
from ui import strings
from ui.widgets.inputs import choice_box, line_edit

YEAR_WIDTH = 90


class MonthField(QWidget):
    changed = Signal()  # the person chose another month or typed in the year

    def __init__(self, month: Month, parent: QWidget | None = None):
        super().__init__(parent)
        self.month_box = choice_box([(name, number) for number, name in enumerate(jalali.MONTHS, start=1)])
        self.month_box.setMaxVisibleItems(12)
        self.year = line_edit(strings.MONTHLY_YEAR_PLACEHOLDER, digits=True)
        self.year.setMaxLength(4)
        self.year.setFixedWidth(YEAR_WIDTH)
        self.year.setToolTip(strings.MONTHLY_YEAR_TIP)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.month_box, 1)
        layout.addWidget(self.year)
        self.setFocusProxy(self.month_box)
        self.set_month(month)
        self.month_box.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.year.textEdited.connect(lambda _text: self.changed.emit())

    def set_month(self, month: Month) -> None:
        self.month_box.setCurrentIndex(month.month - 1)
        self.year.setText(to_persian_digits(month.year))

    def text(self) -> str:
        """«1405/7», as ``Month.parse`` reads it."""
        return f"{to_latin_digits(self.year.text()).strip()}/{self.month_box.currentData()}"
