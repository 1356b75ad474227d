"""Files a meeting keeps: the signed scan of its minutes, and other documents.

Files are copied into the database with their SHA-256, never kept as links
to a file that can move. Only a regular file is read (a pipe, a device or a
folder is refused before it is opened), its size is checked before reading
and the reading stops past the limit. A signed scan is accepted only for
finalized minutes, and only as a PDF or an image checked by its whole
content, not by its name or its first bytes (see ``content``); the meeting
then shows as signed.

A follow-up entry's document (the letter sent, the agency's report) is kept
the same way, as a file of the resolution's meeting (``FOLLOWUP_DOCUMENT``);
the meeting's own list leaves those out, they are shown in the follow-up
log they belong to. ``read_file``, ``store`` and ``stored_content`` are the
steps both share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import Attachment, AttachmentContent
from secretariat import text_input, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings import content
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AttachmentRecord
from secretariat.meetings.store import attachment_record, get_meeting

SIGNED_MINUTES = "signed_minutes"
DOCUMENT = "document"
FOLLOWUP_DOCUMENT = "followup_document"  # stored with a follow-up entry, not listed with the meeting's files
MAX_BYTES = 50 * 1024 * 1024
# The description's limit, as ``text_input.FIELD_LIMITS`` holds it for adding a file and changing it.
DESCRIPTION_FORM = "AttachmentService.attach"
DESCRIPTION_LIMIT = text_input.limits_of(DESCRIPTION_FORM)["description"].limit


def sniff_media_type(data: bytes) -> str | None:
    """The format of the whole content (see ``content.detect_media_type``)."""
    return content.detect_media_type(data)


@dataclass(frozen=True)
class IncomingFile:
    """A file read in to be stored: its name, its bytes and the format its content shows."""

    filename: str
    data: bytes
    media_type: str | None  # None: not one of the formats ``sniff_media_type`` knows


def read_file(path: str | Path) -> IncomingFile:
    """Read a regular file to be stored; DomainError (in Persian) if it is missing, not a
    regular file (a folder, a pipe, a device), empty, too big, or changed while read."""
    path = Path(path)
    try:
        found = os.stat(path)
        _check_regular(path, found)
        # Not blocking: a pipe put in its place after the look must not hang the app.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            opened = os.fstat(handle.fileno())
            _check_regular(path, opened)
            data = handle.read(MAX_BYTES + 1)  # one byte more tells a file over the limit
    except FileNotFoundError as error:
        raise DomainError(f"پرونده «{path}» پیدا نشد.") from error
    except IsADirectoryError as error:
        raise DomainError(f"«{path}» پوشه است، نه پرونده.") from error
    except OSError as error:
        raise DomainError(f"پرونده «{path.name}» خوانده نشد: {error.strerror}") from error
    if len(data) > MAX_BYTES:
        raise DomainError(_TOO_BIG.format(name=path.name))
    if not data:
        raise DomainError(f"پرونده «{path.name}» خالی است.")
    if len(data) != opened.st_size:
        raise DomainError(f"پرونده «{path.name}» هنگام خواندن تغییر کرد؛ دوباره بکوشید.")
    return IncomingFile(filename=path.name, data=data, media_type=sniff_media_type(data))


_TOO_BIG = "پرونده «{name}» بزرگ‌تر از ۵۰ مگابایت است."


def _check_regular(path: Path, found: os.stat_result) -> None:
    if stat.S_ISDIR(found.st_mode):
        raise DomainError(f"«{path}» پوشه است، نه پرونده.")
    if not stat.S_ISREG(found.st_mode):
        raise DomainError(
            f"«{path.name}» پرونده معمولی نیست (دستگاه، لوله یا مانند آن است)؛ تنها پرونده‌ها پیوست می‌شوند."
        )
    if found.st_size > MAX_BYTES:
        raise DomainError(_TOO_BIG.format(name=path.name))


def default_description(filename: str) -> str:
    """What a file is called until someone says better: its name without the extension,
    without control or direction marks, underscores read as spaces
    («صورتجلسه_امضاشده.pdf» -> «صورتجلسه امضاشده»)."""
    return " ".join(content.safe_stem(filename).replace("_", " ").split())[:DESCRIPTION_LIMIT]


def _check_description(description: str) -> str:
    """The description as it is kept: cleaned, within its limit (else a ValidationError on
    ``description``, in Persian)."""
    errors = validation.FieldErrors()
    description = validation.text(errors, DESCRIPTION_FORM, "description", description)
    if errors:
        raise ValidationError(errors)
    return description


def signed_scan_refusal(incoming: IncomingFile) -> str | None:
    """Why the file cannot be the signed scan of minutes, or None if it can."""
    if incoming.media_type is not None:
        return None
    claimed = content.claimed_media_type(incoming.data)
    if claimed is not None:
        kind = "PDF" if claimed == content.PDF else "تصویر"
        return (
            f"پرونده «{incoming.filename}» با نشانه {kind} آغاز می‌شود اما {kind} درست و کاملی نیست "
            "(ساختار یا پایان آن نمی‌خواند)؛ پذیرفته نشد."
        )
    return "نسخه امضاشده صورتجلسه باید پرونده PDF یا تصویر (PNG، JPEG، TIFF) باشد."


def store(
    session: Session,
    meeting_id: int,
    incoming: IncomingFile,
    *,
    kind: str,
    description: str = "",
    added_at: dt.datetime | None = None,
) -> Attachment:
    """Add the file and its bytes to the caller's transaction (flushed: the id is known)."""
    attachment = Attachment(
        meeting_id=meeting_id,
        kind=kind,
        filename=incoming.filename,
        media_type=incoming.media_type or "application/octet-stream",
        size=len(incoming.data),
        sha256=hashlib.sha256(incoming.data).hexdigest(),
        description=text_input.clean(description),
        added_at=added_at or dt.datetime.now(),
    )
    session.add(attachment)
    session.flush()
    session.add(AttachmentContent(attachment_id=attachment.id, data=incoming.data))
    session.flush()
    return attachment


