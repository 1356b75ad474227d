"""The app's one open database, and swapping it when a backup is restored.

The start-up code (``ui/app.py``) opens the database, hands it to a
``DatabaseHost`` and closes ``host.database`` when the app ends, whichever
database that is by then. A restore replaces the file under the app:
``replace_file(change)`` closes the database (every pooled connection: the
core's ``restore`` refuses a file still open in WAL mode), lets ``change``
work on the closed file, and opens the file again as start-up does, with
``open_database`` (which migrates a backup from an older version). The
window drops everything it built on the old database before, and attaches
services of the new one after (``MainWindow.detach`` / ``attach``).

The windows never open a session: this module only opens and closes whole
databases, through the core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from secretariat.database import Database, open_database
from secretariat.errors import DomainError

T = TypeVar("T")


class ReopenError(DomainError):
    """The file was changed but could not be opened again; the app has no database now."""


class DatabaseHost:
    def __init__(self, database: Database, *, opener: Callable[..., Database] = open_database):
        self.database: Database | None = database
        self._opener = opener

    @property
    def path(self) -> Path | None:
        return self.database.path if self.database is not None else None

    def is_file(self) -> bool:
        """A SQLite file (backed up and restored here), not a database on a server."""
        return (
            self.database is not None
            and self.database.path is not None
            and self.database.engine.dialect.name == "sqlite"
        )

    def replace_file(self, change: Callable[[Path], T]) -> T:
        """Close the database, run ``change(path)`` on the closed file, open the file again.

        The file is opened again even when ``change`` fails (a refused
        restore leaves the old database in place), and ``change``'s error is
        then raised. ``ReopenError`` when the file does not open again.
        """
        assert self.database is not None and self.database.path is not None, "a SQLite file database"
        old, path = self.database, self.database.path
        old.close()
        try:
            result = change(path)
        finally:
            old.close()  # a connection taken after the first close (a straggler) goes too
            self.database = None
            try:
                self.database = self._opener(path, create=False)
            except DomainError as error:
                raise ReopenError(error.message) from error
        return result

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
