"""The command line: ``python -m secretariat [--db PATH] COMMAND ...``.

The same services and rules as the window. A refusal prints its Persian
message on stderr, exits with status 2 and changes nothing.

- ``register``: ``init``, ``demo``, ``agencies`` (with ``import`` from an Excel sheet), ``people``;
- ``meetings``: ``meetings create|list|show|agenda|...``, from the plan to
  signed minutes;
- ``resolutions``: ``resolutions list|follow-up|set-status|deadline|dashboard|
  prepare-review``, the register and the follow-up of resolutions;
- ``monthly``: ``monthly indicators|record|exempt|matrix|due-day|export``, the
  agencies' monthly reports (see ``cli/monthly.py``);
- ``report``: ``report minutes|invitation|followup-letter|register|attendance|
  directory --out FILE.pdf``, the printed reports;
- ``backup --out FILE`` / ``backup --daily``, ``restore FILE``: backups, and
  putting one back (see ``cli/backup.py``);
- ``archive export|verify|verify-document|import``: the yearly archive (see
  ``cli/archive.py``);
- ``users add|list|passwd|deactivate|role``: the council's user accounts (see
  ``cli/users.py``); ``audit list``: the audit trail (``cli/audit.py``);
- ``migrate-to-postgres --url``: the council copied to a shared PostgreSQL
  database, and checked (``cli/to_postgres.py``);
- ``connection set|show|forget``: the shared PostgreSQL database this PC opens when no
  ``--db`` is given, its password in the platform's keyring (``cli/connection.py``).

Without ``--db``, a command opens the saved shared database if there is one, else the
local SQLite file in the user data folder.

``--user U``: once the council has user accounts, every command that opens
it signs in first (password from the terminal or ``SECRETARIAT_PASSWORD``;
see ``cli/signing_in.py``), and the core refuses what the user's role may not do.

Exit status: 0 done; 2 refused (a Persian message on stderr: a mistyped
command line, a rule of the council, a value out of its limits, a locked
database, a full disk, a file that cannot be read; nothing was changed);
1 a bug (one Persian line naming the log file that holds the traceback,
never the traceback itself). ``archive verify`` and ``verify-document`` also
exit 1 when a file or a code does not match (see ``cli/archive.py``). Every
argument is read within limits (see ``cli/common.py``); one with bytes that
are not UTF-8 is refused before anything else.

May import: every other package of ``secretariat``; nothing imports it but ``__main__``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

from secretariat import paths
from secretariat.cli import (
    archive,
    audit,
    backup,
    connection,
    evaluation,
    letters,
    meetings,
    monthly,
    register,
    reports,
    resolutions,
    signing_in,
    to_postgres,
    users,
)
from secretariat.cli.common import EXIT_REFUSED, CliError, database_location
from secretariat.cli.persian_parser import PersianArgumentParser, shown
from secretariat.core import Secretariat
from secretariat.errors import DomainError, ValidationError
from secretariat.persian.text import to_persian_digits

__all__ = ["EXIT_BUG", "EXIT_REFUSED", "CliError", "build_parser", "main"]

EXIT_BUG = 1
EXIT_INTERRUPTED = 130
LOG_NAME = "command-line-errors.log"


def build_parser() -> argparse.ArgumentParser:
    parser = PersianArgumentParser(
        prog="python -m secretariat",
        description="دبیرخانه شورای هماهنگی روابط عمومی - خط فرمان",
    )
    parser.add_argument(
        "--db",
        type=database_location,
        help="پرونده پایگاه داده (پیش‌فرض: پایگاه داده مشترک ذخیره‌شده، وگرنه پوشه داده‌های کاربر)",
    )
    parser.add_argument(
        "--user",
        type=signing_in.username,
        help="نام کاربری، وقتی شورا حساب کاربری دارد (گذرواژه از پایانه یا SECRETARIAT_PASSWORD)",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=PersianArgumentParser)
    register.add_parsers(commands)
    meetings.add_parsers(commands)
    resolutions.add_parsers(commands)
    monthly.add_parsers(commands)
    reports.add_parsers(commands)
    evaluation.add_parsers(commands)
    letters.add_parsers(commands)
    backup.add_parsers(commands)
    archive.add_parsers(commands)
    users.add_parsers(commands)
    audit.add_parsers(commands)
    to_postgres.add_parsers(commands)
    connection.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (see the module's docstring). Never raises, never
    prints a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        _check_encoding(arguments)
        return _run(build_parser().parse_args(arguments))
    except SystemExit as done:  # argparse: --help (0), or a mistyped command line (2, said in Persian)
        return done.code if isinstance(done.code, int) else EXIT_REFUSED
    except BrokenPipeError:  # `... | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - no flush error at exit
        return 0
    except ValidationError as error:
        for message in error.errors.values():
            _refuse(message)
        return EXIT_REFUSED
    except DomainError as error:
        _refuse(error.message)
        return EXIT_REFUSED
    except OSError as error:
        _refuse(_file_reason(error))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("\nکار به خواست شما نیمه‌کاره ماند.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        if _is_database_refusal(error):  # should the core let one through
            _refuse(_database_reason(error))
            return EXIT_REFUSED
        return _report_bug(error, arguments)  # a bug: the traceback goes to the log, never to the screen


def _refuse(message: str) -> None:
    print(f"خطا: {message}", file=sys.stderr)


def _check_encoding(arguments: Sequence[str]) -> None:
    """Bytes that are not UTF-8 reach ``sys.argv`` as lone surrogates (Linux): refuse them
    before they reach a message, a file name or the database."""
    for number, argument in enumerate(arguments, start=1):
        if any("\ud800" <= character <= "\udfff" for character in argument):
            readable = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in argument)
            raise CliError(
                f"آرگومان با نویسه‌های نامعتبر (آرگومان {to_persian_digits(number)}: «{shown(readable)}»)؛ "
                "متن را با رمزگذاری UTF-8 بنویسید."
            )


def _is_database_refusal(error: Exception) -> bool:
    """SQLAlchemy's ``OperationalError`` or plain ``DatabaseError``: a database that is busy,
    full or unreadable. A broken constraint (``IntegrityError``) or a statement the database
    rejects is a bug. The command line reads through the services and imports no SQLAlchemy
    (see ``tests/test_architecture.py``), so the classes are recognised by name."""
    if isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError:
        return True  # sqlite3 itself: backups and restores copy through it
    kind = type(error)
    if not kind.__module__.startswith("sqlalchemy."):
        return False
    return kind.__name__ == "DatabaseError" or any(
        base.__name__ == "OperationalError" and base.__module__.startswith("sqlalchemy.")
        for base in kind.__mro__
    )


def _database_reason(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).lower()
    if "locked" in text or "busy" in text:
        return "پایگاه داده در دست برنامه دیگری است (قفل است)؛ کمی بعد دوباره بکوشید."
    if "full" in text:
        return "دیسک پر است؛ جایی باز کنید و دوباره بکوشید."
    if "readonly" in text or "read-only" in text:
        return "پایگاه داده فقط‌خواندنی است؛ اجازه نوشتن در پرونده یا پوشه آن را بدهید."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "پرونده پایگاه داده آسیب دیده است یا پایگاه داده این برنامه نیست."
    if "unable to open" in text or "i/o" in text:
        return "پرونده پایگاه داده خوانده نشد؛ مسیر و اجازه دسترسی را بررسی کنید."
    return "پایگاه داده کار را نپذیرفت؛ دوباره بکوشید."


# By the errno's name: not every system has every one (Windows has no EDQUOT).
_FILE_REASONS = {
    getattr(errno, name): reason
    for name, reason in (
        ("ENOENT", "پیدا نشد"),
        ("EACCES", "اجازه دسترسی نیست"),
        ("EPERM", "اجازه دسترسی نیست"),
        ("ENOSPC", "دیسک پر است"),
        ("EDQUOT", "سهمیه دیسک پر است"),
        ("EISDIR", "پوشه است، نه پرونده"),
        ("ENOTDIR", "بخشی از مسیر پوشه نیست"),
        ("EROFS", "دیسک فقط‌خواندنی است"),
        ("ENAMETOOLONG", "نام یا مسیر بسیار بلند است"),
        ("EEXIST", "از پیش هست"),
        ("EIO", "دیسک خوانده یا نوشته نشد"),
        ("EBUSY", "در دست برنامه دیگری است"),
        ("EINVAL", "نام پرونده پذیرفته نیست"),
    )
    if hasattr(errno, name)
}


def _file_reason(error: OSError) -> str:
    reason = _FILE_REASONS.get(error.errno or 0, f"خطای سیستم (کد {to_persian_digits(error.errno or 0)})")
    if error.filename:
        return f"پرونده «{shown(os.fsdecode(error.filename))}» خوانده یا نوشته نشد: {reason}."
    return f"کار با پرونده انجام نشد: {reason}."


def _report_bug(error: BaseException, arguments: Sequence[str]) -> int:
    log = _write_log(error, arguments)
    where = f"«{log}»" if log is not None else "جایی (پوشه‌ها نوشتنی نبودند)"
    print(f"خطای پیش‌بینی‌نشده؛ جزئیات در {where} ثبت شد.", file=sys.stderr)
    return EXIT_BUG


def _write_log(error: BaseException, arguments: Sequence[str]) -> Path | None:
    """Append the traceback to the log in the user data folder (else the temp folder)."""
    entry = (
        f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S} python -m secretariat {list(arguments)!r}\n"
        + "".join(traceback.format_exception(error))
    )
    for folder in (_data_logs, lambda: Path(tempfile.gettempdir())):
        try:
            path = folder() / LOG_NAME
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(entry)
        except (OSError, ValueError):
            continue
        return path
    return None


def _data_logs() -> Path:
    return paths.data_folder() / "logs"


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        return register.run_demo(args)
    if args.command == "connection":  # this PC's setting: opens no council
        return connection.run(args)
    if args.command == "restore":
        return backup.run_restore(args)
    if (
        args.command == "archive"
    ):  # opens the database itself: verify needs none, import may fill an empty one
        return archive.run(args)
    if args.command == "agencies" and args.action == "template":  # writes a file, opens no database
        return register.write_template(args)
    # Lists, reports and backups (``read_only`` set on their parsers) never make or fill a database.
    read_only = getattr(args, "read_only", False) or getattr(args, "dry_run", False)
    try:
        opened = Secretariat.open(connection.location(args), read_only=read_only)
    except DomainError as error:  # the saved shared database, out of reach: say which and why
        refusal = connection.saved_refusal(error, args)
        if refusal is None:
            raise
        raise refusal from error
    with opened as secretariat:
        for notice in secretariat.meetings.renumbered_on_open():  # once, when the file is migrated
            print(notice, file=sys.stderr)
        signed_in = signing_in.sign_in(secretariat, args.user)
        signing_in.check_role(secretariat, args)
        if args.command != "init" and secretariat.council.get() is None:
            raise CliError("این پایگاه داده هنوز شورایی ندارد؛ نخست «init --council NAME» را اجرا کنید.")
        if args.command == "meetings":
            return meetings.run(secretariat, args)
        if args.command == "resolutions":
            return resolutions.run(secretariat, args)
        if args.command == "monthly":
            return monthly.run(secretariat, args)
        if args.command == "report":
            return reports.run(secretariat, args)
        if args.command == "evaluation":
            return evaluation.run(secretariat, args)
        if args.command == "letters":
            return letters.run(secretariat, args)
        if args.command == "backup":
            return backup.run(secretariat, args)
        if args.command == "users":
            return users.run(secretariat, args, signed_in)
        if args.command == "audit":
            return audit.run(secretariat, args)
        if args.command == "migrate-to-postgres":
            return to_postgres.run(secretariat, args)
        return register.run(secretariat, args)
