"""What is left of a text field, read from the core's table of limits.

The limits live in the core (``secretariat.text_input.FIELD_LIMITS``) under
the form's name and the field's key; a form here only shows them. A line
edit gets a hard cap (``setMaxLength``); a multi-line box gets a counter
(«۲٬۸۰۰ از ۳٬۰۰۰») that turns to the error colour past the limit, so that
a long paste is seen at once and refused by the core, never cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from secretariat import text_input
from secretariat.persian.text import format_int
from ui import strings


class LengthCounter(QLabel):
    """«n از limit» for a multi-line box, counted as the core counts (after cleaning)."""

    def __init__(self, box: QPlainTextEdit, limit: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lengthCounter")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self._box = box
        self._limit = limit
        box.textChanged.connect(self.refresh)
        self.refresh()

    def length(self) -> int:
        return len(text_input.clean(self._box.toPlainText(), multiline=True))

    def over(self) -> bool:
        return self.length() > self._limit

    def refresh(self) -> None:
        self.setText(
            strings.LENGTH_COUNTER.format(length=format_int(self.length()), limit=format_int(self._limit))
        )
        over = self.over()
        if self.property("over") != over:
            self.setProperty("over", over)
            self.style().unpolish(self)
            self.style().polish(self)


def limit_field(widget: QWidget, form: str | type, key: str) -> LengthCounter | None:
    """Cap a line edit, or make a counter for a text box, if ``key`` has a limit on ``form``."""
    spec = text_input.limits_of(form).get(key)
    if spec is None:
        return None
    if isinstance(widget, QLineEdit):
        widget.setMaxLength(spec.limit)
        return None
    if isinstance(widget, QPlainTextEdit):
        return LengthCounter(widget, spec.limit)
    return None
