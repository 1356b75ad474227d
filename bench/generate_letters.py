"""The letter register of the generated province: 20 years × 3,000 letters, at the scale of DESIGN.md.

A provincial secretariat's year: about 2,100 letters out (invitations to the
meetings of the year, the communication of their resolutions, follow-up
letters, monthly reminders, circulars and certificates) and 900 in (the
agencies' answers, most linked to the letter they answer and its
resolutions, reports sent by letter, letters from outside the council),
numbered from the default patterns with a sequence per direction restarting
each Jalali year, in the order of their dates; one in three hundred voided.
The scale sets the years (those of the monthly reports: scale 4, 80 years)
and, below 1, the letters a year too.

Inserted in bulk through the tables, with the folded search text the
register keeps (``fold``), inside the generator's one transaction. Its own
seeded random stream, so the meetings, the follow-up and the monthly
reports stay those of earlier runs.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from collections import defaultdict
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.models import Agency, Assignment, Letter, LetterResolution, Meeting, Resolution
from secretariat.letters.numbering import DEFAULT_PATTERNS, IN, OUT, format_number
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import fold

PER_YEAR = 3_000
KIND_WEIGHTS = {  # of the letters of a year
    "invitation": 30,
    "communication": 10,
    "followup": 12,
    "monthly_reminder": 10,
    "other": 7,
    "certificate": 1,
    "incoming": 30,
}
CONCERNS = {
    "invitation": "meeting",
    "communication": "resolutions",
    "followup": "resolutions",
    "monthly_reminder": "monthly",
    "other": "other",
    "certificate": "evaluation",
}
SUBJECTS = {
    "invitation": "دعوت به جلسه شورای هماهنگی روابط عمومی‌های استان",
    "communication": "ابلاغ مصوبات جلسه شورای هماهنگی روابط عمومی‌های استان",
    "followup": "پیگیری اجرای مصوبات شورای هماهنگی روابط عمومی‌های استان",
    "monthly_reminder": "یادآوری ارسال گزارش ماهانه {month}",
    "certificate": "لوح تقدیر روابط عمومی برتر",
}
OTHER_SUBJECTS = [
    "ابلاغ شیوه‌نامه شبکه ارتباط رسانه‌ای",
    "درخواست معرفی رابط خبری",
    "ارسال تقویم مناسبت‌های سال",
    "درخواست گزارش عملکرد شش‌ماهه",
    "ارسال بسته محتوایی پویش ملی",
    "برگزاری دوره آموزشی خبرنویسی",
]
INCOMING_SUBJECTS = [
    "پاسخ نامه پیگیری مصوبات",
    "گزارش اقدامات انجام‌شده درباره مصوبه",
    "ارسال گزارش ماهانه فعالیت‌های روابط عمومی",
    "معرفی نماینده برای شرکت در جلسه",
    "درخواست تمدید مهلت اجرای مصوبه",
    "اعلام آمادگی برای میزبانی جلسه",
]
OUTSIDE = ["دفتر امور اجتماعی استانداری", "اداره کل ارتباطات وزارت کشور", "خبرگزاری ایرنا", "شهروند"]
CIRCULAR = "دستگاه‌های عضو شورای هماهنگی روابط عمومی‌های استان"
VOID_REASON = "نامه دو بار شماره گرفت؛ نسخه نخست فرستاده شد."
RECORDER = "دبیرخانه شورا"


def generate_letters(
    session: Session, *, years: int, per_year: int = PER_YEAR, today: dt.date, seed: int = 1420
) -> int:
    """``per_year`` letters in each of the ``years`` Jalali years up to ``today`` (this one as far as
    it has gone); how many were inserted."""
    rng = random.Random(seed)
    agencies = dict(session.execute(select(Agency.id, Agency.name)).all())
    agency_ids = sorted(agencies)
    meetings = session.execute(select(Meeting.id, Meeting.date).order_by(Meeting.date)).all()
    meeting_days = [day for _id, day in meetings]
    by_meeting: dict[int, list[tuple[int, int]]] = defaultdict(list)  # meeting -> (resolution, lead)
    for resolution_id, meeting_id, lead in session.execute(
        select(Resolution.id, Resolution.meeting_id, Assignment.agency_id)
        .join(Assignment, Assignment.resolution_id == Resolution.id)
        .where(Assignment.role == "lead")
    ):
        if lead is not None:
            by_meeting[meeting_id].append((resolution_id, lead))
    this_year = jalali.jalali_year(today)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    letters: list[dict[str, object]] = []
    links: list[dict[str, int]] = []
    next_id = 1
    for year in range(this_year - years + 1, this_year + 1):
        first = jalali.from_jalali(year, 1, 1)
        last = min(today, jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1))
        span = (last - first).days + 1
        count = round(per_year * min(1.0, span / 365))
        days = sorted(first + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
        seqs = {OUT: 0, IN: 0}
        sent: dict[int, list[tuple[int, tuple[int, ...]]]] = defaultdict(
            list
        )  # agency -> (letter, resolutions)
        for day in days:
            kind = rng.choices(kinds, weights)[0]
            direction = IN if kind == "incoming" else OUT
            seqs[direction] += 1
            number = format_number(DEFAULT_PATTERNS[direction], seq=seqs[direction], year=year)
            # The meeting held last before the day (or the first one), and its resolutions.
            place = max(0, bisect_right(meeting_days, day) - 1)
            meeting_id = meetings[place][0] if meetings else None
            resolutions = by_meeting.get(meeting_id, []) if meeting_id is not None else []
            row: dict[str, object] = {
                "id": next_id,
                "direction": direction,
                "year": year,
                "seq": seqs[direction],
                "number": number,
                "date": day,
                "kind": kind,
                "agency_id": None,
                "party": CIRCULAR,
                "subject": "",
                "attachments": rng.choice((0, 0, 0, 1, 2)),
                "concerns": CONCERNS.get(kind, "other"),
                "meeting_id": None,
                "report_year": None,
                "report_month": None,
                "source_key": "",
                "their_number": "",
                "their_date": None,
                "answers_letter_id": None,
                "recorded_by": RECORDER,
                "recorded_at": dt.datetime.combine(
                    day, dt.time(8 + seqs[direction] % 8, seqs[direction] % 60)
                ),
                "voided_reason": "",
                "voided_by": "",
                "voided_at": None,
            }
            linked: tuple[int, ...] = ()
            agency = rng.choice(agency_ids) if agency_ids else None
            if kind == "incoming":
                earlier = sent.get(agency, []) if agency is not None else []
                if agency is None or rng.random() < 0.08:
                    row["party"] = rng.choice(OUTSIDE)
                else:
                    row["agency_id"], row["party"] = agency, agencies[agency]
                row["subject"] = rng.choice(INCOMING_SUBJECTS)
                row["their_number"] = f"{rng.randint(100, 9999)}/{rng.choice('الف ب د ر ص'.split())}/{year}"
                row["their_date"] = day - dt.timedelta(days=rng.randint(0, 6))
                if earlier and rng.random() < 0.6:
                    answered, linked = earlier[-1]
                    row["answers_letter_id"] = answered
                    row["concerns"] = "resolutions" if linked else "letter"
            else:
                if kind in ("communication", "followup") and resolutions:
                    resolution_id, agency = rng.choice(resolutions)
                    linked = tuple(
                        sorted({resolution_id, *(r for r, lead in resolutions if lead == agency)})
                    )[:6]
                if kind == "other":
                    row["subject"] = rng.choice(OTHER_SUBJECTS)
                else:
                    row["agency_id"], row["party"] = agency, agencies.get(agency, CIRCULAR)
                    month = Month.of(day).previous()
                    row["subject"] = SUBJECTS[kind].format(month=month.label)
                    row["source_key"] = f"{kind}:{meeting_id}:{agency}:{next_id}"
                if kind in ("invitation", "communication"):
                    row["meeting_id"] = meeting_id
                if kind == "monthly_reminder":
                    row["report_year"], row["report_month"] = month.year, month.month
                if agency is not None and kind in ("communication", "followup", "monthly_reminder"):
                    sent[agency].append((next_id, linked))
            if rng.random() < 1 / 300:
                row["voided_reason"], row["voided_by"] = VOID_REASON, RECORDER
                row["voided_at"] = row["recorded_at"]
            row["search_text"] = " ".join(
                fold(str(part))
                for part in (number, row["party"], row["subject"], row["their_number"])
                if part
            )
            letters.append(row)
            links += [{"letter_id": next_id, "resolution_id": r} for r in linked]
            next_id += 1
    for model, rows in ((Letter, letters), (LetterResolution, links)):
        table = cast(Table, model.__table__)
        for start in range(0, len(rows), 20_000):
            session.execute(insert(table), rows[start : start + 20_000])
    return len(letters)
