"""The database engines a test can run on: SQLite always; PostgreSQL when
``SECRETARIAT_TEST_POSTGRES_URL`` names a database the tests may wipe
(``tools/postgres.sh run`` starts a throwaway server and sets it). With
``SECRETARIAT_TEST_POSTGRES_REQUIRED=1`` (as .ci/run sets) the PostgreSQL
cases fail instead of being skipped when the URL is missing.

- ``BACKENDS``: ``@pytest.mark.parametrize("backend", BACKENDS)`` runs a test on both;
- ``needs_postgres``: the mark of a test that needs the server;
- ``database_location(backend, tmp_path)``: a new, empty database on ``backend``;
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

POSTGRES_URL = os.environ.get("SECRETARIAT_TEST_POSTGRES_URL")
POSTGRES_REQUIRED = os.environ.get("SECRETARIAT_TEST_POSTGRES_REQUIRED") == "1"

# Marks a test (or a parameter) that needs the PostgreSQL server.
needs_postgres = pytest.mark.skipif(
    not POSTGRES_URL and not POSTGRES_REQUIRED, reason="SECRETARIAT_TEST_POSTGRES_URL is not set"
)

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=needs_postgres),
]


def postgres_url() -> str:
    """The test server's URL; a failure (not a skip) when it is required but missing."""
    assert POSTGRES_URL, "SECRETARIAT_TEST_POSTGRES_URL is not set, but SECRETARIAT_TEST_POSTGRES_REQUIRED=1"
    return POSTGRES_URL


def fresh_postgres() -> str:
    """The test server's database with its schema wiped: no tables, no collation. Its URL."""
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


def database_location(backend: str, tmp_path: Path) -> str | Path:
    """A new, empty database on ``backend``: a file under ``tmp_path``, or a wiped PostgreSQL schema."""
    if backend == "postgresql":
        return fresh_postgres()
    return tmp_path / "council.sqlite3"


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
