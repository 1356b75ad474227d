"""Checking an archive against its manifest, and a printed document against the records.

``verify_archive`` reads every file of the ZIP and compares its size and
SHA-256 with ``manifest.json``: a file changed (or damaged: its bytes no
longer read back), missing, or present but not listed is named. A file that
is not a ZIP, or a ZIP without a readable manifest of ours, is refused with
a Persian message (``DomainError``): there is nothing to check it against.

``verify_document`` takes the document code printed on finalized minutes
(«M1404-07-9F3A1C2B», typed with any digits) or the QR code's payload
(``CSEC1:<code>:<SHA-256>``), finds the meeting, recomputes the minutes'
fingerprint from the records (``minutes_data``) and says, in Persian,
whether they match. Copies printed before a later amendment match the
state of the minutes on their day. The codes of a published evaluation's
ranking, score cards and certificates («E1404-R-…», «E1404-S012-…»,
«E1404-C012-…») are checked the same way (``evaluation_codes``).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

from sqlalchemy import select

from db.models import Meeting
from secretariat.archive.keys import SERIES_LETTER
from secretariat.archive.layout import MANIFEST_PATH
from secretariat.archive.limits import MANIFEST_MAX_BYTES, read_member, too_big
from secretariat.archive.manifest import Manifest, parse_manifest
from secretariat.database import Database
from secretariat.errors import DomainError
from secretariat.persian import jalali
from secretariat.persian.text import fold, to_persian_digits
from secretariat.reports.fingerprint import CODE_DIGEST_LENGTH, PAYLOAD_PREFIX, Seal, parse_payload

_CHUNK = 1 << 20


# -- the archive ------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    manifest: Manifest
    matching: int  # files that match the manifest
    changed: tuple[str, ...]  # listed, present, but other bytes (or damaged)
    missing: tuple[str, ...]  # listed, not in the ZIP
    extra: tuple[str, ...]  # in the ZIP, not listed (or twice)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.extra)

    @property
    def checked(self) -> int:
        return len(self.manifest.files)

    def problems(self) -> list[str]:
        """One Persian line per file that does not match."""
        return (
            [f"تغییر کرده: {path}" for path in self.changed]
            + [f"نیست: {path}" for path in self.missing]
            + [f"افزوده (در فهرست نیست): {path}" for path in self.extra]
        )

    def summary(self) -> str:
        year = to_persian_digits(self.manifest.year)
        if self.ok:
            return (
                f"بایگانی سال {year} ({self.manifest.council}) درست است: "
                f"هر {to_persian_digits(self.checked)} پرونده با فهرست آن می‌خواند."
            )
        count = len(self.changed) + len(self.missing) + len(self.extra)
        return (
            f"بایگانی سال {year} با فهرست آن نمی‌خواند: {to_persian_digits(count)} پرونده "
            f"تغییر کرده، نیست یا افزوده شده است."
        )


def verify_archive(path: str | Path) -> VerifyResult:
    """Every file of the archive at ``path`` against its manifest."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise DomainError(f"پرونده «{path}» پیدا نشد.") from error
    except IsADirectoryError as error:
        raise DomainError(f"«{path}» پوشه است، نه پرونده بایگانی.") from error
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DomainError(f"پرونده «{path.name}» بایگانی ZIP نیست یا آسیب دیده است.") from error
    with archive:
        manifest = read_manifest(archive, path)
        names = Counter(name for name in archive.namelist() if not name.endswith("/"))
        listed = {entry.path for entry in manifest.files}
        changed, missing, matching = [], [], 0
        for entry in manifest.files:
            if entry.path not in names:
                missing.append(entry.path)
            elif _digest(archive, entry.path) == (entry.size, entry.sha256):
                matching += 1
            else:
                changed.append(entry.path)
        extra = [name for name in names if name != MANIFEST_PATH and name not in listed]
        extra += [name for name, count in names.items() if count > 1]
    return VerifyResult(path, manifest, matching, tuple(changed), tuple(missing), tuple(sorted(set(extra))))


def read_manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    try:
        if archive.getinfo(MANIFEST_PATH).file_size > MANIFEST_MAX_BYTES:
            raise too_big(MANIFEST_PATH, MANIFEST_MAX_BYTES)
        data = read_member(archive, MANIFEST_PATH, MANIFEST_MAX_BYTES)
    except KeyError as error:
        raise DomainError(
            f"در پرونده «{path.name}» فهرست بایگانی (manifest.json) نیست؛ "
            "این پرونده بایگانی سالانه دبیرخانه نیست یا ناقص است."
        ) from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise DomainError("فهرست بایگانی (manifest.json) آسیب دیده و خوانا نیست.") from error
    return parse_manifest(data)


def _digest(archive: zipfile.ZipFile, name: str) -> tuple[int, str] | None:
    """The size and SHA-256 of a member, or None when its bytes no longer read back (damaged)."""
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        return None
    return size, digest.hexdigest()


# -- a printed document -------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentCheck:
    code: str  # the document code read
    matches: bool
    message: str  # Persian: the verdict and why
    meeting_id: int | None = None  # minutes: their meeting (none for an evaluation's document)
    meeting_title: str = ""
    current_code: str | None = None  # the document's code as the records give it now
    amended_since: bool = False  # matches the document as it was before a later amendment


