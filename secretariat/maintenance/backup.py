"""Backups of the council's SQLite database: on demand, daily, before a change.

Every backup is a consistent snapshot taken with SQLite's online backup API
through a connection of the running app, never a copy of a file in use:
writers may go on while it is taken and the copy holds exactly the saved
transactions. The copy is written to a hidden temporary file beside the
target, made a self-contained single file (journal mode DELETE: no ``-wal``
needed), checked (``PRAGMA integrity_check``, and that it opens as this
app's database), flushed to the disk, and only then moved into place with
``os.replace``: the target is either the old file or the whole new backup,
never half of one, even if the process is killed.

Daily backups (``daily_backup``) go to a folder, one a day, named after the
database and the Jalali day with Latin digits: ``council-1405-09-04.sqlite3``
for ``council.sqlite3`` (the names sort by date). Only files with exactly
that name pattern are counted as generations and deleted when more than
``keep`` of them exist; nothing else in the folder is ever touched.

Safety copies before an upgrade or a restore sit beside the database:
``council.before-upgrade-20261125-093000.sqlite3``.

A PostgreSQL database is backed up with the server's own tools.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from sqlalchemy import Engine

from secretariat import clock
from secretariat.errors import DomainError
from secretariat.maintenance.backup_check import BackupInfo, inspect_backup
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits


class OpenDatabase(Protocol):
    """What a backup needs of an open database (``secretariat.database.Database`` is one).

    Named here rather than imported: opening a database backs it up before an
    upgrade, so ``secretariat.database`` imports this module.
    """

    @property
    def engine(self) -> Engine: ...

    @property
    def path(self) -> Path | None: ...


SUFFIX = ".sqlite3"
_CHUNK = 1 << 20


class BackupError(DomainError):
    """A backup that could not be taken; nothing was written at the target."""


@dataclass(frozen=True)
class BackupRecord:
    path: Path
    size: int  # bytes
    sha256: str
    revision: str | None  # the schema revision of the copy
    taken_at: dt.datetime  # local time the snapshot was started


def backup_to(database: OpenDatabase, target: str | Path) -> BackupRecord:
    """A consistent backup of the open ``database`` at ``target`` (replaced if it exists)."""
    if database.engine.dialect.name != "sqlite":
        raise BackupError(
            "پایگاه داده روی کارگزار PostgreSQL است؛ از آن با ابزارهای پشتیبان‌گیری خود کارگزار "
            "(مانند pg_dump) پشتیبان بگیرید."
        )
    if database.path is None:
        raise BackupError("این پایگاه داده پرونده‌ای ندارد که از آن پشتیبان گرفته شود.")
    target = Path(target).expanduser()
    if target.exists() and database.path.exists() and target.samefile(database.path):
        raise BackupError("پرونده پشتیبان نمی‌تواند خود پایگاه داده باشد؛ نام دیگری بدهید.")
    return backup_engine(database.engine, target)


def backup_engine(engine: Engine, target: Path) -> BackupRecord:
    """``backup_to`` for an engine (opening a database takes its before-upgrade copy with it)."""
    raw = engine.raw_connection()
    try:
        # A SQLite engine: its driver's connection is the sqlite3 one.
        return snapshot(cast(sqlite3.Connection, raw.driver_connection), target)
    finally:
        raw.close()


def snapshot(source: sqlite3.Connection, target: Path) -> BackupRecord:
    """The one way a copy is made: online backup, checked, fsynced, then moved into place."""
    taken_at = dt.datetime.now()
    if target.is_dir():
        raise BackupError(f"«{target}» یک پوشه است؛ نام یک پرونده را برای پشتیبان بدهید.")
    staged, info = stage_copy(source, target)
    try:
        record = BackupRecord(
            path=target,
            size=staged.stat().st_size,
            sha256=file_sha256(staged),
            revision=info.revision,
            taken_at=taken_at,
        )
        os.replace(staged, target)
    except OSError as error:  # e.g. the target is open in another program (Windows)
        staged.unlink(missing_ok=True)
        raise BackupError(f"پشتیبان در «{target}» نوشته نشد: {error.strerror or error}") from error
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return record


def stage_copy(source: sqlite3.Connection, target: Path) -> tuple[Path, BackupInfo]:
    """A checked, fsynced single-file copy of ``source`` in a temporary file beside ``target``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = _new_temporary(target)
    except OSError as error:
        raise BackupError(f"در پوشه «{target.parent}» نمی‌توان نوشت: {error.strerror}") from error
    try:
        with closing(sqlite3.connect(staged)) as destination:
            source.backup(destination)
            # The copy takes the source's journal mode (WAL): make it a self-contained file.
            destination.execute("PRAGMA journal_mode=DELETE")
        info = inspect_backup(staged)
        if not info.usable:
            raise BackupError(f"نسخه پشتیبان درست نوشته نشد؛ چیزی در «{target.name}» ذخیره نشد.")
        fsync_file(staged)
    except sqlite3.Error as error:
        _discard(staged)
        raise BackupError(f"پشتیبان گرفته نشد: {error}") from error
    except OSError as error:
        _discard(staged)
        raise BackupError(f"پشتیبان در «{target.parent}» نوشته نشد: {error.strerror or error}") from error
    except BaseException:
        _discard(staged)
        raise
    return staged, info


