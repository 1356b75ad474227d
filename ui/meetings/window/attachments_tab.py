"""The meeting's files: the signed scan of its minutes and other documents.

A file chosen is read and checked first, then a dialog asks what it is and
for a description (proposed from its name), which can be changed later.
Files are copied into the database with a SHA-256 (the core does it); the
list shows the description, the size and the start of the hash. A file
opens (double-click) from a private copy under a safe name, if it is a PDF
or an image; any other file, and any file on request, is saved out as a copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from secretariat.errors import DomainError
from secretariat.meetings import content
from secretariat.meetings.attachments import IncomingFile
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AttachmentRecord
from ui import desktop, messages, strings
from ui.meetings.meeting_format import file_size, short_hash, timestamp
from ui.meetings.window.attachment_dialog import AttachDialog, DescriptionDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.services import Services
from ui.widgets import file_choice
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.record_table_model import RecordTableModel

# File names and hashes are Latin by nature: read left to right.
LATIN_ALIGNMENT = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _monospace(_record: AttachmentRecord) -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class AttachmentModel(RecordTableModel):
    columns: tuple[Column[AttachmentRecord], ...] = (
        Column(
            "kind",
            strings.ATTACHMENT_COLUMN_KIND,
            lambda record: (
                strings.ATTACHMENT_SIGNED if record.is_signed_minutes else strings.ATTACHMENT_DOCUMENT
            ),
            width=150,
        ),
        Column(
            "filename",
            strings.ATTACHMENT_COLUMN_FILENAME,
            lambda record: record.filename,
            width=200,
            alignment=LATIN_ALIGNMENT,
        ),
        Column(
            "description",
            strings.ATTACHMENT_COLUMN_DESCRIPTION,
            lambda record: record.description,
            stretch=True,
        ),
        Column("size", strings.ATTACHMENT_COLUMN_SIZE, lambda record: file_size(record.size), width=100),
        Column(
            "sha256",
            strings.ATTACHMENT_COLUMN_SHA256,
            lambda record: short_hash(record.sha256),
            width=130,
            alignment=LATIN_ALIGNMENT,
            tooltip=lambda record: record.sha256,
            font=_monospace,
        ),
        Column(
            "added", strings.ATTACHMENT_COLUMN_ADDED, lambda record: timestamp(record.added_at), width=130
        ),
    )


class AttachmentsTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = AttachmentModel(self)
        self.table = self._table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_attachment())
        self.signed_button = QPushButton(strings.ATTACH_SIGNED)
        self.signed_button.setObjectName("primaryButton")
        self.document_button = QPushButton(strings.ATTACH_DOCUMENT)
        self.open_button = QPushButton(strings.OPEN_ATTACHMENT)
        self.describe_button = QPushButton(strings.EDIT_DESCRIPTION)
        self.copy_button = QPushButton(strings.SAVE_COPY)
        self.signed_button.clicked.connect(self.attach_signed)
        self.document_button.clicked.connect(self.attach_document)
        self.open_button.clicked.connect(lambda: self.open_attachment())
        self.describe_button.clicked.connect(self.edit_description)
        self.copy_button.clicked.connect(lambda: self.save_copy())
        buttons = QHBoxLayout()
        for button in (
            self.signed_button,
            self.document_button,
            self.open_button,
            self.describe_button,
            self.copy_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(self.table, self._empty_message)

    def _empty_message(self) -> EmptyMessage:
        status = self.meeting.status if self._detail is not None else MeetingStatus.CANCELLED
        if status is MeetingStatus.CANCELLED:
            return EmptyMessage(strings.ATTACHMENTS_EMPTY)
        actions = [EmptyAction(strings.ATTACH_DOCUMENT, self.attach_document, "document")]
        if status is MeetingStatus.FINALIZED:
            actions.insert(0, EmptyAction(strings.ATTACH_SIGNED, self.attach_signed, "signed"))
        return EmptyMessage(strings.ATTACHMENTS_EMPTY, strings.ATTACHMENTS_EMPTY_HINT, tuple(actions))

    def _refresh(self) -> None:
        kept = self._kept_id(self.table)
        self.model.set_records(self.detail.attachments)
        self._reselect(self.table, kept)
        status = self.meeting.status
        if status is MeetingStatus.CANCELLED:
            self._set_lock(strings.MEETING_IS_CANCELLED)
        elif status is not MeetingStatus.FINALIZED:
            self._set_lock(strings.SIGNED_AFTER_FINALIZE)
        else:
            self._set_lock("")
        self._update_buttons()

    def selected_attachment(self) -> AttachmentRecord | None:
        selected: AttachmentRecord | None = self._selected(self.table)
        return selected

    def _update_buttons(self) -> None:
        status = self.meeting.status if self._detail is not None else None
        self.signed_button.setEnabled(status is MeetingStatus.FINALIZED)
        self.document_button.setEnabled(status is not None and status is not MeetingStatus.CANCELLED)
        selected = self.selected_attachment() is not None
        self.open_button.setEnabled(selected)
        self.describe_button.setEnabled(selected)
        self.copy_button.setEnabled(selected)

    # -- actions -------------------------------------------------------------------------------

    def attach_signed(self) -> None:
        path = file_choice.open_file(self, strings.CHOOSE_SIGNED_TITLE, strings.SIGNED_FILTER)
        if path is not None:
            self._attach(path, signed_minutes=True)

    def attach_document(self) -> None:
        path = file_choice.open_file(self, strings.CHOOSE_DOCUMENT_TITLE, strings.ALL_FILES_FILTER)
        if path is not None:
            self._attach(path, signed_minutes=False)

    def _attach(self, path: str, *, signed_minutes: bool) -> None:
        """Read the file (a refusal is said at once), then ask what it is and for its description."""
        read: list[IncomingFile] = []
        attachments = self._services.attachments
        if not self._attempt(lambda: read.append(attachments.read(path, signed_minutes=signed_minutes))):
            return
        dialog = AttachDialog(attachments, self.meeting, read[0], signed_minutes=signed_minutes, parent=self)
        added: AttachmentRecord | None = self._run(dialog)
        if added is None:
            return
        self.select_next(added.id)
        message = strings.SIGNED_ATTACHED if added.is_signed_minutes else strings.ATTACHED
        self.changed.emit(message.format(name=added.filename))

    def edit_description(self) -> None:
        record = self.selected_attachment()
        if record is None:
            return
        dialog = DescriptionDialog(self._services.attachments, record, self)
        changed: AttachmentRecord | None = self._run(dialog)
        if changed is not None:
            self.select_next(changed.id)
            self.changed.emit(strings.DESCRIPTION_SAVED.format(name=changed.filename))

    def open_attachment(self) -> bool:
        """Open the file from a private copy under a safe name (see ``desktop.open_document``)."""
        record = self.selected_attachment()
        if record is None:
            return False
        outcome, shown = desktop.open_document(
            self,
            record.filename,
            lambda: self._services.attachments.content(record.id),
            lambda title: self.save_copy(title=title),
        )
        if outcome is desktop.Outcome.OPENED:
            self.message.emit(strings.DOCUMENT_OPENED.format(name=shown))
        return outcome is desktop.Outcome.OPENED

    def save_copy(self, *, title: str = strings.SAVE_COPY_TITLE) -> bool:
        record = self.selected_attachment()
        if record is None:
            return False
        shown = content.safe_save_name(record.filename)
        target = file_choice.save_file(self, title, shown)
        if target is None:
            return False
        try:
            self._services.attachments.export(record.id, target)
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
