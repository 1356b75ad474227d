"""Opening the council's database: checks, migration, transactions.

``open_database`` refuses, with a Persian message and without touching the
file, anything that is not this app's database or that a newer version of
the app wrote; it backs up an older database before migrating it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, SQLColumnExpression, event, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db import engine as db_engine
from db import schema
from secretariat import changes
from secretariat.errors import DatabaseOpenError, DomainError
from secretariat.maintenance import backup
from secretariat.persian import collation

SQLITE_HEADER = b"SQLite format 3\x00"
COLLATION_NAME = "persian"
# PostgreSQL: an ICU collation that orders Persian as collation.sort_key does.
# ICU's own "fa-IR-x-icu" sorts digits as text (منطقه ۱۰ before منطقه ۲), so
# the app makes this one, with numeric ordering ("kn"), when it opens the
# database; it is not part of the migrated schema.
POSTGRES_COLLATION = "secretariat_persian"
POSTGRES_COLLATION_LOCALE = "fa-IR-u-kn-true"


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


def open_database(location: str | Path, *, create: bool = True) -> Database:
    """Open (and create or migrate) the database at a path or URL."""
    location_text = str(location)
    if "://" in location_text:
        return _open(location_text, path=None)
    path = Path(location).expanduser()
    if path.exists():
        _check_is_sqlite(path)
    elif not create:
        raise DatabaseOpenError(f"پرونده «{path}» پیدا نشد.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    return _open(db_engine.sqlite_url(path), path=path)


def _check_is_sqlite(path: Path) -> None:
    if path.is_dir():
        raise DatabaseOpenError(f"«{path}» یک پوشه است، نه پرونده پایگاه داده.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseOpenError(f"پرونده «{path}» خوانده نشد: {error.strerror}") from error
    if header and header != SQLITE_HEADER:
        raise DatabaseOpenError(
            f"پرونده «{path.name}» پایگاه داده این برنامه نیست یا آسیب دیده است؛ چیزی در آن تغییر داده نشد."
        )


def _open(url: str, *, path: Path | None) -> Database:
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
        engine.dispose()
        engine = db_engine.make_engine(url, collations={COLLATION_NAME: collation.compare})
        if state is schema.SchemaState.OLDER and path is not None:
            backup_sqlite(engine, path, reason="before-upgrade")
        if state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER):
            schema.upgrade(engine)
        if engine.dialect.name == "postgresql":
            _create_postgres_collation(engine)
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


def _create_postgres_collation(engine: Engine) -> None:
    """Make ``POSTGRES_COLLATION`` in the database's schema, unless it is there already."""
    find = text("SELECT 1 FROM pg_collation WHERE collname = :name AND pg_collation_is_visible(oid)")
    with engine.connect() as connection:
        if connection.execute(find, {"name": POSTGRES_COLLATION}).first() is not None:
            return  # no CREATE right needed to open a database made before
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    f'CREATE COLLATION IF NOT EXISTS "{POSTGRES_COLLATION}" '
                    f"(provider = icu, locale = '{POSTGRES_COLLATION_LOCALE}')"
                )
            )
    except IntegrityError:
        pass  # another PC made it at the same moment
    except DatabaseError as error:
        raise DatabaseOpenError(
            "ترتیب الفبای فارسی (ICU) در پایگاه داده PostgreSQL ساخته نشد؛ کارگزار باید با ICU "
            "ساخته شده باشد و کاربر برنامه اجازه ساختن در طرح‌واره پایگاه داده را داشته باشد. "
            f"(جزئیات: {error.orig})"
        ) from error


def backup_sqlite(engine: Engine, path: Path, *, reason: str) -> Path:
    """A consistent copy of the live database beside it (see ``secretariat.maintenance.backup``)."""
    raw = engine.raw_connection()
    try:
        # A SQLite engine: its driver's connection is the sqlite3 one.
        connection = cast(sqlite3.Connection, raw.driver_connection)
        return backup.backup_beside(connection, path, reason=reason).path
    finally:
        raw.close()
