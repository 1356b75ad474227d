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

A save (``Database.transaction``) holds the database's write lock from its
first statement (``BEGIN IMMEDIATE`` on SQLite; a lock per numbering on
PostgreSQL, see ``lock_numbering``), so the numbers it reads and stores
cannot be taken by a save at the same moment. A database that stays busy
past the busy timeout, a full disk, or a number taken all the same end the
save with a Persian refusal, and nothing of it is kept.
"""

from __future__ import annotations

import errno
import functools
import itertools
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, SQLColumnExpression, event, func, literal_column, select, text
from sqlalchemy.exc import DatabaseError, DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from db import engine as db_engine
from db import schema
from db.models import UserAccount
from secretariat import changes
from secretariat.errors import (
    DatabaseBusyError,
    DatabaseOpenError,
    DomainError,
    NumberTakenError,
    StorageFullError,
    UnstorableValueError,
)
from secretariat.maintenance import backup, leftovers
from secretariat.maintenance.backup_check import HEADER_SIZE, sidecar, truncated
from secretariat.maintenance.quick_check import QuickCheck
from secretariat.office import access, audit, desks, versions
from secretariat.persian import collation
from secretariat.persian.text import fold, fold_translation

SQLITE_HEADER = b"SQLite format 3\x00"
COLLATION_NAME = "persian"
# PostgreSQL: an ICU collation that orders Persian as collation.sort_key does.
# ICU's own "fa-IR-x-icu" sorts digits as text (منطقه ۱۰ before منطقه ۲), so
# the app makes this one, with numeric ordering ("kn"), when it opens the
# database; it is not part of the migrated schema.
POSTGRES_COLLATION = "secretariat_persian"
POSTGRES_COLLATION_LOCALE = "fa-IR-u-kn-true"
# SQLite: the core's ``fold`` as a SQL function, for searching text that has no folded copy stored.
FOLD_FUNCTION = "secretariat_fold"
# A search reads the same texts again at each pause in the typing (a council's few thousand agenda
# titles, halls and occasions): their folded forms are kept, not made anew for every row each time.
_remembered_fold = functools.lru_cache(maxsize=16384)(fold)

BUSY_MESSAGE = (
    "پایگاه داده در حال استفاده است (رایانه یا برنامه دیگری در حال ذخیره در آن است)؛ "
    "چیزی ذخیره نشد. چند لحظه دیگر دوباره تلاش کنید."
)
FULL_MESSAGE = (
    "جای خالی دیسک برای ذخیره کافی نیست؛ چیزی ذخیره نشد. "
    "کمی جا باز کنید (مثلاً پرونده‌های کهنه را به جای دیگری ببرید) و دوباره تلاش کنید."
)
DISK_ERROR_MESSAGE = (
    "نوشتن در پرونده پایگاه داده ممکن نشد (خطای دیسک)؛ چیزی ذخیره نشد. "
    "دیسک یا اتصال شبکه را بررسی کنید و دوباره تلاش کنید."
)
# PostgreSQL checks what SQLite takes as it is: an id past its integer column, a NUL in a text.
OUT_OF_RANGE_MESSAGE = (
    "عدد داده‌شده بزرگ‌تر از آن است که پایگاه داده نگه دارد؛ چنین شناسه یا شماره‌ای نیست و چیزی ذخیره نشد."
)
NUL_MESSAGE = "متن نویسه تهی (NUL، U+0000) دارد که پایگاه داده نمی‌پذیرد؛ آن را بردارید. چیزی ذخیره نشد."
NUMBER_TAKEN_MESSAGE = (
    "شماره‌ای که این ذخیره می‌گرفت هم‌زمان در ذخیره دیگری به کار رفت؛ چیزی ذخیره نشد. دوباره تلاش کنید."
)

# SQLite's primary result codes, and PostgreSQL's SQLSTATEs, that a refusal names.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
_PG_BUSY = {"55P03", "40P01", "40001"}  # lock not available, deadlock, serialization failure
_PG_FULL = {"53100"}  # disk full
_PG_OUT_OF_RANGE = {"22003"}  # numeric value out of range (an integer column compared with a larger number)
# The unique constraints on numbers and codes, as SQLite and PostgreSQL name them in their messages.
_NUMBER_CONSTRAINTS = (
    "resolution.code",
    "uq_resolution_code",
    "resolution.meeting_id, resolution.number",
    "uq_resolution_meeting_number",
    "meeting.series, meeting.number",
    "meeting.series, meeting.jalali_year, meeting.year_number",
    "uq_meeting_series_number",
    "uq_meeting_series_year_number",
)


class Database:
    """One open council database; hands out one session per unit of work."""

    def __init__(self, engine: Engine, path: Path | None, *, renumbered: Sequence[Mapping[str, object]] = ()):
        self.engine = engine
        self.path = path
        # What migrating the file on open renumbered (duplicate meeting numbers; see migration 0005).
        self.renumbered = tuple(renumbered)
        self._sessions: sessionmaker[Session] = db_engine.make_session_factory(engine)
        self._writes: sessionmaker[Session] = db_engine.make_session_factory(db_engine.for_writing(engine))
        event.listen(self._writes, "after_flush", changes.collect_flushed)
        # Who sits at this desk, what their role lets them save, and the trail of every save
        # (see secretariat.office).
        self.desk = desks.Desk(accounts_exist=self._has_accounts)
        access.install(self._writes, lambda: self.desk.user, lambda: self.desk.accounts_exist)
        audit.install(self._writes, lambda: self.desk.user)
        versions.install(self._writes)
        # Every committed transaction says here what it changed (see secretariat.changes).
        self.changes = changes.ChangeFeed()
        # How many transactions have committed, counted before anyone hears of them: what was
        # read before one and remembered (secretariat.count_cache) is known stale at once.
        self._commit_numbers = itertools.count(1)
        self.commits = 0

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: all of it is saved, or (on any error) none of it.

        Once it is saved, what it changed is published on ``self.changes``.
        A busy database (past the busy timeout), a full disk, or a number
        taken by a save at the same moment: a Persian ``DomainError``; a row
        another desk saved at the same moment: a ``ConflictError`` naming it.
        """
        try:
            with self._writes.begin() as session:
                yield session
                session.flush()  # the last writes, so that their changes are counted
                desks.tell(session, self.desk, changes.peek_changes(session))  # for the other desks
        except StaleDataError as error:
            # Another desk saved a row this save had read, at the same moment (see office.versions).
            with self.reading() as reading:
                raise versions.refusal(reading, versions.flushing(session)) from error
        except (DBAPIError, OSError) as error:
            refusal = save_refusal(error)
            if refusal is None:
                raise
            raise refusal from error
        self.commits = next(self._commit_numbers)
        self.changes.publish(changes.take_changes(session))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except DBAPIError as error:
            refusal = save_refusal(error)
            if not isinstance(refusal, (DatabaseBusyError, UnstorableValueError)):
                raise
            raise refusal from error

    def news(self) -> changes.Changes:
        """What the other desks on this database saved since this one last asked; published here
        too, so that this desk's windows refresh as they do for its own saves."""
        with self.reading() as session:
            found = desks.news(session, self.desk)
        self.changes.publish(found)
        return found

    def start_listening(self) -> None:
        """Hear from now on what the other desks save (``news``), not what they saved before."""
        with self.reading() as session:
            desks.start_listening(session, self.desk)

    def _has_accounts(self) -> bool:
        with self.reading() as session:
            return session.scalar(select(func.count(UserAccount.id))) != 0

    def persian_order(self, expression: SQLColumnExpression[str]) -> SQLColumnExpression[str]:
        """``expression`` sorted in Persian alphabetical order on this engine."""
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            return expression.collate(COLLATION_NAME)
        if dialect == "postgresql":
            return expression.collate(POSTGRES_COLLATION)
        return expression

    def folded(self, expression: SQLColumnExpression[str]) -> SQLColumnExpression[str]:
        """``expression`` folded in the database as ``fold`` folds a search term, to match
        text that keeps no folded copy of its own (``search_text``) with ``contains``."""
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            folding: SQLColumnExpression[str] = getattr(func, FOLD_FUNCTION)(expression)
            return folding
        if dialect == "postgresql":
            source, target = fold_translation()
            nfkc = func.normalize(func.coalesce(expression, ""), literal_column("NFKC"))
            return func.lower(func.translate(nfkc, source, target))
        return expression

    def close(self) -> None:
        self.engine.dispose()


