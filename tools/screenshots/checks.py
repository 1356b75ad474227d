"""What every screenshot is checked for: each window whole on the screen, and Persian
fields lined up on the right.

A picture can look right while a window is taller than a 1366×768 laptop
(the rest off screen) or a field starts its text at the left edge once a
user types a number first; these are measured on the widgets themselves, for
every window open when a step's picture is taken.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.widgets.screen_fit import FRAME_HEIGHT, FRAME_WIDTH

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


def problems_on_screen() -> list[str]:
    """What is wrong with the windows shown now, one line each (none when all is well)."""
    problems: list[str] = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window.isWindow() and not _is_popup(window):
            problems += _too_large(window)
            problems += _left_aligned_fields(window)
    return problems


def _is_popup(window: QWidget) -> bool:
    # Menus, tooltips and combo lists are placed by Qt inside the screen.
    return bool(window.windowType() & (Qt.WindowType.Popup | Qt.WindowType.ToolTip) == Qt.WindowType.Popup)


def _name(widget: QWidget) -> str:
    title = widget.window().windowTitle()
    return f"{type(widget.window()).__name__} «{title}»"


def _too_large(window: QWidget) -> list[str]:
    screen = window.screen() or QApplication.primaryScreen()
    room = screen.availableGeometry()
    width, height = window.width(), window.height()
    if width <= room.width() - FRAME_WIDTH and height <= room.height() - FRAME_HEIGHT:
        return []
    return [
        f"{_name(window)} is {width}×{height}: larger than the {room.width()}×{room.height()} screen "
        f"less its frame ({FRAME_WIDTH}×{FRAME_HEIGHT})"
    ]


def _left_aligned_fields(window: QWidget) -> list[str]:
    problems = []
    for edit in window.findChildren(QLineEdit):
        if not edit.isVisibleTo(window) or edit.layoutDirection() == Qt.LayoutDirection.LeftToRight:
            continue  # e-mail and web addresses read left to right on purpose
        alignment = edit.alignment()
        if not (alignment & Qt.AlignmentFlag.AlignHCenter or alignment & _RIGHT == _RIGHT):
            problems.append(f"{_name(window)}: a field ({_field_name(edit)}) lines its text up on the left")
    boxes: list[QPlainTextEdit | QTextEdit] = [
        *window.findChildren(QPlainTextEdit),
        *window.findChildren(QTextEdit),
    ]
    for box in boxes:
        if not box.isVisibleTo(window):
            continue
        option = box.document().defaultTextOption()
        if option.alignment() & _RIGHT != _RIGHT or option.textDirection() != Qt.LayoutDirection.RightToLeft:
            problems.append(f"{_name(window)}: a text box ({_field_name(box)}) lines Persian up on the left")
    return problems


def _field_name(widget: QWidget) -> str:
    hint = widget.placeholderText() if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) else ""
    parent = widget.parentWidget()
    owner = type(parent).__name__ if parent is not None else ""
    return f"{type(widget).__name__} in {owner}" + (f", «{hint}»" if hint else "")
