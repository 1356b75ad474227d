"""A status shown as a badge: the status's colour as text on a light tint of it.

A filled chip in the status's strong colour with white bold text looked like
the window's primary button («صورتجلسه نهایی» beside «چاپ»), and people
clicked it; outlined, a grey one still looked like a disabled button. A
badge is read, not pressed: the status in bold in its colour on a faint
tint, square-cornered, no border.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

TINT_ALPHA = 0.13


def show_status(label: QLabel, text: str, colour: QColor | str) -> None:
    """``label`` (object name ``statusChip``) shows ``text`` in ``colour``'s badge."""
    c = QColor(colour)
    rgb = f"{c.red()}, {c.green()}, {c.blue()}"
    label.setText(text)
    # The shape is in the style sheet (QLabel#statusChip); the colour is the status's own.
    label.setStyleSheet(f"color: {c.darker(115).name()}; background: rgba({rgb}, {TINT_ALPHA});")
