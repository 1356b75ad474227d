"""Figure: the yearly archive of the busiest Jalali year (``export_archive``), once.

The year with the most resolutions first gets a signed scan of 300 KB
(incompressible, as a scanned image is) for every finalized meeting, as an
office would have; this writes to the run's copy of the database, so it
comes last. The note gives the year, its size and each part's time
(records, minutes PDFs, files, yearly report, writing the ZIP).
Target: <= 60 s; no baseline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, stopwatch
from db.models import Attachment, AttachmentContent, Meeting, Resolution
from secretariat.archive import export_archive
from secretariat.database import Database

SCAN_KB = 300


def busiest_year(database: Database) -> int:
    with database.reading() as session:
        year: int = session.execute(
            select(Meeting.jalali_year, func.count(Resolution.id))
            .join(Resolution, Resolution.meeting_id == Meeting.id)
            .group_by(Meeting.jalali_year)
            .order_by(func.count(Resolution.id).desc())
            .limit(1)
        ).one()[0]
    return year


def add_scans(database: Database, year: int, kilobytes: int = SCAN_KB) -> int:
    """A signed scan for every finalized meeting of ``year`` not signed yet; how many."""
    count = 0
    with database.transaction() as session:
        meetings = session.scalars(
            select(Meeting).where(
                Meeting.jalali_year == year, Meeting.status == "finalized", Meeting.signed_at.is_(None)
            )
        ).all()
        for meeting in meetings:
            data = b"%PDF-1.4\n" + os.urandom(kilobytes * 1024)
            added = dt.datetime.combine(meeting.date, dt.time(12)) + dt.timedelta(days=10)
            attachment = Attachment(
                meeting_id=meeting.id,
                kind="signed_minutes",
                filename=f"scan-{meeting.number}.pdf",
                media_type="application/pdf",
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                description="",
                added_at=added,
            )
            session.add(attachment)
            session.flush()
            session.add(AttachmentContent(attachment_id=attachment.id, data=data))
            meeting.signed_at = added
            count += 1
    return count


def archive_figure(database: Database, folder: Path) -> Figure:
    figure = Figure("archive, the busiest year", "s", Target(median=60))

    def measure(figure: Figure) -> None:
        year = busiest_year(database)
        scans = add_scans(database, year)
        with tempfile.TemporaryDirectory(dir=folder) as name:
            target = Path(name) / f"archive-{year}.zip"
            results = []
            figure.samples.append(
                stopwatch(lambda: results.append(export_archive(database, year, target)), "s")
            )
            result = results[0]
            parts = ", ".join(f"{part} {seconds:.1f} s" for part, seconds in result.timings.items())
            figure.note = (
                f"{year}: {result.minutes} minutes, {result.attachments} files ({scans} scans of "
                f"{SCAN_KB} KB added), ZIP {result.size / 2**20:.0f} MiB; {parts}"
            )

    return attempt(figure, measure)
