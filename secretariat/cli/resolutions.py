"""``python -m secretariat resolutions ...``: the register and follow-up.

- ``list [--status S] [--agency A] [--meeting ID] [--year Y] [--overdue]
  [--due-within DAYS] [--search TEXT] [--open] [--from D] [--to D] [--json]``;
- ``follow-up RESOLUTION --date D [--kind K] [--note N] [--progress P] [--by NAME]
  [--document FILE]`` (the file is copied into the database with the entry);
- ``set-status RESOLUTION --status done|cancelled|open|deferred
  [--evidence E] [--reason R] [--meeting ID]``;
- ``deadline RESOLUTION --due D --reason R --by NAME``;
- ``dashboard [--json]``: the home page's figures;
- ``prepare-review [--meeting ID]``: the open resolutions onto the next meeting's agenda.

A resolution is given by its id or by its code as printed (۱۴۰۴-۰۷-۰۳).
"""

from __future__ import annotations

import argparse
import json

from secretariat.cli.common import (
    MAX_DAYS,
    CliError,
    Commands,
    agency_id,
    bounded,
    choice,
    date_option,
    date_text,
    identifier,
    json_date,
    json_time,
    optional_file,
    resolution_id,
    year,
)
from secretariat.core import Secretariat
from secretariat.followup.dashboard import UpcomingMeeting, review_query
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import OVERDUE_LABEL, FollowUpKind, ResolutionStatus
from secretariat.meetings.records import MeetingRecord
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

PAGE = 100


def add_parsers(commands: Commands) -> None:
    resolutions = commands.add_parser("resolutions", help="دفتر مصوبات و پیگیری آن‌ها")
    actions = resolutions.add_subparsers(dest="action", required=True)

    listing = actions.add_parser("list", help="فهرست مصوبات با پالایه‌ها")
    listing.add_argument(
        "--status", help="باز، در حال اجرا، انجام‌شده، لغوشده، ارجاع به جلسه بعد (یا کد آن‌ها)"
    )
    listing.add_argument("--agency", help="دستگاه مسئول یا همکار: شناسه یا نام")
    listing.add_argument("--meeting", type=identifier)
    listing.add_argument("--year", help="سال جلسه، مانند ۱۴۰۴")
    listing.add_argument("--overdue", action="store_true", help="فقط مصوبات معوق")
    listing.add_argument(
        "--due-within", type=bounded("شمار روزها", 1, MAX_DAYS), metavar="DAYS", help="مهلت تا چند روز دیگر"
    )
    listing.add_argument("--search", default="", help="واژه‌هایی از متن مصوبه، به هر نگارشی")
    listing.add_argument(
        "--open", action="store_true", dest="still_open", help="همه مصوبات باز (باز، در حال اجرا یا ارجاع‌شده)"
    )
    listing.add_argument(
        "--from", dest="meeting_from", metavar="DATE", help="جلسات از این تاریخ، مانند ۱۴۰۴/۰۱/۰۱"
    )
    listing.add_argument("--to", dest="meeting_to", metavar="DATE", help="جلسات تا این تاریخ")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)

    dashboard = actions.add_parser("dashboard", help="خلاصه پیگیری مصوبات: همان پیشخوان برنامه")
    dashboard.add_argument("--json", action="store_true")
    dashboard.set_defaults(read_only=True)

    review = actions.add_parser("prepare-review", help="فهرست مصوبات باز، نخستین دستور کار جلسه بعد")
    review.add_argument("--meeting", type=identifier, help="جلسه (پیش‌فرض: نزدیک‌ترین جلسه برگزارنشده)")

    follow = actions.add_parser("follow-up", help="ثبت پیگیری")
    follow.add_argument("resolution", help="شناسه یا کد مصوبه")
    follow.add_argument("--date", required=True, type=date_text, help="تاریخ پیگیری، مانند ۱۴۰۴/۰۷/۱۵")
    follow.add_argument(
        "--kind",
        default=FollowUpKind.LETTER.value,
        help="نامه، تماس تلفنی، گزارش دستگاه، بازدید، طرح در جلسه",
    )
    follow.add_argument("--note", default="")
    follow.add_argument(
        "--progress",
        default="",
        type=bounded("درصد پیشرفت", 0, 100, empty=True),
        help="درصد پیشرفت گزارش‌شده (۰ تا ۱۰۰)",
    )
    follow.add_argument("--by", default="", help="ثبت‌کننده")
    follow.add_argument(
        "--document",
        default="",
        type=optional_file,
        metavar="FILE",
        help="سند پیوست، مانند نامه اسکن‌شده یا گزارش دستگاه",
    )

    status = actions.add_parser("set-status", help="تغییر وضعیت مصوبه")
    status.add_argument("resolution", help="شناسه یا کد مصوبه")
    status.add_argument("--status", required=True, help="done، cancelled، open یا deferred (یا نام فارسی)")
    status.add_argument("--evidence", default="", help="مستند انجام (برای انجام‌شده)")
    status.add_argument("--reason", default="", help="دلیل (برای لغو، بازگشایی یا ارجاع)")
    status.add_argument("--meeting", type=identifier, help="جلسه‌ای که مصوبه به آن ارجاع می‌شود")

    deadline = actions.add_parser("deadline", help="تغییر مهلت با ذکر دلیل")
    deadline.add_argument("resolution", help="شناسه یا کد مصوبه")
    deadline.add_argument("--due", required=True, type=date_text, help="مهلت تازه، مانند ۱۴۰۴/۰۹/۳۰")
    deadline.add_argument("--reason", default="")
    deadline.add_argument("--by", default="")


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(secretariat, args)
    if args.action == "dashboard":
        return _dashboard(secretariat, args)
    if args.action == "prepare-review":
        return _prepare_review(secretariat, args)
    followup = secretariat.followup
    target = resolution_id(secretariat, args.resolution)
    if args.action == "follow-up":
        # An empty --kind is the option's default (it was an AttributeError on None).
        kind = choice(FollowUpKind, args.kind, "نوع پیگیری") or FollowUpKind.LETTER
        entry = followup.add(
            target,
            FollowUpDraft(
                date=args.date,
                kind=kind.value,
                note=args.note,
                progress=args.progress,
                recorded_by=args.by,
                document=args.document,
            ),
        )
        document = f"، با سند «{entry.document_name}»" if entry.has_document else ""
        print(f"پیگیری ثبت شد ({entry.kind.label}{document}).")
        return 0
    if args.action == "deadline":
        followup.change_deadline(target, new_due=args.due, reason=args.reason, by=args.by)
        print("مهلت تغییر کرد.")
        return 0
    status = choice(ResolutionStatus, args.status, "وضعیت")
    if status is None:
        raise CliError("وضعیت تازه را با --status بدهید: done، cancelled، open یا deferred.")
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


