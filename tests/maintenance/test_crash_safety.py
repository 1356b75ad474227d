"""Lose nothing to a crash: a process killed while saving leaves a database
that opens, passes the integrity check and holds every change it reported
as saved; a backup being written when it is killed never leaves half a file
at the backup's name.

A writer (``tests/support/crash_writer.py``) saves records through the real services
and prints each id after its transaction commits; it is killed (SIGKILL, no
clean-up of any kind) after a random delay, many times over the same file.

    SECRETARIAT_CRASH_ROUNDS=500 pytest tests/maintenance/test_crash_safety.py -s   # a longer run
    SECRETARIAT_CRASH_SEED=7 ...                                          # other moments
"""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from secretariat.database import open_database
from secretariat.maintenance.backup_check import BackupKind, inspect_backup

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("SECRETARIAT_CRASH_ROUNDS", "30"))
SEED = int(os.environ.get("SECRETARIAT_CRASH_SEED", "1405"))
MAX_DELAY_SECONDS = 0.35
TABLES = ("agency", "person", "representation")


def run_and_kill(database: Path, round_number: int, mode: str, delay: float, target: Path) -> list[str]:
    """Start the writer, kill it ``delay`` seconds after it is ready; the lines it had printed whole."""
    args = [
        sys.executable,
        "-m",
        "tests.support.crash_writer",
        str(database),
        str(round_number),
        mode,
        str(target),
    ]
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready = process.stdout.readline()
        assert ready == b"ready\n", process.stderr.read().decode("utf-8", "replace")
        try:
            process.wait(timeout=delay)  # it never ends by itself: this is the random moment
        except subprocess.TimeoutExpired:
            pass
        process.kill()  # SIGKILL on POSIX: no handler, no flush, no close
        output = process.stdout.read()
        process.wait()
        errors = process.stderr.read().decode("utf-8", "replace")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if os.name == "posix":
        assert process.returncode == -signal.SIGKILL, f"the writer stopped by itself:\n{errors}"
    # A line cut short by the kill was not acknowledged.
    return output.decode("utf-8").split("\n")[:-1]


def check_database(path: Path, acknowledged: dict[str, set[int]], context: str) -> None:
    database = open_database(path, create=False)
    try:
        with database.engine.connect() as connection:
            integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            assert integrity == ["ok"], f"{context}: {integrity}"
            for table in TABLES:
                present = set(connection.execute(text(f"SELECT id FROM {table}")).scalars())
                missing = acknowledged[table] - present
                assert not missing, (
                    f"{context}: {table} ids reported saved but missing: {sorted(missing)[:20]}"
                )
    finally:
        database.close()


def test_a_writer_killed_at_random_moments_loses_nothing_it_reported_saved(tmp_path):
    rng = random.Random(SEED)
    path = tmp_path / "council.sqlite3"
    target = tmp_path / "backups" / "council-copy.sqlite3"
    open_database(path).close()
    acknowledged: dict[str, set[int]] = {table: set() for table in TABLES}
    backups_reported = 0
    for round_number in range(ROUNDS):
        # Every fourth round also takes backups between writes, so some kills land inside one.
        mode = "backup" if round_number % 4 == 3 else "write"
        delay = rng.uniform(0, MAX_DELAY_SECONDS)
        context = f"seed {SEED}, round {round_number}, {mode}, killed {delay:.3f} s after ready"
        for line in run_and_kill(path, round_number, mode, delay, target):
            kind, value = line.split(" ", 1)
            if kind == "backup":
                backups_reported += 1
            else:
                acknowledged[kind].add(int(value))

        check_database(path, acknowledged, context)
        if target.exists():  # the old backup or a whole new one, never a part of one
            info = inspect_backup(target)
            assert info.kind is BackupKind.SAME, f"{context}: {info.message}"

    writes = sum(len(ids) for ids in acknowledged.values())
    print(
        f"\ncrash test: seed {SEED}, {ROUNDS} kills, {writes} writes reported saved "
        f"({', '.join(f'{len(ids)} {table}' for table, ids in acknowledged.items())}), "
        f"{backups_reported} backups reported, all present after every kill"
    )
    assert writes > ROUNDS  # the kills did land among the writes
    if ROUNDS >= 4:
        assert backups_reported > 0 and target.exists()
