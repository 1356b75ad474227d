"""A search field that filters as one types, after a short pause."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ui import resources
from ui.rtl import align_right

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """``searchChanged(text)`` fires once typing pauses; Escape clears."""

    searchChanged = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        align_right(self)
        self.addAction(resources.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(lambda _text: self._timer.start())

    def flush(self) -> None:
        """Report the text now (pending typing included)."""
        self._timer.stop()
        self.searchChanged.emit(self.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        super().keyPressEvent(event)
