"""A dialog around an ``ErrorForm``: it closes only once the save succeeded."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import strings
from ui.rtl import rtl
from ui.widgets.error_form import ErrorForm


class FormDialog(QDialog):
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

    def _save(self) -> None:
        self.saved = self.save()
