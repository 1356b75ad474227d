"""What an empty list says: a sentence, a hint of what to do, and the buttons that do it.

An ``EmptyState`` lies over the viewport of a table (or a chart) while it
has nothing to show. The header stays visible, so the columns still say what
the list will hold; the sentence says why it is empty and what to do about
it. Over an item view it follows the model by itself (a reset, rows added or
removed); over anything else the owner calls ``refresh``.

The message may depend on why the list is empty: a list with nothing yet
asks for the first record, one whose search or filters match nothing offers
to clear them. Give a function that returns the ``EmptyMessage`` for now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.rtl import rtl

TEXT_WIDTH = 520  # a sentence wider than this is hard to take in at a glance


@dataclass(frozen=True)
class EmptyAction:
    text: str
    run: Callable[[], object] = field(compare=False)
    key: str = ""  # names the action for a caller that reaches its button (tests, screenshots)


@dataclass(frozen=True)
class EmptyMessage:
    text: str
    hint: str = ""
    actions: tuple[EmptyAction, ...] = ()


MessageSource = EmptyMessage | Callable[[], EmptyMessage]


class EmptyState(QWidget):
    """Shown over ``area``'s viewport while ``is_empty()`` (by default: its model has no rows)."""

    def __init__(
        self,
        area: QAbstractScrollArea,
        message: MessageSource,
        *,
        is_empty: Callable[[], bool] | None = None,
    ):
        # A child of the area, not of its viewport: a viewport scrolls its children with it.
        super().__init__(area)
        self.setObjectName("emptyStateOverlay")
        self._area = area
        self._message = message
        self._shown: EmptyMessage | None = None
        self.buttons: dict[str, QPushButton] = {}

        self.text_label = QLabel()
        self.text_label.setObjectName("emptyStateText")
        self.hint_label = QLabel()
        self.hint_label.setObjectName("emptyStateHint")
        for label in (self.text_label, self.hint_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._button_row = QHBoxLayout()
        self._button_row.setSpacing(8)
        # The words in a column of their own, as wide as a sentence reads well and centred:
        # a wrapped label given an alignment in its layout would be measured at its one-line width.
        column = QWidget()
        column.setMaximumWidth(TEXT_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        words = QVBoxLayout(column)
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(6)
        words.addWidget(self.text_label)
        words.addWidget(self.hint_label)
        words.addSpacing(4)
        words.addLayout(self._button_row)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)  # a little above the middle, where the eye looks first

        if is_empty is None and isinstance(area, QAbstractItemView):
            model = area.model()
            self._is_empty: Callable[[], bool] = lambda: model.rowCount() == 0
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
                signal.connect(self.refresh)
        else:
            self._is_empty = is_empty or (lambda: True)
        area.viewport().installEventFilter(self)
        self.refresh()

    # -- public -------------------------------------------------------------------------------

    def set_message(self, message: MessageSource) -> None:
        self._message = message
        self.refresh()

    def refresh(self) -> None:
        """Show or hide as the list is empty or not, with the message for now."""
        empty = self._is_empty()
        if empty:
            message = self._message() if callable(self._message) else self._message
            if message != self._shown:
                self._show_message(message)
            self._place()
            self.raise_()
        self.setVisible(empty)

    def text(self) -> str:
        return self.text_label.text().removeprefix("\u200f")

    def hint(self) -> str:
        return self.hint_label.text().removeprefix("\u200f")

    # -- inside ---------------------------------------------------------------------------------

    def _show_message(self, message: EmptyMessage) -> None:
        self._shown = message
        self.text_label.setText(rtl(message.text))
        self.hint_label.setText(rtl(message.hint))
        self.hint_label.setVisible(bool(message.hint))
        while self._button_row.count():
            item = self._button_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone now, not when the event loop next deletes
                widget.deleteLater()
        self.buttons = {}
        self._button_row.addStretch(1)
        for number, action in enumerate(message.actions):
            button = QPushButton(action.text)
            button.setAutoDefault(False)  # in a dialog (a meeting's window) Enter belongs to its form
            if number == 0:
                button.setObjectName("primaryButton")  # the one thing to do next
            button.clicked.connect(lambda _checked=False, run=action.run: run())
            self._button_row.addWidget(button)
            self.buttons[action.key or action.text] = button
        self._button_row.addStretch(1)

    def _place(self) -> None:
        self.setGeometry(self._area.viewport().geometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and not self.isHidden():
            self._place()
        return False
