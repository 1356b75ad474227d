"""``meetings ...``: a meeting from the plan to finalized, signed minutes.

    create      plan a meeting (its number and title follow the calendar)
    list        the meetings, filtered by year, kind and status
    show        one meeting: agenda, attendance and quorum, resolutions, files
    agenda      add an agenda item (or the review of open resolutions)
    summary     what was said on an agenda item, for the minutes
    invite      invite an agency or a guest
    attendance  one agency's attendance (the meeting is then held)
    add-resolution, finalize, amend, attach, postpone, cancel
    numbering   where each series' numbers begin (a council moving from paper)

Meetings, agenda items and resolutions are named by their id (shown by
``list`` and ``show``); a resolution also by its code (۱۴۰۵-۰۷-۰۱).
Agencies by id, name or short name.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from secretariat.cli import meetings_output as output
from secretariat.cli.common import (
    CliError,
    Commands,
    agency_id,
    choice,
    date_text,
    identifier,
    location,
    resolution_id,
    year,
)
from secretariat.core import Secretariat
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry, GuestDraft
from secretariat.meetings.kinds import Attendance, MeetingKind, MeetingSeries, MeetingStatus, Priority
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.numbering_start import NumberingStartDraft, SeriesNumbering
from secretariat.meetings.planning import MeetingDraft, MeetingQuery
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

KINDS = "، ".join(f"{k.value} ({k.label})" for k in MeetingKind)


def add_parsers(commands: Commands) -> None:
    meetings = commands.add_parser("meetings", help="جلسات: برنامه‌ریزی، حضور و غیاب، صورتجلسه و مصوبات")
    actions = meetings.add_subparsers(dest="action", required=True)

    create = actions.add_parser("create", help="برنامه‌ریزی جلسه تازه")
    create.add_argument("--kind", default=MeetingKind.REGULAR.value, help=f"نوع جلسه: {KINDS}")
    create.add_argument("--date", default="", type=date_text, help="تاریخ جلسه، مانند ۱۴۰۵/۰۹/۱۸")
    create.add_argument("--start", default="", type=date_text, help="ساعت شروع، مانند ۰۹:۰۰")
    create.add_argument("--end", default="", type=date_text, help="ساعت پایان")
    create.add_argument("--host", default="", help="دستگاه میزبان: شناسه یا نام")
    create.add_argument("--venue", default="", help="محل برگزاری، مانند سالن جلسات فرمانداری")
    create.add_argument("--chair", default="", help="رئیس جلسه (پیش‌فرض: رئیس شورا)")
    create.add_argument("--occasion", default="", help="مناسبت، مانند روز ارتباطات و روابط عمومی")
    create.add_argument("--json", action="store_true")

    listing = actions.add_parser("list", help="فهرست جلسات به ترتیب تاریخ")
    listing.add_argument("--year", help="سال شمسی، مانند ۱۴۰۵")
    listing.add_argument("--kind", help=f"نوع جلسه: {KINDS}")
    listing.add_argument(
        "--status", help="وضعیت: " + "، ".join(f"{s.value} ({s.label})" for s in MeetingStatus)
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(read_only=True)

    show = actions.add_parser("show", help="همه چیز یک جلسه")
    show.add_argument("meeting", type=identifier, help="شناسه جلسه")
    show.add_argument("--json", action="store_true")
    show.set_defaults(read_only=True)

    agenda = actions.add_parser("agenda", help="افزودن بند دستور کار")
    agenda.add_argument("meeting", type=identifier)
    agenda.add_argument("--title", default="")
    agenda.add_argument("--presenter", default="", help="دستگاه ارائه‌دهنده")
    agenda.add_argument("--notes", default="")
    agenda.add_argument(
        "--review-open", action="store_true", help="بند نخست: مصوبات باز جلسات پیشین برای بررسی"
    )

    summary = actions.add_parser("summary", help="خلاصه گفت‌وگوی یک بند دستور کار در صورتجلسه")
    summary.add_argument("item", type=identifier, help="شناسه بند دستور کار")
    summary.add_argument("--text", default="")

    invite = actions.add_parser("invite", help="دعوت از یک دستگاه یا مهمان")
    invite.add_argument("meeting", type=identifier)
    invite.add_argument("--agency", default="")
    invite.add_argument("--guest", default="", help="نام مهمان")
    invite.add_argument("--guest-title", default="", help="سمت مهمان")
    invite.add_argument("--guest-org", default="", help="سازمان مهمان")

    attendance = actions.add_parser("attendance", help="ثبت حضور و غیاب یک دستگاه")
    attendance.add_argument("meeting", type=identifier)
    attendance.add_argument("--agency", default="", help="دستگاه: شناسه یا نام")
    attendance.add_argument("--invitation", type=identifier, help="شناسه دعوت (برای مهمانان)")
    attendance.add_argument(
        "--status",
        default="",
        help="، ".join(f"{a.value} ({a.label})" for a in Attendance if a is not Attendance.UNKNOWN),
    )
    attendance.add_argument("--person", type=identifier, help="شناسه شخصی که آمد (پیش‌فرض: مدیر روابط عمومی)")
    attendance.add_argument("--substitute", default="", help="نام جانشینی که در فهرست افراد نیست")
    attendance.add_argument("--reason", default="", help="دلیل غیبت موجه")

    resolution = actions.add_parser("add-resolution", help="ثبت مصوبه («مقرر شد ...»)")
    resolution.add_argument("meeting", type=identifier)
    resolution.add_argument("--text", default="")
    resolution.add_argument("--lead", default="", help="دستگاه مسئول اجرا")
    resolution.add_argument(
        "--with", dest="collaborators", action="append", default=[], help="دستگاه همکار (چند بار می‌شود داد)"
    )
    resolution.add_argument(
        "--due", default="", type=date_text, help="مهلت، مانند ۱۴۰۵/۱۰/۳۰ (یا --next-meeting)"
    )
    resolution.add_argument("--next-meeting", action="store_true", help="مهلت: تا جلسه بعد")
    resolution.add_argument(
        "--priority",
        default=Priority.NORMAL.value,
        help="، ".join(f"{p.value} ({p.label})" for p in Priority),
    )
    resolution.add_argument("--item", type=identifier, help="شناسه بند دستور کار")

    finalize = actions.add_parser("finalize", help="نهایی کردن صورتجلسه")
    finalize.add_argument("meeting", type=identifier)
    finalize.add_argument("--by", default="", help="نام نهایی‌کننده")

    amend = actions.add_parser("amend", help="اصلاحیه مصوبه‌ای از صورتجلسه نهایی")
    amend.add_argument("resolution", help="شناسه یا کد مصوبه")
    amend.add_argument("--reason", default="")
    amend.add_argument("--by", default="", help="نام ثبت‌کننده اصلاحیه")
    amend.add_argument("--text", help="متن تازه")
    amend.add_argument("--due", type=date_text, help="مهلت تازه")

    attach = actions.add_parser("attach", help="پیوست کردن پرونده، مانند نسخه امضاشده صورتجلسه")
    attach.add_argument("meeting", type=identifier)
    attach.add_argument("file", type=location, help="مسیر پرونده")
    attach.add_argument("--signed", action="store_true", help="نسخه امضاشده صورتجلسه (PDF یا تصویر)")
    attach.add_argument("--description", default="")

    postpone = actions.add_parser("postpone", help="به تعویق انداختن جلسه")
    postpone.add_argument("meeting", type=identifier)
    postpone.add_argument("--date", default="", type=date_text, help="تاریخ تازه")
    postpone.add_argument("--reason", default="")

    cancel = actions.add_parser("cancel", help="لغو جلسه")
    cancel.add_argument("meeting", type=identifier)
    cancel.add_argument("--reason", default="")

    numbering = actions.add_parser(
        "numbering", help="شماره‌گذاری جلسات: شماره نخستین جلسه‌ای که در برنامه ثبت می‌شود (بی گزینه: نمایش)"
    )
    numbering.add_argument(
        "--series", default="", help="، ".join(f"{s.value} ({s.label})" for s in MeetingSeries)
    )
    numbering.add_argument("--first", default="", help="شماره نخستین جلسه در برنامه، مانند ۳۰")
    numbering.add_argument("--first-in-year", default="1", help="شماره همان جلسه در سال خودش، مانند ۵")


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    handler = {
        "create": _create,
        "list": _list,
        "show": _show,
        "agenda": _agenda,
        "summary": _summary,
        "invite": _invite,
        "attendance": _attendance,
        "add-resolution": _add_resolution,
        "finalize": _finalize,
        "amend": _amend,
        "attach": _attach,
        "postpone": _postpone,
        "cancel": _cancel,
        "numbering": _numbering,
    }[args.action]
    return handler(secretariat, args)


def _warn(warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"هشدار: {warning}", file=sys.stderr)


def _create(secretariat: Secretariat, args: argparse.Namespace) -> int:
    kind = choice(MeetingKind, args.kind, "نوع جلسه") or MeetingKind.REGULAR
    draft = MeetingDraft(
        kind=kind.value,
        date=args.date,
        start_time=args.start,
        end_time=args.end,
        host_agency_id=agency_id(secretariat, args.host) if args.host.strip() else None,
        venue=args.venue,
        chair=args.chair,
        occasion=args.occasion,
    )
    result = secretariat.meetings.plan(draft)
    _warn(result.warnings)
    if args.json:
        print(json.dumps(output.meeting_json(result.meeting), ensure_ascii=False, indent=2))
    else:
        print(output.planned_line("برنامه‌ریزی شد", result.meeting))
    return 0


def _list(secretariat: Secretariat, args: argparse.Namespace) -> int:
    query = MeetingQuery(
        jalali_year=year(args.year),
        kind=choice(MeetingKind, args.kind, "نوع جلسه"),
        status=choice(MeetingStatus, args.status, "وضعیت جلسه"),
        newest_first=False,
    )
    rows = secretariat.meetings.page(query, limit=None)
    if args.json:
        print(json.dumps([output.row_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(output.row_line(row))
    print(f"{to_persian_digits(len(rows))} جلسه")
    return 0


def _show(secretariat: Secretariat, args: argparse.Namespace) -> int:
    detail = secretariat.meetings.detail(args.meeting)
    if args.json:
        print(json.dumps(output.detail_json(detail), ensure_ascii=False, indent=2))
    else:
        print(output.detail_text(detail))
    return 0


def _agenda(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.agenda
    if args.review_open:
        if args.title.strip() or args.presenter.strip():
            raise CliError(
                "بند بررسی مصوبات باز عنوان و ارائه‌دهنده خود را دارد؛ --title و --presenter را ندهید."
            )
        item = service.add_open_resolutions_review(args.meeting)
    else:
        presenter = agency_id(secretariat, args.presenter) if args.presenter.strip() else None
        item = service.add(
            args.meeting, AgendaItemDraft(title=args.title, presenter_agency_id=presenter, notes=args.notes)
        )
    print(
        f"بند {to_persian_digits(item.position)} دستور کار: {item.title} (شناسه {to_persian_digits(item.id)})"
    )
    return 0


def _summary(secretariat: Secretariat, args: argparse.Namespace) -> int:
    item = secretariat.agenda.set_summary(args.item, args.text)
    print(f"خلاصه بند {to_persian_digits(item.position)} («{item.title}») ثبت شد.")
    return 0


def _invite(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.attendance
    if bool(args.agency.strip()) == bool(args.guest.strip()):
        raise CliError("یا --agency (دستگاه) بدهید یا --guest (نام مهمان)، یکی از این دو.")
    if args.agency.strip():
        invitation = service.invite_agency(args.meeting, agency_id(secretariat, args.agency))
    else:
        invitation = service.invite_guest(
            args.meeting,
            GuestDraft(
                name=args.guest,
                title=args.guest_title,
                organization=args.guest_org,
            ),
        )
    print(f"دعوت شد: {invitation.display_name} (شناسه دعوت {to_persian_digits(invitation.id)})")
    return 0


def _attendance(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if bool(args.agency.strip()) == (args.invitation is not None):
        raise CliError(
            "دستگاه را با --agency (شناسه یا نام) بدهید، یا دعوت‌شده‌ای (مانند مهمان) را با --invitation."
        )
    status = choice(Attendance, args.status, "وضعیت حضور")
    if status is None:
        raise CliError("وضعیت حضور را با --status بدهید: present، late، absent یا excused.")
    if args.person is not None and args.substitute.strip():
        raise CliError("یا --person (شخصی از فهرست افراد) یا --substitute (نام جانشین)، نه هر دو.")
    service = secretariat.attendance
    if args.invitation is None:
        record = service.record_agency(
            args.meeting,
            agency_id(secretariat, args.agency),
            status.value,
            person_id=args.person,
            substitute_name=args.substitute,
            excuse=args.reason,
        )
    else:
        records = service.record(
            args.meeting,
            [
                AttendanceEntry(
                    args.invitation,
                    status.value,
                    attendee_person_id=args.person,
                    substitute_name=args.substitute,
                    excuse=args.reason,
                )
            ],
        )
        record = next(r for r in records if r.id == args.invitation)
    print(output.invitation_line(record))
    print(output.quorum_line(service.quorum(args.meeting)))
    return 0


def _add_resolution(secretariat: Secretariat, args: argparse.Namespace) -> int:
    priority = choice(Priority, args.priority, "اولویت") or Priority.NORMAL
    draft = ResolutionDraft(
        text=args.text,
        lead_agency_id=agency_id(secretariat, args.lead) if args.lead.strip() else None,
        collaborator_agency_ids=tuple(agency_id(secretariat, each) for each in args.collaborators),
        due_date=args.due,
        due_next_meeting=args.next_meeting,
        priority=priority.value,
        agenda_item_id=args.item,
    )
    record = secretariat.minutes.add_resolution(args.meeting, draft)
    print(f"مصوبه {to_persian_digits(record.code)} ثبت شد (شناسه {to_persian_digits(record.id)}).")
    return 0


def _finalize(secretariat: Secretariat, args: argparse.Namespace) -> int:
    meeting = secretariat.minutes.finalize(args.meeting, by=args.by)
    print(
        f"صورتجلسه «{meeting.title}» ({jalali.format_short(meeting.date)}) نهایی شد؛ از این پس فقط اصلاحیه "
        "می‌پذیرد."
    )
    return 0


def _amend(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if args.text is not None and args.due is not None:
        raise CliError("هر اصلاحیه یک چیز را اصلاح می‌کند: یا --text یا --due.")
    amendment = secretariat.minutes.amend_resolution(
        resolution_id(secretariat, args.resolution),
        reason=args.reason,
        author=args.by,
        text=args.text,
        due_date=args.due,
    )
    print(output.amendment_line(amendment))
    return 0


def _attach(secretariat: Secretariat, args: argparse.Namespace) -> int:
    record = secretariat.attachments.attach(
        args.meeting,
        args.file,
        signed_minutes=args.signed,
        description=args.description,
    )
    print(output.attachment_line(record))
    if record.is_signed_minutes:
        print("جلسه امضاشده است.")
    return 0


def _postpone(secretariat: Secretariat, args: argparse.Namespace) -> int:
    result = secretariat.meetings.postpone(args.meeting, args.date, args.reason)
    _warn(result.warnings)
    print(output.planned_line("به تعویق افتاد", result.meeting))
    return 0


def _cancel(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.meetings
    title = service.get(args.meeting).title
    meeting = service.cancel(args.meeting, args.reason)
    print(f"«{title}» ({jalali.format_long(meeting.date)}) لغو شد.")
    return 0


def _numbering(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if not args.series.strip():
        if args.first.strip():
            raise CliError("دسته جلسه‌ها را با --series بدهید: council، general_assembly یا working_group.")
        for state in secretariat.council.numbering():
            print(_numbering_line(state))
        return 0
    series = choice(MeetingSeries, args.series, "دسته جلسه‌ها")
    if series is None or not args.first.strip():
        raise CliError("شماره نخستین جلسه در برنامه را با --first بدهید، مانند --first 30.")
    state = secretariat.council.set_numbering_start(
        NumberingStartDraft(series.value, args.first, args.first_in_year)
    )
    print(_numbering_line(state))
    return 0


def _numbering_line(state: SeriesNumbering) -> str:
    start = state.start
    line = (
        f"{start.series.label}: نخستین جلسه در برنامه شماره {to_persian_digits(start.number)}، "
        f"در سال خود شماره {to_persian_digits(start.year_number)}"
    )
    return f"{line} ({state.fixed_reason})" if state.fixed else line
