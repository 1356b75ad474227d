"""What the backup and restore tests share: databases of every kind, and a
check that a refusal changed nothing (every file of a folder, byte for byte)."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import text

from db import engine as db_engine
from db import schema
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.maintenance.backup import backup_to
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"


def folder_state(folder: Path) -> dict:
    """Every file under ``folder`` with the SHA-256 of its bytes (folders as None)."""
    return {
        p.relative_to(folder): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None)
        for p in folder.rglob("*")
    }


def agency_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT name FROM agency"))


def make_council_database(path: Path, agencies: list[str]) -> Path:
    """A closed council database at ``path`` with these agencies."""
    with Secretariat.open(path) as secretariat:
        secretariat.council.create(CouncilDraft(name=COUNCIL))
        for name in agencies:
            secretariat.agencies.add(AgencyDraft(name=name))
    return path


def make_backup(folder: Path, agencies: list[str], name: str = "backup.sqlite3") -> Path:
    """A backup (made by ``backup_to``) of a council database with these agencies."""
    folder.mkdir(parents=True, exist_ok=True)
    source = make_council_database(folder / f"source-of-{name}", agencies)
    database = open_database(source)
    try:
        target = backup_to(database, folder / name).path
    finally:
        database.close()
    for path in folder.glob(f"source-of-{name}*"):
        path.unlink()
    return target


def make_old_database(path: Path, revision: str = "0001", agency: str = "اداره بهزیستی") -> Path:
    """A database as an older release left it: schema ``revision``, with one agency."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = db_engine.make_engine(db_engine.sqlite_url(path), wal=False)
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(
            text(
                "INSERT INTO agency (name, name_key, short_name, category, parent_ministry, address, phones,"
                " email, website, active, search_text) VALUES (:name, :name, '', 'other',"
                " '', '', '', '', '', 1, '')"
            ),
            {"name": agency},
        )
    engine.dispose()
    return path


def make_foreign_database(path: Path, *, alembic_revision: str | None = None) -> Path:
    """Another program's SQLite database (which may use Alembic too)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('علی کریمی', '09121234567')")
        if alembic_revision:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            connection.execute("INSERT INTO alembic_version VALUES (?)", (alembic_revision,))
        connection.commit()
    return path


def stamp(path: Path, revision: str) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.commit()
    return path