def meeting_files(meeting_id: int) -> Select[Attachment]:
    """The meeting's own files, oldest first; follow-up documents are shown with their follow-up entry."""
    return (
        select(Attachment)
        .where(Attachment.meeting_id == meeting_id, Attachment.kind != FOLLOWUP_DOCUMENT)
        .order_by(Attachment.id)
    )


def stored_content(session: Session, attachment_id: int) -> bytes:
    """The stored bytes, checked against the SHA-256 taken when the file was added."""
    attachment = session.get(Attachment, attachment_id)
    content = session.get(AttachmentContent, attachment_id)
    if attachment is None or content is None:
        raise NotFoundError("این پیوست در فهرست نیست.")
    if hashlib.sha256(content.data).hexdigest() != attachment.sha256:
        raise DomainError(f"پیوست «{attachment.filename}» آسیب دیده است (چکیده آن نمی‌خواند).")
    return content.data


class AttachmentService:
    def __init__(self, database: Database):
        self._db = database

    def list(self, meeting_id: int) -> tuple[AttachmentRecord, ...]:
        with self._db.reading() as session:
            get_meeting(session, meeting_id)
            return tuple(attachment_record(a) for a in session.scalars(meeting_files(meeting_id)))

    def read(self, path: str | Path, *, signed_minutes: bool = False) -> IncomingFile:
        """Read a file to attach (see ``read_file``), and for the signed scan check that it is a
        whole PDF or image: refused (DomainError, in Persian) before anything is asked about it."""
        incoming = read_file(path)
        refusal = signed_scan_refusal(incoming) if signed_minutes else None
        if refusal is not None:
            raise DomainError(refusal)
        return incoming

    def attach(
        self, meeting_id: int, path: str | Path, *, signed_minutes: bool = False, description: str = ""
    ) -> AttachmentRecord:
        """Read the file at ``path`` and keep it with the meeting (see ``attach_file``)."""
        _check_description(description)
        incoming = self.read(path, signed_minutes=signed_minutes)
        return self.attach_file(meeting_id, incoming, signed_minutes=signed_minutes, description=description)

    def attach_file(
        self, meeting_id: int, incoming: IncomingFile, *, signed_minutes: bool = False, description: str = ""
    ) -> AttachmentRecord:
        """Keep a file read by ``read`` with the meeting, with its description; the signed scan of
        finalized minutes marks the meeting signed."""
        description = _check_description(description)
        refusal = signed_scan_refusal(incoming) if signed_minutes else None
        if refusal is not None:
            raise DomainError(refusal)
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            if MeetingStatus(meeting.status) is MeetingStatus.CANCELLED:
                raise DomainError("این جلسه لغو شده است.")
            if signed_minutes and MeetingStatus(meeting.status) is not MeetingStatus.FINALIZED:
                raise DomainError("نسخه امضاشده را پس از نهایی شدن صورتجلسه پیوست کنید.")
            attachment = store(
                session,
                meeting.id,
                incoming,
                kind=SIGNED_MINUTES if signed_minutes else DOCUMENT,
                description=description,
            )
            if signed_minutes:
                meeting.signed_at = attachment.added_at
            return attachment_record(attachment)

    def describe(self, attachment_id: int, description: str) -> AttachmentRecord:
        """Change what the list says of a file (its file and its hash stay as they were)."""
        description = _check_description(description)
        with self._db.transaction() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFoundError("این پیوست در فهرست نیست.")
            attachment.description = description
            session.flush()
            return attachment_record(attachment)

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes, checked against the SHA-256 taken when it was added."""
        with self._db.reading() as session:
            return stored_content(session, attachment_id)

    def export(self, attachment_id: int, target: str | Path) -> Path:
        data = self.content(attachment_id)
        target = Path(target)
        target.write_bytes(data)
        return target
