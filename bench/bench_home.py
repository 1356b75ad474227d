"""Figure: the home page (``DashboardView``) reloaded and painted whole.

What the page does once a change is saved anywhere (``reload``: every
figure, the line of last month's monthly reports, every list and chart read
again), timed until the page has painted them (see ``bench.window``).
Beside it in the same run: one bare count of the open resolutions.
Target: <= 200 ms.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, repeat, stopwatch
from bench.window import Harness, PaintClock, dispose, show
from db.models import Resolution
from secretariat.database import Database
from secretariat.followup.status import STILL_OPEN

TARGET = Target(median=200)


def _bare_count(database: Database) -> None:
    with database.reading() as session:
        session.scalar(select(func.count(Resolution.id)).where(Resolution.status.in_(STILL_OPEN)))


def home_figures(harness: Harness, services: Any) -> Iterator[Figure]:
    from PySide6.QtWidgets import QWidget

    from ui.home.dashboard_view import DashboardView

    app, database = harness.app, services.database
    view = DashboardView(services)
    show(app, view)
    timer = PaintClock(app, harness.stall, view, [view, *view.findChildren(QWidget)])

    def reload() -> None:
        view.reload()
        view.update()  # the page painted whole, whichever of its parts the reload changed

    figure = Figure(
        "home page: reload",
        "ms",
        TARGET,
        note="every figure, the monthly line, list and chart read again and painted; baseline one count",
    )
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: timer.time(f.name, reload),
            lambda run: stopwatch(lambda: _bare_count(database)),
            runs=harness.runs,
        ),
    )
    dispose(app, view)