class _MeetingNamed(TypedDict):
    """What a check of minutes says of the meeting, found or not."""

    meeting_id: int
    meeting_title: str
    current_code: str


_CODE = re.compile(r"^M(\d{4})-([A-Z]?)(\d{2,})-([0-9A-F]{" + str(CODE_DIGEST_LENGTH) + "})$")
_SERIES_OF_LETTER = {letter: series for series, letter in SERIES_LETTER.items()}


def normalized_code(text: str) -> str:
    """A code or payload as typed or scanned: any digits, any case, spaces and direction marks dropped."""
    return fold(text).upper()


def verify_document(database: Database, code_or_payload: str) -> DocumentCheck:
    """Does a printed minutes' or evaluation document's code, or its QR payload, match the records?"""
    from secretariat.archive.evaluation_codes import CODE as EVALUATION_CODE
    from secretariat.archive.evaluation_codes import check_evaluation_code

    text = normalized_code(code_or_payload)
    sha256 = None
    if text.startswith(f"{PAYLOAD_PREFIX}:"):
        seal = parse_payload(text)
        if seal is None:
            raise DomainError("این رمزینه (QR) از اسناد دبیرخانه نیست یا ناقص خوانده شده است.")
        code, sha256 = seal.code, seal.sha256
        if not code.endswith(sha256[:CODE_DIGEST_LENGTH].upper()):
            return DocumentCheck(
                code,
                False,
                f"کد «{code}» و چکیده درون رمزینه با هم نمی‌خوانند؛ رمزینه دست‌کاری شده یا از سند دیگری است.",
            )
    else:
        code = text
    if EVALUATION_CODE.match(code):
        verdict = check_evaluation_code(database, code, sha256)
        return DocumentCheck(
            code,
            verdict.matches,
            verdict.message,
            current_code=verdict.current_code,
            amended_since=verdict.amended_since,
        )
    match = _CODE.match(code)
    if match is None or match.group(2) not in _SERIES_OF_LETTER:
        raise DomainError(
            f"«{code_or_payload.strip()}» کد سند دبیرخانه نیست؛ کد صورتجلسه مانند M1404-07-9F3A1C2B "
            "و کد رتبه‌بندی، کارنامه یا لوح تقدیر ارزیابی مانند E1404-R-9F3A1C2B است."
        )
    year, series, number = int(match.group(1)), _SERIES_OF_LETTER[match.group(2)], int(match.group(3))
    with database.reading() as session:
        meeting_id = session.scalar(
            select(Meeting.id)
            .where(Meeting.jalali_year == year, Meeting.series == series, Meeting.number == number)
            .order_by(Meeting.id)
            .limit(1)
        )
    if meeting_id is None:
        return DocumentCheck(
            code,
            False,
            f"در سوابق جلسه‌ای با کد «{code}» نیست؛ این سند از این دبیرخانه "
            "نیست یا کد آن نادرست خوانده شده است.",
        )
    return _check_minutes(database, meeting_id, code, sha256)


def _check_minutes(database: Database, meeting_id: int, code: str, sha256: str | None) -> DocumentCheck:
    from secretariat.core import Secretariat
    from secretariat.meetings.kinds import MeetingStatus
    from secretariat.reports.minutes_data import MinutesData, gather_minutes, minutes_seal

    data: MinutesData | None
    try:
        data = gather_minutes(Secretariat(database), meeting_id)
    except DomainError:
        data = None
    if data is None or data.meeting.status is not MeetingStatus.FINALIZED:
        return DocumentCheck(
            code,
            False,
            f"صورتجلسه جلسه‌ای که کد «{code}» به آن اشاره دارد نهایی نشده است؛ "
            "سند نهایی با این کد از این سوابق نیست.",
            meeting_id=meeting_id,
        )
    title = f"صورتجلسه {data.meeting.title} ({jalali.format_short(data.meeting.date)})"
    amendments = data.detail.amendments
    states: list[Seal] = [
        minutes_seal(replace(data, detail=replace(data.detail, amendments=amendments[:count])))
        for count in range(len(amendments), -1, -1)
    ]
    current = states[0]
    found = next((s for s in states if s.code == code and (sha256 is None or s.sha256 == sha256)), None)
    common = _MeetingNamed(meeting_id=meeting_id, meeting_title=title, current_code=current.code)
    if found is None:
        return DocumentCheck(
            code,
            False,
            (
                f"سند «{code}» با سوابق نمی‌خواند: {title} در سوابق کد «{current.code}» دارد. "
                "نسخه چاپی دست‌کاری شده، یا از سوابقی جز این‌هاست."
            ),
            **common,
        )
    if found is current:
        return DocumentCheck(code, True, f"سند «{code}» با سوابق می‌خواند: {title}.", **common)
    return DocumentCheck(
        code,
        True,
        (
            f"سند «{code}» با سوابق می‌خواند: {title}، چنان که پیش از اصلاحیه‌های بعدی بود؛ "
            f"کد کنونی آن «{current.code}» است."
        ),
        amended_since=True,
        **common,
    )
