"""Benchmark: a backup of the full 20-year database, and checking a backup file.

Prints the size of the database (bytes and rows) and, each the median over
``--runs`` runs:
- ``backup_to``: the online backup of the open database to a new file,
  checked (``PRAGMA integrity_check``, that it opens as ours), flushed to
  the disk and moved into place - target <= 5 s;
- beside it, the baseline measured in the same run: ``shutil.copyfile`` of
  the (checkpointed) database file, which is not a safe backup of a file in
  use, but is the least any copy costs;
- ``inspect_backup`` of the result (what a restore checks first);
- ``restore`` of the result onto a scratch database (safety copy, copy,
  replace, open), once.

    python -m bench.bench_backup [--runs N] [--db PATH]

``--db`` opens PATH as the app does (it is switched to WAL): give it a copy.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from bench.measure import run_on_database
from secretariat.core import Secretariat
from secretariat.maintenance.backup import backup_to
from secretariat.maintenance.backup_check import inspect_backup
from secretariat.maintenance.restore import restore

TARGET_SECONDS = 5.0
TABLES = (
    "agency",
    "person",
    "representation",
    "meeting",
    "invitation",
    "resolution",
    "assignment",
    "follow_up",
    "deadline_change",
)


def seconds(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def line(label: str, times: list[float], target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = "  ok" if statistics.median(times) <= target else f"  OVER {target:g} s"
    print(f"{label:44s} median {statistics.median(times):7.3f} s   max {max(times):7.3f} s{verdict}")


def bench(secretariat: Secretariat, runs: int) -> None:
    database = secretariat.database  # a backup is of the database as a whole
    path: Path = database.path
    with database.engine.connect() as connection:
        counts = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in TABLES
        }
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    print(f"database: {path.name}, {size:,} bytes ({size / 2**20:.1f} MiB)")
    print("rows: " + ", ".join(f"{count:,} {table}" for table, count in counts.items()))

    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        folder = Path(folder)
        plain = seconds(lambda: shutil.copyfile(path, folder / "plain-copy.sqlite3"), runs)
        target = folder / "backup.sqlite3"
        ours = seconds(lambda: backup_to(database, target), runs)
        checks = seconds(lambda: inspect_backup(target), runs)
        record = backup_to(database, target)
        scratch = folder / "scratch" / "council.sqlite3"
        scratch.parent.mkdir()
        shutil.copyfile(path, scratch)
        restoring = seconds(lambda: restore(scratch, target), 1)
        leftovers = sorted(p.name for p in scratch.parent.iterdir())

    print(f"\nbackup: {record.size:,} bytes, revision {record.revision}, sha256 {record.sha256[:16]}...")
    line("shutil.copyfile (baseline, not consistent)", plain)
    line("backup_to (online backup, checked, fsynced)", ours, TARGET_SECONDS)
    print(f"{'':44s} = {statistics.median(ours) / statistics.median(plain):.0f}x the plain copy")
    line("inspect_backup of the backup", checks)
    line("restore onto a scratch database (1 run)", restoring)
    print(f"scratch folder after the restore: {', '.join(leftovers)}")
    print(f"\ntarget: backup_to <= {TARGET_SECONDS:g} s   (cpu count {os.cpu_count()})")


if __name__ == "__main__":
    run_on_database(bench, __doc__.splitlines()[0], runs=5)
