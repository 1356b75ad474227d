"""Opening the council's database: checks, migration, transactions.

``open_database`` refuses, with a Persian message and without touching the
file, anything that is not this app's database, that a newer version of
the app wrote, or that is damaged: a file shorter than its header says
(cut short) or one that fails ``PRAGMA quick_check`` (scribbled pages),
looked at read-only before anything is written. It backs up an older
database before migrating it.

``read_only=True`` (the command line's lists, reports, backups...) never
makes or fills a database: a missing file, a zero-byte file or a database
without the app's tables is refused rather than created; the journal mode
is left as it is. An older database is still backed up and migrated: its
data cannot be read otherwise.

Once a file is open, the stale temporary files of killed backups beside it
are removed (see ``secretariat.maintenance.leftovers``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, SQLColumnExpression, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import engine as db_engine
from db import schema
from secretariat import changes
from secretariat.errors import DatabaseOpenError, DomainError
from secretariat.maintenance import backup, leftovers
from secretariat.maintenance.backup_check import HEADER_SIZE, read_only_uri, sidecar, truncated
from secretariat.persian import collation

SQLITE_HEADER = b"SQLite format 3\x00"
# How long the look at a file waits for another program's write (then it is left to the opening).
CHECK_TIMEOUT_SECONDS = 2.0
COLLATION_NAME = "persian"
# PostgreSQL: the ICU collation that orders Persian as collation.sort_key does.
POSTGRES_COLLATION = "fa-IR-x-icu"


class Database:
    """One open council database; hands out one session per unit of work."""

    def __init__(self, engine: Engine, path: Path | None):
        self.engine = engine
        self.path = path
        self._sessions: sessionmaker[Session] = db_engine.make_session_factory(engine)
        event.listen(self._sessions, "after_flush", changes.collect_flushed)
        # Every committed transaction says here what it changed (see secretariat.changes).
        self.changes = changes.ChangeFeed()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: all of it is saved, or (on any error) none of it.

        Once it is saved, what it changed is published on ``self.changes``.
        """
        with self._sessions.begin() as session:
            yield session
            session.flush()  # the last writes, so that their changes are counted
        self.changes.publish(changes.take_changes(session))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def persian_order(self, expression: SQLColumnExpression[str]) -> SQLColumnExpression[str]:
        """``expression`` sorted in Persian alphabetical order on this engine."""
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            return expression.collate(COLLATION_NAME)
        if dialect == "postgresql":
            return expression.collate(POSTGRES_COLLATION)
        return expression

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: str | Path, *, create: bool = True, read_only: bool = False) -> Database:
    """Open (and create or migrate) the database at a path or URL.

    ``create=False`` refuses a missing file; ``read_only=True`` also refuses
    an empty one (see the module's note).
    """
    location_text = str(location)
    if "://" in location_text:
        return _open(location_text, path=None, read_only=read_only)
    path = Path(location).expanduser()
    if path.exists():
        _check_is_sqlite(path, read_only=read_only)
    elif not create or read_only:
        raise DatabaseOpenError(f"پرونده «{path}» پیدا نشد.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    database = _open(db_engine.sqlite_url(path), path=path, read_only=read_only)
    leftovers.remove_leftovers(path)  # what killed backups left beside it
    return database


def _check_is_sqlite(path: Path, *, read_only: bool) -> None:
    """Refuse a folder, another kind of file, or a damaged database; only reads the file."""
    if path.is_dir():
        raise DatabaseOpenError(f"«{path}» یک پوشه است، نه پرونده پایگاه داده.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise DatabaseOpenError(f"پرونده «{path}» خوانده نشد: {error.strerror}") from error
    if not header:
        if read_only:
            raise DatabaseOpenError(
                f"پرونده «{path.name}» خالی است و پایگاه داده‌ای در آن نیست؛ چیزی در آن نوشته نشد."
            )
        return  # an empty file: made into a new database, as a missing one would be
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseOpenError(
            f"پرونده «{path.name}» پایگاه داده این برنامه نیست یا آسیب دیده است؛ چیزی در آن تغییر داده نشد."
        )
    damaged = DatabaseOpenError(
        f"پرونده «{path.name}» آسیب دیده یا ناقص است (بررسی درستی آن ناموفق بود)؛ "
        "چیزی در آن تغییر داده نشد. آخرین پشتیبان را بازگردانید."
    )
    if len(header) < HEADER_SIZE or truncated(header, size, has_wal=sidecar(path, "-wal").exists()):
        raise damaged
    try:
        # Read-only, and without locks or files beside it unless it is in use (see read_only_uri).
        with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_SECONDS)) as check:
            result = [row[0] for row in check.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError:
        return  # busy, locked, not readable this way: the opening itself reports it
    except sqlite3.DatabaseError as error:  # "malformed", "not a database"
        raise damaged from error
    if result != ["ok"]:
        raise damaged


def _open(url: str, *, path: Path | None, read_only: bool) -> Database:
    # Look before changing anything: the checks read through an engine that
    # leaves the journal mode alone (switching to WAL rewrites the header of
    # a file that is about to be refused).
    engine = db_engine.make_engine(url, wal=False)
    try:
        state = schema.state(engine)
        if state is schema.SchemaState.FOREIGN:
            raise DatabaseOpenError(
                "این پرونده پایگاه داده دبیرخانه نیست (جدول‌های آن از برنامه دیگری است)؛ "
                "چیزی در آن تغییر داده نشد."
            )
        if state is schema.SchemaState.NEWER:
            raise DatabaseOpenError(
                "این پایگاه داده را نسخه تازه‌تری از برنامه ساخته است. "
                "برای باز کردن آن، برنامه را به‌روز کنید؛ چیزی در آن تغییر داده نشد."
            )
        if state is schema.SchemaState.EMPTY and read_only:
            raise DatabaseOpenError("این پایگاه داده خالی است و شورایی در آن نیست؛ چیزی در آن نوشته نشد.")
        engine.dispose()
        engine = db_engine.make_engine(url, collations={COLLATION_NAME: collation.compare}, wal=not read_only)
        if state is schema.SchemaState.OLDER and path is not None:
            backup_sqlite(engine, path, reason="before-upgrade")
        if state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER):
            schema.upgrade(engine)
    except DomainError:  # a refusal, or a before-upgrade backup that could not be taken
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise DatabaseOpenError(
            "پایگاه داده باز نشد؛ پرونده آسیب دیده یا در دسترس نیست. "
            f"(جزئیات: {error.orig if hasattr(error, 'orig') else error})"
        ) from error
    return Database(engine, path)


def backup_sqlite(engine: Engine, path: Path, *, reason: str) -> Path:
    """A consistent copy of the live database beside it (see ``secretariat.maintenance.backup``)."""
    raw = engine.raw_connection()
    try:
        # A SQLite engine: its driver's connection is the sqlite3 one.
        connection = cast(sqlite3.Connection, raw.driver_connection)
        return backup.backup_beside(connection, path, reason=reason).path
    finally:
        raw.close()
