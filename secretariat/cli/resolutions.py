"""``python -m secretariat resolutions ...``: the register and follow-up.

- ``list [--status S] [--agency A] [--meeting ID] [--year Y] [--overdue]
  [--due-within DAYS] [--search TEXT] [--json]``;
- ``follow-up RESOLUTION --date D [--kind K] [--note N] [--progress P] [--by NAME]``;
- ``set-status RESOLUTION --status done|cancelled|open|deferred
  [--evidence E] [--reason R] [--meeting ID]``;
- ``deadline RESOLUTION --due D --reason R --by NAME``.

A resolution is given by its id or by its code as printed (۱۴۰۴-۰۷-۰۳).
"""

from __future__ import annotations

import argparse
import json

from secretariat.cli.common import CliError, agency_id, choice, identifier, json_date, resolution_id, year
from secretariat.database import Database
from secretariat.followup.lifecycle import FollowUpDraft, FollowUpService
from secretariat.followup.register import RegisterService, ResolutionQuery
from secretariat.followup.status import OVERDUE_LABEL, FollowUpKind, ResolutionStatus
from secretariat.text import to_persian_digits

PAGE = 100


def add_parsers(commands) -> None:
    resolutions = commands.add_parser("resolutions", help="دفتر مصوبات و پیگیری آن‌ها")
    actions = resolutions.add_subparsers(dest="action", required=True)

    listing = actions.add_parser("list", help="فهرست مصوبات با پالایه‌ها")
    listing.add_argument("--status", help="باز، در حال اجرا، انجام‌شده، لغوشده، ارجاع به جلسه بعد (یا کد آن‌ها)")
    listing.add_argument("--agency", help="دستگاه مسئول یا همکار: شناسه یا نام")
    listing.add_argument("--meeting", type=identifier)
    listing.add_argument("--year", help="سال جلسه، مانند ۱۴۰۴")
    listing.add_argument("--overdue", action="store_true", help="فقط مصوبات معوق")
    listing.add_argument("--due-within", type=identifier, metavar="DAYS", help="مهلت تا چند روز دیگر")
    listing.add_argument("--search", default="", help="واژه‌هایی از متن مصوبه، به هر نگارشی")
    listing.add_argument("--json", action="store_true")

    follow = actions.add_parser("follow-up", help="ثبت پیگیری")
    follow.add_argument("resolution", help="شناسه یا کد مصوبه")
    follow.add_argument("--date", required=True, help="تاریخ پیگیری، مانند ۱۴۰۴/۰۷/۱۵")
    follow.add_argument("--kind", default=FollowUpKind.LETTER.value, help="نامه، تماس تلفنی، گزارش دستگاه، بازدید، طرح در جلسه")
    follow.add_argument("--note", default="")
    follow.add_argument("--progress", default="", help="درصد پیشرفت گزارش‌شده (۰ تا ۱۰۰)")
    follow.add_argument("--by", default="", help="ثبت‌کننده")

    status = actions.add_parser("set-status", help="تغییر وضعیت مصوبه")
    status.add_argument("resolution", help="شناسه یا کد مصوبه")
    status.add_argument("--status", required=True, help="done، cancelled، open یا deferred (یا نام فارسی)")
    status.add_argument("--evidence", default="", help="مستند انجام (برای انجام‌شده)")
    status.add_argument("--reason", default="", help="دلیل (برای لغو، بازگشایی یا ارجاع)")
    status.add_argument("--meeting", type=identifier, help="جلسه‌ای که مصوبه به آن ارجاع می‌شود")

    deadline = actions.add_parser("deadline", help="تغییر مهلت با ذکر دلیل")
    deadline.add_argument("resolution", help="شناسه یا کد مصوبه")
    deadline.add_argument("--due", required=True, help="مهلت تازه، مانند ۱۴۰۴/۰۹/۳۰")
    deadline.add_argument("--reason", default="")
    deadline.add_argument("--by", default="")


def run(database: Database, args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(database, args)
    followup = FollowUpService(database)
    target = resolution_id(database, args.resolution)
    if args.action == "follow-up":
        kind = choice(FollowUpKind, args.kind, "نوع پیگیری")
        entry = followup.add(target, FollowUpDraft(
            date=args.date, kind=kind.value, note=args.note, progress=args.progress, recorded_by=args.by,
        ))
        print(f"پیگیری ثبت شد ({entry.kind.label}).")
        return 0
    if args.action == "deadline":
        followup.change_deadline(target, new_due=args.due, reason=args.reason, by=args.by)
        print("مهلت تغییر کرد.")
        return 0
    status = choice(ResolutionStatus, args.status, "وضعیت")
    if status is ResolutionStatus.DONE:
        followup.mark_done(target, evidence=args.evidence)
    elif status is ResolutionStatus.CANCELLED:
        followup.cancel(target, reason=args.reason)
    elif status is ResolutionStatus.OPEN:
        followup.reopen(target, reason=args.reason)
    elif status is ResolutionStatus.DEFERRED:
        if args.meeting is None:
            raise CliError("جلسه‌ای را که مصوبه به آن ارجاع می‌شود با --meeting بدهید.")
        followup.defer(target, meeting_id=args.meeting, reason=args.reason)
    else:
        raise CliError("«در حال اجرا» با ثبت پیگیری دارای درصد پیشرفت می‌آید، نه با دستور.")
    print(f"وضعیت مصوبه: {status.label}")
    return 0


def _list(database: Database, args: argparse.Namespace) -> int:
    query = ResolutionQuery(
        search=args.search, status=choice(ResolutionStatus, args.status, "وضعیت"), overdue=args.overdue,
        agency_id=agency_id(database, args.agency) if args.agency else None, meeting_id=args.meeting,
        jalali_year=year(args.year), due_within_days=args.due_within,
    )
    rows = RegisterService(database).page(query, limit=None)
    if args.json:
        print(json.dumps([
            {
                "id": row.id, "code": row.code, "text": row.text, "status": row.status.value,
                "status_label": row.status.label, "due_date": json_date(row.due_date),
                "due_next_meeting": row.due_next_meeting, "overdue": row.overdue,
                "responsible": row.lead_agency_name or None, "meeting_id": row.meeting_id,
                "meeting": row.meeting_title, "meeting_date": json_date(row.meeting_date),
            }
            for row in rows
        ], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        flag = f" ({OVERDUE_LABEL})" if row.overdue else ""
        print(f"{to_persian_digits(row.code)}\t{row.status.label}{flag}\t{row.due_text}\t{row.lead_agency_name}\t{row.text}")
    print(f"{to_persian_digits(len(rows))} مصوبه")
    return 0