def _list(secretariat: Secretariat, args: argparse.Namespace) -> int:
    query = ResolutionQuery(
        search=args.search,
        status=choice(ResolutionStatus, args.status, "وضعیت"),
        overdue=args.overdue,
        agency_id=agency_id(secretariat, args.agency) if args.agency else None,
        meeting_id=args.meeting,
        jalali_year=year(args.year),
        due_within_days=args.due_within,
        still_open=args.still_open,
        meeting_from=date_option(args.meeting_from, "--from"),
        meeting_to=date_option(args.meeting_to, "--to"),
    )
    rows = secretariat.register.page(query, limit=None)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": row.id,
                        "code": row.code,
                        "text": row.text,
                        "status": row.status.value,
                        "status_label": row.status.label,
                        "due_date": json_date(row.due_date),
                        "due_next_meeting": row.due_next_meeting,
                        "overdue": row.overdue,
                        "responsible": row.lead_agency_name or None,
                        "meeting_id": row.meeting_id,
                        "meeting": row.meeting_title,
                        "meeting_date": json_date(row.meeting_date),
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for row in rows:
        flag = f" ({OVERDUE_LABEL})" if row.overdue else ""
        print(
            f"{to_persian_digits(row.code)}\t{row.status.label}{flag}\t{row.due_text}\t{row.lead_agency_name}\t{row.text}"
        )
    print(f"{to_persian_digits(len(rows))} مصوبه")
    return 0


def _dashboard(secretariat: Secretariat, args: argparse.Namespace) -> int:
    board = secretariat.dashboard.load()
    if args.json:
        print(
            json.dumps(
                {
                    "date": json_date(board.today),
                    "open": board.still_open,
                    "overdue": board.overdue,
                    "due_within_week": board.due_soon,
                    "done_this_year": board.done_this_year,
                    "year": board.jalali_year,
                    "recent_status": {status.value: count for status, count in board.recent_status.items()},
                    "worst_agencies": [
                        {"agency_id": a.agency_id, "name": a.name, "overdue": a.overdue}
                        for a in board.worst_agencies
                    ],
                    "completion": [
                        {
                            "agency_id": a.agency_id,
                            "name": a.name,
                            "done": a.done,
                            "total": a.total,
                            "rate": round(a.rate, 4),
                        }
                        for a in board.completion
                    ],
                    "next_meetings": [
                        {
                            "id": m.id,
                            "title": m.title,
                            "date": json_date(m.date),
                            "time": json_time(m.start_time),
                            "venue": m.venue,
                        }
                        for m in board.next_meetings
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    number = to_persian_digits
    print(
        f"مصوبات باز: {number(board.still_open)}   معوق: {number(board.overdue)}   "
        f"سررسید تا هفت روز آینده: {number(board.due_soon)}   "
        f"انجام‌شده در سال {number(board.jalali_year)}: {number(board.done_this_year)}"
    )
    if board.worst_agencies:
        print("دستگاه‌های دارای بیشترین مصوبه معوق:")
        for agency in board.worst_agencies:
            print(f"  {agency.name}: {number(agency.overdue)}")
    if board.next_meetings:
        print("جلسات پیش رو:")
        for meeting in board.next_meetings:
            print(f"  {meeting.title}، {jalali.format_long(meeting.date)}")
    return 0


def _prepare_review(secretariat: Secretariat, args: argparse.Namespace) -> int:
    meeting: UpcomingMeeting | MeetingRecord | None
    if args.meeting is None:
        meeting = secretariat.dashboard.next_meeting()
        if meeting is None:
            raise CliError("جلسه‌ای برنامه‌ریزی نشده است؛ نخست جلسه بعد را برنامه‌ریزی کنید.")
    else:
        meeting = secretariat.meetings.get(args.meeting)
    item = secretariat.agenda.add_open_resolutions_review(meeting.id)
    count = secretariat.register.count(review_query(meeting.date))
    print(
        f"«{item.title}» نخستین دستور کار {meeting.title}، {jalali.format_long(meeting.date)} است "
        f"({to_persian_digits(count)} مصوبه باز)."
    )
    return 0
