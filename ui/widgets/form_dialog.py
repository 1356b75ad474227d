"""A dialog around an ``ErrorForm``: it closes only once the save succeeded.

Keyboard: Enter saves (the save button is the default), except in a
multi-line text box, where it starts a new line. Escape, the close button and
«انصراف» close the dialog at once if nothing was changed, and otherwise ask
whether to discard the changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import ConflictError
from ui import strings
from ui.rtl import rtl
from ui.widgets.error_form import ErrorForm
from ui.widgets.screen_fit import FRAME_HEIGHT
from ui.widgets.unsaved_changes import ChangeGuard, GuardedDialog

# The least height of a form's fields when the screen is short: the rest scrolls.
LEAST_FORM_HEIGHT = 160


class FormScroll(QScrollArea):
    """The form's fields, scrolling only when the screen is too short for them all.

    It asks for the whole form's size, so on a screen with room the dialog
    shows every field and no scroll bar; on a 1366×768 laptop a long form
    (a resolution: its text, agencies, deadline) keeps its buttons on the
    screen and its fields scroll.
    """

    def __init__(self, form: QWidget, on_grown: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._on_grown = on_grown
        self.setObjectName("tabScroll")
        form.setObjectName(form.objectName() or "tabScrollContent")
        self.setWidget(form)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The form grew (a message shown): the dialog's layout must ask this area again.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            # Once the form has laid itself out again (fields shown, a notice added).
            QTimer.singleShot(0, self, self._on_grown)  # not once the dialog is gone
        return super().eventFilter(watched, event)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:
        form = self.widget()
        if form is None:
            return super().sizeHint()
        hint = form.sizeHint()
        # A message that wraps makes the form taller at the width it has.
        width = self.viewport().width() if self.isVisible() else hint.width()
        if form.hasHeightForWidth():
            hint.setHeight(max(hint.height(), form.heightForWidth(width)))
        return hint

    def minimumSizeHint(self) -> QSize:
        form = self.widget()
        if form is None:
            return super().minimumSizeHint()
        least = form.minimumSizeHint()
        return QSize(least.width() + self._bar(), min(least.height(), LEAST_FORM_HEIGHT))


class FormDialog(GuardedDialog):
    """Subclasses add fields to ``self.form`` and implement ``save``.

    ``check`` is the form's own validation (usually the core's ``validate``);
    ``save`` calls a service and returns what it saved, kept in ``saved``.
    A ``ValidationError`` or ``DomainError`` from either keeps the dialog open
    with the input intact and the messages beside the fields. A
    ``ConflictError`` (another desk saved the record since the form read it)
    keeps it open too, with its message, after ``reload`` has shown the newer
    record: what was typed is never saved over another desk's work.
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
        self._scroll = FormScroll(self.form, self._grow)
        layout.addWidget(self._scroll, 1)
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

    def reload(self) -> None:
        """Read the record this form edits again and show it (another desk saved it since the form
        read it); a form that shows no record's values has nothing to do."""

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
            self._fit_screen()

    def _grow(self) -> None:
        """The form grew while shown (a part revealed, a notice): taller, where the screen has room."""
        if (
            self.isVisible()
            and self.changes.remembered()
            and self._scroll.sizeHint().height() > self._scroll.height()
        ):
            self._fit_screen()

    def _fit_screen(self) -> None:
        """As tall as the whole form, or as the screen has room for (the fields then scroll).

        Qt opens a dialog at most two thirds of the screen tall, which cut a
        long form on a 768-pixel screen although it would have fitted.
        """
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry().height() - FRAME_HEIGHT
        height = min(max(self.sizeHint().height(), self.height()), room)
        if height != self.height():
            self.resize(self.width(), height)

    def _save(self) -> None:
        try:
            self.saved = self.save()
        except ConflictError:
            self.reload()
            raise  # its message shows as the form's other refusals do

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
        if self.form.errors() or self.form.general_error():
            form_layout = self.form.layout()
            if form_layout is not None:
                form_layout.activate()
            self._scroll.updateGeometry()  # now, not when the form's layout request is handled
            self._fit_screen()  # taller by the messages, where the screen has room: no scroll bar
            return
        if self.height() <= self._height_without_errors:
            return
        # The minimum height without the messages: the form's layout first, then the dialog's.
        for layout in (self.form.layout(), self.layout()):
            if layout is not None:
                layout.activate()
        self.resize(self.width(), max(self._height_without_errors, self.minimumSizeHint().height()))
