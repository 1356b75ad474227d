"""The follow-up window's log tab: the entries, oldest first, and their documents.

An entry's document opens in the program the system uses for its kind (a
read-only copy in the session's private folder, under a safe name whose
extension comes from its content: the stored file stays as it was added),
or a copy is saved where the person chooses; a document that is not a PDF
or an image is only offered for saving. Double-clicking a row with a
document opens it.

A mistaken entry is corrected («اصلاح») or voided («ابطال»), from the
buttons or the table's context menu (the menu key opens it too): the window
asks the reason in a dialog. An entry taken back shows struck through, and
the line under the table says, for the selected entry, who took it back,
when and why, or which entry a correction replaces.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget

from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpRecord, FollowUpService
from secretariat.meetings import content
from ui import desktop, messages, strings
from ui.resolutions.followup_models import FollowUpLogModel, correction_line
from ui.rtl import rtl
from ui.widgets import file_choice
from ui.widgets.empty_state import EmptyMessage, EmptyState
from ui.widgets.table_setup import configure_table, select_row


class FollowUpLogTab(QWidget):
    message = Signal(str)  # what was just done, for the status bar
    correct_requested = Signal()  # the selected entry, to correct: the window asks how
    void_requested = Signal()

    def __init__(self, followup: FollowUpService, parent: QWidget | None = None):
        super().__init__(parent)
        self._followup = followup
        self.model = FollowUpLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.open_action = QAction(strings.OPEN_DOCUMENT, self)
        self.save_action = QAction(strings.SAVE_DOCUMENT, self)
        self.correct_action = QAction(strings.ACTION_CORRECT_ENTRY, self)
        self.void_action = QAction(strings.ACTION_VOID_ENTRY, self)
        self.open_action.triggered.connect(self.open_document)
        self.save_action.triggered.connect(lambda: self.save_document())
        self.correct_action.triggered.connect(self.correct_requested)
        self.void_action.triggered.connect(self.void_requested)
        buttons = QHBoxLayout()
        self.open_button = self._button(self.open_action, buttons)
        self.save_button = self._button(self.save_action, buttons)
        buttons.addSpacing(16)
        self.correct_button = self._button(self.correct_action, buttons, strings.CORRECT_ENTRY_TIP)
        self.void_button = self._button(self.void_action, buttons, strings.VOID_ENTRY_TIP)
        buttons.addStretch(1)
        self.correction_note = QLabel()
        self.correction_note.setObjectName("correctionNote")
        self.correction_note.setWordWrap(True)
        self.correction_note.setTextFormat(Qt.TextFormat.PlainText)
        self.correction_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.correction_note)
        self.empty_state = EmptyState(
            self.table, EmptyMessage(strings.FOLLOWUP_LOG_EMPTY, strings.FOLLOWUP_LOG_EMPTY_HINT)
        )
        self._update_buttons()

    @staticmethod
    def _button(action: QAction, row: QHBoxLayout, tip: str = "") -> QPushButton:
        """A push button that does what ``action`` does and is enabled when it is."""
        button = QPushButton(action.text())
        button.setToolTip(tip)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        row.addWidget(button)
        return button

    def set_records(self, records: tuple[FollowUpRecord, ...]) -> None:
        kept = self.selected_entry()
        self.model.set_records(records)
        if kept is not None:
            self.select_entry(kept.id)
        self._update_buttons()

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            select_row(self.table, row)

    def selected_entry(self) -> FollowUpRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selected_document(self) -> FollowUpRecord | None:
        entry = self.selected_entry()
        return entry if entry is not None and entry.has_document else None

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        has_document = entry is not None and entry.has_document
        self.open_action.setEnabled(has_document)
        self.save_action.setEnabled(has_document)
        # Only an entry in force is taken back: a corrected one through its correction.
        in_force = entry is not None and entry.in_force
        self.correct_action.setEnabled(in_force)
        self.void_action.setEnabled(in_force)
        line = correction_line(entry) if entry is not None else ""
        self.correction_note.setText(rtl(line))
        self.correction_note.setVisible(bool(line))

    def context_menu(self) -> QMenu:
        """The selected entry's actions, as the buttons offer them."""
        menu = QMenu(self.table)
        menu.addAction(self.correct_action)
        menu.addAction(self.void_action)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.addAction(self.save_action)
        return menu

    def _show_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid():
            select_row(self.table, index.row())
        elif self.selected_entry() is None:
            return
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(at))

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
