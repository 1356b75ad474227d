"""Attaching a file to a meeting: which file, what it is (the signed minutes or another
document) and a description, proposed from the file's name; and changing a file's
description later. The file has been read and checked (``AttachmentService.read``) before
the dialog asks anything about it."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from secretariat.meetings.attachments import (
    DESCRIPTION_FORM,
    AttachmentService,
    IncomingFile,
    default_description,
)
from secretariat.meetings.content import safe_save_name
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AttachmentRecord, MeetingRecord
from ui import strings
from ui.meetings.meeting_format import file_size
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit


def _file_line(filename: str, size: int) -> QLabel:
    # The name as it is safe to show: no direction marks to pass one kind of file off as another.
    label = QLabel(rtl(f"{safe_save_name(filename)}  ({file_size(size)})"))
    label.setObjectName("fileName")
    label.setWordWrap(True)
    return label


class AttachDialog(FormDialog):
    """``saved`` is the ``AttachmentRecord`` once accepted."""

    def __init__(
        self,
        attachments: AttachmentService,
        meeting: MeetingRecord,
        incoming: IncomingFile,
        *,
        signed_minutes: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(strings.ATTACH_TITLE, parent, save_text=strings.ATTACH_SAVE)
        self._attachments = attachments
        self._meeting = meeting
        self._incoming = incoming
        self.set_intro(strings.ATTACH_INTRO.format(title=meeting.title))
        self.form.add_field("file", strings.ATTACH_FILE, _file_line(incoming.filename, len(incoming.data)))
        self.signed_choice = QRadioButton(strings.ATTACH_KIND_SIGNED)
        self.document_choice = QRadioButton(strings.ATTACH_KIND_DOCUMENT)
        if meeting.status is not MeetingStatus.FINALIZED:
            self.signed_choice.setEnabled(False)
            self.signed_choice.setToolTip(strings.SIGNED_AFTER_FINALIZE)
        kinds = QButtonGroup(self)
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        for choice in (self.signed_choice, self.document_choice):
            kinds.addButton(choice)
            row.addWidget(choice)
        row.addStretch(1)
        (self.signed_choice if signed_minutes else self.document_choice).setChecked(True)
        self.form.add_field("kind", strings.ATTACH_KIND, choices, changed=kinds.buttonToggled)
        self.description = self.form.add_field(
            "description", strings.ATTACH_DESCRIPTION, line_edit(strings.ATTACH_DESCRIPTION_PLACEHOLDER)
        )
        self.form.limit_texts(DESCRIPTION_FORM)
        self.description.setText(default_description(incoming.filename))
        self.description.selectAll()
        self.description.setFocus()

    def save(self) -> AttachmentRecord:
        return self._attachments.attach_file(
            self._meeting.id,
            self._incoming,
            signed_minutes=self.signed_choice.isChecked(),
            description=self.description.text(),
        )


class DescriptionDialog(FormDialog):
    """Change what the list says of a file; ``saved`` is the ``AttachmentRecord`` once accepted."""

    def __init__(
        self, attachments: AttachmentService, record: AttachmentRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(strings.DESCRIPTION_TITLE, parent)
        self._attachments = attachments
        self._record = record
        self.set_intro(strings.DESCRIPTION_INTRO.format(name=safe_save_name(record.filename)))
        self.description = self.form.add_field(
            "description", strings.ATTACH_DESCRIPTION, line_edit(strings.ATTACH_DESCRIPTION_PLACEHOLDER)
        )
        self.form.limit_texts(DESCRIPTION_FORM)
        self.description.setText(record.description)
        self.description.selectAll()
        self.description.setFocus()

    def save(self) -> AttachmentRecord:
        return self._attachments.describe(self._record.id, self.description.text())
