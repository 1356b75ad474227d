"""Figures: the agency register, in the app's ``AgenciesView``, painting included.

A search typed (once the search box's pause is over), and a click on the
header of the name (Persian order) and of the PR manager (a join to who
holds the role today), each timed until the table has painted its result
(see ``bench.window``), beside a bare query in the same run: the same page
in code-point order, no collation, nothing built. Target: each <= 20 ms.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, cycle, repeat, stopwatch
from bench.window import Harness, PaintClock, click_header, dispose, show
from db.models import Agency
from secretariat.database import Database
from secretariat.persian.text import search_terms

TARGET = Target(median=20)
SEARCHES = ["آموزش", "سازمان", "مدير", "بانک", "پرورش", "شهرداري"]
SORTED_BY = ("name", "pr_manager")


def _bare_page(database: Database, search: str = "", *, count: bool = True) -> None:
    conditions = [Agency.active.is_(True)]
    conditions += [Agency.search_text.like(f"%{term}%") for term in search_terms(search)]
    with database.reading() as session:
        session.execute(
            select(Agency.id, Agency.name).where(*conditions).order_by(Agency.name).limit(100)
        ).all()
        if count:
            session.scalar(select(func.count(Agency.id)).where(*conditions))


def agencies_figures(harness: Harness, services: Any) -> Iterator[Figure]:
    from ui.agencies.agencies_view import AgenciesView

    app, database = harness.app, services.database
    view = AgenciesView(services)
    show(app, view)
    timer = PaintClock(app, harness.stall, view, [view.table.viewport()], [view.table.model()])

    def search(run: int) -> None:
        view.search_box.setText(cycle(SEARCHES, run))
        view.search_box.flush()

    figure = Figure("agencies: filter", "ms", TARGET, note=f"{', '.join(SEARCHES)} in turn")
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: timer.time(f.name, lambda: search(run)),
            lambda run: stopwatch(lambda: _bare_page(database, cycle(SEARCHES, run))),
            runs=harness.runs,
        ),
    )
    started = time.perf_counter()
    view.clear_filters()
    timer.settle(started, require_paint=False)

    for key in SORTED_BY:
        position = view.model.column(key)

        def sort(run: int, position: int = position) -> None:
            click_header(view.table, position)

        figure = Figure(
            f"agencies: sort by {key}",
            "ms",
            TARGET,
            note="a click on the header, the order reversed each time; baseline by name in code-point order",
        )
        yield attempt(
            figure,
            lambda f, sort=sort: repeat(
                f,
                lambda run: timer.time(f.name, lambda: sort(run)),
                lambda run: stopwatch(lambda: _bare_page(database, count=False)),
                runs=harness.runs,
            ),
        )
    dispose(app, view)
