"""The follow-up of the generated province's resolutions, at the scale of DESIGN.md.

150,000 follow-up entries over the 30,000 resolutions (about five each,
unevenly: many resolutions have one or two, a few a dozen), dated between
their meeting and the day they closed (or today), with the progress the
agencies reported rising towards 100; and the statuses the lifecycle gives:
most old resolutions done (on time or late, with their evidence), a few
cancelled (with a reason), some overdue with partial progress, recent ones
open or in progress, a few deferred to a coming meeting, and about one in
twenty with its deadline moved (with the history of the change).

``plan_followup`` fills in the resolution rows before ``generate_meetings``
inserts them, so the rows go in once, already with their status (and the
FTS triggers of migration 0003 index them as they go in); the entries and
deadline changes are inserted in bulk after them, in the same transaction.
Its own seeded random stream, so the meetings stay those of earlier runs.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.models import DeadlineChange, FollowUp
from secretariat.followup.status import FollowUpKind

KINDS = [
    (FollowUpKind.LETTER, 35),
    (FollowUpKind.PHONE, 30),
    (FollowUpKind.AGENCY_REPORT, 25),
    (FollowUpKind.VISIT, 4),
    (FollowUpKind.MEETING, 6),
]
NOTES = {
    FollowUpKind.LETTER: "نامه پیگیری دبیرخانه به دستگاه مسئول",
    FollowUpKind.PHONE: "پیگیری تلفنی با کارشناس روابط عمومی دستگاه",
    FollowUpKind.AGENCY_REPORT: "گزارش پیشرفت کار از سوی دستگاه مسئول",
    FollowUpKind.VISIT: "بازدید دبیرخانه از محل اجرا",
    FollowUpKind.MEETING: "طرح در جلسه شورا و گزارش دستگاه",
}
EVIDENCE = [
    "گزارش اقدام دستگاه، نامه شماره {n}",
    "گزارش برگزاری و فهرست شرکت‌کنندگان، نامه شماره {n}",
    "تصویر صفحه منتشرشده در پورتال، نامه شماره {n}",
]
CANCEL_REASONS = ["با تصویب مصوبه جایگزین در جلسه بعد، موضوع منتفی شد.", "نبود اعتبار لازم در سال جاری"]
DEADLINE_REASONS = [
    "به درخواست دستگاه مسئول",
    "هم‌زمانی با تعطیلات رسمی",
    "نیاز به هماهنگی با دستگاه‌های همکار",
]
RECORDERS = ["دبیر شورا", "کارشناس دبیرخانه"]


def plan_followup(
    rows: list[dict],
    meeting_dates: dict[int, dt.date],
    upcoming: list[int],
    *,
    followups: int,
    today: dt.date,
    seed: int = 1409,
) -> tuple[list[dict], list[dict]]:
    """Give each resolution row its status and return (follow-up rows, deadline-change rows).

    ``rows`` are the resolution rows about to be inserted (with their ids,
    meeting ids, deadlines); ``upcoming`` the ids of meetings not held yet.
    """
    rng = random.Random(seed)
    kinds, weights = [k for k, _ in KINDS], [w for _, w in KINDS]
    counts = [0] * len(rows)
    for index in rng.choices(range(len(rows)), [rng.choice((1, 1, 2, 3, 6)) for _ in rows], k=followups):
        counts[index] += 1
    entries: list[dict] = []
    changes: list[dict] = []
    for row, count in zip(rows, counts, strict=True):
        met = meeting_dates[row["meeting_id"]]
        due = row["due_date"] or met + dt.timedelta(days=90)  # "by the next meeting": about a quarter
        if row["due_date"] is not None and rng.random() < 0.05:
            moved = due + dt.timedelta(days=rng.randint(20, 90))
            changed_on = met + dt.timedelta(
                days=rng.randint(0, max(0, min((today - met).days, (due - met).days)))
            )
            changes.append(
                {
                    "resolution_id": row["id"],
                    "previous_due": due,
                    "previous_next_meeting": False,
                    "new_due": moved,
                    "reason": rng.choice(DEADLINE_REASONS),
                    "changed_by": rng.choice(RECORDERS),
                    "changed_at": dt.datetime.combine(changed_on, dt.time(10)),
                }
            )
            row["due_date"] = due = moved
        status, closed_on = _outcome(rng, met, due, today, upcoming)
        row.update(
            status=status,
            closed_on=closed_on,
            deferred_to_meeting_id=None,
            completion_evidence="",
            status_note="",
        )
        if status == "done":
            row["completion_evidence"] = rng.choice(EVIDENCE).format(n=f"{rng.randint(100, 999)}/ش")
        elif status == "cancelled":
            row["status_note"] = rng.choice(CANCEL_REASONS)
        elif status == "deferred":
            row["deferred_to_meeting_id"] = rng.choice(upcoming)
            row["status_note"] = "ارجاع به جلسه بعد برای تصمیم‌گیری"
        last = closed_on or today
        span = max(0, (last - met).days)
        days = sorted(rng.randint(0, span) for _ in range(count))
        progress = 0
        reported = False
        for position, offset in enumerate(days, start=1):
            kind = rng.choices(kinds, weights)[0]
            value = None
            if kind in (FollowUpKind.AGENCY_REPORT, FollowUpKind.MEETING) or rng.random() < 0.2:
                cap = 100 if status == "done" and position == count else 95
                progress = min(cap, progress + rng.randint(5, 35))
                value, reported = progress, True
            date = met + dt.timedelta(days=offset)
            entries.append(
                {
                    "resolution_id": row["id"],
                    "date": date,
                    "kind": kind.value,
                    "note": NOTES[kind],
                    "progress": value,
                    "recorded_by": rng.choice(RECORDERS),
                    "attachment_id": None,
                    "recorded_at": dt.datetime.combine(date, dt.time(9 + position % 8, position % 60)),
                }
            )
        if status in ("open", "in_progress"):
            row["status"] = "in_progress" if reported else "open"  # as the service moves it
    return entries, changes


def _outcome(
    rng, met: dt.date, due: dt.date, today: dt.date, upcoming: list[int]
) -> tuple[str, dt.date | None]:
    age = (today - met).days
    passed = due < today
    roll = rng.random()
    if age > 365:
        done, cancelled = 0.86, 0.03
    elif passed:
        done, cancelled = 0.55, 0.02
    else:
        done, cancelled = 0.15, 0.005
    if roll < done:
        late = rng.random() < 0.35
        closed = (
            due + dt.timedelta(days=rng.randint(1, 60))
            if late
            else due - dt.timedelta(days=rng.randint(0, max(0, (due - met).days)))
        )
        return "done", max(met, min(closed, today))
    if roll < done + cancelled:
        return "cancelled", met + dt.timedelta(days=rng.randint(0, max(0, min(age, 180))))
    if upcoming and not passed and age <= 120 and rng.random() < 0.06:
        return "deferred", None
    return "open", None


def insert_followup(session: Session, entries: list[dict], changes: list[dict]) -> None:
    """The entries and deadline changes, in bulk (the resolutions are in already)."""
    if entries:
        session.execute(insert(FollowUp), entries)
    if changes:
        session.execute(insert(DeadlineChange), changes)
