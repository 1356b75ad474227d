"""The monthly reports of the generated province, at the scale of DESIGN.md.

Every agency × the twelve Jalali months × 20 years: 48,000 reports at scale
1 (200 agencies), each with a figure for each of the council's indicators
(the default set migration 0010 gives a new council), so about 430,000
figures. The scale sets the years (scale 4: 80 years, 192,000 reports; at
least one year). Most reports come by the due day (the 5th of the following
month), about one in seven late by up to five weeks, one in thirty never
(the newest months of a few agencies too, so the matrix and the home page
have missing cells to count), now and then an exemption with its reason; an
agency that left the council stopped reporting some years ago. About one
report in a hundred was corrected (the first version kept, no longer in
force) and one in five hundred voided.

Inserted in bulk with explicit ids inside the generator's one transaction,
with the rules the services keep: one version in force per agency and month
(``in_force``, ``replaces_id``), received on or after the month's first day
and never after today. Its own seeded random stream, so the meetings and
the follow-up stay those of earlier runs.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.models import Indicator, MonthlyExemption, MonthlyFigure, MonthlyReport
from secretariat.monthly.months import DEFAULT_DUE_DAY, Month

YEARS = 20
VIAS = ["letter", "email", "system", "in_person"]
VIA_WEIGHTS = [45, 25, 25, 5]
RECORDERS = ["دبیر شورا", "کارشناس دبیرخانه"]
EXEMPTION_REASONS = ["ادغام در سازمان استانی", "تغییر ساختار و انتقال وظایف", "تعطیلی موقت واحد"]
# A figure's usual size for an average agency: (low, high); yes/no and hours apart.
COUNTS = (20, 60)


def generate_monthly(
    session: Session,
    *,
    agencies: list[tuple[int, bool]],
    years: int,
    today: dt.date,
    seed: int = 1410,
) -> int:
    """Reports of ``agencies`` ((id, active)) for the ``years`` × 12 months up to last month;
    how many were inserted (every version)."""
    rng = random.Random(seed)
    indicators = session.execute(select(Indicator.id, Indicator.kind).order_by(Indicator.position)).all()
    last = Month.of(today).previous()
    months = [last]
    while len(months) < 12 * years:
        months.append(months[-1].previous())
    months.reverse()
    due = {month: month.due_date(DEFAULT_DUE_DAY) for month in months}
    first_days = {month: month.first_day for month in months}
    reports: list[dict[str, object]] = []
    figures: list[dict[str, object]] = []
    exemptions: list[dict[str, object]] = []
    next_id = 1
    for agency_id, active in agencies:
        size = rng.uniform(0.3, 2.0)
        habit = rng.random()  # above 0.85: habitually late
        stops = len(months) if active else rng.randrange(len(months) // 2, len(months))
        # A few agencies owe the newest months: the home page's line has something to count.
        owes_newest = rng.random() < 0.08
        for index, month in enumerate(months[:stops]):
            roll = rng.random()
            newest = index >= len(months) - 2
            if roll < 0.03 or (owes_newest and newest):
                if roll < 0.005:
                    exemptions.append(
                        {
                            "agency_id": agency_id,
                            "year": month.year,
                            "month": month.month,
                            "reason": rng.choice(EXEMPTION_REASONS),
                            "recorded_by": rng.choice(RECORDERS),
                            "recorded_at": dt.datetime.combine(first_days[month], dt.time(10)),
                        }
                    )
                continue
            late = rng.random() < (0.7 if habit > 0.85 else 0.1)
            offset = rng.randint(1, 35) if late else -rng.randint(0, 8)
            received = max(first_days[month], due[month] + dt.timedelta(days=offset))
            if received > today:
                continue  # not sent yet
            versions = 2 if rng.random() < 0.01 else 1
            voided = rng.random() < 0.002
            previous: int | None = None
            for version in range(versions):
                last_version = version == versions - 1
                in_force = last_version and not voided
                voided_now = voided and last_version
                via = rng.choices(VIAS, VIA_WEIGHTS)[0]
                recorded = dt.datetime.combine(received, dt.time(9 + version, rng.randrange(60)))
                reports.append(
                    {
                        "id": next_id,
                        "agency_id": agency_id,
                        "year": month.year,
                        "month": month.month,
                        "received_on": received,
                        "via": via,
                        "letter_number": f"{rng.randint(100, 9999)}/ر" if via == "letter" else "",
                        "letter_date": received - dt.timedelta(days=rng.randint(0, 3))
                        if via == "letter"
                        else None,
                        "note": "",
                        "file_id": None,
                        "recorded_by": rng.choice(RECORDERS),
                        "recorded_at": recorded,
                        "in_force": in_force,
                        "replaces_id": previous,
                        "reason": "رقم اخبار اشتباه وارد شده بود" if previous is not None else "",
                        "voided_reason": "ثبت برای دستگاه دیگر" if voided_now else "",
                        "voided_by": rng.choice(RECORDERS) if voided_now else "",
                        "voided_at": recorded + dt.timedelta(days=2) if voided_now else None,
                    }
                )
                for indicator_id, kind in indicators:
                    figures.append(
                        {"report_id": next_id, "indicator_id": indicator_id, "value": _value(rng, kind, size)}
                    )
                previous = next_id
                next_id += 1
    # Through the tables, not the models: the ORM's bulk insert spends most of the time on each row's
    # parameters (6 s of 9 at scale 1); the table's is one executemany.
    for model, rows in ((MonthlyReport, reports), (MonthlyFigure, figures), (MonthlyExemption, exemptions)):
        table = cast(Table, model.__table__)
        for start in range(0, len(rows), 50_000):  # in slices: half a million rows held twice is a lot
            session.execute(insert(table), rows[start : start + 50_000])
    return len(reports)


def _value(rng: random.Random, kind: str, size: float) -> float:
    if kind == "yesno":
        return float(rng.random() < 0.8)
    if kind == "hours":
        return float(rng.choice((0, 0, 2, 4, 6, 8, 12))) + rng.choice((0.0, 0.5))
    low, high = COUNTS
    return float(round(rng.randint(low, high) * size / 4))
