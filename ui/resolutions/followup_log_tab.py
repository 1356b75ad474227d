"""The follow-up window's log tab: the entries, oldest first, and their documents.

An entry's document opens in the program the system uses for its kind (a
read-only copy in the session's private folder, under a safe name whose
extension comes from its content: the stored file stays as it was added),
or a copy is saved where the person chooses; a document that is not a PDF
or an image is only offered for saving. Double-clicking a row with a
document opens it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpRecord, FollowUpService
from secretariat.meetings import content
from ui import desktop, messages, strings
from ui.resolutions.followup_models import FollowUpLogModel
from ui.widgets import file_choice
from ui.widgets.empty_state import EmptyMessage, EmptyState
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
        self.save_button.clicked.connect(lambda: self.save_document())
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(
            self.table, EmptyMessage(strings.FOLLOWUP_LOG_EMPTY, strings.FOLLOWUP_LOG_EMPTY_HINT)
        )
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
        """Open the document from a private copy under a safe name; a file of unknown content is
        not opened, a copy is offered for saving instead (see ``desktop.open_document``)."""
        entry = self._selected_document()
        if entry is None:
            return False
        outcome, shown = desktop.open_document(
            self,
            entry.document_name,
            lambda: self._followup.document(entry.id).data,
            lambda title: self.save_document(title=title),
        )
        if outcome is desktop.Outcome.OPENED:
            self.message.emit(strings.DOCUMENT_OPENED.format(name=shown))
        return outcome is desktop.Outcome.OPENED

    def save_document(self, *, title: str = strings.SAVE_DOCUMENT_TITLE) -> bool:
        entry = self._selected_document()
        if entry is None:
            return False
        shown = content.safe_save_name(entry.document_name)
        target = file_choice.save_file(self, title, shown)
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
        self.message.emit(strings.COPY_SAVED.format(name=shown))
        return True
