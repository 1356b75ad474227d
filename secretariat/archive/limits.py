"""How much an archive may hold, and reading a ZIP member within it.

An archive's ZIP is read member by member in chunks: nothing is inflated
beyond its ceiling. ``check_declared_sizes`` refuses a member whose declared
size is over its ceiling, or an archive whose members add up to more than
``TOTAL_MAX_BYTES``, before anything is inflated; ``read_member`` counts the
bytes as they come and stops at the ceiling whatever the ZIP declared, so a
zip bomb (a few kilobytes that inflate to gigabytes) is refused after at
most its ceiling was read. Messages are Persian.
"""

from __future__ import annotations

import zipfile
import zlib

from secretariat.archive.formats import RECORDS_PATH
from secretariat.archive.layout import LETTERS_FOLDER, MANIFEST_PATH, MONTHLY_REPORTS_FOLDER
from secretariat.errors import DomainError
from secretariat.meetings.attachments import MAX_BYTES as ATTACHMENT_MAX_BYTES
from secretariat.persian.text import to_persian_digits

MB = 1024 * 1024
RECORDS_MAX_BYTES = 200 * MB  # data/records.json, read into memory whole
MANIFEST_MAX_BYTES = 20 * MB  # manifest.json: a path, a size and a digest per file
OTHER_MAX_BYTES = 200 * MB  # a CSV, a minutes PDF, the yearly report: only hashed, in chunks
TOTAL_MAX_BYTES = 4 * 1024 * MB  # every member, inflated: on disk when imported, never in memory at once
ATTACHMENTS_FOLDER = "attachments/"
_CHUNK = 1 << 20

__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "MANIFEST_MAX_BYTES",
    "RECORDS_MAX_BYTES",
    "TOTAL_MAX_BYTES",
    "check_declared_sizes",
    "member_limit",
    "read_member",
]


def member_limit(name: str) -> int:
    """The most bytes the member ``name`` may inflate to."""
    if name == RECORDS_PATH:
        return RECORDS_MAX_BYTES
    if name == MANIFEST_PATH:
        return MANIFEST_MAX_BYTES
    if name.startswith(
        (ATTACHMENTS_FOLDER, MONTHLY_REPORTS_FOLDER, LETTERS_FOLDER)
    ):  # read as attach reads them
        return ATTACHMENT_MAX_BYTES
    return OTHER_MAX_BYTES


def megabytes(size: int) -> str:
    return to_persian_digits(f"{size / MB:,.0f}".replace(",", "٬"))


def too_big(name: str, limit: int) -> DomainError:
    return DomainError(
        f"پرونده «{name}» در بایگانی از {megabytes(limit)} مگابایت بزرگ‌تر است (یا باز که شود بزرگ‌تر "
        "می‌شود)؛ بایگانی آسیب دیده یا دست‌کاری شده است. چیزی وارد نشد."
    )


def check_declared_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse a member declared over its ceiling, or members over the total, before inflating any."""
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        if info.file_size > member_limit(info.filename):
            raise too_big(info.filename, member_limit(info.filename))
        total += info.file_size
        if total > TOTAL_MAX_BYTES:
            raise DomainError(
                f"پرونده‌های این بایگانی روی هم از {megabytes(TOTAL_MAX_BYTES)} مگابایت بزرگ‌ترند؛ "
                "بایگانی سالانه دبیرخانه این اندازه نیست. چیزی وارد نشد."
            )


def read_member(archive: zipfile.ZipFile, name: str, limit: int | None = None) -> bytes:
    """The bytes of ``name``, read in chunks and refused past ``limit`` (its ceiling by default).

    KeyError if there is no such member; a damaged member is refused in Persian.
    """
    limit = member_limit(name) if limit is None else limit
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise too_big(name, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_big(name, limit)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
        raise DomainError(f"پرونده «{name}» در بایگانی آسیب دیده و خوانا نیست؛ چیزی وارد نشد.") from error
    return b"".join(chunks)
