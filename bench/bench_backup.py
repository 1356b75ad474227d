"""Figure: a backup of the whole database (``backup_to``), as the backup menu and the daily backup make it.

The online backup of the open database to a new file, checked (``PRAGMA
integrity_check``, that it opens as ours), flushed to the disk and moved
into place. Beside it in the same run: ``shutil.copyfile`` of the
(checkpointed) file, which is no safe backup of a file in use but is the
least any copy costs. Target: <= 5 s.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.measure import Figure, Target, attempt, repeat, stopwatch
from secretariat.database import Database
from secretariat.maintenance.backup import backup_to


def backup_figure(database: Database, runs: int) -> Figure:
    path = database.path
    assert path is not None  # the benchmark's database is a file
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    figure = Figure(
        "backup",
        "s",
        Target(median=5),
        note=f"the whole file ({path.stat().st_size / 2**20:.0f} MiB); baseline a plain file copy",
    )
    with tempfile.TemporaryDirectory(dir=path.parent) as name:
        folder = Path(name)
        return attempt(
            figure,
            lambda f: repeat(
                f,
                lambda run: stopwatch(lambda: backup_to(database, folder / "backup.sqlite3"), "s"),
                lambda run: stopwatch(lambda: shutil.copyfile(path, folder / "plain-copy.sqlite3"), "s"),
                runs=min(runs, 3),
                warm_up=False,
            ),
        )
