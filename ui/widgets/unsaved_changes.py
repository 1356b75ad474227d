"""Whether a person changed what a form showed, and asking before it is thrown away.

A form remembers what it showed when it opened (``ChangeGuard.remember``);
closing it (Escape, the close button, «انصراف») over anything typed, chosen
or ticked since asks first. What counts is what the form holds, not what was
done: text typed and then erased again is no change.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui import messages


def entered_values(root: QWidget) -> list[object]:
    """What a person can change in ``root``, field by field, in the order of the widgets.

    A widget with ``entered_value()`` (a checklist, a file field) says what it
    holds; a filter box or a scroll position inside it is not part of the form.
    """
    values: list[object] = []
    for child in root.children():
        if not isinstance(child, QWidget) or child.isWindow() or isinstance(child, QDialogButtonBox):
            continue  # a calendar or completer popup, the dialog's own buttons
        entered_value = getattr(child, "entered_value", None)
        if callable(entered_value):
            values.append(entered_value())
        elif isinstance(child, QComboBox):
            values.append(child.currentText())  # its line edit, if editable, is the same text
        elif isinstance(child, QLineEdit | QAbstractSpinBox):
            values.append(child.text())
        elif isinstance(child, QPlainTextEdit | QTextEdit):
            values.append(child.toPlainText())
        elif isinstance(child, QAbstractButton):
            values.append(child.isChecked() if child.isCheckable() else None)
        else:
            values.extend(entered_values(child))
    return values


class ChangeGuard:
    """Remembers what ``form`` showed; ``may_close`` asks before discarding a change."""

    def __init__(self, form: QWidget):
        self._form = form
        self._shown: list[object] | None = None

    def remember(self) -> None:
        """What the form shows now is its unchanged state (on opening, after a save)."""
        self._shown = entered_values(self._form)

    def remembered(self) -> bool:
        return self._shown is not None

    def changed(self) -> bool:
        return self._shown is not None and entered_values(self._form) != self._shown

    def may_close(self) -> bool:
        """True at once with nothing changed; otherwise the person's answer to «discard?»."""
        return not self.changed() or messages.confirm_discard(self._form)


class GuardedDialog(QDialog):
    """A dialog that asks before Escape, «انصراف» or its close button discard changes.

    Subclasses say whether closing now may go ahead (``may_discard``, which
    asks the person when there is something to lose). A ``close()`` from the
    program (the app closing its windows, a test's clean-up) does not ask.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._closing_unasked = False

    def may_discard(self) -> bool:
        return True

    def reject(self) -> None:
        # Escape and «انصراف» come here; so does the close button, through closeEvent.
        if self._closing_unasked or self.may_discard():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The close button is a spontaneous close: it asks as Escape does.
        if event.spontaneous() and not self.may_discard():
            event.ignore()
            return
        self._closing_unasked = True
        try:
            super().closeEvent(event)  # rejects the dialog
        finally:
            self._closing_unasked = False
