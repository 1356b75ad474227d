"""Keeping mixed Persian/Latin text right-to-left on screen.

Qt takes a paragraph's direction from its first strong letter, so a message
that begins with «pr@pardis» or a date in digits would be laid out left to
right and aligned to the left. A right-to-left mark in front, or absolute
right alignment for a field, keeps it reading as Persian.
"""

from __future__ import annotations

import re
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

RLM = "\u200f"


def rtl(text: str) -> str:
    """``text`` as a right-to-left paragraph (a no-op for empty text)."""
    return RLM + text if text and not text.startswith(RLM) else text


def align_right(edit: QLineEdit) -> QLineEdit:
    """Keep a Persian field's text on the right even when it holds only digits or Latin."""
    edit.setAlignment(
        Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    return edit


def right_to_left_box(box: QPlainTextEdit | QTextEdit) -> QPlainTextEdit | QTextEdit:
    """A multi-line box whose paragraphs read from the right, as its placeholder does.

    Qt's text document aligns every paragraph to the left by default, whatever
    the widget's direction, and takes each paragraph's direction from its first
    letter: a resolution typed in Persian sat at the left edge, and a line
    opening with «۲۵٪» or a code read left to right.
    """
    option = box.document().defaultTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    box.document().setDefaultTextOption(option)
    return box


LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
LRM = "\u200e"


def phone_text(text: str) -> str:
    """A phone or mobile number as the window shows it: Persian digits, kept left to right
    («۰۲۱-۷۶۲۴۰۰۰۰», not its groups swapped around the hyphen)."""
    from secretariat.persian.text import to_persian_digits

    digits = to_persian_digits(text)
    return digits if digits.isdigit() else ltr(digits)  # only a number with separators needs keeping whole


def ltr(text: str) -> str:
    """A path (or any left-to-right run) inside Persian text, kept whole and in its own order.

    Without the isolate, «/Documents/بایگانی-۱۴۰۵.zip» inside a Persian
    sentence is broken up by the bidi algorithm and its parts change places.
    """
    return f"{LRI}{text}{PDI}" if text else text


# Latin (0-9) and Arabic-Indic (٠-٩) digits, each to its Persian twin (۰-۹).
_TO_PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹" * 2)


class _PersianDigitKeys(QObject):
    """Hands the field a Persian digit for each digit key pressed.

    The key event is changed before the field sees it, so the field types the
    Persian digit itself: its undo history stays whole (a validator that
    rewrote the text would clear it) and the cursor moves as usual.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = cast(QKeyEvent, event)
        persian = key.text().translate(_TO_PERSIAN_DIGITS)
        if persian == key.text():
            return False
        QApplication.sendEvent(
            watched,
            QKeyEvent(key.type(), key.key(), key.modifiers(), persian, key.isAutoRepeat(), key.count()),
        )
        return True


def persian_digits_as_typed(edit: QLineEdit) -> QLineEdit:
    """A field for a number, a time or a phone that shows Persian digits whatever is typed.

    Typing with a Latin keyboard layout shows «۱۰:۳۰»; a value pasted or put
    in with ``setText`` is turned too. The core reads every digit script alike.
    """
    edit.installEventFilter(_PersianDigitKeys(edit))

    def turn(text: str) -> None:
        persian = text.translate(_TO_PERSIAN_DIGITS)
        if persian != text:
            position = edit.cursorPosition()
            edit.setText(persian)
            edit.setCursorPosition(position)

    edit.textChanged.connect(turn)
    return edit


# A separator between a digit and a digit or Latin letter: «۱۴۰۵-۰۹-۱۲.sqlite3».
_NUMBER_JOINT = re.compile(r"(?<=[0-9۰-۹])([-./_])(?=[0-9۰-۹A-Za-z])")


def isolated(text: str) -> str:
    """A file's name inside Persian text, kept whole and read in its own direction: a Persian
    name from the right («فهرست دستگاه‌ها.xlsx»), a Latin one from the left («list.xlsx»).

    Persian digits after Persian letters count as Arabic numbers to the bidi
    algorithm, and a hyphen does not join those: «پشتیبان-۱۴۰۵-۰۹-۱۲» showed
    its date backwards. A left-to-right mark on each side of such a joint
    keeps a date or a number with its extension in reading order.
    """
    if not text:
        return text
    joined = _NUMBER_JOINT.sub(lambda joint: LRM + joint.group(1) + LRM, text)
    return f"{FSI}{joined}{PDI}"
