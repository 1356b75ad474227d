"""``python -m secretariat users ...``: the council's user accounts.

- ``add --username U --name N --role secretary|expert|viewer``: a new account;
  the council's first is its secretary (دبیر) and needs no ``--user``, every
  later one is the secretary's to add;
- ``list [--json]``: username, name, role, active;
- ``passwd U``: ``U`` is the one signed in: their own password (the one typed
  to sign in is the old one); another's: the secretary sets a new one;
- ``deactivate U``, ``role U --role R``: the secretary's.

Passwords come from the terminal or the environment (see ``cli/signing_in.py``).
The core decides who may do what; a refusal exits 2 and changes nothing.
"""

from __future__ import annotations

import argparse
import json

from secretariat.cli.common import CliError, Commands, choice
from secretariat.cli.signing_in import SignedInBy, new_password, username
from secretariat.core import Secretariat
from secretariat.office.accounts import UserDraft, UserRecord
from secretariat.office.roles import Permission, Role
from secretariat.persian.text import to_persian_digits

ROLE_HELP = "، ".join(f"{role.value} ({role.label})" for role in Role)


def add_parsers(commands: Commands) -> None:
    users = commands.add_parser("users", help="حساب‌های کاربری شورا: افزودن، فهرست، گذرواژه، نقش")
    actions = users.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="افزودن کاربر (نخستین کاربر دبیر شورا می‌شود)")
    add.add_argument("--username", required=True, type=username, help="نام کاربری (حروف و ارقام لاتین)")
    add.add_argument("--name", required=True, help="نام و نام خانوادگی")
    add.add_argument("--role", required=True, help=ROLE_HELP)
    listing = actions.add_parser("list", help="فهرست کاربران")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)
    passwd = actions.add_parser("passwd", help="تغییر گذرواژه خود، یا گذرواژه تازه برای کاربری دیگر (دبیر)")
    passwd.add_argument("account", type=username, help="نام کاربری")
    deactivate = actions.add_parser("deactivate", help="غیرفعال کردن کاربر (دبیر)")
    deactivate.add_argument("account", type=username, help="نام کاربری")
    role = actions.add_parser("role", help="تغییر نقش کاربر (دبیر)")
    role.add_argument("account", type=username, help="نام کاربری")
    role.add_argument("--role", required=True, help=ROLE_HELP)


def run(secretariat: Secretariat, args: argparse.Namespace, signed_in: SignedInBy) -> int:
    if args.action == "list":
        return _list(secretariat, args)
    if args.action == "add":
        return _add(secretariat, args, signed_in)
    if not secretariat.users.any():
        raise CliError("این شورا هنوز حساب کاربری ندارد؛ نخستین حساب (دبیر شورا) را «users add» می‌سازد.")
    if args.action == "passwd":
        return _passwd(secretariat, args, signed_in)
    if args.action == "deactivate":
        record = secretariat.users.deactivate(args.account)
        print(f"حساب «{record.username}» ({record.full_name}) غیرفعال شد؛ دیگر با آن نمی‌توان وارد شد.")
        return 0
    chosen = _role(args.role)
    record = secretariat.users.set_role(args.account, chosen.value)
    print(f"نقش «{record.username}» ({record.full_name}) اکنون «{record.role.label}» است.")
    return 0


def _role(text: str) -> Role:
    chosen = choice(Role, text, "نقش")
    if chosen is None:
        raise CliError(f"نقش را بنویسید، یکی از این‌ها: {ROLE_HELP}.")
    return chosen


def _add(secretariat: Secretariat, args: argparse.Namespace, signed_in: SignedInBy) -> int:
    chosen = _role(args.role)
    first = not secretariat.users.any()
    password = new_password(signed_in)
    record = secretariat.users.add(
        UserDraft(username=args.username, full_name=args.name, role=chosen.value, password=password)
    )
    print(f"کاربر «{record.username}» ({record.full_name}) با نقش «{record.role.label}» افزوده شد.")
    if first and chosen is not Role.SECRETARY:
        print("نخستین حساب شورا دبیر آن است؛ از این پس هر فرمان با «--user» و گذرواژه اجرا می‌شود.")
    elif first:
        print("از این پس هر فرمان با «--user» و گذرواژه اجرا می‌شود.")
    return 0


def _passwd(secretariat: Secretariat, args: argparse.Namespace, signed_in: SignedInBy) -> int:
    user = secretariat.user
    own = user is not None and user.username == args.account.strip().lower()
    if not own:  # refused before a password is asked
        secretariat.require(Permission.USERS)
    password = new_password(signed_in)
    if own:
        secretariat.users.change_own_password(signed_in.password or "", password)
        print("گذرواژه شما تغییر کرد.")
    else:
        secretariat.users.reset_password(args.account, password)
        print(f"گذرواژه تازه «{args.account.strip()}» نشست؛ آن را به خود او بدهید تا عوضش کند.")
    return 0


def _list(secretariat: Secretariat, args: argparse.Namespace) -> int:
    records = secretariat.users.list()
    if args.json:
        print(json.dumps([_json(record) for record in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("این شورا هنوز حساب کاربری ندارد؛ نخستین حساب را «users add» می‌سازد.")
        return 0
    print("\t".join(["نام کاربری", "نام", "نقش", "وضعیت"]))
    for record in records:
        print("\t".join([record.username, record.full_name, record.role.label, _state(record)]))
    print(f"{to_persian_digits(len(records))} کاربر")
    return 0


def _state(record: UserRecord) -> str:
    return "فعال" if record.active else "غیرفعال"


def _json(record: UserRecord) -> dict[str, object]:
    return {
        "username": record.username,
        "name": record.full_name,
        "role": record.role.value,
        "role_label": record.role.label,
        "active": record.active,
    }
