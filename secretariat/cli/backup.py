"""``backup`` and ``restore``: a consistent copy of the database, and putting one back.

- ``backup --out FILE``: a backup at FILE (replaced if it exists), taken
  while the database may be in use;
- ``backup --daily [--keep N] [--folder DIR]``: today's backup in the
  backups folder unless it has one, keeping the newest N (default: the
  setting ``backup_generations``);
- ``restore FILE``: checks FILE, keeps the current database beside it as
  ``NAME.before-restore-STAMP.sqlite3`` and puts FILE in its place (an older
  backup is then migrated). A wrong, damaged or newer file is refused and
  nothing changes. ``restore`` works where no database exists yet. Once the
  current database has user accounts, only its secretary restores: ``--user``
  signs in to it first (a database that cannot be opened is restored as before).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat import clock, paths
from secretariat.cli.common import MAX_GENERATIONS, CliError, Commands, bounded, file_path
from secretariat.cli.connection import location as database_to_open
from secretariat.cli.signing_in import sign_in
from secretariat.core import Secretariat
from secretariat.errors import DatabaseOpenError
from secretariat.maintenance import settings
from secretariat.maintenance.backup import backup_to, daily_backup, daily_name, format_size
from secretariat.maintenance.restore import restore
from secretariat.office.roles import SignedIn
from secretariat.persian.text import format_int

POSTGRES_BACKUP = (
    "پایگاه داده روی کارگزار PostgreSQL است؛ از آن با ابزارهای پشتیبان‌گیری خود کارگزار "
    "(مانند pg_dump) پشتیبان بگیرید."
)


def add_parsers(commands: Commands) -> None:
    backup = commands.add_parser("backup", help="پشتیبان‌گیری از پایگاه داده")
    backup.set_defaults(read_only=True)
    where = backup.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=file_path, help="پرونده پشتیبان")
    where.add_argument(
        "--daily", action="store_true", help="پشتیبان امروز در پوشه پشتیبان‌ها، اگر هنوز گرفته نشده"
    )
    backup.add_argument(
        "--keep",
        type=bounded("شمار نسخه‌ها", 1, MAX_GENERATIONS),
        help="شمار پشتیبان‌های روزانه نگه‌داشته (پیش‌فرض: تنظیمات)",
    )
    backup.add_argument(
        "--folder", type=file_path, help="پوشه پشتیبان‌های روزانه (پیش‌فرض: پوشه داده‌ها/backups)"
    )

    restore_parser = commands.add_parser("restore", help="بازگرداندن پایگاه داده از یک پرونده پشتیبان")
    restore_parser.add_argument("file", type=file_path, help="پرونده پشتیبان")


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    """``backup``."""
    database = secretariat.database
    if database.path is None:  # daily_backup would say nothing was needed; backup_to refuses too
        raise CliError(POSTGRES_BACKUP)
    if args.daily:
        folder = args.folder or paths.backups_folder()
        keep = args.keep or settings.load().backup_generations
        record = daily_backup(database, folder, keep=keep)
        if record is None:
            stem = database.path.stem if database.path else "council"
            print(f"پشتیبان امروز از پیش گرفته شده است: {folder / daily_name(stem, clock.today())}")
            return 0
    else:
        if args.keep is not None or args.folder is not None:
            raise CliError("«--keep» و «--folder» تنها با «--daily» به کار می‌روند.")
        record = backup_to(database, args.out)
    print(f"پشتیبان گرفته شد: {record.path}")
    print(f"اندازه: {format_size(record.size)} ({format_int(record.size)} بایت)")
    print(f"SHA-256: {record.sha256}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """``restore``: runs with no database open (the one at ``--db`` is about to be replaced)."""
    location = database_to_open(args)
    if "://" in str(location):
        raise CliError("بازگرداندن پشتیبان تنها برای پایگاه داده‌ای در یک پرونده (SQLite) است.")
    result = restore(location, args.file, user=_signed_in_to_current(location, args.user))
    print(f"پایگاه داده از «{args.file}» بازگردانده شد: {result.database}")
    if result.previous is not None:
        print(f"پایگاه داده پیشین نگه داشته شد در: {result.previous}")
    if result.migrated:
        print("پشتیبان از نسخه پیشین برنامه بود و به نسخه کنونی به‌روز شد.")
    return 0


def _signed_in_to_current(location: str | Path, user: str | None) -> SignedIn | None:
    """Who signs in to the database about to be replaced (None: it has no accounts, or it
    cannot be opened; ``restore`` then reads its accounts from the file itself)."""
    if not Path(location).expanduser().is_file():
        return None
    try:
        secretariat = Secretariat.open(location, create=False, read_only=True)
    except DatabaseOpenError:
        return None
    with secretariat:
        sign_in(secretariat, user)
        return secretariat.user
