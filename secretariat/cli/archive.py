"""``python -m secretariat archive ...``: the yearly archive (بایگانی سالانه).

- ``export --year Y --out FILE.zip``: the year's archive, written whole or not
  at all (percentages on stderr when it is a terminal; Ctrl+C leaves nothing);
- ``verify FILE.zip``: every file against the archive's manifest; each file
  changed, missing or not listed is named. Exit 0 when every file matches,
  1 when one does not, 2 when the file cannot be checked (not a ZIP, no
  manifest);
- ``verify-document CODE``: a printed minutes' document code («M1404-07-9F3A1C2B»)
  or its QR payload («CSEC1:...») against the records. Exit 0 when it
  matches, 1 when it does not, 2 when it is not a code;
- ``import FILE``: an archive's ZIP, or a JSON file in its schema, into the
  database (``--db``; a new file is created), in one transaction; once the
  council has accounts, the secretary's.

Refusals print a Persian message on stderr and exit 2, changing nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from secretariat.cli.common import CliError, Commands, file_path, year
from secretariat.cli.connection import location as database_to_open
from secretariat.cli.signing_in import sign_in
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

EXIT_MISMATCH = 1
EXIT_INTERRUPTED = 130


def add_parsers(commands: Commands) -> None:
    archive = commands.add_parser("archive", help="بایگانی سالانه: ساختن، وارسی، وارد کردن")
    actions = archive.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="ساختن بایگانی یک سال (ZIP)")
    export.add_argument("--year", required=True, help="سال شمسی، مانند ۱۴۰۴")
    export.add_argument("--out", required=True, type=file_path, help="پرونده ZIP خروجی")
    verify = actions.add_parser("verify", help="وارسی همه پرونده‌های بایگانی با فهرست آن")
    verify.add_argument("file", type=file_path, help="پرونده ZIP بایگانی")
    document = actions.add_parser("verify-document", help="وارسی کد یا رمزینه (QR) سند چاپی با سوابق")
    document.add_argument("code", help="کد سند، مانند M1404-07-9F3A1C2B، یا متن رمزینه CSEC1:...")
    importing = actions.add_parser("import", help="وارد کردن داده‌های بایگانی (ZIP یا JSON)")
    importing.add_argument("file", type=file_path, help="پرونده ZIP بایگانی یا JSON داده‌ها")


def run(args: argparse.Namespace) -> int:
    """Opens the database itself: ``verify`` needs none, ``import`` may fill an empty one."""
    if args.action == "verify":
        return _verify(args.file)
    location = database_to_open(args)
    importing = args.action == "import"
    with Secretariat.open(location, create=importing, read_only=not importing) as secretariat:
        sign_in(secretariat, args.user)
        if importing:  # refused before the file is read (the import itself refuses too)
            secretariat.require(Permission.RESTORE)
        if args.action == "import":
            return _import(secretariat.database, args.file)
        if secretariat.council.get() is None:
            raise CliError("این پایگاه داده هنوز شورایی ندارد؛ نخست «init --council NAME» را اجرا کنید.")
        if args.action == "export":
            return _export(secretariat.database, args)
        return _verify_document(secretariat.database, args.code)


def _export(database: Database, args: argparse.Namespace) -> int:
    from secretariat.archive import export_archive

    chosen = year(args.year)
    if chosen is None or not jalali.MIN_YEAR <= chosen <= jalali.MAX_YEAR:
        raise CliError(f"«{args.year}» سال نیست؛ سال شمسی را مانند ۱۴۰۴ بنویسید.")
    out: Path = args.out
    if out.suffix.lower() != ".zip":
        raise CliError("پرونده بایگانی باید پسوند ‎.zip داشته باشد.")
    progress = _terminal_progress() if sys.stderr.isatty() else None
    try:
        result = export_archive(database, chosen, out, progress=progress)
    except KeyboardInterrupt:
        print("\nساخت بایگانی لغو شد؛ پرونده‌ای نوشته نشد.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if progress is not None:
            print(file=sys.stderr)
    print(result.summary())
    return 0


def _terminal_progress() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        percent = to_persian_digits(done * 100 // max(1, total))
        print(f"\rساخت بایگانی: {percent}٪", end="", file=sys.stderr, flush=True)

    return show


def _verify(file: Path) -> int:
    from secretariat.archive import verify_archive

    result = verify_archive(file)
    for problem in result.problems():
        print(problem)
    print(result.summary())
    return 0 if result.ok else EXIT_MISMATCH


def _verify_document(database: Database, code: str) -> int:
    from secretariat.archive import verify_document

    check = verify_document(database, code)
    print(check.message)
    return 0 if check.matches else EXIT_MISMATCH


def _import(database: Database, file: Path) -> int:
    from secretariat.archive import import_archive

    result = import_archive(database, file)
    print(result.summary())
    return 0
