"""Commands of the register: ``init``, ``demo``, ``agencies`` and ``people``.

``agencies import FILE [--dry-run]`` reads a council's sheet of agencies and
their PR managers (``members.agency_import``): it prints each row with what
the import does with it («جدید», «موجود», «خطا» and why), the counts, and,
without ``--dry-run``, imports the rows without errors in one transaction.
A file that is not such a sheet is refused (exit 2), nothing saved.
``agencies template OUT`` writes the sheet to fill in.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from secretariat import paths
from secretariat.cli.common import (
    MAX_QUORUM,
    CliError,
    Commands,
    agency_id,
    bounded,
    choice,
    date_text,
    file_path,
    identifier,
)
from secretariat.core import Secretariat
from secretariat.members.agencies import AgencyCategory, AgencyDraft, AgencyQuery
from secretariat.members.council import CouncilDraft, CouncilLevel, QuorumRule
from secretariat.members.people import AppointmentDraft, PersonDraft, PersonQuery
from secretariat.members.roles import Role
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits


def add_parsers(commands: Commands) -> None:
    init = commands.add_parser("init", help="ساختن شورای تازه در پایگاه داده")
    init.add_argument("--council", required=True, help="نام شورا")
    init.add_argument("--level", default=CouncilLevel.COUNTY.value, help=_options(CouncilLevel))
    init.add_argument("--city", default="")
    init.add_argument("--chair", default="")
    init.add_argument("--secretary", default="")
    init.add_argument("--quorum", default=QuorumRule.MAJORITY.value, help=_options(QuorumRule))
    init.add_argument(
        "--quorum-count",
        default="",
        type=bounded("حد نصاب", 1, MAX_QUORUM, empty=True),
        help="شمار اعضای لازم",
    )

    demo = commands.add_parser("demo", help="ساختن پایگاه داده نمونه")
    demo.add_argument("--force", action="store_true", help="پایگاه نمونه موجود را از نو بساز")

    agencies = commands.add_parser("agencies", help="دستگاه‌های عضو").add_subparsers(
        dest="action", required=True
    )
    add = agencies.add_parser("add", help="افزودن دستگاه")
    add.add_argument("--name", required=True)
    add.add_argument("--short-name", default="")
    add.add_argument(
        "--category",
        default=AgencyCategory.OTHER.value,
        help="کد یا نام رده: " + "، ".join(c.label for c in AgencyCategory),
    )
    add.add_argument("--ministry", default="", help="وزارتخانه یا سازمان بالادست")
    add.add_argument("--address", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--email", default="")
    add.add_argument("--website", default="")
    add.add_argument("--joined", default="", type=date_text, help="تاریخ عضویت، مانند ۱۴۰۳/۰۲/۲۷")
    listing = agencies.add_parser("list", help="فهرست دستگاه‌ها به ترتیب الفبای فارسی")
    listing.add_argument("--search", default="")
    listing.add_argument("--all", action="store_true", help="غیرفعال‌ها را هم نشان بده")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)
    sheet = agencies.add_parser(
        "import", help="ورود دستگاه‌ها و مدیران روابط عمومی از کاربرگ اکسل (xlsx)، همه یا هیچ"
    )
    sheet.add_argument("file", type=file_path, help="کاربرگ اکسل (xlsx)؛ الگو: agencies template")
    sheet.add_argument(
        "--dry-run", action="store_true", help="فقط پیش‌نمایش: هر ردیف و آنچه با آن می‌شود؛ چیزی ذخیره نمی‌شود"
    )
    template = agencies.add_parser("template", help="نوشتن الگوی کاربرگ دستگاه‌ها (xlsx)")
    template.add_argument("out", type=file_path, help="پرونده‌ای که نوشته می‌شود، مانند agencies.xlsx")
    for action, help_text in (("deactivate", "غیرفعال کردن"), ("activate", "فعال کردن دوباره")):
        command = agencies.add_parser(action, help=help_text)
        command.add_argument("agency", help="شناسه یا نام دستگاه")

    people = commands.add_parser("people", help="افراد").add_subparsers(dest="action", required=True)
    person = people.add_parser("add", help="افزودن شخص")
    person.add_argument("--name", required=True)
    person.add_argument("--honorific", default="")
    person.add_argument("--mobile", default="")
    person.add_argument("--email", default="")
    people_list = people.add_parser("list")
    people_list.add_argument("--search", default="")
    people_list.add_argument("--json", action="store_true")
    people_list.set_defaults(read_only=True)
    appoint = people.add_parser("appoint", help="ثبت سمت یک شخص در یک دستگاه")
    appoint.add_argument("--agency", required=True, help="شناسه یا نام دستگاه")
    appoint.add_argument("--person", required=True, type=identifier, help="شناسه شخص")
    appoint.add_argument("--role", default=Role.PR_MANAGER.value, help=_options(Role))
    appoint.add_argument("--start", required=True, type=date_text, help="تاریخ شروع، مانند ۱۴۰۳/۰۲/۲۷")
    appoint.add_argument("--title", default="")


def _options(kind: type[CouncilLevel] | type[QuorumRule] | type[Role]) -> str:
    return "، ".join(f"{member.value} ({member.label})" for member in kind)


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if args.command == "init":
        return _init(secretariat, args)
    if args.command == "agencies":
        return _agencies(secretariat, args)
    return _people(secretariat, args)


def run_demo(args: argparse.Namespace) -> int:
    """``demo``: needs no open database (it makes one); ``--force`` replaces only the demo's own."""
    from secretariat.demo.council import replace_demo_database

    if args.db and "://" in str(args.db):  # not a path: Path() would make a file of the URL's text
        raise CliError(
            "پایگاه داده نمونه تنها در یک پرونده (SQLite) ساخته می‌شود؛ "
            "«--db» را مسیر یک پرونده بدهید، نه نشانی کارگزار."
        )
    path = Path(args.db) if args.db else paths.demo_database_path()
    if path.exists() and not args.force:
        raise CliError(f"پرونده «{path}» از پیش هست؛ برای ساختن دوباره --force بدهید.")
    database, safety = replace_demo_database(path)
    database.close()
    if safety is not None:
        print(f"نسخه‌ای از پایگاه پیشین نگه داشته شد: {safety}")
    print(f"پایگاه داده نمونه ساخته شد: {path}")
    return 0


