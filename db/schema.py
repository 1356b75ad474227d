"""Schema versions: create, migrate on open, refuse what is newer.

Alembic revisions in ``db/migrations/versions`` are the only way the schema
changes. Opening a database at the head revision costs one small query and
does not import Alembic at all, which keeps the app's start fast.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest revision this code knows; tests check it is Alembic's head.
HEAD_REVISION = "0004"


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: create everything
    CURRENT = "current"
    OLDER = "older"  # migrate, after a backup
    NEWER = "newer"  # written by a newer version of the app: refuse
    FOREIGN = "foreign"  # tables, but not ours: refuse


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision is None:
            has_tables = bool(inspect(connection).get_table_names())
            return SchemaState.FOREIGN if has_tables else SchemaState.EMPTY
    if revision == HEAD_REVISION:
        return SchemaState.CURRENT
    return SchemaState.OLDER if revision in known_revisions() else SchemaState.NEWER


def known_revisions() -> set[str]:
    return {script.revision for script in _script_directory().walk_revisions()}


def alembic_head() -> str:
    return _script_directory().get_current_head()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the head revision, in one transaction."""
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())
