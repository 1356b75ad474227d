"""Files a meeting keeps: the signed scan of its minutes, and other documents.

Files are copied into the database with their SHA-256, never kept as links
to a file that can move. A signed scan is accepted only for finalized
minutes, and only as a PDF or an image (checked by content, not by name);
the meeting then shows as signed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import select

from db.models import Attachment, AttachmentContent
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AttachmentRecord
from secretariat.meetings.store import attachment_record, get_meeting
from secretariat.text import normalize_line

SIGNED_MINUTES = "signed_minutes"
DOCUMENT = "document"
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


class AttachmentService:
    def __init__(self, database: Database):
        self._db = database

    def list(self, meeting_id: int) -> tuple[AttachmentRecord, ...]:
        with self._db.reading() as session:
            get_meeting(session, meeting_id)
            return tuple(
                attachment_record(a) for a in session.scalars(
                    select(Attachment).where(Attachment.meeting_id == meeting_id).order_by(Attachment.id)
                )
            )

    def attach(self, meeting_id: int, path: str | Path, *, signed_minutes: bool = False,
               description: str = "") -> AttachmentRecord:
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
        media_type = sniff_media_type(data)
        if signed_minutes and media_type is None:
            raise DomainError("نسخه امضاشده صورتجلسه باید پرونده PDF یا تصویر (PNG، JPEG، TIFF) باشد.")
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            if MeetingStatus(meeting.status) is MeetingStatus.CANCELLED:
                raise DomainError("این جلسه لغو شده است.")
            if signed_minutes and MeetingStatus(meeting.status) is not MeetingStatus.FINALIZED:
                raise DomainError("نسخه امضاشده را پس از نهایی شدن صورتجلسه پیوست کنید.")
            now = dt.datetime.now()
            attachment = Attachment(
                meeting_id=meeting.id, kind=SIGNED_MINUTES if signed_minutes else DOCUMENT,
                filename=path.name, media_type=media_type or "application/octet-stream", size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), description=normalize_line(description), added_at=now,
            )
            session.add(attachment)
            session.flush()
            session.add(AttachmentContent(attachment_id=attachment.id, data=data))
            if signed_minutes:
                meeting.signed_at = now
            session.flush()
            return attachment_record(attachment)

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes, checked against the SHA-256 taken when it was added."""
        with self._db.reading() as session:
            attachment = session.get(Attachment, attachment_id)
            content = session.get(AttachmentContent, attachment_id)
            if attachment is None or content is None:
                raise NotFoundError("این پیوست در فهرست نیست.")
            if hashlib.sha256(content.data).hexdigest() != attachment.sha256:
                raise DomainError(f"پیوست «{attachment.filename}» آسیب دیده است (چکیده آن نمی‌خواند).")
            return content.data

    def export(self, attachment_id: int, target: str | Path) -> Path:
        data = self.content(attachment_id)
        target = Path(target)
        target.write_bytes(data)
        return target
