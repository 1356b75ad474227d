"""``PRAGMA quick_check`` of a database file before it is opened, read-only; startable ahead.

Opening a database checks that its pages are sound (``open_database``).
SQLite reads every page for that, which takes a while on a large file (half
a second for 120,000 resolutions on a laptop), nearly all of it inside
SQLite, where Python's other threads run on. At start-up the app starts the
check (``start``) before it imports the database layer, so that both go on
at once, and the opening then takes its result (``passed``).

The file is looked at as ``read_only_uri`` says: without locks or files
beside it unless it is in use. This module imports nothing but the standard
library and ``backup_check``.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from secretariat.maintenance.backup_check import read_only_uri

# How long the look at a file waits for another program's write (then it is left to the opening).
TIMEOUT_SECONDS = 2.0


class QuickCheck:
    def __init__(self, path: Path):
        self.path = path
        self._thread: threading.Thread | None = None
        self._passed: bool | None = None

    def start(self) -> QuickCheck:
        """Run the check in a thread of its own from now on."""
        if self._thread is None:
            # A daemon: an app that ends meanwhile does not wait for a check nobody needs any more.
            self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
            self._thread.start()
        return self

    def passed(self) -> bool | None:
        """True: the file is sound; False: it is damaged; None: it could not be read this way
        (busy, locked, not readable read-only), which the opening itself then reports."""
        if self._thread is None:
            self._run()
        else:
            self._thread.join()
        return self._passed

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(read_only_uri(self.path), uri=True, timeout=TIMEOUT_SECONDS)
            with closing(connection):
                result = [row[0] for row in connection.execute("PRAGMA quick_check")]
        except sqlite3.OperationalError:
            self._passed = None
        except sqlite3.DatabaseError:  # "malformed", "not a database"
            self._passed = False
        else:
            self._passed = result == ["ok"]
