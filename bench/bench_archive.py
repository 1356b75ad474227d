"""Benchmark: the yearly archive of the fullest Jalali year at the scale of DESIGN.md.

The database (``--db PATH``, or one generated for the run: 20 years, 1,000
meetings, 30,000 resolutions) is copied first, so the given file is never
changed; the copy gets a signed scan of ``--scan-kb`` kilobytes (default 300,
0 for none) for every finalized meeting of the year, as an office would have.
Prints the year's meetings, resolutions, follow-up entries and files, the
time of the whole export and of each part (reading the records, the minutes
PDFs, the files, the yearly report, writing the ZIP), the ZIP's size, and the
time to verify it. Target: the export <= 60 s.

    python -m bench.bench_archive [--db PATH] [--year Y] [--scan-kb KB]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from db.models import Attachment, AttachmentContent, FollowUp, Meeting, Resolution
from secretariat.archive import export_archive, verify_archive
from secretariat.database import Database, open_database

TARGET_S = 60.0


def fullest_year(database: Database) -> int:
    with database.reading() as session:
        return session.execute(
            select(Meeting.jalali_year, func.count(Resolution.id))
            .join(Resolution, Resolution.meeting_id == Meeting.id)
            .group_by(Meeting.jalali_year)
            .order_by(func.count(Resolution.id).desc())
            .limit(1)
        ).one()[0]


def add_scans(database: Database, year: int, kilobytes: int) -> int:
    """A signed scan (incompressible, as a scanned image is) for every finalized meeting of ``year``."""
    if kilobytes <= 0:
        return 0
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


def bench(database: Database, folder: Path, year: int | None, scan_kb: int) -> None:
    year = year or fullest_year(database)
    scans = add_scans(database, year, scan_kb)
    with database.reading() as session:
        in_year = Meeting.jalali_year == year
        meetings = session.scalar(select(func.count()).where(in_year))
        finalized = session.scalar(select(func.count()).where(in_year, Meeting.status == "finalized"))
        resolutions = session.scalar(
            select(func.count(Resolution.id))
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(in_year)
        )
        follow_ups = session.scalar(
            select(func.count(FollowUp.id))
            .join(Resolution, Resolution.id == FollowUp.resolution_id)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(in_year)
        )
    print(
        f"year {year}: {meetings} meetings ({finalized} finalized), {resolutions} resolutions, "
        f"{follow_ups} follow-up entries, {scans} signed scans of {scan_kb} KB added"
    )
    target = folder / f"archive-{year}.zip"
    started = time.perf_counter()
    result = export_archive(database, year, target)
    total = time.perf_counter() - started
    verdict = "ok" if total <= TARGET_S else f"OVER {TARGET_S:g} s"
    print(f"\nexport_archive                 {total:7.2f} s   {verdict} (target <= {TARGET_S:g} s)")
    labels = {
        "records": "reading the records",
        "minutes": f"the minutes PDFs ({result.minutes})",
        "attachments": f"the files ({result.attachments})",
        "report": "the yearly report",
        "writing": "writing the ZIP",
    }
    for part, label in labels.items():
        print(f"  {label:29s}{result.timings[part]:7.2f} s")
    print(f"ZIP: {result.size / 1024 / 1024:.1f} MB, {len(result.files) + 1} files")
    started = time.perf_counter()
    verified = verify_archive(target)
    print(
        f"verify_archive                 {time.perf_counter() - started:7.2f} s   "
        f"({verified.matching} of {verified.checked} files match)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a generated database (copied first; default: generate one)")
    parser.add_argument("--year", type=int, help="the Jalali year (default: the one with most resolutions)")
    parser.add_argument(
        "--scan-kb", type=int, default=300, help="signed scan per finalized meeting, KB (0: none)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "bench.sqlite3"
        if args.db is None:
            from bench.generate import generate

            started = time.perf_counter()
            generate(path)
            print(f"generated in {time.perf_counter() - started:.1f} s")
        else:
            shutil.copyfile(args.db, path)
        database = open_database(path, create=False)
        try:
            bench(database, folder, args.year, args.scan_kb)
        finally:
            database.close()


if __name__ == "__main__":
    main()
