"""The command line: ``python -m secretariat [--db PATH] COMMAND ...``.

The same services and rules as the window. A refusal prints its Persian
message on stderr, exits with status 2 and changes nothing.

- ``register``: ``init``, ``demo``, ``agencies``, ``people``;
- ``meetings``: ``meetings create|list|show|agenda|...``, from the plan to
  signed minutes;
- ``resolutions``: ``resolutions list|follow-up|set-status|deadline|dashboard|
  prepare-review``, the register and the follow-up of resolutions;
- ``report``: ``report minutes|invitation|followup-letter|register|attendance|
  directory --out FILE.pdf``, the printed reports;
- ``backup --out FILE`` / ``backup --daily``, ``restore FILE``: backups, and
  putting one back (see ``cli/backup.py``);
- ``archive export|verify|verify-document|import``: the yearly archive (see
  ``cli/archive.py``).

May import: every other package of ``secretariat``; nothing imports it but ``__main__``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from secretariat import paths
from secretariat.cli import archive, backup, meetings, register, reports, resolutions
from secretariat.cli.common import EXIT_REFUSED, CliError
from secretariat.core import Secretariat
from secretariat.errors import DomainError, ValidationError

__all__ = ["EXIT_REFUSED", "CliError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m secretariat",
        description="دبیرخانه شورای هماهنگی روابط عمومی - خط فرمان",
    )
    parser.add_argument("--db", help="پرونده پایگاه داده (پیش‌فرض: پوشه داده‌های کاربر)")
    commands = parser.add_subparsers(dest="command", required=True)
    register.add_parsers(commands)
    meetings.add_parsers(commands)
    resolutions.add_parsers(commands)
    reports.add_parsers(commands)
    backup.add_parsers(commands)
    archive.add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # `... | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - no flush error at exit
        return 0
    except ValidationError as error:
        for message in error.errors.values():
            print(f"خطا: {message}", file=sys.stderr)
        return EXIT_REFUSED
    except DomainError as error:
        print(f"خطا: {error.message}", file=sys.stderr)
        return EXIT_REFUSED


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        return register.run_demo(args)
    if args.command == "restore":
        return backup.run_restore(args)
    if (
        args.command == "archive"
    ):  # opens the database itself: verify needs none, import may fill an empty one
        return archive.run(args)
    # Lists, reports and backups (``read_only`` set on their parsers) never make or fill a database.
    read_only = getattr(args, "read_only", False)
    with Secretariat.open(args.db or paths.default_database_path(), read_only=read_only) as secretariat:
        for notice in secretariat.meetings.renumbered_on_open():  # once, when the file is migrated
            print(notice, file=sys.stderr)
        if args.command != "init" and secretariat.council.get() is None:
            raise CliError("این پایگاه داده هنوز شورایی ندارد؛ نخست «init --council NAME» را اجرا کنید.")
        if args.command == "meetings":
            return meetings.run(secretariat, args)
        if args.command == "resolutions":
            return resolutions.run(secretariat, args)
        if args.command == "report":
            return reports.run(secretariat, args)
        if args.command == "backup":
            return backup.run(secretariat, args)
        return register.run(secretariat, args)
