"""The engine and session factory, with the SQLite settings of DESIGN.md.

SQLite: WAL (readers never block the writer), foreign keys enforced, a busy
timeout for the second PC or the backup job, and ``synchronous=FULL`` so a
power cut after a save loses nothing. A connection of ``for_writing(engine)``
begins with ``BEGIN IMMEDIATE``: it takes the write lock (waiting at most the
busy timeout) before its first read, so what a save reads to number
something (the last meeting's number) cannot change before it commits.
Other connections begin deferred, as readers.

PostgreSQL: a save waits for a lock (the numbering lock of another save, a
row another save is changing) at most the same busy timeout (``SET LOCAL
lock_timeout`` as it begins), then fails with SQLSTATE 55P03, which the
caller turns into the same busy refusal as on SQLite. Collations (the Persian order) and
SQL functions (the search folding) are supplied by the caller, so this layer knows nothing
about Persian.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

Collation = Callable[[str, str], int]
TextFunction = Callable[[str | None], str]  # a deterministic one-argument SQL function over text

BUSY_TIMEOUT_MS = 5000

# How many rows of each index SQLite's ANALYZE (and ``PRAGMA optimize``) reads:
# statistics good enough to choose a plan, in a bounded time whatever the size
# of the file (a full ANALYZE reads every index, slow on a network share).
SQLITE_ANALYSIS_LIMIT = 1000
# How long a closing connection waits for the write lock to store fresh statistics: a
# moment, not the busy timeout (another PC saving must not hold up closing the app).
OPTIMIZE_BUSY_TIMEOUT_MS = 100

# The execution option that makes a SQLite connection begin with the write lock.
WRITE_TRANSACTION = "secretariat_write_transaction"


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path)}"


def make_engine(
    url: str,
    *,
    collations: Mapping[str, Collation] | None = None,
    functions: Mapping[str, TextFunction] | None = None,
    wal: bool = True,
    optimize: bool = False,
) -> Engine:
    """An engine with the settings above.

    ``wal=False`` leaves the file's journal mode as it is: switching to WAL
    rewrites the file's header, so a file that is only being looked at (and
    may be refused) is opened without it. ``optimize=True``: each SQLite
    connection runs ``PRAGMA optimize`` as it closes, which refreshes the
    query planner's statistics of the tables it used once they have grown
    (SQLite's advice for long-lived connections); for a database that is
    written to, not one only looked at.
    """
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, collations or {}, functions or {}, wal=wal, optimize=optimize)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return engine


def _configure_sqlite(
    engine: Engine,
    collations: Mapping[str, Collation],
    functions: Mapping[str, TextFunction],
    *,
    wal: bool,
    optimize: bool,
) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        for name, collation in collations.items():
            dbapi_connection.create_collation(name, collation)
        for name, function in functions.items():
            dbapi_connection.create_function(name, 1, function, deterministic=True)
        # The driver's own BEGIN (deferred, and only before the first write) is
        # off: ``on_begin`` says when and how a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        if wal and engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    if optimize:

        @event.listens_for(engine, "close")
        def on_close(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            try:
                dbapi_connection.execute(f"PRAGMA busy_timeout={OPTIMIZE_BUSY_TIMEOUT_MS}")
                dbapi_connection.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # busy, or read-only: the statistics wait for another time

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_TRANSACTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_TRANSACTION, False):
            # Read when the save begins, so that a test may shorten it. LOCAL: until the save ends.
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")


def for_writing(engine: Engine) -> Engine:
    """The same engine (and pool), whose SQLite transactions begin holding the write lock."""
    return engine.execution_options(**{WRITE_TRANSACTION: True})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit: services hand back plain data.
    return sessionmaker(engine, expire_on_commit=False)
