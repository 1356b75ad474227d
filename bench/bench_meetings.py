"""Benchmark: meetings at the scale of DESIGN.md, through the core's services.

Prints the size of a generated database (1,000 meetings over 20 years with
their attendance, 30,000 resolutions with their responsible agencies) and,
each with the median and 95th percentile over repeated runs:
- a month of the calendar (``MeetingService.month``), over the last 24
  months in turn;
- the meeting list filtered by year: its first page and its count
  (``MeetingService.page`` + ``count``), over the last 10 years in turn;
- the meeting list searched, all years: its first page and its count, for a
  number, a host agency, words of agenda items and a resolution code in turn;
- one large meeting (60 invitees, 25 resolutions) loaded whole
  (``MeetingService.detail``);
each beside a baseline measured in the same run: the same rows read with
one plain query and no records built. Target: each <= 50 ms.

    python -m bench.bench_meetings [--runs N] [--db PATH]
"""

from __future__ import annotations

from sqlalchemy import func, select

from bench.measure import TARGET_MS, line, run_on_database, timed
from db.models import Agency, AgendaItem, Assignment, Invitation, Meeting, Person, Resolution
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.meetings.planning import MeetingQuery
from secretariat.persian import jalali


def dataset(database: Database) -> int:
    """Print the size of the data; the id of the large meeting."""
    with database.reading() as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        statuses = dict(session.execute(select(Meeting.status, func.count()).group_by(Meeting.status)).all())
        years = session.execute(select(func.min(Meeting.jalali_year), func.max(Meeting.jalali_year))).one()
        invitees = (
            select(func.count(Invitation.id)).where(Invitation.meeting_id == Meeting.id).scalar_subquery()
        )
        resolutions = (
            select(func.count(Resolution.id)).where(Resolution.meeting_id == Meeting.id).scalar_subquery()
        )
        large = session.execute(
            select(Meeting.id, invitees, resolutions)
            .where(invitees == 60, resolutions == 25)
            .order_by(Meeting.date.desc())
            .limit(1)
        ).one()
        print(
            f"dataset: {count(Agency)} agencies, {count(Person)} people, {count(Meeting)} meetings "
            f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}) over {years[0]}-{years[1]}"
        )
        print(
            f"         {count(Invitation)} invitations, {count(AgendaItem)} agenda items, "
            f"{count(Resolution)} resolutions, {count(Assignment)} assignments"
        )
        print(f"         large meeting: id {large[0]}, {large[1]} invitees, {large[2]} resolutions")
        return large[0]


def bench(secretariat: Secretariat, runs: int) -> None:
    database = secretariat.database  # for the baselines' bare queries
    large = dataset(database)
    service = secretariat.meetings
    today = jalali.to_jalali(jalali.today())

    months = []
    year, month = today.year, today.month
    for _ in range(24):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    month_cycle = iter(months * runs)
    sizes = [len(service.month(y, m)) for y, m in months]
    print(f"\na month of the calendar ({min(sizes)}-{max(sizes)} meetings a month, last 24 months in turn)")
    line("  MeetingService.month", timed(lambda: service.month(*next(month_cycle)), runs))

    baseline_months = iter(months * runs)

    def month_baseline():
        y, m = next(baseline_months)
        first, last = jalali.from_jalali(y, m, 1), jalali.from_jalali(y, m, jalali.month_length(y, m))
        with database.reading() as session:
            session.execute(
                select(Meeting.id, Meeting.date, Meeting.kind, Meeting.number, Meeting.status).where(
                    Meeting.date.between(first, last)
                )
            ).all()

    line("  baseline: the same rows, one bare query", timed(month_baseline, runs), target=False)

    years = list(range(today.year - 9, today.year + 1))
    per_year = [service.count(MeetingQuery(jalali_year=y)) for y in years]
    year_cycle = iter(years * runs)

    def year_list():
        query = MeetingQuery(jalali_year=next(year_cycle))
        service.page(query, limit=100)
        service.count(query)

    print(
        f"\nthe meeting list filtered by year ({min(per_year)}-{max(per_year)} meetings a year, last 10 in "
        "turn)"
    )
    line("  MeetingService.page (100 rows) + count", timed(year_list, runs))

    baseline_years = iter(years * runs)

    def year_baseline():
        with database.reading() as session:
            session.execute(
                select(Meeting.id, Meeting.date, Meeting.kind, Meeting.number, Meeting.status)
                .where(Meeting.jalali_year == next(baseline_years))
                .order_by(Meeting.date.desc(), Meeting.id.desc())
                .limit(100)
            ).all()

    line("  baseline: the same rows, one bare query", timed(year_baseline, runs), target=False)

    searches = ["۳۰", "ارشاد", "گزارش ماهانه", "روابط عمومی", "۱۴۰۴-۳"]
    search_cycle = iter(searches * runs)

    def searched():
        query = MeetingQuery(search=next(search_cycle))
        service.page(query, limit=100)
        service.count(query)

    found = ", ".join(f"{s}: {service.count(MeetingQuery(search=s))}" for s in searches)
    print(f"\nthe meeting list searched, all years ({found})")
    line("  MeetingService.page (100 rows) + count", timed(searched, runs))

    detail = service.detail(large)
    print(
        f"\none large meeting ({len(detail.invitations)} invitees, {len(detail.resolutions)} resolutions, "
        f"{len(detail.agenda)} agenda items)"
    )
    line("  MeetingService.detail", timed(lambda: service.detail(large), runs))

    def detail_baseline():
        with database.reading() as session:
            session.get(Meeting, large)
            session.execute(
                select(Invitation, Agency.name, Person.full_name)
                .outerjoin(Agency, Agency.id == Invitation.agency_id)
                .outerjoin(Person, Person.id == Invitation.attendee_person_id)
                .where(Invitation.meeting_id == large)
            ).all()
            session.execute(select(Resolution).where(Resolution.meeting_id == large)).all()
            session.execute(
                select(Assignment.resolution_id, Assignment.agency_id, Assignment.role)
                .join(Resolution, Resolution.id == Assignment.resolution_id)
                .where(Resolution.meeting_id == large)
            ).all()

    line("  baseline: its rows, four bare queries", timed(detail_baseline, runs), target=False)
    print(f"\ntarget: each <= {TARGET_MS} ms (p95)")


if __name__ == "__main__":
    run_on_database(bench, __doc__.splitlines()[0])
