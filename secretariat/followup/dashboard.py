"""The home page's figures: what is open, what is late, who is late, what comes next.

Every figure is one the register can show again: each comes with the
``ResolutionQuery`` that lists exactly the resolutions it counts, so a click
on the dashboard opens the register on the same rows.

- «مصوبات باز»: not yet done or cancelled (open, in progress, deferred);
- «معوق»: running and past its deadline;
- «سررسید در هفت روز آینده»: running and due from today to a week on;
- «انجام‌شده امسال»: done within the current Jalali year;
- the agencies with the most overdue resolutions, as lead or collaborator
  (the register's agency filter counts the same way), worst first;
- the status of, and each agency's completion rate over, the resolutions of
  the last twelve months' meetings: all-time figures would be dominated by
  years that are long settled;
- the next meetings not yet held;
- last month's monthly reports: how many of the agencies that owe one sent
  it, how many late (``monthly.matrix.month_summary``, as the matrix counts
  the month).

At start-up the window shows the four figures and the monthly line before
the core has loaded, read by ``secretariat.first_look`` in plain SQL: a
change to how they are counted here is made there too (a test compares the
two).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from db.models import Agency, Assignment, Meeting, Resolution
from secretariat import clock
from secretariat.database import Database
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import DUE_SOON_DAYS, RUNNING, STILL_OPEN, ResolutionStatus
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.monthly.matrix import MonthSummary, month_summary
from secretariat.monthly.months import Month
from secretariat.persian import jalali

RECENT_DAYS = 365
WORST_AGENCIES = 8
COMPLETION_AGENCIES = 10  # bars in the chart: the agencies with the most recent resolutions
NEXT_MEETINGS = 3


@dataclass(frozen=True)
class AgencyOverdue:
    agency_id: int
    name: str
    overdue: int

    def query(self) -> ResolutionQuery:
        return ResolutionQuery(overdue=True, agency_id=self.agency_id)


@dataclass(frozen=True)
class AgencyCompletion:
    """An agency's resolutions (lead or collaborator) of the recent meetings, cancelled ones left out."""

    agency_id: int
    name: str
    done: int
    total: int
    recent_from: dt.date

    @property
    def rate(self) -> float:
        return self.done / self.total if self.total else 0.0

    def query(self) -> ResolutionQuery:
        return ResolutionQuery(agency_id=self.agency_id, meeting_from=self.recent_from)


@dataclass(frozen=True)
class UpcomingMeeting:
    id: int
    title: str
    date: dt.date
    start_time: dt.time | None
    venue: str
    host_name: str
    status: MeetingStatus


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    still_open: int
    overdue: int
    due_soon: int
    done_this_year: int
    recent_status: dict[ResolutionStatus, int]  # every status, zeros included, in lifecycle order
    worst_agencies: tuple[AgencyOverdue, ...]
    completion: tuple[AgencyCompletion, ...]  # best rate first
    next_meetings: tuple[UpcomingMeeting, ...]
    monthly: MonthSummary  # last month's reports

    @property
    def jalali_year(self) -> int:
        return jalali.jalali_year(self.today)

    @property
    def recent_from(self) -> dt.date:
        return self.today - dt.timedelta(days=RECENT_DAYS)

    # The register's filters for each figure.

    def still_open_query(self) -> ResolutionQuery:
        return ResolutionQuery(still_open=True)

    def overdue_query(self) -> ResolutionQuery:
        return ResolutionQuery(overdue=True)

    def due_soon_query(self) -> ResolutionQuery:
        return ResolutionQuery(due_within_days=DUE_SOON_DAYS)

    def done_this_year_query(self) -> ResolutionQuery:
        year = self.jalali_year
        return ResolutionQuery(
            status=ResolutionStatus.DONE,
            closed_from=jalali.from_jalali(year, 1, 1),
            closed_to=jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1),
        )

    def recent_status_query(self, status: ResolutionStatus) -> ResolutionQuery:
        return ResolutionQuery(status=status, meeting_from=self.recent_from)


def review_query(meeting_date: dt.date) -> ResolutionQuery:
    """The resolutions a meeting's review of open resolutions lists (``AgendaService``):
    still open, of the meetings before it."""
    return ResolutionQuery(still_open=True, meeting_to=meeting_date - dt.timedelta(days=1))


