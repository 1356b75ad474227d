"""A dialog around an ``ErrorForm``: it closes only once the save succeeded.

Keyboard: Enter saves (the save button is the default), except in a
multi-line text box, where it starts a new line. Escape, the close button and
«انصراف» close the dialog at once if nothing was changed, and otherwise ask
whether to discard the changes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import strings
from ui.rtl import rtl
from ui.widgets.error_form import ErrorForm
from ui.widgets.unsaved_changes import ChangeGuard, GuardedDialog


class FormDialog(GuardedDialog):
    """Subclasses add fields to ``self.form`` and implement ``save``.

    ``check`` is the form's own validation (usually the core's ``validate``);
    ``save`` calls a service and returns what it saved, kept in ``saved``.
    A ``ValidationError`` or ``DomainError`` from either keeps the dialog open
    with the input intact and the messages beside the fields.
    """

    def __init__(self, title: str, parent: QWidget | None = None, *, save_text: str = strings.SAVE):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.saved: object = None
        self._intro = QLabel()
        self._intro.setObjectName("dialogIntro")
        self._intro.setWordWrap(True)
        self._intro.hide()
        self.form = ErrorForm()
        self.form.set_validator(self.check)
        self.form.errors_shown.connect(self._fit_height)
        self._buttons = QDialogButtonBox()
        self._save_button = self._buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self._save_button.setDefault(True)
        self._buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self._intro)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)
        self.changes = ChangeGuard(self)
        self._height_without_errors = 0

    def set_intro(self, text: str) -> None:
        self._intro.setText(rtl(text))
        self._intro.setVisible(bool(text))

    def save_button(self) -> QPushButton:
        return self._save_button

    def check(self) -> Mapping[str, str]:
        return {}

    def save(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        if self.form.submit(self._save):
            super().accept()

    def may_discard(self) -> bool:
        return self.changes.may_close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Filled in by now (a record to edit, a date to propose): that is "unchanged".
        if not self.changes.remembered():
            self.changes.remember()

    def _save(self) -> None:
        self.saved = self.save()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.form.errors():
            self._height_without_errors = self.height()

    def _fit_height(self) -> None:
        """Once the messages are gone, back to the height the dialog had without them.

        Each field keeps a line for its message, so a short message moves
        nothing; a long one that wraps, or one about the whole form, may make
        the dialog taller (at the bottom), and it must not stay so with empty
        space in it once the messages are gone.
        """
        if self.form.errors() or self.height() <= self._height_without_errors:
            return
        # The minimum height without the messages: the form's layout first, then the dialog's.
        for layout in (self.form.layout(), self.layout()):
            if layout is not None:
                layout.activate()
        self.resize(self.width(), max(self._height_without_errors, self.minimumSizeHint().height()))