def _init(secretariat: Secretariat, args: argparse.Namespace) -> int:
    council = secretariat.council.create(
        CouncilDraft(
            name=args.council,
            level=(choice(CouncilLevel, args.level, "سطح شورا") or CouncilLevel.COUNTY).value,
            city=args.city,
            chair=args.chair,
            secretary=args.secretary,
            quorum_rule=(choice(QuorumRule, args.quorum, "قاعده حد نصاب") or QuorumRule.MAJORITY).value,
            quorum_count=args.quorum_count,
        )
    )
    print(f"شورا ساخته شد: {council.name}")
    return 0


def _agencies(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.agencies
    if args.action == "add":
        record = service.add(
            AgencyDraft(
                name=args.name,
                short_name=args.short_name,
                category=args.category,
                parent_ministry=args.ministry,
                address=args.address,
                phones=args.phone,
                email=args.email,
                website=args.website,
                joined_on=args.joined,
            )
        )
        print(f"دستگاه افزوده شد: {record.name} (شناسه {to_persian_digits(record.id)})")
        return 0
    if args.action == "import":
        return _import_sheet(secretariat, args)
    if args.action in ("deactivate", "activate"):
        record = service.set_active(agency_id(secretariat, args.agency), args.action == "activate")
        state = "فعال" if record.active else "غیرفعال"
        print(f"«{record.name}» {state} شد.")
        return 0
    rows = service.page(AgencyQuery(search=args.search, include_inactive=args.all), limit=None)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": row.id,
                        "name": row.name,
                        "short_name": row.short_name,
                        "category": row.category.label,
                        "category_code": row.category.value,
                        "active": row.active,
                        "pr_manager": row.pr_manager or None,
                        "phones": row.phones,
                        "joined_on": jalali.format_short(row.joined_on, persian_digits=False) or None,
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for row in rows:
        state = "" if row.active else " (غیرفعال)"
        manager = f" - {row.pr_manager}" if row.pr_manager else ""
        print(f"{to_persian_digits(row.id)}\t{row.name}{state}\t{row.category.label}{manager}")
    print(f"{to_persian_digits(len(rows))} دستگاه")
    return 0


def write_template(args: argparse.Namespace) -> int:
    """``agencies template OUT``: the sheet to fill in; needs no database."""
    from secretariat.members.agency_template import write_template as write

    print(f"الگوی کاربرگ دستگاه‌ها نوشته شد: {write(args.out)}")
    return 0


def _import_sheet(secretariat: Secretariat, args: argparse.Namespace) -> int:
    """``agencies import FILE``: the preview, row by row, then (without ``--dry-run``) the import."""
    preview = secretariat.agency_import.preview(args.file)
    for row in preview.rows:
        print(row.line())
    print(preview.summary())
    for note in preview.notes():
        print(note)
    if args.dry_run:
        print("پیش‌نمایش بود؛ چیزی ذخیره نشد.")
        return 0
    if not preview.importable:
        print("ردیفی برای ورود نیست؛ چیزی ذخیره نشد.")
        return 0
    print(secretariat.agency_import.import_preview(preview).summary())
    return 0


def _people(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.people
    if args.action == "add":
        record = service.add(
            PersonDraft(full_name=args.name, honorific=args.honorific, mobile=args.mobile, email=args.email)
        )
        print(f"شخص افزوده شد: {record.full_name} (شناسه {to_persian_digits(record.id)})")
        return 0
    if args.action == "appoint":
        rep = service.appoint(
            AppointmentDraft(
                agency_id=agency_id(secretariat, args.agency),
                person_id=args.person,
                role=(choice(Role, args.role, "سمت") or Role.PR_MANAGER).value,
                start_date=args.start,
                title=args.title,
            )
        )
        print(
            f"{rep.person_name}: {rep.role.label}، {rep.agency_name} از {jalali.format_short(rep.start_date)}"
        )
        return 0
    rows = service.page(PersonQuery(search=args.search), limit=None)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "full_name": r.full_name,
                        "current_roles": r.current_roles,
                        "mobile": r.mobile,
                        "email": r.email,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for row in rows:
        print(f"{to_persian_digits(row.id)}\t{row.full_name}\t{row.current_roles}")
    return 0
