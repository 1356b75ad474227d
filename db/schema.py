"""Schema versions: create, migrate on open, refuse what is newer.

Alembic revisions in ``db/migrations/versions`` are the only way the schema
changes. Opening a database at the head revision costs one small query and
does not import Alembic at all, which keeps the app's start fast; nor does
importing this module import SQLAlchemy (the start-up's first look at the
file, ``secretariat.first_look``, reads ``HEAD_REVISION`` before it loads).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest revision this code knows; tests check it is Alembic's head.
HEAD_REVISION = "0014"

# A table every revision of this app has had (from 0001 on).
OWN_TABLE = "council"


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: create everything
    CURRENT = "current"
    OLDER = "older"  # migrate, after a backup
    NEWER = "newer"  # written by a newer version of the app: refuse
    FOREIGN = "foreign"  # tables, but not ours: refuse


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def state(engine: Engine) -> SchemaState:
    from sqlalchemy import inspect

    with engine.connect() as connection:
        revision = current_revision(connection)
        return classify(revision, set(inspect(connection).get_table_names()))


def classify(revision: str | None, tables: set[str]) -> SchemaState:
    """What a database is, from its Alembic revision and its table names.

    Shared by ``state`` and by the check of a backup file (which reads a file
    through a plain read-only connection, not an engine).
    """
    if revision is None:
        return SchemaState.FOREIGN if tables else SchemaState.EMPTY
    if revision == HEAD_REVISION:
        return SchemaState.CURRENT
    if revision in known_revisions():
        return SchemaState.OLDER
    # An unknown revision is a newer version of this app only if the tables
    # are ours: another program that also uses Alembic is not "newer".
    return SchemaState.NEWER if OWN_TABLE in tables else SchemaState.FOREIGN


def known_revisions() -> set[str]:
    return {script.revision for script in _script_directory().walk_revisions()}


def alembic_head() -> str | None:
    return _script_directory().get_current_head()


def upgrade(engine: Engine) -> list[dict[str, object]]:
    """Bring the schema to the head revision, in one transaction.

    Returns what the migrations renumbered, for the user to be told (one
    dict per meeting: see ``db/migrations/versions/0005_unique_numbers.py``).
    """
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        refresh_statistics(connection)
    return list(config.attributes.get("renumbered", []))


def refresh_statistics(connection: Connection) -> None:
    """Give the query planner statistics of the tables and indexes as they now are.

    Without them SQLite guesses, and at 120,000 resolutions it guesses wrong
    (it sorts every row where an index would give the first page). Run after
    migrating, which adds indexes; later SQLite refreshes them itself (``PRAGMA
    optimize`` as each connection closes, see ``db.engine``) and PostgreSQL's
    autovacuum does.
    """
    if connection.dialect.name == "sqlite":
        from db.engine import SQLITE_ANALYSIS_LIMIT  # here: importing db.engine loads SQLAlchemy

        connection.exec_driver_sql(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
        connection.exec_driver_sql("ANALYZE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql("ANALYZE")


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())
