"""«بررسی سند چاپی»: does a printed minutes' code (or its QR text) match the records?

The code printed under finalized minutes («M1404-07-9F3A1C2B», typed with
any digits) or the text a QR scanner types into the field (``CSEC1:...``)
is checked by the core's ``verify_document``; its Persian verdict is shown
as it is, marked when the document does not match. Nothing is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError
from ui import strings
from ui.rtl import rtl

if TYPE_CHECKING:
    from secretariat.archive import DocumentCheck
    from secretariat.database import Database


class DocumentCheckDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentCheckDialog")
        self.setWindowTitle(strings.DOCUMENT_TITLE)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._database = database
        self.check_result: DocumentCheck | None = None
        intro = QLabel(rtl(strings.DOCUMENT_INTRO))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(strings.DOCUMENT_PLACEHOLDER)
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a code reads left to right
        self.code.returnPressed.connect(self.check)
        self.check_button = QPushButton(strings.DOCUMENT_CHECK)
        self.check_button.setObjectName("primaryButton")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(QLabel(strings.DOCUMENT_CODE))
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()
        buttons = QDialogButtonBox()
        buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def check(self) -> DocumentCheck | None:
        from secretariat.archive import verify_document

        text = self.code.text().strip()
        self.check_result = None
        if not text:
            self._show(strings.DOCUMENT_EMPTY, matches=False)
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = verify_document(self._database, text)
        except DomainError as error:
            self._show(error.message, matches=False)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.check_result = result
        self._show(result.message, matches=result.matches)
        return result

    def verdict_text(self) -> str:
        return self.verdict.text().lstrip("\u200f")

    def _show(self, text: str, *, matches: bool) -> None:
        self.verdict.setObjectName("dialogIntro" if matches else "note")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setText(rtl(text))
        self.verdict.show()
        self.adjustSize()
