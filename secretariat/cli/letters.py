"""The ``letters`` commands: the secretariat's letter register.

letters list [--year Y] [--direction in|out] [--agency A] [--search T] [--json]
letters incoming --from A --their-number N --their-date D --received D --subject S
                 [--file F] [--answers RESOLUTION_CODE|LETTER_NUMBER|1405/07] [--progress P]
letters void NUMBER --reason R [--by NAME]
letters pattern [PATTERN] [--incoming]
"""

from __future__ import annotations

import argparse
import json
import re

from secretariat.cli.common import (
    CliError,
    Commands,
    agency_id,
    choice,
    is_number,
    json_date,
    optional_file,
    year,
)
from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters import numbering
from secretariat.letters.register import Concerns, IncomingDraft, LetterQuery, LetterRow
from secretariat.meetings.attachments import read_file
from secretariat.persian import jalali
from secretariat.persian.text import to_latin_digits, to_persian_digits

DIRECTIONS = {"out": "صادره", "in": "وارده"}
_MONTH = re.compile(r"^\s*\d{4}\s*[/\-.]\s*\d{1,2}\s*$")


def add_parsers(commands: Commands) -> None:
    letters = commands.add_parser("letters", help="دفتر نامه‌های صادره و وارده")
    actions = letters.add_subparsers(dest="action", required=True)

    listing = actions.add_parser("list", help="فهرست نامه‌ها با پالایه‌ها")
    listing.add_argument("--year", help="سال شمسی، مانند ۱۴۰۵")
    listing.add_argument("--direction", help="out (صادره) یا in (وارده)")
    listing.add_argument("--agency", help="دستگاه: شناسه یا نام")
    listing.add_argument("--concerns", help="meeting، resolutions، monthly، evaluation، letter یا other")
    listing.add_argument("--search", default="", help="واژه‌هایی از شماره، طرف نامه یا موضوع، به هر نگارشی")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)

    incoming = actions.add_parser("incoming", help="ثبت نامه وارده")
    incoming.add_argument(
        "--from", dest="sender", required=True, help="دستگاه فرستنده (شناسه یا نام) یا نام فرستنده"
    )
    incoming.add_argument("--their-number", default="", help="شماره نامه فرستنده")
    incoming.add_argument("--their-date", default="", help="تاریخ نامه فرستنده")
    incoming.add_argument("--received", required=True, help="تاریخ رسیدن به دبیرخانه")
    incoming.add_argument("--subject", required=True)
    incoming.add_argument("--file", default="", type=optional_file, help="تصویر نامه (PDF یا تصویر)")
    incoming.add_argument(
        "--answers", default="", help="پاسخ به: کد مصوبه، شماره نامه صادره، یا ماه گزارش ماهانه مانند ۱۴۰۵/۰۷"
    )
    incoming.add_argument("--progress", default="", help="درصد پیشرفت گزارش‌شده (پاسخ به مصوبه)")
    incoming.add_argument("--by", default="", help="ثبت‌کننده")
    incoming.add_argument("--json", action="store_true")

    void = actions.add_parser("void", help="ابطال نامه با ذکر دلیل (شماره آن می‌ماند)")
    void.add_argument("number", help="شماره نامه، مانند ۱۲/ش/۱۴۰۵")
    void.add_argument("--reason", required=True)
    void.add_argument("--by", default="")

    pattern = actions.add_parser("pattern", help="نمایش یا تغییر الگوی شماره نامه‌ها")
    pattern.add_argument("pattern", nargs="?", help="مانند {seq}/ش/{year}")
    pattern.add_argument("--incoming", action="store_true", help="الگوی شماره ثبت نامه‌های وارده")


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(secretariat, args)
    if args.action == "incoming":
        return _incoming(secretariat, args)
    if args.action == "void":
        letter = secretariat.letters.void(args.number, reason=args.reason, by=args.by)
        print(f"نامه {letter.shown_number} باطل شد؛ در دفتر می‌ماند و شماره آن به نامه دیگری داده نمی‌شود.")
        return 0
    direction = numbering.IN if args.incoming else numbering.OUT
    if args.pattern:
        secretariat.letters.set_pattern(args.pattern, direction)
    current = secretariat.letters.pattern(direction)
    example = numbering.shown(
        numbering.format_number(current, seq=12, year=jalali.jalali_year(jalali.today()))
    )
    print(f"الگوی شماره {DIRECTIONS[direction]}: {current} (نمونه: {example})")
    return 0


def _list(secretariat: Secretariat, args: argparse.Namespace) -> int:
    direction = None
    if args.direction:
        direction = to_latin_digits(args.direction).strip().casefold()
        direction = {label: code for code, label in DIRECTIONS.items()}.get(args.direction.strip(), direction)
        if direction not in DIRECTIONS:
            raise CliError("جهت نامه را out (صادره) یا in (وارده) بنویسید.")
    concerns = choice(Concerns, args.concerns, "موضوع نامه")
    query = LetterQuery(
        year=year(args.year),
        direction=direction,
        agency_id=agency_id(secretariat, args.agency) if args.agency else None,
        concerns=concerns.value if concerns else None,
        search=args.search,
    )
    rows = secretariat.letters.page(query, limit=None)
    if args.json:
        print(json.dumps([_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("نامه‌ای با این پالایه‌ها در دفتر نیست.")
        return 0
    for row in rows:
        void = " [باطل]" if row.voided else ""
        print(
            f"{numbering.shown(row.number)}  {jalali.format_short(row.date)}  {DIRECTIONS[row.direction]}  "
            f"{row.party}: {row.subject}{void}"
        )
    print(f"{to_persian_digits(len(rows))} نامه")
    return 0


def _json(row: LetterRow) -> dict[str, object]:
    return {
        "id": row.id,
        "number": row.number,
        "date": json_date(row.date),
        "direction": row.direction,
        "kind": row.kind.value,
        "party": row.party,
        "subject": row.subject,
        "concerns": row.concerns.value,
        "voided": row.voided,
    }


def _is_letter(secretariat: Secretariat, number: str) -> bool:
    try:
        secretariat.letters.find(number)
    except DomainError:
        return False
    return True


def _incoming(secretariat: Secretariat, args: argparse.Namespace) -> int:
    # A member agency by id or name; any other sender (a person, another office) by its name.
    sender_agency: int | None = None
    party = ""
    if is_number(args.sender):
        sender_agency = agency_id(secretariat, args.sender)
    else:
        try:
            sender_agency = agency_id(secretariat, args.sender)
        except DomainError:
            party = args.sender.strip()
    answers = args.answers.strip()
    answers_month = answers if _MONTH.match(to_latin_digits(answers)) else ""
    answers_letter = answers if answers and not answers_month and _is_letter(secretariat, answers) else ""
    answers_resolution = answers if answers and not answers_month and not answers_letter else ""
    draft = IncomingDraft(
        received_on=args.received,
        subject=args.subject,
        agency_id=sender_agency,
        party=party,
        their_number=args.their_number,
        their_date=args.their_date,
        file=read_file(args.file) if args.file else None,
        answers_resolution=answers_resolution,
        answers_letter=answers_letter,
        answers_month=answers_month,
        progress=args.progress,
        recorded_by=args.by,
    )
    letter = secretariat.letters.record_incoming(draft)
    if args.json:
        print(
            json.dumps(
                {"id": letter.id, "number": letter.number, "date": json_date(letter.date)}, ensure_ascii=False
            )
        )
    else:
        print(f"نامه وارده با شماره ثبت {letter.shown_number} در {jalali.format_short(letter.date)} ثبت شد.")
    return 0
