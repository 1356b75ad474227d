"""``connection set|show|forget``: the shared PostgreSQL database this PC opens by default.

- ``set --url postgresql://USER@HOST[:PORT]/DB [--no-check]``: the password is read from
  ``SECRETARIAT_DB_PASSWORD`` or, without it, typed on the terminal (not shown; empty for a
  server that asks for none), as every password of the command line is (see
  ``cli/signing_in.py``), never from the command line itself: a URL with a password is
  refused. The connection is tried first (``--no-check`` saves without trying), then saved:
  the address in the data folder, the password in the platform's keyring, or, where there is
  none, nowhere (it is then asked at each start or read from ``SECRETARIAT_DB_PASSWORD``);
- ``show [--json]``: the address and where its password is, never the password;
- ``forget``: the address and the password taken out; the local SQLite file is opened again.

These commands change this PC's own setting and open no council, so nobody signs in for them:
whoever may use this PC's account chooses its database, and the server's password guards it.

``location(args)``: what every other command opens: ``--db``, else the saved connection
(its password from the keyring, the variable or the terminal), else the local SQLite file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from secretariat import paths
from secretariat.cli.common import CliError, Commands
from secretariat.cli.common import location as location_text
from secretariat.cli.signing_in import ask
from secretariat.errors import DomainError
from secretariat.office import connection
from secretariat.office.connection import PASSWORD_VARIABLE, SavedConnection

NOTHING_CHANGED = "چیزی تغییر داده نشد."


def add_parsers(commands: Commands) -> None:
    command = commands.add_parser(
        "connection", help="پایگاه داده مشترک (PostgreSQL) که این رایانه بی «--db» باز می‌کند"
    )
    actions = command.add_subparsers(dest="action", required=True)
    setting = actions.add_parser(
        "set",
        help=f"ذخیره اتصال؛ گذرواژه از پایانه یا {PASSWORD_VARIABLE}، در keyring این رایانه نگه داشته می‌شود",
    )
    setting.add_argument(
        "--url",
        required=True,
        type=location_text,
        help="نشانی پایگاه داده بدون گذرواژه، مانند postgresql://USER@HOST:5432/council",
    )
    setting.add_argument("--no-check", action="store_true", help="بی آزمودن اتصال ذخیره شود")
    showing = actions.add_parser("show", help="اتصال ذخیره‌شده (بی گذرواژه)")
    showing.add_argument("--json", action="store_true")
    actions.add_parser("forget", help="فراموش کردن اتصال و گذرواژه آن؛ پرونده SQLite این رایانه باز می‌شود")


def run(args: argparse.Namespace) -> int:
    if args.action == "set":
        return _set(args)
    if args.action == "show":
        return _show(args)
    if connection.forget():
        print(
            "اتصال به پایگاه داده مشترک و گذرواژه آن فراموش شد؛ از این پس پرونده SQLite این رایانه باز می‌شود."
        )
    else:
        print("اتصالی ذخیره نشده بود.")
    return 0


def _set(args: argparse.Namespace) -> int:
    address, typed_password = connection.parse(args.url)
    if typed_password is not None:
        raise CliError(
            "گذرواژه را در نشانی ننویسید (در تاریخچه پایانه می‌ماند)؛ آن را از پایانه یا متغیر "
            f"{PASSWORD_VARIABLE} بدهید. {NOTHING_CHANGED}"
        )
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask(f"گذرواژه «{address.user}» در پایگاه داده (خالی: بدون گذرواژه): ")
    url = address.url(password or None)
    if not args.no_check:
        try:
            print(connection.check(url))
        except DomainError as error:
            raise CliError(f"{error.message} اتصال ذخیره نشد.") from error
    saved = connection.save(url)
    print("اتصال ذخیره شد؛ از این پس فرمان‌ها و برنامه بی «--db» این پایگاه داده را باز می‌کنند.")
    print(saved.describe())
    if saved.notice:
        print(f"هشدار: {saved.notice}", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    saved = connection.load()
    if args.json:
        print(json.dumps(_json(saved), ensure_ascii=False, indent=2))
    elif saved is None:
        print(connection.describe())
    else:
        print(saved.describe())
    return 0


def _json(saved: SavedConnection | None) -> dict[str, object]:
    if saved is None:
        return {"saved": False}
    address = saved.address
    return {
        "saved": True,
        "url": address.shown,
        "host": address.host,
        "port": address.port,
        "database": address.database,
        "user": address.user,
        "password": saved.place.value,  # where it is: keyring, asked, none; never the password
        "password_in_keyring": saved.place is connection.PasswordPlace.KEYRING,
        "password_known": not saved.needs_password,
    }


def location(args: argparse.Namespace) -> str | Path:
    """What a command opens: ``--db``, else the saved connection, else the local file."""
    if args.db:
        return str(args.db)
    saved = connection.load()
    if saved is None:
        return paths.default_database_path()
    if saved.needs_password:
        saved = saved.with_password(_ask(f"گذرواژه «{saved.address.user}» در پایگاه داده مشترک: "))
    return saved.url


def saved_refusal(error: DomainError, args: argparse.Namespace) -> CliError | None:
    """A Persian refusal naming the saved connection, when opening it failed for want of a
    connection (None: ``--db`` was given, or the failure is of another kind)."""
    if args.db:
        return None
    saved = connection.load()
    if saved is None:
        return None
    reason = connection.connection_reason(error.message, saved.address)
    if reason is None:
        return None
    return CliError(
        f"پایگاه داده مشترک ذخیره‌شده ({saved.address.shown}) باز نشد: {reason} "
        "پرونده‌ای دیگر را با «--db» بدهید، یا اتصال را با «connection forget» فراموش کنید."
    )


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            "گذرواژه پایگاه داده خوانده نشد: پایانه‌ای برای پرسیدن آن نیست؛ در اسکریپت آن را در متغیر "
            f"{PASSWORD_VARIABLE} بدهید. {NOTHING_CHANGED}"
        )
    return ask(prompt)
