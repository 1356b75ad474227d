"""Restoring the council's database from a backup file.

``restore(database_path, backup_path)`` first checks the backup with
``inspect_backup`` and refuses anything but a whole SQLite database of this
app with an older or the same schema: a text file, a truncated or damaged
copy, another program's database, a newer version's database, a missing
file or a folder. A refusal raises ``RestoreError`` (Persian message) and
changes nothing: the current database is not even opened.

Otherwise it takes a safety copy of the current database beside it
(``council.before-restore-20261125-093000.sqlite3``, a consistent snapshot
made the same way as every backup; a damaged database that SQLite cannot
read is copied file by file instead, with its ``-wal``), copies the backup
to a temporary file beside the database (checked and flushed to the disk),
and moves it into place with ``os.replace``. An older backup is then
migrated by ``open_database``, which takes its own before-upgrade copy.

The caller closes the database first: ``Database.close()`` on every
``Database`` open on that file (the app: on its database worker), then
``restore``, then ``open_database`` again. A database still open in WAL
mode elsewhere (another window, another PC) is detected and refused, since
its ``-wal`` could otherwise be lost or replayed onto the restored file.
Restoring onto a path where no database exists yet (a new machine) works.

Once the current database has user accounts, only its secretary restores:
``user`` is the person signed in to it (checked against its accounts, read
from the file, before anything is touched); anyone else is refused with
``PermissionDeniedError`` and nothing changes. A database that cannot be
read at all keeps no accounts to check against (restoring is how it is
mended). The restore is written to the restored database's audit trail.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.maintenance.backup import (
    BackupError,
    backup_beside,
    beside_name,
    fsync_file,
    fsync_folder,
    stage_copy,
)
from secretariat.maintenance.backup_check import (
    SIDECARS,
    BackupInfo,
    BackupKind,
    inspect_backup,
    read_only_uri,
)
from secretariat.office.audit import record_event
from secretariat.office.roles import Permission, Role, SignedIn, require

UNTOUCHED = "پایگاه داده کنونی دست نخورد."
# How long to wait for another connection's write to finish before calling the database busy.
LOCK_WAIT_SECONDS = 2.0


class RestoreError(DomainError):
    """The backup was not restored; the message says why and whether anything changed."""


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    backup: BackupInfo  # what was restored (its revision, its council)
    previous: Path | None  # the safety copy of the database it replaced; None if there was none
    migrated: bool  # the backup was from an older version and was brought up to date


def restore(
    database_path: str | Path, backup_path: str | Path, *, user: SignedIn | None = None
) -> RestoreResult:
    """Replace the (closed) database at ``database_path`` with the backup at ``backup_path``;
    ``user``: who is signed in to the current database (see the module's note)."""
    database_path = Path(database_path).expanduser()
    backup_path = Path(backup_path).expanduser()
    info = inspect_backup(backup_path)
    if not info.usable:
        raise RestoreError(f"{info.message} {UNTOUCHED}")
    if database_path.is_dir():
        raise RestoreError(f"«{database_path}» یک پوشه است، نه پرونده پایگاه داده. {UNTOUCHED}")
    if database_path.exists() and database_path.samefile(backup_path):
        raise RestoreError(f"پرونده پشتیبان همان پایگاه داده کنونی است. {UNTOUCHED}")
    _require_restore(database_path, user)  # after the backup's checks, which leave the database unread

    staged = _stage(backup_path, database_path)
    try:
        previous = _set_aside(database_path)
        _remove_sidecars(database_path)
        os.replace(staged, database_path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    fsync_folder(database_path.parent)

    try:
        _record_restore(database_path, backup_path, info, previous, user)  # migrates an older backup
    except DomainError as error:
        kept = f"پایگاه داده پیشین در «{previous}» نگه داشته شده است." if previous else ""
        if previous is not None and _put_back(previous, database_path):
            kept = "پایگاه داده پیشین سر جای خود بازگردانده شد."
        raise RestoreError(f"پشتیبان بازگردانده شد اما باز نشد: {error.message} {kept}") from error
    return RestoreResult(database_path, info, previous, migrated=info.kind is BackupKind.OLDER)


def _require_restore(database_path: Path, user: SignedIn | None) -> None:
    """Refuse (``PermissionDeniedError``) anyone but a secretary of the current database."""
    accounts = _accounts(database_path)
    if not accounts:
        return
    signed_in = None
    if user is not None:
        found = accounts.get(user.id)
        if found is not None and found[0] == user.username and found[2]:
            signed_in = SignedIn(user.id, user.username, user.full_name, Role(found[1]))
    require(signed_in, True, Permission.RESTORE)


def _accounts(database_path: Path) -> dict[int, tuple[str, str, bool]]:
    """The current database's accounts (id -> username, role, active), read without changing it;
    none when there is no file, no accounts table (an older version) or nothing readable."""
    if not database_path.is_file():
        return {}
    try:
        with closing(sqlite3.connect(read_only_uri(database_path), uri=True)) as connection:
            rows = connection.execute("SELECT id, username, role, active FROM user_account").fetchall()
    except sqlite3.Error:
        return {}
    return {row[0]: (row[1], row[2], bool(row[3])) for row in rows if row[2] in {r.value for r in Role}}


def _record_restore(
    database_path: Path, backup_path: Path, info: BackupInfo, previous: Path | None, user: SignedIn | None
) -> None:
    """Open the restored database (migrating an older backup) and write the restore to its trail."""
    database = open_database(database_path, create=False)
    try:
        with database.transaction() as session:
            changes = {"file": backup_path.name, "council": info.council_name or ""}
            if previous is not None:
                changes["previous"] = previous.name
            record_event(session, user, "restore", "database", "", changes)
    finally:
        database.close()


def _stage(source_file: Path, database_path: Path) -> Path:
    """A checked copy of ``source_file`` in a temporary file beside the database."""
    try:
        with closing(sqlite3.connect(read_only_uri(source_file), uri=True)) as source:
            staged, _info = stage_copy(source, database_path)
    except BackupError as error:
        raise RestoreError(f"{error.message} {UNTOUCHED}") from error
    except sqlite3.Error as error:
        raise RestoreError(f"پرونده پشتیبان خوانده نشد: {error}. {UNTOUCHED}") from error
    return staged


def _set_aside(database_path: Path) -> Path | None:
    """The safety copy of the current database; refuses if it is still open elsewhere."""
    if not database_path.exists():
        return None
    try:
        with closing(
            sqlite3.connect(database_path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
        ) as current:
            # Leaving WAL needs every other connection closed, so this is also the
            # check that nothing else has the database open; it folds the -wal in.
            if current.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                current.execute("PRAGMA journal_mode=DELETE")
            return backup_beside(current, database_path, reason="before-restore").path
    except (sqlite3.Error, BackupError) as error:
        if _busy(error):
            raise RestoreError(
                f"پایگاه داده «{database_path.name}» هنوز جای دیگری (پنجره یا رایانه‌ای دیگر) باز است؛ "
                f"نخست آن را ببندید. {UNTOUCHED}"
            ) from error
    # Damaged: SQLite cannot copy it page by page, so its files are kept as they are.
    return _copy_files(database_path)


def _busy(error: BaseException) -> bool:
    cause = error.__cause__ if isinstance(error, BackupError) else error
    return getattr(cause, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _copy_files(database_path: Path) -> Path:
    """A damaged database kept as it is, with its journal files, beside it."""
    target = beside_name(database_path, "before-restore")
    try:
        for suffix in ("", "-wal", "-journal"):
            source = database_path.with_name(database_path.name + suffix)
            if source.exists():
                copy = target.with_name(target.name + suffix)
                shutil.copyfile(source, copy)
                fsync_file(copy)
    except OSError as error:
        raise RestoreError(
            f"از پایگاه داده کنونی نسخه پیشین گرفته نشد: {error.strerror or error}. {UNTOUCHED}"
        ) from error
    return target


def _remove_sidecars(database_path: Path) -> None:
    # A -wal left beside the new file would be replayed onto it: the old one must go
    # (its content is in the safety copy).
    for suffix in SIDECARS:
        database_path.with_name(database_path.name + suffix).unlink(missing_ok=True)


def _put_back(previous: Path, database_path: Path) -> bool:
    """Best effort after a restored file failed to open: the previous database back in place."""
    try:
        staged = _stage(previous, database_path)
        _remove_sidecars(database_path)
        os.replace(staged, database_path)
    except (DomainError, OSError):
        return False
    return True
