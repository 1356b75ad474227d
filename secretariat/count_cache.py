"""Counts of a list's matches, remembered per filter until the data changes.

A list counts its matches on every change of filter ("۱۲۳ مصوبه"); going
back to a filter counted before, or reloading the same one, need not count
120,000 rows again. A count is remembered until anything is written:

- by this app: every committed save is numbered (``Database.commits``)
  before the change feed announces it, so a view that reloads on the
  announcement already counts anew;
- by another program or PC on the same SQLite file: each connection's
  ``PRAGMA data_version`` changes when another connection has committed, so
  a count is read again once any connection sees that.

PostgreSQL offers no such cheap check of other users' writes, so there
nothing is remembered: every count is made anew.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from sqlalchemy.orm import Session

from secretariat.database import Database

# The key under which a connection keeps the data_version it last read (SQLAlchemy's
# per-DBAPI-connection ``info``).
_VERSION_SEEN = "secretariat.count_cache.data_version"
# Filters remembered at most: a list's filters, and the searches typed into it.
_MOST = 256


class CountCache:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._enabled = database.engine.dialect.name == "sqlite"
        self._lock = threading.Lock()
        self._counts: dict[Hashable, tuple[tuple[int, int], int]] = {}  # key: (stamp, count)
        # Bumped when a connection sees another's commit.
        self._others = 0

    def count(self, session: Session, key: Hashable, counting: Callable[[], int]) -> int:
        """The count under ``key``, remembered, or ``counting()`` (read in ``session``) if the
        data may have changed since."""
        if not self._enabled:
            return counting()
        commits = self._db.commits  # before the snapshot begins: a commit after it changes it
        self._check_version(session)  # begins the snapshot the count is read in
        stamp = (commits, self._others)
        with self._lock:
            remembered = self._counts.get(key)
        if remembered is not None and remembered[0] == stamp:
            return remembered[1]
        value = counting()
        with self._lock:
            # Kept only if nothing committed meanwhile: the count may predate it.
            if stamp == (self._db.commits, self._others):
                if len(self._counts) >= _MOST:
                    self._counts.clear()
                self._counts[key] = (stamp, value)
        return value

    def _check_version(self, session: Session) -> None:
        connection = session.connection()
        version = connection.exec_driver_sql("PRAGMA data_version").scalar()
        info = connection.connection.info
        if info.get(_VERSION_SEEN) != version:
            # Another connection committed since this one last looked (or it never looked).
            info[_VERSION_SEEN] = version
            with self._lock:
                self._others += 1