def backup_beside(source: sqlite3.Connection, database_path: Path, *, reason: str) -> BackupRecord:
    """A safety copy of ``source`` beside the database (see ``beside_name``)."""
    return snapshot(source, beside_name(database_path, reason))


def beside_name(database_path: Path, reason: str) -> Path:
    """``NAME.REASON-YYYYmmdd-HHMMSS.sqlite3`` beside the database, a name not yet taken."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = database_path.suffix or SUFFIX
    target = database_path.with_name(f"{database_path.stem}.{reason}-{stamp}{suffix}")
    number = 1
    while target.exists():
        number += 1
        target = database_path.with_name(f"{database_path.stem}.{reason}-{stamp}-{number}{suffix}")
    return target


# -- daily backups -------------------------------------------------------------


def daily_backup(
    database: OpenDatabase, folder: str | Path, *, keep: int, today: dt.date | None = None
) -> BackupRecord | None:
    """Today's backup in ``folder`` unless it has one; then only the newest ``keep`` are kept.

    Returns None when today's backup already exists, and on PostgreSQL (the
    server's own backups are the place for that).
    """
    if keep < 1:
        raise BackupError("شمار نسخه‌های نگه‌داشته پشتیبان روزانه باید دست‌کم ۱ باشد.")
    if database.engine.dialect.name != "sqlite" or database.path is None:
        return None
    folder = Path(folder).expanduser()
    stem = database.path.stem
    target = folder / daily_name(stem, today or clock.today())
    if target.exists():
        return None
    record = backup_to(database, target)
    prune_daily(folder, stem, keep=keep)
    return record


def daily_name(stem: str, day: dt.date) -> str:
    j = jalali.to_jalali(day)
    return f"{stem}-{j.year:04d}-{j.month:02d}-{j.day:02d}{SUFFIX}"


def daily_backups(folder: Path, stem: str) -> list[tuple[dt.date, Path]]:
    """The daily backups of the database ``stem`` in ``folder``, oldest first."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{4}})-(\d{{2}})-(\d{{2}}){re.escape(SUFFIX)}")
    found: list[tuple[dt.date, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        try:
            day = jalali.from_jalali(*(int(part) for part in match.groups()))
        except (jalali.JalaliDateError, ValueError):
            continue  # a name that only looks like ours
        found.append((day, path))
    return sorted(found)


def prune_daily(folder: Path, stem: str, *, keep: int) -> list[Path]:
    """Delete the oldest daily backups beyond ``keep``; returns what was deleted."""
    backups = daily_backups(folder, stem)
    removed = []
    for _day, path in backups[: max(0, len(backups) - keep)]:
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


# -- shared helpers --------------------------------------------------------------


def format_size(size: int) -> str:
    """``56344576`` -> ``«۵۳٫۷ مگابایت»``."""
    for unit, scale in (("گیگابایت", 1 << 30), ("مگابایت", 1 << 20), ("کیلوبایت", 1 << 10)):
        if size >= scale:
            return f"{to_persian_digits(f'{size / scale:.1f}').replace('.', '٫')} {unit}"
    return f"{to_persian_digits(size)} بایت"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    # Opened for writing: Windows flushes only a handle with write access.
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles for this)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _new_temporary(target: Path) -> Path:
    """An empty hidden file beside ``target`` (permissions as any new file, unlike mkstemp's 0600)."""
    while True:
        staged = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return staged


def _discard(staged: Path) -> None:
    for path in (staged, staged.with_name(staged.name + "-journal")):
        path.unlink(missing_ok=True)
