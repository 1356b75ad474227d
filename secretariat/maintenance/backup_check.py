"""What a backup file is, found out without changing it.

``inspect_backup`` answers before a restore (and after every backup, on the
copy just written): is it a file, is it SQLite, is it whole (not truncated,
``PRAGMA integrity_check`` passes), is it this app's database, and is its
schema older than, equal to or newer than this version's. Every answer but
"older" and "same" carries the Persian message a refusal shows.

The file is opened read-only. A file with no journal beside it is opened as
``immutable`` (no locks, no ``-wal``/``-shm`` made beside it); a WAL file
with its ``-wal`` beside it is opened ``mode=ro`` so the saved changes in
the ``-wal`` count (SQLite may then leave a ``-shm`` beside it).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from db import schema

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDECARS = ("-wal", "-shm", "-journal")


class BackupKind(Enum):
    MISSING = "missing"
    FOLDER = "folder"
    NOT_SQLITE = "not_sqlite"
    DAMAGED = "damaged"
    EMPTY = "empty"  # a SQLite file with no tables: nothing to restore
    FOREIGN = "foreign"  # another program's database
    NEWER = "newer"  # written by a newer version of this app
    OLDER = "older"  # ours, from an older version: migrated after a restore
    SAME = "same"  # ours, this version's schema


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: BackupKind
    message: str  # Persian; empty when the file can be restored
    size: int = 0
    revision: str | None = None
    council_name: str | None = None  # the council the backup belongs to, for a confirmation

    @property
    def usable(self) -> bool:
        return self.kind in (BackupKind.OLDER, BackupKind.SAME)


def inspect_backup(path: str | Path) -> BackupInfo:
    """What the file at ``path`` is; never changes it."""
    path = Path(path).expanduser()
    if not path.exists():
        return BackupInfo(path, BackupKind.MISSING, f"پرونده «{path}» پیدا نشد.")
    if path.is_dir():
        return BackupInfo(path, BackupKind.FOLDER, f"«{path}» یک پوشه است، نه پرونده پشتیبان.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        return BackupInfo(path, BackupKind.DAMAGED, f"پرونده «{path.name}» خوانده نشد: {error.strerror}")
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return BackupInfo(
            path,
            BackupKind.NOT_SQLITE,
            f"پرونده «{path.name}» پشتیبان پایگاه داده این برنامه نیست (پرونده پایگاه داده SQLite نیست).",
            size,
        )
    damaged = BackupInfo(
        path,
        BackupKind.DAMAGED,
        f"پرونده «{path.name}» آسیب دیده یا ناقص است (بررسی درستی آن ناموفق بود)؛ از آن نمی‌توان بازگرداند.",
        size,
    )
    if truncated(header, size, has_wal=sidecar(path, "-wal").exists()):
        return damaged
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            checks = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if checks != ["ok"]:
                return damaged
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = revision[0] if revision else None
            council = None
            if schema.OWN_TABLE in tables:
                row = connection.execute(
                    f"SELECT name FROM {schema.OWN_TABLE} ORDER BY id LIMIT 1"
                ).fetchone()
                council = row[0] if row else None
    except sqlite3.Error:
        return damaged
    state = schema.classify(revision, tables)
    if state is schema.SchemaState.EMPTY:
        return BackupInfo(
            path,
            BackupKind.EMPTY,
            f"پرونده «{path.name}» پایگاه داده‌ای خالی است و چیزی برای بازگرداندن ندارد.",
            size,
        )
    if state is schema.SchemaState.FOREIGN:
        return BackupInfo(
            path,
            BackupKind.FOREIGN,
            f"پرونده «{path.name}» پایگاه داده برنامه دیگری است، نه پشتیبان دبیرخانه.",
            size,
            revision,
        )
    if state is schema.SchemaState.NEWER:
        return BackupInfo(
            path,
            BackupKind.NEWER,
            f"پرونده «{path.name}» را نسخه تازه‌تری از برنامه ساخته است؛ "
            "برای بازگرداندن آن، نخست برنامه را به‌روز کنید.",
            size,
            revision,
            council,
        )
    kind = BackupKind.SAME if state is schema.SchemaState.CURRENT else BackupKind.OLDER
    return BackupInfo(path, kind, "", size, revision, council)


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only and changes nothing beside it (see the module's note)."""
    uri = path.resolve().as_uri()
    if any(sidecar(path, suffix).exists() for suffix in SIDECARS):
        return f"{uri}?mode=ro"
    return f"{uri}?mode=ro&immutable=1"


def truncated(header: bytes, size: int, *, has_wal: bool) -> bool:
    """Is the file shorter than its own header says, or not a whole number of pages?"""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    if size % page_size:
        return True
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid when the header's "version valid for" matches its change counter.
    count_is_valid = header[24:28] == header[92:96]
    # With a -wal beside it, the main file alone may lag behind the header of the last commit.
    return count_is_valid and not has_wal and size < pages * page_size


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
