"""The follow-up window's log tab: the entries, oldest first, and their documents.

An entry's document opens in the program the system uses for its kind (a
read-only copy in a temporary folder: the stored file stays as it was
added), or a copy is saved where the person chooses. Double-clicking a row
with a document opens it.
"""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpRecord, FollowUpService
from ui import desktop, messages, strings
from ui.resolutions.followup_models import FollowUpLogModel
from ui.widgets import file_choice
from ui.widgets.table_setup import configure_table, select_row


class FollowUpLogTab(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, followup: FollowUpService, parent: QWidget | None = None):
        super().__init__(parent)
        self._followup = followup
        self.model = FollowUpLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_double_click)
        self.open_button = QPushButton(strings.OPEN_DOCUMENT)
        self.save_button = QPushButton(strings.SAVE_DOCUMENT)
        self.open_button.clicked.connect(self.open_document)
        self.save_button.clicked.connect(self.save_document)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def set_records(self, records: tuple[FollowUpRecord, ...]) -> None:
        kept = self.selected_entry()
        self.model.set_records(records)
        row = self.model.row_of(kept.id) if kept is not None else None
        if row is not None:
            select_row(self.table, row)
        self._update_buttons()

    def selected_entry(self) -> FollowUpRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selected_document(self) -> FollowUpRecord | None:
        entry = self.selected_entry()
        return entry if entry is not None and entry.has_document else None

    def _update_buttons(self) -> None:
        has_document = self._selected_document() is not None
        self.open_button.setEnabled(has_document)
        self.save_button.setEnabled(has_document)

    def _on_double_click(self, index: QModelIndex) -> None:
        select_row(self.table, index.row())
        self.open_document()

    # -- actions ---------------------------------------------------------------------------

    def open_document(self) -> bool:
        entry = self._selected_document()
        if entry is None:
            return False
        # A folder of its own each time: the same name opened twice, or a copy
        # still held open by its viewer, never collide. Not removed afterwards:
        # the viewer may still be reading it; the system clears its temporary folder.
        folder = Path(tempfile.mkdtemp(prefix="secretariat-document-"))
        try:
            path = self._followup.export_document(entry.id, folder / Path(entry.document_name).name)
            path.chmod(stat.S_IRUSR)  # a copy to look at; changes belong in a new follow-up entry
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        except OSError as error:
            messages.warn(
                self, strings.COPY_FAILED.format(path=entry.document_name, reason=error.strerror or error)
            )
            return False
        if not desktop.open_in_default_app(path):
            messages.warn(self, strings.DOCUMENT_NOT_OPENED.format(name=entry.document_name))
            return False
        self.message.emit(strings.DOCUMENT_OPENED.format(name=entry.document_name))
        return True

    def save_document(self) -> bool:
        entry = self._selected_document()
        if entry is None:
            return False
        target = file_choice.save_file(self, strings.SAVE_DOCUMENT_TITLE, entry.document_name)
        if target is None:
            return False
        try:
            self._followup.export_document(entry.id, target)
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        except OSError as error:
            messages.warn(
                self, strings.COPY_FAILED.format(path=Path(target).name, reason=error.strerror or error)
            )
            return False
        self.message.emit(strings.COPY_SAVED.format(name=entry.document_name))
        return True
