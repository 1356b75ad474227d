"""Databases of one's own on the PostgreSQL test server: a test that copies a council there needs
an empty database that no other test wipes or fills meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.support.backends import drop_postgres, postgres_url


@contextmanager
def empty_postgres(name: str) -> Iterator[str]:
    """A new, empty database ``name`` on the test server (dropped first if it is left over, and
    again afterwards): its URL."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(postgres_url()).set(database=name).render_as_string(hide_password=False)
    drop_postgres(url)
    server = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        server.dispose()
    try:
        yield url
    finally:
        drop_postgres(url)
