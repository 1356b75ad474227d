"""``python -m secretariat audit list``: the audit trail (سابقه تغییرات), newest first.

``audit list [--user U] [--kind K] [--record ID] [--from D --to D] [--json]``:
by user name, by record kind (its code, ``meeting``, or its Persian name,
«جلسه»; with ``--record``, that record and what belongs to it), by Jalali
days typed in any digits. ``--json`` prints a list of objects with ``at``
(Jalali date and time, ``1405/09/13 10:24:05``), ``user``, ``action``,
``kind``, ``record`` and ``changes`` (field -> value, or [old, new] for a
change), and their Persian labels beside. Only a secretary reads the whole
trail (the core refuses the others).
"""

from __future__ import annotations

import argparse
import json

from secretariat.cli.common import CliError, Commands, date_option, identifier
from secretariat.cli.persian_parser import shown
from secretariat.core import Secretariat
from secretariat.office.audit import KIND_LABELS, AuditQuery, AuditRow
from secretariat.persian import jalali
from secretariat.persian.text import fold, to_latin_digits, to_persian_digits

CHANGES_SHOWN = 90  # characters of a change's values on a line of the text table


def add_parsers(commands: Commands) -> None:
    audit = commands.add_parser("audit", help="سابقه تغییرات: چه کسی، کی، چه چیزی را تغییر داد")
    actions = audit.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="فهرست رویدادهای سابقه تغییرات، تازه‌ترین نخست (دبیر)")
    # ``dest`` differs from the global ``--user`` (who runs the command): both share one namespace.
    listing.add_argument("--user", dest="by_user", default="", help="تنها کارهای این نام کاربری")
    listing.add_argument("--kind", default="", help="نوع رکورد، مانند meeting یا «جلسه»")
    listing.add_argument("--record", default="", help="شناسه رکورد (با --kind: آن رکورد و آنچه از آن است)")
    listing.add_argument("--from", dest="start", default="", help="از روز، مانند ۱۴۰۵/۰۹/۰۱")
    listing.add_argument("--to", dest="end", default="", help="تا روز (خود آن روز هم)")
    listing.add_argument("--limit", type=identifier, help="تنها این شمار از تازه‌ترین‌ها")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    query = AuditQuery(
        username=to_latin_digits(args.by_user.strip()).lower(),
        kind=_kind(args.kind),
        record=to_latin_digits(args.record.strip()),
        start=date_option(args.start, "--from"),
        end=date_option(args.end, "--to"),
    )
    if query.start and query.end and query.start > query.end:
        raise CliError("«--from» پس از «--to» است؛ بازه را درست بدهید.")
    rows = secretariat.audit.page(query, limit=args.limit)
    if args.json:
        print(json.dumps([_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("رویدادی با این پالایه‌ها در سابقه تغییرات نیست.")
        return 0
    print("\t".join(["زمان", "کاربر", "کار", "نوع", "رکورد", "تغییرات"]))
    for row in rows:
        print(
            "\t".join(
                [
                    to_persian_digits(_at(row)),
                    row.who,
                    row.action_label,
                    row.kind_label,
                    to_persian_digits(row.record) or "—",
                    _changes_text(row),
                ]
            )
        )
    total = secretariat.audit.count(query)
    of_total = "" if total == len(rows) else f" از {to_persian_digits(total)}"
    print(f"{to_persian_digits(len(rows))} رویداد{of_total}")
    return 0


def _kind(text: str) -> str:
    """A record kind from its code or its Persian name; empty: every kind."""
    if not text.strip():
        return ""
    key = fold(text)
    for code, label in KIND_LABELS.items():
        if key in (code, fold(label)):
            return code
    known = "، ".join(f"{code} ({label})" for code, label in KIND_LABELS.items())
    raise CliError(f"نوع رکورد «{shown(text)}» شناخته نیست؛ یکی از این‌ها را بنویسید: {known}.")


def _at(row: AuditRow) -> str:
    """Jalali date and time with Latin digits, as scripts read it: ``1405/09/13 10:24:05``."""
    return f"{jalali.format_short(row.at.date(), persian_digits=False)} {row.at:%H:%M:%S}"


def _json(row: AuditRow) -> dict[str, object]:
    return {
        "at": _at(row),
        "user": row.username,
        "user_name": row.user_name,
        "action": row.action,
        "action_label": row.action_label,
        "kind": row.kind,
        "kind_label": row.kind_label,
        "record": row.record,
        "about_kind": row.about_kind,
        "about": row.about,
        "changes": dict(row.changes),
    }


def _changes_text(row: AuditRow) -> str:
    parts = []
    for field, value in row.changes.items():
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{field}: {_value(value[0])} ← {_value(value[1])}")
        else:
            parts.append(f"{field}: {_value(value)}")
    text = "؛ ".join(parts) or "—"
    return text if len(text) <= CHANGES_SHOWN else text[:CHANGES_SHOWN] + "…"


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    return " ".join(str(value).split())
