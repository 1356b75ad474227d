"""A save the database cannot take: a Persian refusal, and nothing half-saved.

A database held by another program past the busy timeout, a full disk (a
real small tmpfs when the tests run as root, and SQLite's own «database or
disk is full» through ``max_page_count`` everywhere), and a number taken
by another save at the same moment.

The same on PostgreSQL (see tests/support/backends.py): a save that waits for
another's numbering lock or row past its lock_timeout (the busy timeout),
the server's disk_full (SQLSTATE 53100, raised by a trigger as the server
raises it when it cannot extend a file), and the partial unique indexes of
migration 0005.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
import time
from contextlib import closing

import pytest
from sqlalchemy import event, func, select, text

from db import engine as db_engine
from db.models import Person
from secretariat.core import Secretariat
from secretariat.database import BUSY_MESSAGE, open_database
from secretariat.errors import DatabaseBusyError, NumberTakenError, StorageFullError
from secretariat.members.agencies import AgencyDraft
from tests.support.backends import BACKENDS, database_location, fresh_postgres, needs_postgres
from tests.support.meetings import Council, unchanged

BIG = "ث" * 200_000  # a text that needs new pages in the file


def people(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count(Person.id))) or 0


# -- a busy database ----------------------------------------------------------------


def test_a_save_waits_for_a_held_database_then_is_refused_in_persian(tmp_path, monkeypatch):
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 400)
    path = tmp_path / "council.sqlite3"
    secretariat = Secretariat.open(path)
    secretariat.agencies.add(AgencyDraft(name="اداره بهزیستی"))
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another PC in the middle of a save
        with unchanged(secretariat.database):  # reading still works meanwhile (WAL)
            started = time.monotonic()
            with pytest.raises(DatabaseBusyError) as refused:
                secretariat.agencies.add(AgencyDraft(name="شهرداری پردیس"))
            waited = time.monotonic() - started
        assert refused.value.message == BUSY_MESSAGE
        assert "دوباره تلاش کنید" in refused.value.message
        assert 0.3 <= waited < 3  # the bounded wait, then the refusal
        other.execute("ROLLBACK")
    # Once the other save is over, the same save goes through.
    secretariat.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    assert secretariat.agencies.count() == 2
    secretariat.database.close()


def test_the_busy_refusal_comes_from_the_transaction_itself(database):
    with pytest.raises(DatabaseBusyError):
        with database.transaction() as session:
            session.add(Person(full_name="علی کریمی", search_text=""))
            session.flush()
            raise sqlite_error("database is locked", 5)
    assert people(database) == 0


def sqlite_error(message: str, code: int) -> Exception:
    """A driver error as SQLAlchemy hands it on, with SQLite's result code."""
    from sqlalchemy.exc import OperationalError

    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("INSERT ...", {}, error)


# -- a full disk -----------------------------------------------------------------------


def test_a_full_database_is_refused_in_persian_and_nothing_is_half_saved(database):
    with database.reading() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
    # Every new connection may not grow the file: SQLite's own SQLITE_FULL.
    event.listen(
        database.engine, "connect", lambda connection, _: connection.execute(f"PRAGMA max_page_count={pages}")
    )
    database.engine.dispose()
    with unchanged(database):
        with pytest.raises(StorageFullError) as refused:
            with database.transaction() as session:
                session.add(Person(full_name="مریم احمدی", search_text=""))
                session.flush()
                session.add(Person(full_name="علی کریمی", search_text=BIG))
        assert "جای خالی دیسک" in refused.value.message
        assert "چیزی ذخیره نشد" in refused.value.message


def test_no_space_left_from_the_operating_system_is_a_persian_refusal(database):
    with pytest.raises(StorageFullError):
        with database.transaction() as session:
            session.add(Person(full_name="مریم احمدی", search_text=""))
            session.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
    assert people(database) == 0


@contextlib.contextmanager
def small_disk(folder, size: str):
    """A tmpfs of ``size`` mounted at ``folder`` (root only), unmounted afterwards."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder) -> None:
    """Take every free byte of the disk ``folder`` is on."""
    with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounting a tmpfs needs root")
def test_a_really_full_disk_is_refused_in_persian_and_nothing_is_half_saved(tmp_path):
    with small_disk(tmp_path / "disk", "2m") as disk:
        database = open_database(disk / "council.sqlite3")
        try:
            council = Council(database)
            council.agency("اداره بهزیستی")
            fill(disk)
            with unchanged(database):
                with pytest.raises(StorageFullError) as refused:
                    with database.transaction() as session:
                        session.add(Person(full_name="مریم احمدی", search_text=""))
                        session.flush()
                        session.add(Person(full_name="علی کریمی", search_text=BIG))
                assert "جای خالی دیسک" in refused.value.message
                assert "چیزی ذخیره نشد" in refused.value.message
            (disk / "filler").unlink()
            with database.transaction() as session:  # room again: the same save goes through
                session.add(Person(full_name="مریم احمدی", search_text=BIG))
            assert people(database) == 1
        finally:
            database.close()
        with closing(sqlite3.connect(disk / "council.sqlite3")) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


# -- a number taken all the same ------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def any_secretariat(request, tmp_path):
    """The secretariat on a new SQLite file, then on a fresh PostgreSQL schema."""
    with Secretariat.open(database_location(request.param, tmp_path)) as secretariat:
        yield secretariat


def test_a_number_taken_by_another_save_is_a_persian_refusal(any_secretariat):
    secretariat = any_secretariat
    council = Council(secretariat)
    agency = council.agency("اداره بهزیستی")
    first, second = council.plan("1403/02/01"), council.plan("1403/02/08")
    council.hold(first.id)
    # What a save that read the number before the other committed would write:
    with unchanged(secretariat.database):
        with pytest.raises(NumberTakenError) as refused:
            with secretariat.database.transaction() as session:
                session.execute(
                    text("UPDATE meeting SET status = 'held', number = 1 WHERE id = :id"), {"id": second.id}
                )
        assert "دوباره تلاش کنید" in refused.value.message
    council.resolve(first.id, "مقرر شد گزارش تهیه شود.", agency)
    with pytest.raises(NumberTakenError):
        with secretariat.database.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO resolution (meeting_id, number, code, text, search_text, due_next_meeting,"
                    " priority, status, completion_evidence, status_note)"
                    " VALUES (:id, 2, '1403-01-01', 'متن', '', :due, 'normal', 'open', '', '')"
                ),
                {"id": first.id, "due": True},
            )


# -- on PostgreSQL ---------------------------------------------------------------------


@pytest.fixture
def pg_database():
    database = open_database(fresh_postgres())
    yield database
    database.close()


@pytest.fixture
def pg_other(pg_database):
    """Another PC's connection to the same database, in the middle of a save (rolled back at the end)."""
    from sqlalchemy import create_engine

    engine = create_engine(pg_database.engine.url)
    connection = engine.connect()
    connection.begin()
    yield connection
    connection.close()
    engine.dispose()


