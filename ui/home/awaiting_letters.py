"""The home page's line of letters awaiting an answer: «نامه‌های بی‌پاسخ بیش از ۱۴ روز: ۳».

Shown only while there are some: a zero is good news, as the overdue card
says it by staying quiet, and a council that sends no letters through the
app would otherwise carry a line that never means anything. A click (or
Enter, Space) asks for the letter register on exactly those letters
(``clicked``; the home page turns it into ``show_letters``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from secretariat.persian.text import format_int
from ui.letters import wording
from ui.rtl import rtl


class AwaitingLettersLine(QFrame):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lettersLine")
        self.setToolTip(wording.AWAITING_LINE_TIP)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.text = QLabel()
        self.text.setObjectName("lettersText")
        self.link = QLabel(wording.AWAITING_LINE_OPEN)
        self.link.setObjectName("lettersLink")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.text)
        layout.addStretch(1)
        layout.addWidget(self.link)
        self.hide()

    def show_count(self, count: int, days: int) -> None:
        self.text.setText(rtl(wording.AWAITING_LINE.format(days=format_int(days), count=format_int(count))))
        self.setVisible(count > 0)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
