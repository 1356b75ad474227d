"""Files a meeting keeps: the signed scan of its minutes, and other documents.

Files are copied into the database with their SHA-256, never kept as links
to a file that can move. A signed scan is accepted only for finalized
minutes, and only as a PDF or an image (checked by content, not by name);
the meeting then shows as signed.

A follow-up entry's document (the letter sent, the agency's report) is kept
the same way, as a file of the resolution's meeting (``FOLLOWUP_DOCUMENT``);
the meeting's own list leaves those out, they are shown in the follow-up
log they belong to. ``read_file``, ``store`` and ``stored_content`` are the
steps both share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import Attachment, AttachmentContent
from secretariat import text_input, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AttachmentRecord
from secretariat.meetings.store import attachment_record, get_meeting

SIGNED_MINUTES = "signed_minutes"
DOCUMENT = "document"
FOLLOWUP_DOCUMENT = "followup_document"  # stored with a follow-up entry, not listed with the meeting's files
MAX_BYTES = 50 * 1024 * 1024

# Leading bytes of the formats a scanner or phone produces.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


def sniff_media_type(data: bytes) -> str | None:
    return next((media for magic, media in _SIGNATURES if data.startswith(magic)), None)


@dataclass(frozen=True)
class IncomingFile:
    """A file read in to be stored: its name, its bytes and the format its content shows."""

    filename: str
    data: bytes
    media_type: str | None  # None: not one of the formats ``sniff_media_type`` knows


def read_file(path: str | Path) -> IncomingFile:
    """Read a file to be stored; DomainError (in Persian) if it is missing, a folder, empty or too big."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DomainError(f"پرونده «{path.name}» بزرگ‌تر از ۵۰ مگابایت است.")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise DomainError(f"پرونده «{path}» پیدا نشد.") from error
    except IsADirectoryError as error:
        raise DomainError(f"«{path}» پوشه است، نه پرونده.") from error
    except OSError as error:
        raise DomainError(f"پرونده «{path.name}» خوانده نشد: {error.strerror}") from error
    if not data:
        raise DomainError(f"پرونده «{path.name}» خالی است.")
    return IncomingFile(filename=path.name, data=data, media_type=sniff_media_type(data))


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

    def attach(
        self, meeting_id: int, path: str | Path, *, signed_minutes: bool = False, description: str = ""
    ) -> AttachmentRecord:
        errors = validation.FieldErrors()
        description = validation.text(errors, "AttachmentService.attach", "description", description)
        if errors:
            raise ValidationError(errors)
        incoming = read_file(path)
        if signed_minutes and incoming.media_type is None:
            raise DomainError("نسخه امضاشده صورتجلسه باید پرونده PDF یا تصویر (PNG، JPEG، TIFF) باشد.")
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

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes, checked against the SHA-256 taken when it was added."""
        with self._db.reading() as session:
            return stored_content(session, attachment_id)

    def export(self, attachment_id: int, target: str | Path) -> Path:
        data = self.content(attachment_id)
        target = Path(target)
        target.write_bytes(data)
        return target
