"""The file an agency sent as its monthly report: PDF, Word or an image, kept in the database.

Read as attachments are (``meetings.attachments.read_file``: a regular file,
its size checked), stored with its SHA-256 and checked against it when read
back. The format is told from the content: PDF and images as the meetings'
files are; a Word document (.docx) is a ZIP holding ``word/document.xml``,
an old one (.doc) a compound file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

from sqlalchemy.orm import Session

from db.models import ReportFile, ReportFileContent
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings import content
from secretariat.meetings.attachments import IncomingFile

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
_COMPOUND_FILE = bytes.fromhex("D0CF11E0A1B11AE1")
ACCEPTED = {content.PDF, content.PNG, content.JPEG, content.TIFF, DOCX, DOC}
REFUSED = "«{name}» پرونده PDF، Word یا تصویر نیست؛ گزارش ماهانه به یکی از این شکل‌ها نگه داشته می‌شود."


def media_type_of(data: bytes) -> str | None:
    known = content.detect_media_type(data)
    if known is not None:
        return known
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return DOCX if "word/document.xml" in package.namelist() else None
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    if data.startswith(_COMPOUND_FILE) and len(data) >= 512:
        return DOC
    return None


def store(session: Session, incoming: IncomingFile) -> ReportFile:
    """Add the file to the caller's transaction (flushed: its id is known); refused unless
    it is a PDF, a Word document or an image."""
    media_type = media_type_of(incoming.data)
    if media_type not in ACCEPTED:
        raise DomainError(REFUSED.format(name=incoming.filename))
    stored = ReportFile(
        filename=incoming.filename,
        media_type=media_type,
        size=len(incoming.data),
        sha256=hashlib.sha256(incoming.data).hexdigest(),
        added_at=dt.datetime.now(),
    )
    session.add(stored)
    session.flush()
    session.add(ReportFileContent(file_id=stored.id, data=incoming.data))
    return stored


def stored_content(session: Session, file_id: int) -> tuple[ReportFile, bytes]:
    stored = session.get(ReportFile, file_id)
    data = session.get(ReportFileContent, file_id)
    if stored is None or data is None:
        raise NotFoundError("پرونده این گزارش پیدا نشد.")
    if hashlib.sha256(data.data).hexdigest() != stored.sha256:
        raise DomainError(f"پرونده «{stored.filename}» آسیب دیده است (چکیده آن نمی‌خواند).")
    return stored, data.data
