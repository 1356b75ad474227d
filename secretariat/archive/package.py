"""Exporting a Jalali year as one ZIP file: the yearly archive (بایگانی سالانه).

``export_archive`` reads the year's records, prints the finalized minutes of
each meeting (as ``render_minutes`` does, ``gather_minutes`` then
``minutes_pdf``, keeping what was gathered for the document code the data
records), prints the year's evaluation (``evaluation_printouts``: the ranking,
and once published the top three's certificates), copies the files the
meetings keep, those of the agencies' monthly reports and the letters'
documents (each checked against its SHA-256), prints the yearly report
(``render_yearbook``), and writes them with the data (JSON and CSV) and a
manifest of every file's SHA-256 into a ZIP (see ``layout``). The ZIP is
written to a temporary file beside the target and moved into place only
once complete: cancelled (``cancelled()`` is checked
between every two steps, and inside each PDF) or failed, it leaves nothing.

The archive is made at one moment (``clock.now()`` when the export starts):
the manifest's ``created_at``, the README, the files' times in the ZIP and the
PDFs' creation dates all say it. The PDFs are PDF/A-2b (``reports.metadata``).

Progress, in hundredths: the records 0-10, the minutes 10-50 (each meeting
its share), the evaluation 50-55, the files 55-70 (by bytes), the yearly
report 70-95, the manifest and the move 95-100.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import secretariat
from secretariat import clock
from secretariat.archive.formats import RECORDS_PATH, csv_files, records_json
from secretariat.archive.layout import MANIFEST_PATH, README_PATH, readme_text, report_path
from secretariat.archive.manifest import Manifest, ManifestEntry
from secretariat.archive.records import YearRecords, year_records
from secretariat.database import Database
from secretariat.errors import DomainError
from secretariat.letters.register import LetterService
from secretariat.meetings.attachments import stored_content
from secretariat.monthly import report_file
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from secretariat.reports.minutes import minutes_pdf
from secretariat.reports.minutes_data import gather_minutes, minutes_seal
from secretariat.reports.progress import CancelCheck, ProgressCallback, ReportCancelled, ReportRun

if TYPE_CHECKING:
    from secretariat.core import Secretariat

# Already compressed: deflating them again costs time and saves nothing.
_STORED_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".zip")
PARTS = ("records", "minutes", "evaluation", "attachments", "report", "writing")


class ArchiveCancelled(ReportCancelled):
    """The export was cancelled; no file was written."""

    def __init__(self) -> None:
        Exception.__init__(self, "ساخت بایگانی لغو شد؛ پرونده‌ای نوشته نشد.")


@dataclass(frozen=True)
class ArchiveResult:
    path: Path
    year: int
    size: int  # bytes of the ZIP
    meetings: int
    resolutions: int
    minutes: int  # finalized minutes printed
    attachments: int
    files: tuple[ManifestEntry, ...]  # every file but the manifest
    timings: dict[str, float] = field(default_factory=dict)  # seconds of each of PARTS
    evaluation_printouts: int = 0  # the ranking, and the certificates once published
    letters: int = 0
    audit_entries: int = 0

    def summary(self) -> str:
        more = ""
        if self.evaluation_printouts:
            more += "، ارزیابی سال"
        if self.letters:
            more += f"، {format_int(self.letters)} نامه"
        if self.audit_entries:
            more += f"، {format_int(self.audit_entries)} سطر سابقه تغییرات"
        return (
            f"بایگانی سال {to_persian_digits(self.year)} در «{self.path}» ذخیره شد: "
            f"{format_int(self.meetings)} جلسه، {format_int(self.resolutions)} مصوبه، "
            f"{format_int(self.minutes)} صورتجلسه، {format_int(self.attachments)} پیوست{more}؛ "
            f"{format_int(max(1, self.size // 1024))} کیلوبایت."
        )


def export_archive(
    database: Database,
    year: int,
    target: str | Path,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    printed_on: dt.date | None = None,
) -> ArchiveResult:
    """Write the yearly archive of Jalali ``year`` to ``target`` (a ZIP), whole or not at all."""
    from secretariat.core import Secretariat
    from secretariat.reports.yearbook import render_yearbook

    core = Secretariat(database)  # what the printed minutes and the yearly report read through
    target = Path(target)
    if not target.parent.is_dir():
        raise DomainError(f"پوشه «{target.parent}» پیدا نشد؛ بایگانی ساخته نشد.")
    run = ReportRun(progress, cancelled)
    timings = dict.fromkeys(PARTS, 0.0)
    created = clock.now()
    try:
        run.advance(0.0)
        started = time.perf_counter()
        records = year_records(database, year)
        timings["records"] = time.perf_counter() - started
        run.advance(0.10)
        try:
            handle, temporary_name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent
            )
        except OSError as error:
            raise DomainError(f"در پوشه «{target.parent}» نمی‌توان نوشت: {error.strerror or error}") from error
        temporary = Path(temporary_name)
        complete = False
        try:
            with os.fdopen(handle, "wb") as stream, _ArchiveWriter(stream, created) as writer:
                started = time.perf_counter()
                for index, (meeting_id, key, path) in enumerate(records.minutes):
                    begin, end = _slice(0.10, 0.50, index, len(records.minutes))
                    # What render_minutes does, with the gathered minutes kept for their code.
                    data = gather_minutes(core, meeting_id)
                    records.set_minutes_code(key, minutes_seal(data).code)
                    writer.add(
                        path,
                        minutes_pdf(
                            data,
                            printed_on=printed_on,
                            run=ReportRun(_scaled(run, begin, end), cancelled),
                            archived_at=created,
                        ),
                    )
                    run.advance(end)
                timings["minutes"] = time.perf_counter() - started - writer.take_time()
                started = time.perf_counter()
                printouts = _write_evaluation(core, writer, records, run, cancelled, printed_on, created)
                timings["evaluation"] = time.perf_counter() - started - writer.take_time()
                run.advance(0.55)
                started = time.perf_counter()
                _write_data(writer, records, created)
                timings["records"] += time.perf_counter() - started - writer.take_time()
                started = time.perf_counter()
                _write_attachments(database, writer, records, run)
                timings["attachments"] = time.perf_counter() - started - writer.take_time()
                started = time.perf_counter()
                report = render_yearbook(
                    core,
                    year,
                    printed_on=printed_on,
                    progress=_scaled(run, 0.70, 0.95),
                    cancelled=cancelled,
                    archived_at=created,
                )
                timings["report"] = time.perf_counter() - started
                writer.add(report_path(year), report)
                run.advance(0.95)
                manifest = Manifest(
                    year=year,
                    council=records.council["name"],
                    created_at=created.replace(tzinfo=None).isoformat(timespec="seconds"),
                    app_version=secretariat.__version__,
                    counts=_counts(records),
                    files=tuple(writer.entries),
                )
                writer.add(MANIFEST_PATH, manifest.to_json(), listed=False)
            run.check()
            started = time.perf_counter()
            os.replace(temporary, target)
            complete = True
            timings["writing"] = writer.seconds + time.perf_counter() - started
        except OSError as error:
            raise DomainError(f"پرونده «{target}» نوشته نشد: {error.strerror or error}") from error
        finally:
            if not complete:
                temporary.unlink(missing_ok=True)
    except ReportCancelled as cancel:
        raise ArchiveCancelled() from cancel
    run.advance(1.0)
    return ArchiveResult(
        path=target,
        year=year,
        size=target.stat().st_size,
        meetings=records.count("meetings"),
        resolutions=records.count("resolutions"),
        minutes=len(records.minutes),
        attachments=len(records.attachments),
        files=tuple(manifest.files),
        timings=timings,
        evaluation_printouts=printouts,
        letters=records.count("letters"),
        audit_entries=records.count("audit_entries"),
    )


def _write_data(writer: _ArchiveWriter, records: YearRecords, created: dt.datetime) -> None:
    writer.add(
        README_PATH,
        readme_text(
            year=records.year,
            council=records.council["name"],
            meetings=records.count("meetings"),
            resolutions=records.count("resolutions"),
            minutes=len(records.minutes),
            attachments=len(records.attachments),
            monthly_reports=records.count("monthly_reports"),
            report_files=len(records.report_files),
            evaluation=bool(records.count("evaluations")),
            letters=records.count("letters"),
            letter_documents=len(records.letter_documents),
            audit_entries=records.count("audit_entries"),
            created=f"{jalali.format_long(created.date())}، ساعت {to_persian_digits(f'{created:%H:%M}')}",
        ),
    )
    writer.add(RECORDS_PATH, records_json(records))
    for path, data in csv_files(records).items():
        writer.add(path, data)


def _write_attachments(
    database: Database, writer: _ArchiveWriter, records: YearRecords, run: ReportRun
) -> None:
    sizes = {row["key"]: row["size"] for row in records.tables["attachments"]}
    report_sizes = {row["key"]: row["size"] for row in records.tables["report_files"]}
    letter_sizes = [row["size"] for row in records.tables["letter_documents"]]
    total = max(1, sum(sizes.values()) + sum(report_sizes.values()) + sum(letter_sizes))
    done = 0
    with database.reading() as session:
        for (attachment_id, path), row in zip(
            records.attachments, records.tables["attachments"], strict=True
        ):
            run.check()
            writer.add(path, stored_content(session, attachment_id))
            done += sizes[row["key"]]
            run.advance(0.55 + 0.15 * done / total)
        for (file_id, path), row in zip(records.report_files, records.tables["report_files"], strict=True):
            run.check()
            _stored, data = report_file.stored_content(session, file_id)  # refused if its bytes changed
            writer.add(path, data)
            done += report_sizes[row["key"]]
            run.advance(0.55 + 0.15 * done / total)
    letters = LetterService(database)
    for (letter_id, path), size in zip(records.letter_documents, letter_sizes, strict=True):
        run.check()
        _filename, data = letters.document(letter_id)  # refused if its bytes changed
        writer.add(path, data)
        done += size
        run.advance(0.55 + 0.15 * done / total)
    run.advance(0.70)


def _counts(records: YearRecords) -> dict[str, int]:
    return {
        "meetings": records.count("meetings"),
        "resolutions": records.count("resolutions"),
        "follow_ups": records.count("follow_ups"),
        "minutes": len(records.minutes),
        "attachments": len(records.attachments),
        "monthly_reports": records.count("monthly_reports"),
        "report_files": len(records.report_files),
        "evaluations": records.count("evaluations"),
        "letters": records.count("letters"),
        "letter_documents": len(records.letter_documents),
        "audit_entries": records.count("audit_entries"),
    }


def _write_evaluation(
    core: Secretariat,
    writer: _ArchiveWriter,
    records: YearRecords,
    run: ReportRun,
    cancelled: CancelCheck | None,
    printed_on: dt.date | None,
    created: dt.datetime,
) -> int:
    """The year's evaluation printed into the archive (nothing without one); how many PDFs."""
    from secretariat.archive.evaluation_printouts import evaluation_printouts

    if not records.count("evaluations"):
        return 0
    printouts = evaluation_printouts(
        core,
        records.year,
        printed_on=printed_on,
        archived_at=created,
        run_for=lambda start, end: ReportRun(_scaled(run, 0.50 + 0.05 * start, 0.50 + 0.05 * end), cancelled),
    )
    for path, pdf in printouts:
        writer.add(path, pdf)
    return len(printouts)


