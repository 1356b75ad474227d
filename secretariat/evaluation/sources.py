"""The scores computed from the year's records, each with where it came from.

Every source is read for all the agencies at once (a grouped query or the
monthly matrix), so that ranking 200 agencies costs a handful of queries:
- attendance: present (or late) over invited, at the meetings held in the
  year (``AttendanceService.rates``, the attendance report's figures);
- resolutions: resolutions of the year's meetings the agency leads, that were
  due by today or done (cancelled and deferred ones are not counted): done
  by their deadline counts 1, done later ½, not done 0;
- monthly reports: the months of the year that are due and not exempt: on
  time 1, late ½, missing 0 (the matrix's states);
- activity: the agency's year total of an indicator over the best agency's.
Nothing to count (no meeting invited to, no resolution due, every month
exempt): the agencies' mean rate, said so (``criteria.NOTHING_TO_COUNT``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Assignment, Indicator, Meeting, MonthlyFigure, MonthlyReport, Resolution
from secretariat import clock
from secretariat.database import Database
from secretariat.evaluation.criteria import NOTHING_TO_COUNT, Source, format_score
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.attendance import HELD_STATUSES, AttendanceService
from secretariat.monthly.matrix import CellState, MatrixQuery, year_matrix
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits


@dataclass(frozen=True)
class Computed:
    """An agency's score on a computed criterion, and the counts it came from, in words."""

    score: float
    explanation: str


@dataclass(frozen=True)
class _Rate:
    rate: float | None  # None: nothing to count
    explanation: str


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return jalali.from_jalali(year, 1, 1), jalali.from_jalali(year, 12, jalali.month_length(year, 12))


def compute(
    session: Session,
    database: Database,
    source: Source,
    *,
    year: int,
    max_score: float,
    agency_ids: Iterable[int],
    indicator_id: int | None = None,
) -> dict[int, Computed]:
    """The computed score of each agency on a criterion of ``source`` worth ``max_score``."""
    agencies = list(agency_ids)
    if source is Source.ACTIVITY:
        return _activity(session, year, max_score, agencies, indicator_id)
    rates = {
        Source.ATTENDANCE: _attendance,
        Source.RESOLUTIONS: _resolutions,
        Source.MONTHLY_REPORTS: _monthly_reports,
    }[source](session, database, year)
    known = [rates[agency].rate for agency in agencies if agency in rates and rates[agency].rate is not None]
    mean = sum(r for r in known if r is not None) / len(known) if known else 1.0
    scored: dict[int, Computed] = {}
    for agency in agencies:
        found = rates.get(agency)
        if found is None or found.rate is None:
            percent = to_persian_digits(round(mean * 100)) + "٪"
            scored[agency] = Computed(mean * max_score, NOTHING_TO_COUNT.format(rate=percent))
        else:
            scored[agency] = Computed(found.rate * max_score, found.explanation)
    return scored


def _attendance(session: Session, database: Database, year: int) -> Mapping[int, _Rate]:
    start, end = year_span(year)
    rates = AttendanceService(database).rates(start, end)
    return {
        row.agency_id: _Rate(
            row.rate if row.invited else None,
            f"حاضر در {format_int(row.present)} جلسه از {format_int(row.invited)} جلسه‌ای که دعوت شد",
        )
        for row in rates
    }


def _resolutions(session: Session, database: Database, year: int) -> Mapping[int, _Rate]:
    today = clock.today()
    done = Resolution.status == ResolutionStatus.DONE.value
    on_time = and_(done, or_(Resolution.due_date.is_(None), Resolution.closed_on <= Resolution.due_date))
    counted = or_(done, and_(Resolution.due_date.is_not(None), Resolution.due_date < today))
    rows = session.execute(
        select(
            Assignment.agency_id,
            func.count(Resolution.id),
            func.sum(case((on_time, 1), else_=0)),
            func.sum(case((done, 1), else_=0)),
        )
        .select_from(Assignment)
        .join(Resolution, Resolution.id == Assignment.resolution_id)
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(
            Assignment.role == "lead",
            Meeting.jalali_year == year,
            Meeting.status.in_(HELD_STATUSES),
            Resolution.status.not_in([ResolutionStatus.CANCELLED.value, ResolutionStatus.DEFERRED.value]),
            counted,
        )
        .group_by(Assignment.agency_id)
    )
    rates: dict[int, _Rate] = {}
    for agency_id, total, timely, finished in rows:
        late = int(finished) - int(timely)
        undone = int(total) - int(finished)
        rates[agency_id] = _Rate(
            (int(timely) + late / 2) / total,
            f"از {format_int(total)} مصوبه سررسیده: {format_int(int(timely))} به‌موقع، "
            f"{format_int(late)} با تأخیر انجام شد، {format_int(undone)} انجام نشده",
        )
    return rates


def _monthly_reports(session: Session, database: Database, year: int) -> Mapping[int, _Rate]:
    matrix = year_matrix(session, database, MatrixQuery(year))
    rates: dict[int, _Rate] = {}
    for row in matrix.rows:
        on_time, late, missing = (
            row.count(CellState.ON_TIME),
            row.count(CellState.LATE),
            row.count(CellState.MISSING),
        )
        due = on_time + late + missing
        rates[row.agency_id] = _Rate(
            (on_time + late / 2) / due if due else None,
            f"از {format_int(due)} ماه موعدرسیده: {format_int(on_time)} به‌موقع، {format_int(late)} با تأخیر، "
            f"{format_int(missing)} نرسیده",
        )
    return rates


def _activity(
    session: Session, year: int, max_score: float, agencies: list[int], indicator_id: int | None
) -> dict[int, Computed]:
    indicator = session.get(Indicator, indicator_id) if indicator_id is not None else None
    if indicator is None:
        return {agency: Computed(0.0, "شاخصی برای این معیار برگزیده نشده است") for agency in agencies}
    totals = dict(
        session.execute(
            select(MonthlyReport.agency_id, func.sum(MonthlyFigure.value))
            .join(MonthlyFigure, MonthlyFigure.report_id == MonthlyReport.id)
            .where(
                MonthlyReport.year == year,
                MonthlyReport.in_force.is_(True),
                MonthlyFigure.indicator_id == indicator.id,
            )
            .group_by(MonthlyReport.agency_id)
        ).all()
    )
    best = max((float(totals.get(agency) or 0) for agency in agencies), default=0.0)
    unit = f" {indicator.unit}" if indicator.unit else ""
    scored = {}
    for agency in agencies:
        total = float(totals.get(agency) or 0)
        scored[agency] = Computed(
            total / best * max_score if best else 0.0,
            f"{format_score(total)}{unit} در سال؛ بیشترین در میان دستگاه‌ها: {format_score(best)}{unit}",
        )
    return scored
