"""Persian message boxes: one place, so wording and buttons stay alike.

Tests replace these functions to answer without a person at the keyboard;
a run without anyone watching (screenshots, the start-up probe) sets
``headless`` so that a message is written to stderr instead of waiting for a
click that never comes.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui import strings
from ui.rtl import rtl

headless = False
LONG_TEXT = 200  # characters
LONG_TEXT_WIDTH = 480  # pixels


def set_headless(value: bool) -> None:
    global headless
    headless = value


def confirm(parent: QWidget | None, text: str, *, yes: str = strings.YES, no: str = strings.NO) -> bool:
    if headless:
        sys.stderr.write(f"{text}\n")
        return False
    box = question_box(parent, text, yes=yes, no=no)
    box.exec()
    return box.clickedButton() is box.yes_button


def confirm_discard(parent: QWidget | None, text: str = strings.DISCARD_CHANGES) -> bool:
    """Closing over unsaved changes: True to discard them; «keep editing» is the default,
    so Enter or a second Escape goes back to the form."""
    return confirm(parent, text, yes=strings.DISCARD, no=strings.KEEP_EDITING)


class QuestionBox(QMessageBox):
    """A message box that keeps its «yes» button at hand."""

    yes_button: QPushButton


def question_box(
    parent: QWidget | None, text: str, *, yes: str = strings.YES, no: str = strings.NO
) -> QuestionBox:
    """The box ``confirm`` asks with, not yet shown: ``box.yes_button``, and «no» the default."""
    box = QuestionBox(QMessageBox.Icon.Question, strings.CONFIRM_TITLE, rtl(text), parent=parent)
    if len(text) > LONG_TEXT:
        # A question of several paragraphs (a restore) reads better wider than the box's default.
        box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {LONG_TEXT_WIDTH}px; }}")
    box.yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.NoRole))
    return box


def warn(parent: QWidget | None, text: str, *, title: str = strings.WARNING_TITLE) -> None:
    _show(parent, QMessageBox.Icon.Warning, title, text)


def error(parent: QWidget | None, text: str, *, title: str = strings.ERROR_TITLE, details: str = "") -> None:
    _show(parent, QMessageBox.Icon.Critical, title, text, details=details)


def _show(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *, details: str = ""
) -> None:
    if headless:
        sys.stderr.write(f"{title}: {text}\n")
        return
    box = QMessageBox(icon, title, rtl(text), parent=parent)
    box.addButton(strings.OK, QMessageBox.ButtonRole.AcceptRole)
    if details:
        box.setDetailedText(details)
    box.exec()