def save_refusal(error: BaseException) -> DomainError | None:
    """The Persian refusal for a database error a person can act on; None for the others."""
    if isinstance(error, OSError):
        return StorageFullError(FULL_MESSAGE) if error.errno == errno.ENOSPC else None
    if not isinstance(error, DBAPIError):
        return None
    message = str(error.orig).lower()
    if isinstance(error, IntegrityError):
        taken = any(name in message for name in _NUMBER_CONSTRAINTS)
        return NumberTakenError(NUMBER_TAKEN_MESSAGE) if taken else None
    code = getattr(error.orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    if isinstance(error, DataError) and (state in _PG_OUT_OF_RANGE or "nul (0x00)" in message):
        return UnstorableValueError(OUT_OF_RANGE_MESSAGE if state in _PG_OUT_OF_RANGE else NUL_MESSAGE)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or state in _PG_BUSY or "database is locked" in message:
        return DatabaseBusyError(BUSY_MESSAGE)
    if primary == _SQLITE_FULL or state in _PG_FULL or "database or disk is full" in message:
        return StorageFullError(FULL_MESSAGE)
    if primary == _SQLITE_IOERR or "disk i/o error" in message:
        return StorageFullError(DISK_ERROR_MESSAGE)
    return None


def lock_numbering(session: Session, key: str) -> None:
    """Hold, until the save ends, the right to hand out the numbers of ``key``.

    A save reads the last number and stores the next: two saves at the same
    moment must not read the same last number. On SQLite the save already
    holds the database's write lock (it began IMMEDIATE); on PostgreSQL an
    advisory lock per key makes the second save wait for the first.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


def open_database(
    location: str | Path, *, create: bool = True, read_only: bool = False, check: QuickCheck | None = None
) -> Database:
    """Open (and create or migrate) the database at a path or URL.

    ``create=False`` refuses a missing file; ``read_only=True`` also refuses
    an empty one (see the module's note). ``check``: the file's quick check,
    started ahead (see ``secretariat.maintenance.quick_check``).
    """
    location_text = str(location)
    if "://" in location_text:
        return _open(location_text, path=None, read_only=read_only)
    path = Path(location).expanduser()
    if path.exists():
        _check_is_sqlite(path, read_only=read_only, check=check or QuickCheck(path))
    elif not create or read_only:
        raise DatabaseOpenError(f"پرونده «{path}» پیدا نشد.")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    database = _open(db_engine.sqlite_url(path), path=path, read_only=read_only)
    leftovers.remove_leftovers(path)  # what killed backups left beside it
    return database


def _check_is_sqlite(path: Path, *, read_only: bool, check: QuickCheck) -> None:
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
    # Busy, locked, not readable read-only (None): the opening itself reports it.
    if check.passed() is False:
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
        engine = db_engine.make_engine(
            url,
            collations={COLLATION_NAME: collation.compare},
            functions={FOLD_FUNCTION: _remembered_fold},
            wal=not read_only,
            optimize=not read_only,
        )
        if state is schema.SchemaState.OLDER and path is not None:
            backup_sqlite(engine, path, reason="before-upgrade")
        renumbered: list[dict[str, object]] = []
        if state in (schema.SchemaState.EMPTY, schema.SchemaState.OLDER):
            renumbered = schema.upgrade(engine)
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
    return Database(engine, path, renumbered=renumbered)


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
