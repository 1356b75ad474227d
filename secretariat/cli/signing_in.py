"""Who runs a command: ``--user U`` and the password, once the council has accounts.

A council without accounts works as before, anonymously (and ``--user`` is
refused there, so that a script does not think it signed in). Once it has
accounts, every command that opens it, reads too, signs in first with the
core's ``users.sign_in`` (slowed after repeated failures): without ``--user``,
or with a wrong password, it is refused before it runs and changes nothing.

Passwords are never typed on the command line: each is read from the
terminal (without echo) or, for scripts, from an environment variable:

- ``SECRETARIAT_PASSWORD``: the password of ``--user`` (or, when nobody
  signs in, as for the council's first account, the new account's);
- ``SECRETARIAT_NEW_PASSWORD``: the new password of ``users add`` and
  ``users passwd`` when ``SECRETARIAT_PASSWORD`` signs in.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass

from secretariat.cli.common import CliError
from secretariat.cli.persian_parser import shown
from secretariat.core import Secretariat
from secretariat.office.roles import Permission

PASSWORD_VARIABLE = "SECRETARIAT_PASSWORD"
NEW_PASSWORD_VARIABLE = "SECRETARIAT_NEW_PASSWORD"
MAX_USERNAME_LENGTH = 100
# The commands that need more than editing (which every save checks for itself).
ROLE_DOORS = {
    ("meetings", "finalize"): Permission.FINALIZE,
    ("evaluation", "publish"): Permission.PUBLISH,
    ("evaluation", "amend"): Permission.PUBLISH,
    ("users", "add"): Permission.USERS,
    ("users", "deactivate"): Permission.USERS,
    ("users", "role"): Permission.USERS,
    ("audit", "list"): Permission.AUDIT,
    ("migrate-to-postgres", None): Permission.RESTORE,
}


@dataclass(frozen=True)
class SignedInBy:
    """How this command signed in: the password typed for it (the old one of ``users passwd``)."""

    password: str | None  # None: nobody signed in (a council without accounts)


def username(text: str) -> str:
    """``--user`` (argparse ``type``): a user name, refused when it cannot be one."""
    if not text.strip() or len(text) > MAX_USERNAME_LENGTH:
        raise argparse.ArgumentTypeError(f"«{shown(text)}» نام کاربری نیست.")
    return text


def sign_in(secretariat: Secretariat, user: str | None) -> SignedInBy:
    """Sign ``user`` in to the council, if it has accounts; refused (CliError, SignInError)
    before the command runs otherwise."""
    if not secretariat.users.any():
        if user:
            raise CliError(
                "این شورا هنوز حساب کاربری ندارد و «--user» به کار نمی‌رود؛ "
                "نخستین حساب (دبیر شورا) را «users add» می‌سازد. چیزی تغییر داده نشد."
            )
        return SignedInBy(password=None)
    if not user:
        raise CliError(
            "این شورا کاربر دارد؛ نام کاربری خود را با «--user» بدهید (گذرواژه از پایانه یا از "
            f"متغیر {PASSWORD_VARIABLE} خوانده می‌شود). چیزی تغییر داده نشد."
        )
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = ask(f"گذرواژه «{shown(user)}»: ")
    secretariat.users.sign_in(user, password)
    return SignedInBy(password=password)


def check_role(secretariat: Secretariat, args: argparse.Namespace) -> None:
    """Refuse, before anything runs, a command that needs more than editing and that the
    signed-in role may not do (the core refuses its save too), and let the signed-in user,
    not a typed name, be who did it (``--by`` left empty)."""
    permission = ROLE_DOORS.get((args.command, getattr(args, "action", None)))
    if permission is not None:
        secretariat.require(permission)
    user = secretariat.user
    if user is not None and getattr(args, "by", None) == "":
        args.by = user.full_name


def new_password(signed_in: SignedInBy) -> str:
    """A new password: from the environment, or typed twice on the terminal."""
    variables = [NEW_PASSWORD_VARIABLE]
    if signed_in.password is None:  # nobody signed in with SECRETARIAT_PASSWORD: it is the new one
        variables.append(PASSWORD_VARIABLE)
    for name in variables:
        value = os.environ.get(name)
        if value is not None:
            return value
    first = ask("گذرواژه تازه: ")
    if ask("گذرواژه تازه را دوباره بنویسید: ") != first:
        raise CliError("دو گذرواژه یکی نبودند؛ چیزی تغییر داده نشد.")
    return first


def ask(prompt: str) -> str:
    """A password typed on the terminal, not shown; refused where there is no terminal."""
    if not sys.stdin.isatty():
        raise CliError(
            "گذرواژه خوانده نشد: پایانه‌ای برای پرسیدن آن نیست؛ در اسکریپت آن را در متغیر "
            f"{PASSWORD_VARIABLE} (گذرواژه تازه: {NEW_PASSWORD_VARIABLE}) بدهید. چیزی تغییر داده نشد."
        )
    try:
        return getpass.getpass(prompt)
    except EOFError as error:
        raise CliError("گذرواژه‌ای نوشته نشد؛ چیزی تغییر داده نشد.") from error
