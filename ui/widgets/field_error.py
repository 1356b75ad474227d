"""The red Persian message shown under a form field that needs fixing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.rtl import RLM, rtl


class FieldError(QLabel):
    """An inline error label; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(rtl(message))
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text().removeprefix(RLM)
