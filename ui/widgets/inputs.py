"""Small factories for the input widgets the forms share, and the keys they share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ui.rtl import align_right, persian_digits_as_typed, right_to_left_box


def line_edit(placeholder: str = "", *, latin: bool = False, digits: bool = False) -> QLineEdit:
    """A one-line field; ``digits`` for a number, time or phone (Persian digits as typed)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    if digits:
        persian_digits_as_typed(edit)
    if latin:
        # E-mail and web addresses read left to right, as typed.
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    else:
        align_right(edit)
    return edit


def text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    right_to_left_box(box)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


def choice_box(items: Sequence[tuple[str, object]], *, current: object = None) -> QComboBox:
    """A combo of (label, value) pairs; ``currentData()`` is the value."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def fill_years(combo: QComboBox, years: list[int], all_label: str) -> None:
    """«all» then each Jalali year; the chosen year stays chosen if it is still there; no signals."""
    from secretariat.persian.text import to_persian_digits
    from ui import strings

    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    for year in years:
        combo.addItem(strings.YEAR_ITEM.format(year=to_persian_digits(year)), year)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def opens_list(event: QEvent) -> bool:
    """Is ``event`` a press of F4 or Alt+Down, the keys that open a combo box's list?"""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down and alt)
