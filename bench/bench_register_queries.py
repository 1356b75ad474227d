"""Benchmark: the register's queries alone, every action, through the core.

The time of ``RegisterService.page`` (100 rows) and ``count``, as the
register asks for them, for each action of issue 15 (a search of one, two,
three or more letters; a status, an agency, a deadline window, a year, a
meeting; each order; some of them together) with the count made anew (a
filter not chosen before: ``cold``) and remembered (the same filter again,
a reload: ``warm``), and of a page at the end and in the middle of long
lists (what scrolling reads). Median and p95 over ``--runs``. No window and
no painting: what the database costs (the window's own figures: ``python -m
bench``).

The database (``--db``, e.g. a generated one at four times the design
scale) is copied to a temporary folder and opened there, so that the file
given is never migrated.

    python -m bench.bench_register_queries --db PATH [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from db.models import Assignment, Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.followup.register import RegisterService, RegisterSort, ResolutionQuery
from secretariat.followup.status import ResolutionStatus


def actions(secretariat: Secretariat) -> dict[str, ResolutionQuery]:
    with secretariat.database.reading() as session:
        by_size = select(Assignment.agency_id).group_by(Assignment.agency_id)
        busiest = session.scalars(by_size.order_by(func.count().desc()).limit(1)).one()
        rarest = session.scalars(by_size.order_by(func.count()).limit(1)).one()
        year = session.scalar(select(func.max(Meeting.jalali_year)))
        meeting = session.scalar(
            select(Resolution.meeting_id)
            .group_by(Resolution.meeting_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    found: dict[str, ResolutionQuery] = {
        "everything (newest first)": ResolutionQuery(),
        "search: one letter «م»": ResolutionQuery(search="م"),
        "search: one rare letter «ژ»": ResolutionQuery(search="ژ"),
        "search: two letters «مق»": ResolutionQuery(search="مق"),
        "search: two letters «شب»": ResolutionQuery(search="شب"),
        "search: «شبهات»": ResolutionQuery(search="شبهات"),
        "search: «مقرر شبهات»": ResolutionQuery(search="مقرر شبهات"),
        "status: in progress": ResolutionQuery(status=ResolutionStatus.IN_PROGRESS),
        "still open": ResolutionQuery(still_open=True),
        "overdue": ResolutionQuery(overdue=True),
        "agency: the busiest": ResolutionQuery(agency_id=busiest),
        "agency: the rarest": ResolutionQuery(agency_id=rarest),
        "due within 7 days": ResolutionQuery(due_within_days=7),
        "due within 90 days": ResolutionQuery(due_within_days=90),
        "a year": ResolutionQuery(jalali_year=year),
        "a meeting": ResolutionQuery(meeting_id=meeting),
        "agency and status": ResolutionQuery(agency_id=busiest, status=ResolutionStatus.IN_PROGRESS),
        "«م» and status": ResolutionQuery(search="م", status=ResolutionStatus.IN_PROGRESS),
        "«شبهات» and agency": ResolutionQuery(search="شبهات", agency_id=busiest),
    }
    for sort in RegisterSort:
        for descending in (False, True):
            found[f"sort: {sort.value} {'desc' if descending else 'asc'}"] = ResolutionQuery(
                sort=sort, descending=descending
            )
    return found


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(times):7.2f} {p95:7.2f}"


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def first_page(register: RegisterService, query: ResolutionQuery) -> Callable[[], object]:
    """What a change of filter reads: the count and the first page."""
    return lambda: (register.count(query), register.page(query))


def first_page_counted_anew(secretariat: Secretariat, query: ResolutionQuery) -> Callable[[], object]:
    """The same, by a service that has counted nothing yet (a filter not chosen before)."""
    return lambda: first_page(RegisterService(secretariat.database), query)()


def page_at(register: RegisterService, query: ResolutionQuery, offset: int) -> Callable[[], object]:
    return lambda: register.page(query, offset=offset)


def bench(secretariat: Secretariat, runs: int) -> None:
    register = secretariat.register
    print(f"{register.count()} resolutions; ms, median and p95 of {runs} runs")
    print(f"{'page (100 rows) + count':36s} {'cold':>15s} {'warm':>15s}")
    for name, query in actions(secretariat).items():
        register.page(query)  # the pages the database reads into its cache
        cold = timed(first_page_counted_anew(secretariat, query), runs)
        warm = timed(first_page(register, query), runs)
        print(f"{name:36s} {summary(cold):>15s} {summary(warm):>15s}")
    print(f"\n{'a page (100 rows) deep in a list':36s} {'end':>15s} {'middle':>15s}")
    for name, query in {
        "everything (newest first)": ResolutionQuery(),
        "by text": ResolutionQuery(sort=RegisterSort.TEXT, descending=False),
        "status: done": ResolutionQuery(status=ResolutionStatus.DONE),
        "status: in progress": ResolutionQuery(status=ResolutionStatus.IN_PROGRESS),
        "search: two letters «شب»": ResolutionQuery(search="شب"),
    }.items():
        total = register.count(query)
        end = timed(page_at(register, query, total - 100), runs)
        middle = timed(page_at(register, query, total // 2), runs)
        print(f"{name:36s} {summary(end):>15s} {summary(middle):>15s}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a generated database (copied, never changed)")
    parser.add_argument("--runs", type=int, default=20, help="repetitions of each measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "register.sqlite3"
        shutil.copyfile(args.db, copy)
        started = time.perf_counter()
        with Secretariat.open(copy, create=False) as secretariat:
            print(f"opened (and migrated) in {time.perf_counter() - started:.1f} s")
            bench(secretariat, args.runs)


if __name__ == "__main__":
    main()
