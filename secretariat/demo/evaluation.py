"""The demo council's yearly evaluation of its PR units: last year's published, this year's in progress.

Last full Jalali year: created from the default criteria, every taking-part
agency scored by three named evaluators on the two jury criteria (each
agency's quality its own, each evaluator a little stricter or kinder, so the
ranking reads as a ranking and not as a wall of ties), published around روز
ارتباطات و روابط عمومی (27 Ordibehesht) of this year if that day has come,
else a few weeks after the year ended; one score amended after publishing,
with its reason (an evaluator's 13 typed as 3). An agency that joined the
council late in that year (or after it) is left out, with why.

This year: copied from last year's criteria, in progress: two of the three
evaluators have scored, not every agency yet (the jury table shows what is
missing), and one agency left out with a reason.

The jury's scores go in bulk (some hundred rows); creating, excluding,
publishing and amending go through ``EvaluationService``, and the clock
stamps they write are moved back to the days they happened.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import insert, select

from db.models import Agency, Evaluation, EvaluationAmendment, EvaluationCriterion, JuryScore
from secretariat.changes import note_changes
from secretariat.core import Secretariat
from secretariat.demo.calendar import DemoCalendar, working_day
from secretariat.evaluation.service import EvaluationRecord
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.text import fold, to_persian_digits

SECRETARY = "زهرا موسوی"
EVALUATION_PARTS = 2  # progress: last year's published, this year's begun
# A lecturer in communication, the editor of the county's weekly, a retired provincial PR head.
EVALUATORS = ("دکتر حمید نیک‌نام", "سمانه رستمی", "علیرضا فتحی")
BIAS = (-0.04, 0.0, 0.05)  # of the maximum: each evaluator a little stricter or kinder
CONTENT, INNOVATION = "کیفیت محتوا و اطلاع‌رسانی", "ابتکار و نوآوری"  # the default jury criteria
PR_DAY = (2, 27)  # روز ارتباطات و روابط عمومی

# An agency whose quality the jury marks up or down (1: an average one; otherwise its own draw).
STANDOUTS = {
    "شهرداری پردیس": 0.9,
    "شبکه بهداشت": 0.88,
    "دانشگاه آزاد": 0.86,
    "آموزش و پرورش": 0.8,
    "ثبت اسناد": 0.36,
    "بانک سپه": 0.45,
}
NOTES = {
    ("شهرداری پردیس", CONTENT): "پوشش خبری منظم طرح‌های عمرانی با گزارش تصویری و اینفوگرافیک",
    ("شبکه بهداشت", INNOVATION): "پویش برخط پرسش و پاسخ سلامت با مشارکت پزشکان",
    ("دانشگاه آزاد", INNOVATION): "دوره‌های آموزشی مشترک برای روابط عمومی‌های شهرستان",
    ("ثبت اسناد", CONTENT): "اخبار پراکنده و بی‌عکس؛ وبگاه به‌روز نمی‌شود",
}
# An evaluator's 13 typed as 3, corrected after publishing.
TYPO = ("بهزیستی", INNOVATION, 1, 13.0, 3.0)  # (agency, criterion, evaluator, right, typed)
AMEND_REASON = (
    "امتیاز «{criterion}» {evaluator} در برگه داوری {right} است و {typed} ثبت شده بود؛ "
    "میانگین سه داور با امتیاز درست."
)
LATE_JOINER = "عضو شورا از {date}؛ در بیشتر سال {year} عضو شورا نبود."
JOINED_AFTER = "عضو شورا از {date}، پس از سال {year}."
THIS_YEAR_OUT = (
    "عمران پردیس",
    "روابط عمومی شرکت در روابط عمومی سازمان عمران شهرهای جدید ادغام شده است؛ "
    "عملکرد امسال آن در ارزیابی سازمان سنجیده می‌شود.",
)
UNSCORED = 4  # agencies this year nobody has yet scored on innovation


def build_evaluation(
    secretariat: Secretariat,
    calendar: DemoCalendar,
    sizes: dict[str, float],
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Last year's evaluation, published, and this year's, begun; ``progress(n)`` is told each done.
    ``sizes``: how big each agency's PR work is (short name -> 1 for an average one)."""
    tell = progress or (lambda _done: None)
    today = calendar.today
    this_year = jalali.jalali_year(today)
    last_year = this_year - 1
    service = secretariat.evaluations
    agencies = _members(secretariat)
    published_on = _published_on(today)

    record = service.create(last_year)
    first_day = jalali.from_jalali(last_year, 1, 1)
    for agency_id, (_name, _short, joined, active) in agencies.items():
        if active and joined > first_day + dt.timedelta(days=60):
            reason = LATE_JOINER if jalali.jalali_year(joined) == last_year else JOINED_AFTER
            service.exclude(
                last_year,
                agency_id,
                reason=reason.format(date=jalali.format_short(joined), year=to_persian_digits(last_year)),
            )
    taking_part = _taking_part(secretariat, last_year, agencies)
    _jury(
        secretariat,
        record,
        taking_part,
        agencies,
        sizes,
        evaluators=EVALUATORS,
        scored_before=published_on,
        seed=str(last_year),
    )
    service.publish(last_year, by=SECRETARY)
    short_ids = {short: agency_id for agency_id, (_n, short, _j, _a) in agencies.items()}
    agency, criterion, evaluator, right, typed = TYPO
    scores = _jury_of(secretariat, record, short_ids[agency], criterion)
    fixed = (sum(scores) - typed + right) / len(scores)
    service.amend(
        last_year,
        short_ids[agency],
        criterion,
        round(fixed, 2),
        reason=AMEND_REASON.format(
            criterion=criterion,
            evaluator=EVALUATORS[evaluator],
            right=to_persian_digits(int(right)),
            typed=to_persian_digits(int(typed)),
        ),
        by=SECRETARY,
    )
    _backdate(secretariat, record.id, published_on, min(published_on + dt.timedelta(days=8), today))
    tell(1)

    current = service.create(this_year, copy_from=last_year)
    short, reason = THIS_YEAR_OUT
    if short in short_ids:
        service.exclude(this_year, short_ids[short], reason=reason)
    taking_part = _taking_part(secretariat, this_year, agencies)
    unscored = sorted(taking_part, key=lambda a: random.Random(f"{this_year}/{a}").random())[:UNSCORED]
    _jury(
        secretariat,
        current,
        taking_part,
        agencies,
        sizes,
        evaluators=EVALUATORS[:2],
        scored_before=today,
        seed=str(this_year),
        unscored=set(unscored),
    )
    tell(2)


