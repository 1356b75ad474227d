"""The same test on SQLite and on PostgreSQL.

PostgreSQL runs when SECRETARIAT_TEST_POSTGRES_URL names a database the
tests may wipe (``tools/postgres.sh run`` starts a throwaway server and sets
it); it is skipped otherwise, and fails instead when
SECRETARIAT_TEST_POSTGRES_REQUIRED=1 (as .ci/run sets), as in
tests/core/test_postgres.py.

``@pytest.mark.parametrize("backend", BACKENDS)`` runs a test on both; ``database_location(backend,
tmp_path)`` is where its database is: a new file, or the server's database
with a fresh, empty schema.
"""

from __future__ import annotations

import os
from pathlib import Path

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