def _slice(start: float, end: float, index: int, count: int) -> tuple[float, float]:
    width = (end - start) / max(1, count)
    return start + width * index, start + width * (index + 1)


def _scaled(run: ReportRun, start: float, end: float) -> Callable[[int, int], None]:
    """A report's ``progress(done, total)`` mapped onto ``start..end`` of the archive's."""

    def report(done: int, total: int) -> None:
        run.advance(start + (end - start) * (done / total if total else 1.0))

    return report


class _ArchiveWriter:
    """The ZIP being written: each file added with its SHA-256 noted for the manifest."""

    def __init__(self, stream: IO[bytes], created: dt.datetime) -> None:
        self.zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.stamp = created.timetuple()[:6]
        self.entries: list[ManifestEntry] = []
        self.seconds = 0.0  # spent writing, in all
        self._untaken = 0.0  # spent writing since ``take_time`` was last asked

    def __enter__(self) -> _ArchiveWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        started = time.perf_counter()
        self.zip.close()
        self._spent(time.perf_counter() - started)

    def add(self, path: str, data: bytes, *, listed: bool = True) -> None:
        started = time.perf_counter()
        info = zipfile.ZipInfo(path, date_time=self.stamp)
        info.external_attr = 0o644 << 16
        info.compress_type = (
            zipfile.ZIP_STORED if path.lower().endswith(_STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
        )
        self.zip.writestr(info, data)
        if listed:
            self.entries.append(ManifestEntry(path, len(data), hashlib.sha256(data).hexdigest()))
        self._spent(time.perf_counter() - started)

    def take_time(self) -> float:
        """Seconds spent writing since last asked (so a part's own time leaves them out)."""
        spent, self._untaken = self._untaken, 0.0
        return spent

    def _spent(self, seconds: float) -> None:
        self.seconds += seconds
        self._untaken += seconds