def _members(secretariat: Secretariat) -> dict[int, tuple[str, str, dt.date, bool]]:
    """Every agency: (name, short name, joined on, active)."""
    with secretariat.database.reading() as session:
        rows = session.execute(
            select(Agency.id, Agency.name, Agency.short_name, Agency.joined_on, Agency.active)
        ).all()
    return {
        agency_id: (name, short, joined or dt.date.min, active)
        for agency_id, name, short, joined, active in rows
    }


def _taking_part(
    secretariat: Secretariat, year: int, agencies: dict[int, tuple[str, str, dt.date, bool]]
) -> list[int]:
    """The active members not left out, in Persian order (those the evaluation ranks)."""
    excluded = {e.agency_id for e in secretariat.evaluations.get(year).exclusions}
    return sorted(
        (
            agency_id
            for agency_id, (_n, _s, _j, active) in agencies.items()
            if active and agency_id not in excluded
        ),
        key=lambda a: sort_key(agencies[a][0]),
    )


def _published_on(today: dt.date) -> dt.date:
    """روز روابط عمومی of this year if it has come, else a few weeks after last year ended (or today)."""
    year = jalali.jalali_year(today)
    day = jalali.from_jalali(year, *PR_DAY)
    if day > today:
        day = min(jalali.from_jalali(year, 1, 20), today)
    working = working_day(day)
    return working if jalali.jalali_year(working) == year else day


def _jury(
    secretariat: Secretariat,
    evaluation: EvaluationRecord,
    taking_part: list[int],
    agencies: dict[int, tuple[str, str, dt.date, bool]],
    sizes: dict[str, float],
    *,
    evaluators: tuple[str, ...],
    scored_before: dt.date,
    seed: str,
    unscored: set[int] | None = None,
) -> None:
    """The evaluators' scores, in bulk: each agency's quality, each evaluator's hand, a little chance.
    This year's second evaluator has scored a little over half the agencies; ``unscored`` none yet."""
    jury = [criterion for criterion in evaluation.criteria if not criterion.source.computed]
    rows: list[dict[str, object]] = []
    for index, agency_id in enumerate(taking_part):
        short = agencies[agency_id][1]
        rng = random.Random(f"{seed}/{short}")
        quality = STANDOUTS.get(short) or min(
            0.85, 0.5 + 0.12 * sizes.get(short, 1.0) + rng.uniform(-0.1, 0.15)
        )
        for criterion in jury:
            leaning = quality + rng.uniform(-0.08, 0.08)  # better at one than the other
            for number, evaluator in enumerate(evaluators):
                if unscored is not None and (
                    (criterion.name == INNOVATION and agency_id in unscored) or (number == 1 and index % 2)
                ):
                    continue
                share = leaning + BIAS[number] + rng.gauss(0, 0.06)
                score = min(criterion.max_score, max(0.0, round(share * criterion.max_score * 2) / 2))
                if unscored is None and (short, criterion.name, number) == TYPO[:3]:
                    score = TYPO[4]  # the evaluator wrote 13; 3 was typed
                elif unscored is None and (short, criterion.name) == TYPO[:2]:
                    score = max(score, 12.0)
                note = NOTES.get((short, criterion.name), "") if number == 0 else ""
                rows.append(
                    {
                        "criterion_id": criterion.id,
                        "agency_id": agency_id,
                        "evaluator": evaluator,
                        "evaluator_key": fold(evaluator),
                        "score": score,
                        "note": note,
                        # Over the three weeks before publishing (or before today), each evaluator on a day.
                        "recorded_at": dt.datetime.combine(
                            scored_before - dt.timedelta(days=3 + 6 * number + index % 5),
                            dt.time(10 + number),
                        ),
                    }
                )
    with secretariat.database.transaction() as session:
        session.execute(insert(JuryScore), rows)
        note_changes(session, evaluations=True)


def _jury_of(
    secretariat: Secretariat, evaluation: EvaluationRecord, agency_id: int, criterion: str
) -> list[float]:
    found = evaluation.criterion(criterion)
    with secretariat.database.reading() as session:
        return list(
            session.scalars(
                select(JuryScore.score).where(
                    JuryScore.criterion_id == found.id, JuryScore.agency_id == agency_id
                )
            )
        )


def _backdate(
    secretariat: Secretariat, evaluation_id: int, published_on: dt.date, amended_on: dt.date
) -> None:
    with secretariat.database.transaction() as session:
        evaluation = session.get_one(Evaluation, evaluation_id)
        evaluation.published_at = dt.datetime.combine(published_on, dt.time(11, 30))
        criteria = select(EvaluationCriterion.id).where(EvaluationCriterion.evaluation_id == evaluation_id)
        for amendment in session.scalars(
            select(EvaluationAmendment).where(EvaluationAmendment.criterion_id.in_(criteria))
        ):
            amendment.amended_at = dt.datetime.combine(amended_on, dt.time(9, 15))
