"""Benchmark: the register of resolutions at the scale of DESIGN.md, through the core.

Prints the size of a generated database (30,000 resolutions of 1,000
meetings, 150,000 follow-up entries, their statuses and deadline changes)
and, each with the median and 95th percentile over repeated runs, the
register's first page and its count (``RegisterService.page`` + ``count``,
as the register view asks for them):
- filtered by status and agency (in progress, the agencies with the most
  resolutions in turn, as lead or collaborator);
- searched by two words, a common one (in every resolution) and a rarer one
  (in about one in fourteen), through the trigram index;
- filtered to the overdue resolutions;
each beside a baseline measured in the same run: the same page and count
with two bare queries and no rows built. Target: each <= 50 ms.

Then the dashboard's full load: ``DashboardService.load`` (every figure,
list and chart series of the home page), and the home page itself reloading
with its charts drawn (``DashboardView.reload`` and a paint, offscreen),
beside a baseline of one bare count of the open resolutions. Target: <= 200 ms.

    python -m bench.bench_register [--runs N] [--db PATH]
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, func, select

from bench.measure import TARGET_MS, line, run_on_database, timed
from db.models import Assignment, DeadlineChange, FollowUp, Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import RUNNING, ResolutionStatus

SEARCH = "مقرر شبهات"  # «مقرر» is in every resolution, «شبهات» in about one in fourteen
PAGE = 100


def dataset(database: Database) -> list[int]:
    """Print the size of the data; the ids of the agencies with the most resolutions."""
    with database.reading() as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        statuses = dict(
            session.execute(select(Resolution.status, func.count()).group_by(Resolution.status)).all()
        )
        overdue = session.scalar(
            select(func.count(Resolution.id)).where(
                Resolution.status.in_(RUNNING), Resolution.due_date < dt.date.today()
            )
        )
        busiest = session.scalars(
            select(Assignment.agency_id)
            .group_by(Assignment.agency_id)
            .order_by(func.count().desc())
            .limit(10)
        ).all()
        print(
            f"dataset: {count(Meeting)} meetings, {count(Resolution)} resolutions "
            f"({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}; {overdue} overdue)"
        )
        print(
            f"         {count(FollowUp)} follow-up entries, {count(DeadlineChange)} deadline changes, "
            f"{count(Assignment)} assignments"
        )
        return list(busiest)


def bench(secretariat: Secretariat, runs: int) -> None:
    database = secretariat.database  # for the baselines' bare queries
    agencies = dataset(database)
    service = secretariat.register

    def first_page(query: ResolutionQuery) -> None:
        service.page(query, limit=PAGE)
        service.count(query)

    def bare(*conditions) -> None:
        with database.reading() as session:
            session.execute(
                select(
                    Resolution.id, Resolution.code, Resolution.text, Resolution.due_date, Resolution.status
                )
                .join(Meeting, Meeting.id == Resolution.meeting_id)
                .where(*conditions)
                .order_by(Meeting.date.desc(), Resolution.number.desc())
                .limit(PAGE)
            ).all()
            session.scalar(select(func.count(Resolution.id)).where(*conditions))

    queries = [ResolutionQuery(status=ResolutionStatus.IN_PROGRESS, agency_id=a) for a in agencies]
    sizes = [service.count(q) for q in queries]
    print(
        f"\nstatus «{ResolutionStatus.IN_PROGRESS.label}» and an agency ({min(sizes)}-{max(sizes)} rows, "
        f"the {len(agencies)} busiest agencies in turn)"
    )
    cycle = iter(queries * runs)
    line("  RegisterService.page (100 rows) + count", timed(lambda: first_page(next(cycle)), runs))
    bare_cycle = iter(agencies * runs)

    def status_agency_baseline():
        agency = next(bare_cycle)
        bare(
            Resolution.status == ResolutionStatus.IN_PROGRESS.value,
            exists().where(and_(Assignment.resolution_id == Resolution.id, Assignment.agency_id == agency)),
        )

    line("  baseline: the same rows, two bare queries", timed(status_agency_baseline, runs), target=False)

    search = ResolutionQuery(search=SEARCH)
    print(f"\na text search «{SEARCH}» ({service.count(search)} rows)")
    line("  RegisterService.page (100 rows) + count", timed(lambda: first_page(search), runs))
    common, rare = SEARCH.split()
    line(
        "  baseline: LIKE on the column, two bare queries",
        timed(
            lambda: bare(
                Resolution.search_text.like(f"%{common}%"), Resolution.search_text.like(f"%{rare}%")
            ),
            runs,
        ),
        target=False,
    )

    overdue = ResolutionQuery(overdue=True)
    print(f"\nthe overdue resolutions ({service.count(overdue)} rows)")
    line("  RegisterService.page (100 rows) + count", timed(lambda: first_page(overdue), runs))
    line(
        "  baseline: the same rows, two bare queries",
        timed(lambda: bare(Resolution.status.in_(RUNNING), Resolution.due_date < dt.date.today()), runs),
        target=False,
    )
    print(f"\ntarget: each <= {TARGET_MS} ms (p95)")
    bench_dashboard(secretariat, runs)


DASHBOARD_TARGET_MS = 200


def bench_dashboard(secretariat: Secretariat, runs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from secretariat.followup.status import STILL_OPEN
    from ui.home.dashboard_view import DashboardView
    from ui.services import Services
    from ui.start.app_setup import configure_application

    database = secretariat.database
    service = secretariat.dashboard
    board = service.load()
    print(
        f"\nthe dashboard ({board.still_open} open, {board.overdue} overdue, {board.due_soon} due within a "
        "week, "
        f"{board.done_this_year} done this year; {len(board.worst_agencies)} agencies listed, "
        f"{len(board.completion)} bars)"
    )
    line("  DashboardService.load", timed(service.load, runs), limit_ms=DASHBOARD_TARGET_MS)
    app = QApplication.instance() or QApplication([])
    configure_application(app)
    view = DashboardView(Services.for_database(database))
    view.resize(1300, 850)
    view.show()
    app.processEvents()

    def reload_and_paint() -> None:
        view.reload()
        view.repaint()
        for chart in (view.status_chart, view.completion_chart):
            chart.viewport().repaint()

    line(
        "  the home page: reload + paint, offscreen",
        timed(reload_and_paint, runs),
        limit_ms=DASHBOARD_TARGET_MS,
    )

    def bare_count() -> None:
        with database.reading() as session:
            session.scalar(select(func.count(Resolution.id)).where(Resolution.status.in_(STILL_OPEN)))

    line("  baseline: one bare count of open ones", timed(bare_count, runs), target=False)
    view.close()
    print(f"target: <= {DASHBOARD_TARGET_MS} ms (p95)")


if __name__ == "__main__":
    run_on_database(bench, __doc__.splitlines()[0])
