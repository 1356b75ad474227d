"""The database engines a test can run on: SQLite always; PostgreSQL when
``SECRETARIAT_TEST_POSTGRES_URL`` names a database the tests may wipe (see
``tests/core/test_postgres.py`` and ``tools/postgres.sh run``).

With ``SECRETARIAT_TEST_POSTGRES_REQUIRED=1`` (CI) the PostgreSQL cases fail
instead of being skipped when the URL is missing.

- ``BACKENDS``: ``@pytest.mark.parametrize("backend", BACKENDS)`` (or a
  fixture's ``params``): ``"sqlite"`` and ``"postgresql"``;
- ``fresh_postgres()``: the URL's database, its schema wiped: a fresh, empty
  PostgreSQL database for one test;
- ``clone_postgres(url, name)``: a new database ``name`` copied from the one
  at ``url`` (CREATE DATABASE ... TEMPLATE: a tenth of a second, where
  building the demo takes seconds); ``drop_postgres(url)`` removes it;
- ``table_rows(location)``: every row of every table, ordered, of a SQLite
  file or a database URL: "the database is unchanged" where a file checksum
  cannot say it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

URL = os.environ.get("SECRETARIAT_TEST_POSTGRES_URL")
REQUIRED = os.environ.get("SECRETARIAT_TEST_POSTGRES_REQUIRED") == "1"
POSTGRES_SKIP = pytest.mark.skipif(
    not URL and not REQUIRED, reason="SECRETARIAT_TEST_POSTGRES_URL is not set"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=POSTGRES_SKIP)]


def postgres_url() -> str:
    assert URL, "SECRETARIAT_TEST_POSTGRES_URL is not set, but SECRETARIAT_TEST_POSTGRES_REQUIRED=1"
    return URL


def fresh_postgres() -> str:
    """The test server's database, emptied (its public schema dropped and made again): its URL."""
    from sqlalchemy import create_engine, text

    url = postgres_url()
    wipe = create_engine(url)
    try:
        with wipe.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        wipe.dispose()
    return url


def _server(url: str) -> Any:
    """An engine on the server's ``postgres`` database, outside transactions (CREATE/DROP DATABASE)."""
    from sqlalchemy import create_engine, make_url

    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def clone_postgres(url: str, name: str) -> str:
    """A new database ``name`` on the same server, a copy of the one at ``url`` (which must have
    no open connection): its URL. An earlier ``name`` is dropped first."""
    from sqlalchemy import make_url, text

    source = make_url(url)
    server = _server(url)
    try:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source.database}"'))
    finally:
        server.dispose()
    return source.set(database=name).render_as_string(hide_password=False)


def drop_postgres(url: str) -> None:
    from sqlalchemy import make_url, text

    server = _server(url)
    try:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    finally:
        server.dispose()


def table_rows(location: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the schema's and any other), each table's rows sorted."""
    from sqlalchemy import create_engine, inspect, text

    from db.engine import sqlite_url

    url = str(location) if "://" in str(location) else sqlite_url(Path(location))
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            return {
                table: sorted(
                    (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))), key=repr
                )
                for table in tables
            }
    finally:
        engine.dispose()
