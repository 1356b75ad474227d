"""Moving a council from its SQLite file to a shared PostgreSQL database, checked before it is used.

``copy_to_postgres(database, url)``:

1. refuses unless the person signed in may restore (``Permission.RESTORE``:
   the copy carries every record, the accounts and the trail), the council is
   on SQLite, and the PostgreSQL database is empty (no tables, or the app's
   tables with nothing in them but what creating the schema puts there);
2. creates and migrates the schema there (``open_database``);
3. copies every table, parents before children (``Base.metadata.sorted_tables``;
   within a table that refers to itself, a row after the row it refers to),
   in batches, all in one transaction: a copy that fails part-way leaves the
   PostgreSQL database as empty as it was;
4. sets each table's id sequence past its largest id, so that the next record
   saved on PostgreSQL takes a new id;
5. checks the copy: the rows of every table counted on both sides, and for
   every year with meetings the yearly archive's data (``records.json``, the
   same bytes the archive would hold) read from both databases and compared.
   A difference empties the PostgreSQL tables again and is refused.

The SQLite file is only read. Its rows are read in one read transaction, so
that a save made meanwhile on another PC cannot half appear in the copy;
the check reads it again, and would report such a save as a difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, Integer, LargeBinary, Table, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from db import engine as db_engine
from db import schema
from db.models import Base, Meeting
from secretariat.archive.formats import records_json
from secretariat.archive.records import year_records
from secretariat.database import Database, open_database
from secretariat.errors import DomainError
from secretariat.office.roles import Permission, require
from secretariat.persian.text import to_persian_digits

BATCH_ROWS = 500  # rows sent to PostgreSQL in one statement
BATCH_ROWS_WITH_FILES = 20  # the tables that hold files' bytes: a few megabytes at a time
# Rows that creating the schema puts there (migration 0010's default indicators): not a council's.
SEEDED_TABLES = frozenset({"indicator"})
UNTOUCHED = "پرونده SQLite دست نخورد."


class MigrationError(DomainError):
    """The council was not copied (or the copy did not match); the message says why."""


@dataclass(frozen=True)
class CopyResult:
    target: str  # the PostgreSQL URL, its password hidden
    rows: dict[str, int]  # table -> rows copied (and counted on both sides)
    years: tuple[int, ...]  # the years whose archive data matched

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def summary(self) -> str:
        n = to_persian_digits
        years = "، ".join(n(year) for year in self.years) or "—"
        return "\n".join(
            [
                f"شورا به پایگاه داده PostgreSQL رونوشت شد: {self.target}",
                f"{n(len(self.rows))} جدول و {n(f'{self.total:,}').replace(',', '٬')} سطر؛ "
                "شمار سطرهای هر جدول در دو پایگاه یکی است.",
                f"داده‌های بایگانی سالانه در هر دو پایگاه یکی است (سال‌های {years}).",
                "از این پس هر رایانه این نشانی را یک بار با «connection set --url» (یا «کاربران › "
                "اتصال به پایگاه داده مشترک…») نگه دارد؛ پرونده SQLite را نگه دارید "
                "اما دیگر در آن ثبت نکنید.",
            ]
        )


def postgres_url(text_url: str) -> str:
    """``text_url`` as SQLAlchemy opens it: ``postgresql://`` without a driver takes psycopg
    (the driver the app ships), not SQLAlchemy's default psycopg2."""
    try:
        url = make_url(text_url.strip())
    except ArgumentError as error:
        raise MigrationError(f"نشانی «{text_url}» نشانی پایگاه داده نیست؛ مانند postgresql://…") from error
    if url.get_backend_name() != "postgresql":
        raise MigrationError(
            f"نشانی «{url.render_as_string(hide_password=True)}» پایگاه داده PostgreSQL نیست؛ "
            "نشانی را مانند postgresql://USER:PASSWORD@HOST/council بدهید."
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def shown_url(text_url: str) -> str:
    return make_url(text_url).render_as_string(hide_password=True)


def copy_to_postgres(database: Database, url: str) -> CopyResult:
    """Copy the council open in ``database`` (SQLite) to the empty PostgreSQL database at ``url``."""
    require(database.desk.user, database.desk.accounts_exist, Permission.RESTORE)
    if database.engine.dialect.name != "sqlite":
        raise MigrationError(
            "این فرمان شورایی را که در پرونده SQLite است به PostgreSQL می‌برد؛ «--db» را پرونده بدهید."
        )
    target_url = postgres_url(url)
    shown = shown_url(target_url)
    _refuse_unless_empty(target_url, shown)
    try:
        target = open_database(target_url)
    except DomainError as error:
        raise MigrationError(f"پایگاه داده PostgreSQL آماده نشد: {error.message} {UNTOUCHED}") from error
    try:
        try:
            rows = _copy(database.engine, target.engine)
        except DBAPIError as error:
            raise MigrationError(
                f"رونوشت به PostgreSQL انجام نشد و چیزی در آن نماند: {_detail(error)} {UNTOUCHED}"
            ) from error
        try:
            years = _check(database, target)
        except (MigrationError, DBAPIError) as error:
            _empty(target.engine)
            if isinstance(error, MigrationError):
                raise
            _mismatch(f"وارسی رونوشت ناتمام ماند: {_detail(error)}")
    finally:
        target.close()
    return CopyResult(target=shown, rows=rows, years=years)


# -- the target -------------------------------------------------------------------------------


def _refuse_unless_empty(url: str, shown: str) -> None:
    engine = db_engine.make_engine(url, wal=False)
    try:
        state = schema.state(engine)
        if state in (schema.SchemaState.FOREIGN, schema.SchemaState.NEWER):
            raise MigrationError(
                f"پایگاه داده «{shown}» خالی نیست (جدول‌های دیگری دارد)؛ رونوشت تنها در پایگاه داده خالی "
                f"نوشته می‌شود. پایگاه تازه‌ای بسازید (CREATE DATABASE) و نشانی آن را بدهید. {UNTOUCHED}"
            )
        if state is schema.SchemaState.EMPTY:
            return
        with engine.connect() as connection:
            filled = [
                table.name
                for table in Base.metadata.sorted_tables
                if table.name not in SEEDED_TABLES and _has_rows(connection, table)
            ]
        if filled:
            raise MigrationError(
                f"پایگاه داده «{shown}» خالی نیست (جدول «{filled[0]}» سطر دارد)؛ رونوشت تنها در پایگاه "
                f"داده خالی نوشته می‌شود، تا چیزی از شورای دیگری رونویسی نشود. {UNTOUCHED}"
            )
    except DBAPIError as error:
        raise MigrationError(f"به پایگاه داده «{shown}» وصل نشد: {_detail(error)} {UNTOUCHED}") from error
    finally:
        engine.dispose()


def _has_rows(connection: Connection, table: Table) -> bool:
    return connection.execute(select(1).select_from(table).limit(1)).first() is not None


def _empty(engine: Engine) -> None:
    """Every table of the app emptied again (a copy that did not match must not be used)."""
    names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def _detail(error: SQLAlchemyError) -> str:
    orig = getattr(error, "orig", None) or error
    return " ".join(str(orig).split())[:300]


# -- the copy ---------------------------------------------------------------------------------


def _copy(source: Engine, target: Engine) -> dict[str, int]:
    """Every table's rows, in one read transaction on SQLite and one write transaction on
    PostgreSQL; the rows copied per table."""
    tables = Base.metadata.sorted_tables
    copied: dict[str, int] = {}
    with source.connect() as reading, reading.begin(), target.begin() as writing:
        for table in reversed(tables):  # what creating the schema put there (the default indicators)
            writing.execute(table.delete())
        for table in tables:
            copied[table.name] = 0
            for batch in _batches(_rows(reading, table), _batch_size(table)):
                writing.execute(table.insert(), batch)
                copied[table.name] += len(batch)
        for table in tables:
            _move_sequence(writing, table)
    with target.begin() as connection:
        schema.refresh_statistics(connection)
    return copied


def _rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """The table's rows in the order PostgreSQL can take them: by key, and a row that refers to
    another row of its own table after that row."""
    statement = select(table).order_by(*table.primary_key.columns)
    own = [key for key in table.foreign_keys if key.column.table is table]
    if not own:
        for row in connection.execute(statement.execution_options(yield_per=BATCH_ROWS)):
            yield dict(row._mapping)
        return
    rows = [dict(row._mapping) for row in connection.execute(statement)]
    yield from _referred_first(rows, [(key.parent.name, key.column.name) for key in own])


def _referred_first(
    rows: Sequence[dict[str, Any]], references: Sequence[tuple[str, str]]
) -> Iterator[dict[str, Any]]:
    """``rows`` reordered so that each comes after the rows of the same table it refers to."""
    keys = {column for _field, column in references}
    by_key = {(column, row[column]): row for row in rows for column in keys}
    done: set[int] = set()

    def emit(row: dict[str, Any], seen: frozenset[int]) -> Iterator[dict[str, Any]]:
        if id(row) in done or id(row) in seen:
            return  # already copied; or a loop, which the database's own keys cannot hold
        for field, column in references:
            referred = by_key.get((column, row[field])) if row[field] is not None else None
            if referred is not None and referred is not row:
                yield from emit(referred, seen | {id(row)})
        done.add(id(row))
        yield row

    for row in rows:
        yield from emit(row, frozenset())


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_size(table: Table) -> int:
    holds_files = "data" in table.c and isinstance(table.c["data"].type, LargeBinary)  # a file's bytes
    return BATCH_ROWS_WITH_FILES if holds_files else BATCH_ROWS


def _move_sequence(connection: Connection, table: Table) -> None:
    """The table's id sequence set past its largest id (the next save takes a new one)."""
    key = list(table.primary_key.columns)
    if len(key) != 1 or not isinstance(key[0].type, Integer):
        return
    sequence = connection.execute(
        select(func.pg_get_serial_sequence(table.name, key[0].name))
    ).scalar_one_or_none()
    if sequence is None:
        return  # a key that is not numbered by the database (a file's bytes keyed by their record)
    largest = connection.execute(select(func.max(key[0]))).scalar_one_or_none() or 0
    connection.execute(select(func.setval(sequence, largest + 1, False)))


# -- the check --------------------------------------------------------------------------------


def _check(source: Database, target: Database) -> tuple[int, ...]:
    """The rows counted and each year's archive data compared; refused on any difference."""
    for table in Base.metadata.sorted_tables:
        here, there = _count(source.engine, table), _count(target.engine, table)
        if here != there:
            _mismatch(
                f"جدول «{table.name}»: {to_persian_digits(here)} سطر در SQLite و "
                f"{to_persian_digits(there)} سطر در PostgreSQL"
            )
    with source.reading() as session:
        years = tuple(session.scalars(select(Meeting.jalali_year).distinct().order_by(Meeting.jalali_year)))
    for year in years:
        if records_json(year_records(source, year)) != records_json(year_records(target, year)):
            _mismatch(f"داده‌های بایگانی سال {to_persian_digits(year)} در دو پایگاه یکی نیست")
    return years


def _count(engine: Engine, table: Table) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _mismatch(what: str) -> NoReturn:
    raise MigrationError(
        f"رونوشت با اصل یکی نبود ({what})؛ جدول‌های پایگاه PostgreSQL دوباره خالی شد تا به کار نرود. "
        f"{UNTOUCHED} اگر رایانه دیگری در همین حال در شورا ثبت می‌کرد، آن را ببندید و دوباره بکوشید."
    )
