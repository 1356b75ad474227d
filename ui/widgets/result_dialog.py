"""What a long piece of work came to, in a dialog one can read at leisure.

A summary at the top (calm when all is well, marked when something needs
attention) and, when there is one, a list below it (an archive's changed
files, an import's notes) that scrolls and can be selected and copied. The
dialog is not modal: the person reads it, or leaves it open while working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import strings
from ui.rtl import LRI, PDI, RLM, right_to_left_box, rtl


class ResultDialog(QDialog):
    def __init__(
        self,
        title: str,
        summary: str,
        lines: Sequence[str] = (),
        *,
        warning: bool = False,
        list_caption: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("resultDialog")
        self.setWindowTitle(title)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel(rtl(summary))
        self.summary.setObjectName("note" if warning else "dialogIntro")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(list_caption)
        self.caption.setVisible(bool(lines and list_caption))
        # A QTextEdit, not a QPlainTextEdit: it sets each right-to-left line on the right.
        self.list = QTextEdit()
        right_to_left_box(self.list)
        self.list.setReadOnly(True)
        self.list.setPlainText("\n".join(rtl(line) for line in lines))
        self.list.setVisible(bool(lines))
        self.list.setMinimumHeight(200)
        self.buttons = QDialogButtonBox()
        close = self.buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        if not lines:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def lines(self) -> list[str]:
        """The list's lines as read (without the direction marks that keep them in order)."""
        marks = str.maketrans("", "", RLM + LRI + PDI)
        return [line.translate(marks) for line in self.list.toPlainText().splitlines()]

    def add_button(self, text: str, slot: Callable[..., object]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button


def show_result(
    parent: QWidget | None,
    title: str,
    summary: str,
    lines: Sequence[str] = (),
    *,
    warning: bool = False,
    list_caption: str = "",
) -> ResultDialog:
    dialog = ResultDialog(title, summary, lines, warning=warning, list_caption=list_caption, parent=parent)
    dialog.show()
    dialog.adjustSize()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
