"""Moving a council from SQLite to PostgreSQL: every row copied, the ids' sequences moved on,
the copy checked (counts and each year's archive data), and anything else refused with the
PostgreSQL database left empty. Runs against the real server (``tools/postgres.sh run``)."""

from __future__ import annotations

import pytest

from db.models import Base
from secretariat.archive.formats import records_json
from secretariat.archive.records import year_records
from secretariat.core import Secretariat
from secretariat.errors import PermissionDeniedError
from secretariat.maintenance import to_postgres
from secretariat.maintenance.to_postgres import MigrationError, copy_to_postgres, postgres_url
from secretariat.members.agencies import AgencyDraft
from tests.support.backends import needs_postgres, table_rows
from tests.support.office_accounts import add_accounts, sign_in
from tests.support.postgres_databases import empty_postgres

APP_TABLES = {table.name for table in Base.metadata.sorted_tables}


@pytest.fixture
def target():
    with empty_postgres("council_copy_core") as url:
        yield url


@pytest.fixture
def demo(demo_copy):
    with Secretariat.open(demo_copy) as secretariat:
        yield secretariat


def _app_tables(location):
    """The rows of the app's tables (not SQLite's search indexes, nor Alembic's revision)."""
    return {table: rows for table, rows in table_rows(location).items() if table in APP_TABLES}


@needs_postgres
def test_the_demo_arrives_whole_and_the_next_ids_are_new(demo, target):
    result = copy_to_postgres(demo.database, target)

    assert result.target == target  # no password in the test server's URL to hide
    assert result.years == (1404, 1405)
    source_rows = _app_tables(demo.database.path)
    copied = _app_tables(target)
    assert {t: len(rows) for t, rows in source_rows.items()} == {t: len(copied[t]) for t in source_rows}
    assert result.rows == {t: len(rows) for t, rows in source_rows.items()}
    with Secretariat.open(target) as shared:
        for year in result.years:
            assert records_json(year_records(shared.database, year)) == records_json(
                year_records(demo.database, year)
            )
        largest = max(row[0] for row in source_rows["agency"])
        assert shared.agencies.add(AgencyDraft(name="اداره تازه‌ساز")).id == largest + 1
    assert "۳۸ جدول" in result.summary() and "۱۴۰۴، ۱۴۰۵" in result.summary()


@needs_postgres
def test_a_database_that_is_not_empty_is_refused(demo, target):
    copy_to_postgres(demo.database, target)
    before = _app_tables(target)
    with pytest.raises(MigrationError, match="خالی نیست"):
        copy_to_postgres(demo.database, target)
    assert _app_tables(target) == before


@needs_postgres
def test_another_programs_tables_are_refused(demo, target):
    from sqlalchemy import create_engine, text

    engine = create_engine(target)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE contacts (id integer primary key, name text)"))
    engine.dispose()
    with pytest.raises(MigrationError, match="جدول‌های دیگری دارد"):
        copy_to_postgres(demo.database, target)
    assert set(table_rows(target)) == {"contacts"}


@needs_postgres
def test_a_copy_that_differs_is_refused_and_emptied(demo, target, monkeypatch):
    rows = to_postgres._rows

    def one_follow_up_lost(connection, table):
        found = rows(connection, table)
        if table.name == "follow_up":
            next(found)
        return found

    monkeypatch.setattr(to_postgres, "_rows", one_follow_up_lost)
    with pytest.raises(MigrationError, match="«follow_up»") as refused:
        copy_to_postgres(demo.database, target)
    assert "دوباره خالی شد" in refused.value.message
    assert all(rows == [] for rows in _app_tables(target).values())
    monkeypatch.setattr(to_postgres, "_rows", rows)
    copy_to_postgres(demo.database, target)  # emptied: it can be tried again


@needs_postgres
def test_a_failed_copy_leaves_nothing(demo, target, monkeypatch):
    rows = to_postgres._rows

    def a_letter_without_subject(connection, table):
        for row in rows(connection, table):
            if table.name == "letter":
                row["subject"] = None  # NOT NULL: the copy fails half-way
            yield row

    monkeypatch.setattr(to_postgres, "_rows", a_letter_without_subject)
    with pytest.raises(MigrationError, match="چیزی در آن نماند"):
        copy_to_postgres(demo.database, target)
    assert all(rows == [] for table, rows in _app_tables(target).items() if table != "indicator")


@needs_postgres
def test_only_the_secretary_copies_the_council(demo, target):
    add_accounts(demo)
    sign_in(demo, "karshenas")
    with pytest.raises(PermissionDeniedError, match="کارشناس"):
        copy_to_postgres(demo.database, target)
    assert table_rows(target) == {}  # not even the schema
    sign_in(demo, "dabir")
    assert copy_to_postgres(demo.database, target).rows["user_account"] == 3


def test_the_url_names_postgresql_and_a_bare_one_takes_the_shipped_driver():
    assert postgres_url("postgresql://u:p@db.local/council") == "postgresql+psycopg://u:p@db.local/council"
    assert postgres_url("postgresql+psycopg://u@h/c") == "postgresql+psycopg://u@h/c"
    with pytest.raises(MigrationError, match="PostgreSQL نیست"):
        postgres_url("mysql://u@h/c")
    with pytest.raises(MigrationError):
        postgres_url("council.sqlite3")