class DashboardService:
    def __init__(self, database: Database):
        self._db = database

    def load(self, today: dt.date | None = None) -> Dashboard:
        today = today or clock.today()
        year = jalali.jalali_year(today)
        recent_from = today - dt.timedelta(days=RECENT_DAYS)
        overdue = (Resolution.status.in_(RUNNING)) & (Resolution.due_date < today)
        with self._db.reading() as session:
            # The open side through the status index, this year's done through the closing day's.
            year_start = jalali.from_jalali(year, 1, 1)
            year_end = jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)
            still_open, overdue_total, due_soon = session.execute(
                select(
                    func.count(),
                    func.count(case((overdue, 1))),
                    func.count(
                        case(
                            (
                                Resolution.status.in_(RUNNING)
                                & Resolution.due_date.between(
                                    today, today + dt.timedelta(days=DUE_SOON_DAYS)
                                ),
                                1,
                            )
                        )
                    ),
                ).where(Resolution.status.in_(STILL_OPEN))
            ).one()
            # The status inside the count, not in WHERE: there SQLite would take the
            # status index (every done resolution of all years) over the day's.
            done_this_year = session.scalar(
                select(func.count(case((Resolution.status == ResolutionStatus.DONE.value, 1)))).where(
                    Resolution.closed_on.between(year_start, year_end)
                )
            )

            recent_meetings = select(Meeting.id).where(Meeting.date >= recent_from)
            by_status = dict(
                session.execute(
                    select(Resolution.status, func.count())
                    .where(Resolution.meeting_id.in_(recent_meetings))
                    .group_by(Resolution.status)
                ).all()
            )

            # Grouped by agency id from the resolutions' side (an IN over the
            # few rows the indexes find), then named: without statistics
            # SQLite would otherwise walk every assignment from the agencies.
            overdue_count = func.count().label("overdue")
            worst_ids = (
                select(Assignment.agency_id, overdue_count)
                .where(Assignment.resolution_id.in_(select(Resolution.id).where(overdue)))
                .group_by(Assignment.agency_id)
                .subquery()
            )
            worst = session.execute(
                select(Agency.id, Agency.name, worst_ids.c.overdue)
                .join(worst_ids, worst_ids.c.agency_id == Agency.id)
                .order_by(worst_ids.c.overdue.desc(), self._db.persian_order(Agency.name))
                .limit(WORST_AGENCIES)
            ).all()

            total = func.count().label("total")
            done = func.count(case((Resolution.status == ResolutionStatus.DONE.value, 1))).label("done")
            busiest = (
                select(Assignment.agency_id, done, total)
                .join(Resolution, Resolution.id == Assignment.resolution_id)
                .where(
                    Resolution.meeting_id.in_(recent_meetings),
                    Resolution.status != ResolutionStatus.CANCELLED.value,
                )
                .group_by(Assignment.agency_id)
                .order_by(total.desc(), Assignment.agency_id)
                .limit(COMPLETION_AGENCIES)
                .subquery()
            )
            completion = session.execute(
                select(Agency.id, Agency.name, busiest.c.done, busiest.c.total).join(
                    busiest, busiest.c.agency_id == Agency.id
                )
            ).all()

            upcoming = _upcoming(session, today, NEXT_MEETINGS)
            monthly = month_summary(session, Month.of(today).previous())

        rates = [
            AgencyCompletion(
                agency_id=row[0], name=row[1], done=row[2], total=row[3], recent_from=recent_from
            )
            for row in completion
        ]
        rates.sort(key=lambda each: (-each.rate, -each.total, each.agency_id))
        return Dashboard(
            today=today,
            still_open=still_open,
            overdue=overdue_total,
            due_soon=due_soon,
            done_this_year=done_this_year or 0,
            recent_status={status: by_status.get(status.value, 0) for status in ResolutionStatus},
            worst_agencies=tuple(AgencyOverdue(agency_id=r[0], name=r[1], overdue=r[2]) for r in worst),
            completion=tuple(rates),
            next_meetings=upcoming,
            monthly=monthly,
        )

    def next_meeting(self, today: dt.date | None = None) -> UpcomingMeeting | None:
        """The soonest meeting not yet held: where the review of open resolutions goes."""
        with self._db.reading() as session:
            meetings = _upcoming(session, today or clock.today(), 1)
        return meetings[0] if meetings else None


def _upcoming(session: Session, today: dt.date, limit: int) -> tuple[UpcomingMeeting, ...]:
    """Planned or postponed meetings from today on, soonest first."""
    host = Agency.__table__.alias("host")
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.kind,
            Meeting.number,
            Meeting.date,
            Meeting.start_time,
            Meeting.venue,
            host.c.name,
            Meeting.status,
        )
        .outerjoin(host, host.c.id == Meeting.host_agency_id)
        .where(
            Meeting.status.in_((MeetingStatus.PLANNED.value, MeetingStatus.POSTPONED.value)),
            Meeting.date >= today,
        )
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
        .limit(limit)
    ).all()
    return tuple(
        UpcomingMeeting(
            id=r[0],
            title=meeting_title(MeetingKind(r[1]), r[2]),
            date=r[3],
            start_time=r[4],
            venue=r[5] or "",
            host_name=r[6] or "",
            status=MeetingStatus(r[7]),
        )
        for r in rows
    )
