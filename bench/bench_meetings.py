"""Figures: the meetings' calendar and list, in the app's own widgets, painting included.

- a month of the calendar (``MeetingCalendarPage``: the month grid with each
  day's meetings and the month's list beside it), the last 24 months in turn;
- the meeting list (``MeetingList``) filtered by year, the last 10 years in
  turn, and searched (a number, a host, words of agenda items, a resolution
  code) across all years;

each timed until painted (see ``bench.window``), beside a bare query for
the same rows in the same run where one fits. Target: each <= 50 ms.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, cycle, repeat, stopwatch
from bench.window import Harness, PaintClock, dispose, show
from db.models import Meeting
from secretariat.database import Database
from secretariat.persian import jalali

TARGET = Target(median=50)
SEARCHES = ["۳۰", "ارشاد", "گزارش ماهانه", "روابط عمومی", "۱۴۰۴-۳"]


def _months(count: int = 24) -> list[tuple[int, int]]:
    today = jalali.to_jalali(jalali.today())
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def _bare_month(database: Database, year: int, month: int) -> None:
    first = jalali.from_jalali(year, month, 1)
    last = jalali.from_jalali(year, month, jalali.month_length(year, month))
    with database.reading() as session:
        session.execute(
            select(Meeting.id, Meeting.date, Meeting.kind, Meeting.number, Meeting.status).where(
                Meeting.date.between(first, last)
            )
        ).all()


def _bare_year(database: Database, year: int) -> None:
    with database.reading() as session:
        session.execute(
            select(Meeting.id, Meeting.date, Meeting.kind, Meeting.number, Meeting.status)
            .where(Meeting.jalali_year == year)
            .order_by(Meeting.date.desc(), Meeting.id.desc())
            .limit(100)
        ).all()
        session.scalar(select(func.count(Meeting.id)).where(Meeting.jalali_year == year))


def meetings_figures(harness: Harness, services: Any) -> Iterator[Figure]:
    from PySide6.QtWidgets import QTableView

    from ui.meetings.meeting_calendar_page import MeetingCalendarPage
    from ui.meetings.meeting_list import MeetingList

    app, database, runs = harness.app, services.database, harness.runs

    page = MeetingCalendarPage(services.meetings)
    show(app, page)
    grid = page.calendar.findChild(QTableView)
    watched = [page.month_list.viewport(), *([grid.viewport()] if grid is not None else [])]
    timer = PaintClock(app, harness.stall, page, watched, [page.month_model])
    months = _months()
    sizes = [len(services.meetings.month(y, m)) for y, m in months]
    figure = Figure(
        "calendar: month",
        "ms",
        TARGET,
        note=f"the last {len(months)} months in turn ({min(sizes)}-{max(sizes)} meetings a month)",
    )
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: timer.time(f.name, lambda: page.show_month(*cycle(months, run))),
            lambda run: stopwatch(lambda: _bare_month(database, *cycle(months, run))),
            runs=runs,
        ),
    )
    dispose(app, page)

    listing = MeetingList(services)
    show(app, listing)
    timer = PaintClock(app, harness.stall, listing, [listing.table.viewport()], [listing.table.model()])
    years = [(i, listing.year_filter.itemData(i)) for i in range(1, min(11, listing.year_filter.count()))]
    figure = Figure("meeting list: year", "ms", TARGET, note=f"the newest {len(years)} years in turn")
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: timer.time(f.name, lambda: listing.year_filter.setCurrentIndex(cycle(years, run)[0])),
            lambda run: stopwatch(lambda: _bare_year(database, cycle(years, run)[1])),
            runs=runs,
        ),
    )
    started = time.perf_counter()
    listing.clear_filters()
    timer.settle(started, require_paint=False)

    def search(run: int) -> None:
        listing.search_box.setText(cycle(SEARCHES, run))
        listing.search_box.flush()

    figure = Figure(
        "meeting list: search",
        "ms",
        TARGET,
        note=f"{', '.join(SEARCHES)} in turn, all years (titles, hosts, agendas, resolution codes)",
    )
    yield attempt(figure, lambda f: repeat(f, lambda run: timer.time(f.name, lambda: search(run)), runs=runs))
    dispose(app, listing)
