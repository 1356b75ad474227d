"""The meetings of the generated province: 20 years of them, at the scale of DESIGN.md.

1,000 meetings (regular, extraordinary, the general assembly, many working
groups), invitations with attendance (about 20 invitees twenty years ago,
about 60 now; a dozen for a working group), agendas, and 30,000 resolutions
with their lead and collaborating agencies and a few amendments. The last
finalized regular meeting is the "large meeting" of the benchmark: exactly
60 invitees and 25 resolutions.

Inserted in bulk through the models (``insert(Model)`` with explicit ids,
inside the generator's one transaction), with the rules the services keep:
held meetings numbered by date in their series and in their Jalali year,
planned ones numbered after them by the core's own ``renumber``, cancelled
ones without a number; resolution codes from the core's ``resolution_code``
(unique); folded search text from the core's ``fold``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlalchemy.orm import Session

from bench.generate_followup import insert_followup, plan_followup
from db.models import AgendaItem, Amendment, Assignment, Invitation, Meeting, Postponement, Resolution
from secretariat import sort_keys
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, resolution_code
from secretariat.meetings.numbering import renumber
from secretariat.persian import jalali
from secretariat.persian.text import fold

YEARS = 20
LARGE_INVITEES = 60
LARGE_RESOLUTIONS = 25
KIND_WEIGHTS = {
    MeetingKind.WORKING_GROUP: 55,
    MeetingKind.REGULAR: 33,
    MeetingKind.EXTRAORDINARY: 10,
    MeetingKind.GENERAL_ASSEMBLY: 2,
}
# Resolutions per meeting before scaling to the total asked for.
RESOLUTION_RANGE = {
    MeetingKind.REGULAR: (25, 45),
    MeetingKind.GENERAL_ASSEMBLY: (20, 40),
    MeetingKind.EXTRAORDINARY: (8, 20),
    MeetingKind.WORKING_GROUP: (15, 35),
}
SUBJECTS = [
    "برنامه دوره‌های آموزشی تخصصی کارکنان روابط عمومی",
    "گزارش ماهانه فعالیت‌های روابط عمومی",
    "شبکه ارتباط رسانه‌ای استان",
    "صفحه دستگاه در پورتال اطلاع‌رسانی استانداری",
    "محتوای قرارگاه جهاد تبیین",
    "مراسم روز ارتباطات و روابط عمومی",
    "ارزیابی عملکرد واحدهای روابط عمومی",
    "پاسخ به شبهات در فضای مجازی",
    "برنامه ملاقات‌های مردمی مدیران",
    "پوشش خبری سفرهای استانی",
    "اطلاع‌رسانی مدیریت مصرف آب و برق",
    "تقویم رویدادهای مناسبتی",
    "فهرست خبرنگاران و رسانه‌های استان",
    "بانک تصاویر و مستندات دستگاه‌ها",
]
ACTIONS = [
    "تدوین و به دبیرخانه شورا ارسال شود",
    "تا پایان ماه به‌روزرسانی شود",
    "در جلسه بعد گزارش شود",
    "با همکاری دستگاه‌های همکار اجرا شود",
    "به همه دستگاه‌های عضو ابلاغ شود",
    "ارزیابی و نتیجه آن منتشر شود",
]
AGENDA = [
    "گزارش پیگیری مصوبات جلسات پیشین",
    "برنامه آموزشی فصل",
    "شبکه ارتباط رسانه‌ای",
    "گزارش ماهانه دستگاه‌ها",
    "پورتال اطلاع‌رسانی",
    "جهاد تبیین",
    "ارزیابی عملکرد روابط عمومی‌ها",
    "مناسبت‌های پیش رو",
]
EXCUSES = ["مأموریت اداری", "مرخصی استعلاجی", "شرکت در جلسه شورای تأمین", "بازدید مدیرکل"]
ATTENDANCE = [("present", 72), ("late", 6), ("absent", 12), ("excused", 10)]


@dataclass
class _Plan:
    id: int
    kind: MeetingKind
    date: dt.date
    status: MeetingStatus
    host: int
    invitees: list[int] = field(default_factory=list)
    resolutions: int = 0
    number: int | None = None
    year_number: int | None = None


def generate_meetings(
    session: Session,
    rng: random.Random,
    *,
    agency_ids: list[int],
    active_ids: list[int],
    managers: dict[int, list[tuple[dt.date, dt.date | None, int]]],
    meetings: int,
    resolutions: int,
    today: dt.date,
    followups: int | None = None,
) -> None:
    """Add ``meetings`` meetings and ``resolutions`` resolutions, with everything
    they hold, and ``followups`` follow-up entries (default: five a resolution)."""
    plans = _plan(rng, agency_ids, active_ids, meetings, resolutions, today)
    _number(plans)
    session.execute(
        insert(Meeting),
        [
            {
                "id": p.id,
                "kind": p.kind.value,
                "series": p.kind.series,
                "number": p.number,
                "year_number": p.year_number,
                "jalali_year": jalali.jalali_year(p.date),
                "date": p.date,
                "start_time": dt.time(9 + p.id % 3, 0),
                "end_time": dt.time(11 + p.id % 3, 0),
                "host_agency_id": p.host,
                "venue": "سالن جلسات",
                "chair": "",
                "occasion": "",
                "status": p.status.value,
                "cancel_reason": "تعطیلی ادارات" if p.status is MeetingStatus.CANCELLED else "",
                "finalized_at": dt.datetime.combine(p.date + dt.timedelta(days=5), dt.time(12))
                if p.status is MeetingStatus.FINALIZED
                else None,
                "finalized_by": "دبیر شورا" if p.status is MeetingStatus.FINALIZED else "",
                "signed_at": None,
            }
            for p in plans
        ],
    )
    invitations, items, rows, assignments, amendments = [], [], [], [], []
    item_id = resolution_id = 0
    for p in plans:
        taken = p.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)
        for agency in p.invitees:
            invitations.append(_invitation(rng, p, agency, managers, taken))
        first_item = item_id + 1
        for position, title in enumerate(rng.sample(AGENDA, rng.randint(3, 6)), start=1):
            item_id += 1
            items.append(
                {
                    "id": item_id,
                    "meeting_id": p.id,
                    "position": position,
                    "title": title,
                    "presenter_agency_id": rng.choice(p.invitees),
                    "notes": "",
                    "summary": "خلاصه گفت‌وگو" if taken else "",
                    "reviews_open_resolutions": False,
                }
            )
        year = jalali.jalali_year(p.date)
        for number in range(1, p.resolutions + 1):
            resolution_id += 1
            text = f"مقرر شد {rng.choice(SUBJECTS)} {rng.choice(ACTIONS)}."
            next_meeting = rng.random() < 0.2
            old = (today - p.date).days > 365
            rows.append(
                {
                    "id": resolution_id,
                    "meeting_id": p.id,
                    "agenda_item_id": rng.randint(first_item, item_id),
                    "number": number,
                    "code": resolution_code(year, p.number, p.kind.series, number),
                    "text": text,
                    "search_text": fold(text),
                    "text_key": sort_keys.text_key(text),
                    "due_next_meeting": next_meeting,
                    "due_date": None if next_meeting else p.date + dt.timedelta(days=rng.randint(15, 120)),
                    "priority": rng.choices(["normal", "high", "urgent"], [80, 15, 5])[0],
                    "status": "done" if old and rng.random() < 0.85 else rng.choice(["open", "in_progress"]),
                }
            )
            team = rng.sample(
                p.invitees, min(len(p.invitees), rng.choices([1, 2, 3, 4], [45, 30, 15, 10])[0])
            )
            assignments += [
                {
                    "resolution_id": resolution_id,
                    "agency_id": agency,
                    "role": "lead" if index == 0 else "collaborator",
                }
                for index, agency in enumerate(team)
            ]
            if p.status is MeetingStatus.FINALIZED and rng.random() < 0.01 and not next_meeting:
                amendments.append(
                    {
                        "meeting_id": p.id,
                        "resolution_id": resolution_id,
                        "field": "due_date",
                        "original": jalali.format_short(rows[-1]["due_date"], persian_digits=False),
                        "amended": jalali.format_short(
                            rows[-1]["due_date"] + dt.timedelta(days=30), persian_digits=False
                        ),
                        "reason": "تمدید مهلت به درخواست دستگاه مسئول",
                        "author": "دبیر شورا",
                        "recorded_at": dt.datetime.combine(p.date + dt.timedelta(days=20), dt.time(10)),
                    }
                )
                rows[-1]["due_date"] += dt.timedelta(days=30)
    postponements = [
        {
            "meeting_id": p.id,
            "from_date": p.date - dt.timedelta(days=7),
            "to_date": p.date,
            "reason": "هم‌زمانی با سفر استاندار",
            "recorded_at": dt.datetime.combine(today, dt.time(9)),
        }
        for p in plans
        if p.status is MeetingStatus.POSTPONED
    ]
    # The statuses (drawn above only to keep the random stream of earlier runs) come from the follow-up.
    entries, changes = plan_followup(
        rows,
        {p.id: p.date for p in plans},
        [p.id for p in plans if p.status in (MeetingStatus.PLANNED, MeetingStatus.POSTPONED)],
        followups=5 * resolutions if followups is None else followups,
        today=today,
    )
    for model, batch in (
        (Invitation, invitations),
        (AgendaItem, items),
        (Resolution, rows),
        (Assignment, assignments),
        (Amendment, amendments),
        (Postponement, postponements),
    ):
        if batch:
            session.execute(insert(model), batch)
    insert_followup(session, entries, changes)
    sort_keys.refresh_all_lead_keys(session)  # as the services keep them, by the lead agency's name
    for series in {k.series for k in MeetingKind}:
        renumber(session, series)  # the planned meetings, after the held ones, as the services do


def _plan(rng, agency_ids, active_ids, count, total_resolutions, today) -> list[_Plan]:
    first = today - dt.timedelta(days=round(YEARS * 365.25))
    span = (today + dt.timedelta(days=45) - first).days
    dates = sorted(first + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
    dates = [d + dt.timedelta(days=1) if d.weekday() == 4 else d for d in dates]  # not on a Friday
    kinds = list(KIND_WEIGHTS)
    plans = []
    for index, date in enumerate(dates, start=1):
        kind = rng.choices(kinds, [KIND_WEIGHTS[k] for k in kinds])[0]
        if date > today:
            status = MeetingStatus.POSTPONED if rng.random() < 0.2 else MeetingStatus.PLANNED
        elif rng.random() < 0.015:
            status = MeetingStatus.CANCELLED
        elif (today - date).days <= 30:
            status = MeetingStatus.HELD
        else:
            status = MeetingStatus.FINALIZED
        age = (date - first).days / (today - first).days
        if kind is MeetingKind.WORKING_GROUP:
            size = rng.randint(8, 15)
        else:
            size = min(round(20 + 40 * age) + rng.randint(-3, 3), LARGE_INVITEES)
        pool = active_ids if age > 0.8 else agency_ids
        plans.append(
            _Plan(index, kind, date, status, rng.choice(pool), rng.sample(pool, min(size, len(pool))))
        )
    held = [p for p in plans if p.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)]
    large = next(
        p for p in reversed(held) if p.kind is MeetingKind.REGULAR and p.status is MeetingStatus.FINALIZED
    )
    large.invitees = rng.sample(active_ids, LARGE_INVITEES)
    others = [p for p in held if p is not large]
    weights = [rng.randint(*RESOLUTION_RANGE[p.kind]) for p in others]
    scale = (total_resolutions - LARGE_RESOLUTIONS) / sum(weights)
    for p, weight in zip(others, weights, strict=True):
        p.resolutions = max(1, round(weight * scale))
    large.resolutions = LARGE_RESOLUTIONS
    missing = total_resolutions - sum(p.resolutions for p in held)
    while missing:  # rounding: spread the difference one by one
        p = rng.choice(others)
        step = 1 if missing > 0 else -1
        if p.resolutions + step >= 1:
            p.resolutions += step
            missing -= step
    return plans


def _number(plans: list[_Plan]) -> None:
    """Held meetings: the Nth of their series and of their Jalali year, by date."""
    last: dict[str, int] = defaultdict(int)
    year_last: dict[tuple[str, int], int] = defaultdict(int)
    for p in plans:  # already in date order
        if p.status not in (MeetingStatus.HELD, MeetingStatus.FINALIZED):
            continue
        series, year = p.kind.series, jalali.jalali_year(p.date)
        last[series] += 1
        year_last[series, year] += 1
        p.number, p.year_number = last[series], year_last[series, year]


def _invitation(rng, plan: _Plan, agency: int, managers, taken: bool) -> dict:
    row = {
        "meeting_id": plan.id,
        "agency_id": agency,
        "attendance": "unknown",
        "attendee_person_id": None,
        "substitute_name": "",
        "excuse": "",
        "guest_name": "",
        "guest_title": "",
        "guest_organization": "",
    }
    if not taken:
        return row
    attendance = rng.choices([a for a, _ in ATTENDANCE], [w for _, w in ATTENDANCE])[0]
    row["attendance"] = attendance
    if attendance == "excused":
        row["excuse"] = rng.choice(EXCUSES)
    elif attendance in ("present", "late"):
        if rng.random() < 0.05:
            row["substitute_name"] = "کارشناس روابط عمومی"
        else:
            row["attendee_person_id"] = _manager_on(managers.get(agency, []), plan.date)
    return row


def _manager_on(spans: list[tuple[dt.date, dt.date | None, int]], day: dt.date) -> int | None:
    for start, end, person in reversed(spans):
        if start <= day and (end is None or end >= day):
            return person
    return spans[-1][2] if spans else None