def refused_within_the_busy_timeout(save) -> float:
    """``save`` refused as busy, in Persian: how long it waited."""
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as refused:
        save()
    assert refused.value.message == BUSY_MESSAGE
    return time.monotonic() - started


@needs_postgres
def test_on_postgresql_a_save_waits_for_anothers_numbering_lock_then_is_refused(
    pg_database, pg_other, monkeypatch
):
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 400)
    council = Council(pg_database)
    # Another PC holding a meeting of the council's series: it holds the series' numbering lock.
    pg_other.execute(text("SELECT pg_advisory_xact_lock(hashtext('meeting-numbers:council'))"))
    with unchanged(pg_database):  # reading still works meanwhile
        waited = refused_within_the_busy_timeout(lambda: council.plan("1403/02/01"))
    assert 0.3 <= waited < 3  # the bounded wait (lock_timeout), then the refusal
    pg_other.rollback()
    # Once the other save is over, the same save goes through.
    assert council.plan("1403/02/01").number == 1


@needs_postgres
def test_on_postgresql_a_save_waits_for_a_row_another_save_changes_then_is_refused(
    pg_database, pg_other, monkeypatch
):
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 400)
    secretariat = Secretariat(pg_database)
    agency = secretariat.agencies.add(AgencyDraft(name="اداره بهزیستی"))
    pg_other.execute(text("SELECT id FROM agency WHERE id = :id FOR UPDATE"), {"id": agency.id})
    with unchanged(pg_database):
        waited = refused_within_the_busy_timeout(
            lambda: secretariat.agencies.update(agency.id, AgencyDraft(name="اداره کل بهزیستی"))
        )
    assert 0.3 <= waited < 3
    pg_other.rollback()
    assert (
        secretariat.agencies.update(agency.id, AgencyDraft(name="اداره کل بهزیستی")).name
        == "اداره کل بهزیستی"
    )


@needs_postgres
def test_on_postgresql_the_busy_timeout_is_the_saves_own(pg_database, monkeypatch):
    """lock_timeout is set for each save, and only for it (a reading is never cut short)."""
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 1234)
    with pg_database.transaction() as session:
        assert session.execute(text("SHOW lock_timeout")).scalar() == "1234ms"
    with pg_database.reading() as session:
        assert session.execute(text("SHOW lock_timeout")).scalar() == "0"


@pytest.mark.parametrize("error_class", ["LockNotAvailable", "DeadlockDetected", "SerializationFailure"])
def test_postgresqls_lock_errors_are_the_busy_refusal(database, error_class):
    from sqlalchemy.exc import OperationalError

    errors = pytest.importorskip("psycopg.errors")
    with pytest.raises(DatabaseBusyError):
        with database.transaction() as session:
            session.add(Person(full_name="علی کریمی", search_text=""))
            session.flush()
            raise OperationalError("UPDATE ...", {}, getattr(errors, error_class)("could not obtain lock"))
    assert people(database) == 0


@needs_postgres
def test_on_postgresql_a_full_disk_is_refused_in_persian_and_nothing_is_half_saved(pg_database):
    # What the server raises when it cannot extend a table's file: SQLSTATE 53100 (disk_full).
    with pg_database.engine.begin() as connection:
        connection.execute(
            text(
                """
                CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF length(NEW.search_text) > 100000 THEN
                        RAISE EXCEPTION 'could not extend file "base/16384/16385": No space left on device'
                            USING ERRCODE = 'disk_full';
                    END IF;
                    RETURN NEW;
                END $$
                """
            )
        )
        connection.execute(
            text("CREATE TRIGGER full_disk BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION full_disk()")
        )
    Council(pg_database).agency("اداره بهزیستی")
    with unchanged(pg_database):
        with pytest.raises(StorageFullError) as refused:
            with pg_database.transaction() as session:
                session.add(Person(full_name="مریم احمدی", search_text=""))
                session.flush()
                session.add(Person(full_name="علی کریمی", search_text=BIG))
        assert "جای خالی دیسک" in refused.value.message
        assert "چیزی ذخیره نشد" in refused.value.message
    with pg_database.engine.begin() as connection:  # room again: the same save goes through
        connection.execute(text("DROP TRIGGER full_disk ON person"))
    with pg_database.transaction() as session:
        session.add(Person(full_name="مریم احمدی", search_text=""))
        session.add(Person(full_name="علی کریمی", search_text=BIG))
    assert people(pg_database) == 2
