"""A form whose fields show their errors inline, in Persian, under each field.

Every form of the app (agency, person, council, appointment, decree) is an
``ErrorForm``: fields are added under the keys the core uses in
``ValidationError.errors``, so a message from the core lands under the field
it is about. ``submit`` runs the form's own check, then the save; on error
the form keeps its input, shows the messages and, from then on, re-checks as
the person types so that each message goes away once it is fixed.

Each field keeps an empty line under it for its message, so a message that
appears or goes moves no field; a message about the whole form shows under
the last field, just above the button that was clicked, and moves none either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError, ValidationError
from ui.widgets.field_error import FieldError
from ui.widgets.text_limits import LengthCounter, limit_field

Validator = Callable[[], Mapping[str, str]]
W = TypeVar("W", bound=QWidget)
ROW_SPACING = 2  # pixels between one field's message line and the next field


@dataclass
class _Field:
    widget: QWidget
    row: QWidget  # what sits in the form's field column
    show_error: Callable[[str], None]
    error: Callable[[], str]
    message: FieldError | None = None  # the error label under the widget, if the form made it
    counter: LengthCounter | None = None


class ErrorForm(QWidget):
    """Labelled fields in a form layout, each with its inline error message."""

    edited = Signal(str)  # the key of the field the person changed
    errors_shown = Signal()  # the messages shown were set again (perhaps to none)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QFormLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        # The line kept for each field's message already parts one field from the next.
        self._layout.setVerticalSpacing(ROW_SPACING)
        self._general = FieldError()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(ROW_SPACING)
        outer.addLayout(self._layout)
        outer.addWidget(self._general)
        self._fields: dict[str, _Field] = {}
        self._validator: Validator | None = None
        self._server_errors: dict[str, str] = {}
        self._live = False

    # A form is never squeezed below the height it asks for: squeezed, its rows gave up
    # a few pixels each (a combo box first) and took them back when a message came, and
    # the fields moved. And a note that wraps (planning's warnings, a message about the
    # whole form) needs more lines the narrower the form: once laid out, the form asks
    # for its height at the width it has, or the note came out clipped.

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.hasHeightForWidth() and self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            preferred = self.heightForWidth(self.width())
        else:
            preferred = self.sizeHint().height()
        hint.setHeight(max(hint.height(), preferred))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    # -- building ----------------------------------------------------------

    def add_field(self, key: str, label: str, widget: W, *, changed: SignalInstance | None = None) -> W:
        """Add ``widget`` under ``label``; errors for ``key`` are shown under it.

        A widget with its own error display (``set_error``/``error``, like the
        Jalali date edit) shows the message itself.
        """
        row: QWidget
        label_widget: FieldError | None = None
        if hasattr(widget, "set_error") and hasattr(widget, "error"):
            row, show_error, error = widget, widget.set_error, widget.error
            if hasattr(widget, "keep_error_line"):
                widget.keep_error_line()
        else:
            row = QWidget()
            box = QVBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(0)
            box.addWidget(widget)
            label_widget = FieldError()
            if not isinstance(widget, QAbstractButton):
                # A tick box is on or off: the core speaks of the field it goes with.
                label_widget.keep_line()
            box.addWidget(label_widget)
            show_error, error = _marking(widget, label_widget.show_message), label_widget.message
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setObjectName("fieldLabel")
        # The caption stays beside the field's first line, not in the middle
        # of a field that has grown an error message or several lines.
        caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._layout.addRow(caption, row)
        self._fields[key] = _Field(widget, row, show_error, error, label_widget)
        signal = changed if changed is not None else _change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_: self._on_edited(key))
        return widget

    def add_row(self, widget: W) -> W:
        """A row across the whole form (a note, a choice of mode)."""
        self._layout.addRow(widget)
        return widget

    def limit_texts(self, form: str | type) -> None:
        """Hold the text fields to the core's limits for ``form`` (a Draft class, or its
        name in ``secretariat.text_input.FIELD_LIMITS``): a line edit is capped, a text
        box shows «n از limit» beside its error message."""
        for key, field in self._fields.items():
            if field.counter is not None or field.message is None:
                continue
            counter = limit_field(field.widget, form, key)
            if counter is None:
                continue
            box = field.row.layout()
            assert isinstance(box, QVBoxLayout)  # the row add_field built
            box.removeWidget(field.message)
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(field.message, 1)
            line.addWidget(counter, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(line)
            field.counter = counter

    def counter(self, key: str) -> LengthCounter | None:
        return self._fields[key].counter

    def set_validator(self, validator: Validator | None) -> None:
        """The form's own check (usually the core's ``validate``), run before saving."""
        self._validator = validator

    def set_field_visible(self, key: str, visible: bool) -> None:
        self._layout.setRowVisible(self._fields[key].row, visible)

    # -- reading -------------------------------------------------------------

    def keys(self) -> list[str]:
        """The fields' keys, in the order they were added (top to bottom)."""
        return list(self._fields)

    def widget(self, key: str) -> QWidget:
        return self._fields[key].widget

    def error(self, key: str) -> str:
        return self._fields[key].error()

    def general_error(self) -> str:
        return self._general.message()

    def errors(self) -> dict[str, str]:
        """The messages shown now, field by field (the form-wide one under "")."""
        shown = {key: field.error() for key, field in self._fields.items() if field.error()}
        if self._general.message():
            shown[""] = self._general.message()
        return shown

    # -- errors and saving -------------------------------------------------------

    def set_errors(self, errors: Mapping[str, str], *, general: str = "") -> None:
        """Show exactly these messages; a key with no field shows at the top."""
        for key, field in self._fields.items():
            field.show_error(errors.get(key, ""))
        stray = [message for key, message in errors.items() if key not in self._fields]
        self._general.show_message("\n".join([general, *stray]).strip())
        self.errors_shown.emit()

    def submit(self, save: Callable[[], object]) -> bool:
        """Check, then ``save()``; True if it saved, else the errors are shown."""
        errors = dict(self._validator()) if self._validator else {}
        general = ""
        if not errors:
            try:
                save()
            except ValidationError as error:
                self._server_errors = dict(error.errors)
                errors = dict(error.errors)
            except DomainError as error:
                general = error.message
            else:
                self._live = False
                self._server_errors = {}
                self.set_errors({})
                return True
        self._live = True
        self.set_errors(errors, general=general)
        self._focus_first_error(errors)
        return False

    def _on_edited(self, key: str) -> None:
        # A message from the save is about what was typed then: editing that
        # field withdraws it; the form's own check runs again as one types.
        self._server_errors.pop(key, None)
        if self._live:
            errors = dict(self._server_errors)
            if self._validator:
                errors.update(self._validator())
            self.set_errors(errors)
        self.edited.emit(key)

    def _focus_first_error(self, errors: Mapping[str, str]) -> None:
        for key, field in self._fields.items():
            if key in errors and field.row.isVisibleTo(self):
                field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return


def _marking(widget: QWidget, show_message: Callable[[str], None]) -> Callable[[str], None]:
    """``show_message``, and the field drawn as invalid while it has a message."""

    def show(message: str) -> None:
        show_message(message)
        if widget.property("invalid") != bool(message):
            widget.setProperty("invalid", bool(message))
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    return show


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal that means "the person changed this field"."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return getattr(widget, "textEdited", None)
