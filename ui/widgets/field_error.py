"""The red Persian message shown under a form field that needs fixing."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.rtl import RLM, rtl

_LINE_BOX = QRect(0, 0, 1000, 1000)


class FieldError(QLabel):
    """An inline error label; hidden while there is nothing to say.

    In a form its line is kept (``keep_line``): the label stays, empty, one line
    high, so a message appearing or going moves no field. A person aims at a
    field and clicks; if the field had moved down by a message above it, the
    click (and the typing after it) landed in the next field.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._keeps_line = False
        self.hide()

    def keep_line(self) -> None:
        """Hold one line for a message from now on, shown or not."""
        self._keeps_line = True
        self.show()

    def keeps_line(self) -> bool:
        return self._keeps_line

    def show_message(self, message: str) -> None:
        self.setText(rtl(message) if message else "")
        self.setVisible(self._keeps_line or bool(message))

    def message(self) -> str:
        return self.text().removeprefix(RLM)

    # An empty label would measure no line at all: a kept line is one line high,
    # and a message too long for it still wraps onto more. A wrapping label asks
    # for the shape it finds pleasing (two short lines) rather than the width it
    # has, and layouts honour that over its height for a width: a kept line asks
    # instead for its height at the width it was given, so a message that fits on
    # the line takes just that line.

    def hasHeightForWidth(self) -> bool:
        return not self._keeps_line and super().hasHeightForWidth()

    def sizeHint(self) -> QSize:
        return self._fitted(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._fitted(super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._keeps_line and event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def _fitted(self, size: QSize) -> QSize:
        if not self._keeps_line:
            return size
        margins = self.contentsMargins()
        # Measured as the label measures a line of text (a pixel over the font's line spacing).
        line = self.fontMetrics().boundingRect(_LINE_BOX, Qt.TextFlag.TextWordWrap, "ا").height()
        line += margins.top() + margins.bottom()
        height = super().heightForWidth(self.width()) if self.text() else line
        return QSize(size.width(), max(height, line))
