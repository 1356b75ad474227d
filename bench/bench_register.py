"""Figures: every action of the register of resolutions, in the app's ``RegisterView``, painting included.

The view is the app's own, offscreen, at its size in the main window on a
1366×768 screen; each action is what a person does (a search typed, once
the search box's pause is over; a status, an agency, a deadline window, a
year, a meeting chosen; a column's header clicked; the scroll bar dragged to
the end until the last row shows; a change saved elsewhere), timed until
the table has painted its result (see ``bench.window``). Each run takes the
next value (the next status, the next agency ...), so that each changes
what is shown. Beside each, in the same run: a bare query for the same rows
(the first hundred, in the order of an index, and their count where the
view counts them), with no rows built and nothing painted.

Target: each <= 50 ms median and <= 80 ms p95 (issue 15, at 4× the design scale).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.util import find_tables

from bench.measure import Figure, Target, attempt, cycle, repeat, stopwatch
from bench.window import PaintClock, click_header, dispose, show
from db.models import Agency, Assignment, Meeting, Resolution
from secretariat import clock
from secretariat.changes import Changes
from secretariat.database import Database
from secretariat.followup.status import RUNNING, STILL_OPEN
from secretariat.persian.text import search_terms

TARGET = Target(median=50, p95=80)
PAGE = 100
SCROLL_LIMIT_S = 20.0  # one scroll to the end, at most: a figure this far over its target says enough

SEARCHES = {
    "1 letter": ["م", "ر", "ش", "ت", "ب", "ا", "گ", "ن"],
    "2 letters": ["مق", "شب", "گز", "پو", "بر", "ار", "تق", "جه"],
    "3+ letters": ["مقرر", "شبهات", "گزارش", "پورتال", "آموزشی", "مراسم", "تقویم", "خبرنگاران"],
}

_lead = aliased(Assignment)
_lead_agency = aliased(Agency)
# The order a bare query sorts by, for each of the view's columns (code points, no collation).
BARE_ORDER: dict[str, list[Any]] = {
    "code": [Resolution.code],
    "text": [Resolution.text],
    "meeting": [Meeting.date, Resolution.number],
    "lead": [_lead_agency.name],
    "due": [Resolution.due_date],
    "status": [Resolution.status],
}
NEWEST_FIRST = [Meeting.date.desc(), Resolution.number.desc()]


class BareRegister:
    """The baselines: the same rows read by a bare query, nothing built from them."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def page(
        self,
        *conditions: ColumnElement[bool],
        order: list[Any] | None = None,
        count: bool = True,
        lead: bool = False,
    ) -> None:
        statement = (
            select(Resolution.id, Resolution.code, Resolution.text, Resolution.due_date, Resolution.status)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(*conditions)
            .order_by(*(order or NEWEST_FIRST))
            .limit(PAGE)
        )
        if lead:
            statement = statement.outerjoin(
                _lead, and_(_lead.resolution_id == Resolution.id, _lead.role == "lead")
            ).outerjoin(_lead_agency, _lead_agency.id == _lead.agency_id)
        with self._database.reading() as session:
            session.execute(statement).all()
            if count:
                self.count(*conditions, session=session)

    def count(self, *conditions: ColumnElement[bool], session: Any = None) -> int:
        statement = select(func.count(Resolution.id)).select_from(Resolution).where(*conditions)
        if any(Meeting.__table__ in find_tables(condition, check_columns=True) for condition in conditions):
            statement = statement.join(Meeting, Meeting.id == Resolution.meeting_id)
        if session is not None:
            return session.scalar(statement) or 0
        with self._database.reading() as reading:
            return reading.scalar(statement) or 0


def rows_note(bare: BareRegister, conditions: list[list[ColumnElement[bool]]]) -> str:
    counts = [bare.count(*c) for c in conditions]
    return f"{min(counts):,}-{max(counts):,} rows" if len(set(counts)) > 1 else f"{counts[0]:,} rows"


def register_figures(harness: Any, services: Any) -> Iterator[Figure]:
    """The register's figures, one at a time (``harness``: ``bench.window.Harness``)."""
    from PySide6.QtCore import Qt

    from ui.resolutions.register_view import OVERDUE, RegisterView
    from ui.resolutions.register_view import STILL_OPEN as STILL_OPEN_ITEM

    app, runs = harness.app, harness.runs
    database: Database = services.database
    bare = BareRegister(database)
    today = clock.today()

    def new_view() -> tuple[Any, PaintClock]:
        view = RegisterView(services)
        show(app, view)
        table = view.table
        return view, PaintClock(app, harness.stall, view, [table.viewport()], [table.model()])

    view, timer = new_view()
    model = view.model
    everything = bare.count()

    def reset() -> None:
        """Every filter cleared, the default order (untimed)."""
        started = time.perf_counter()
        view.meeting_filter.setCurrentIndex(0)  # clear_filters leaves the chosen meeting chosen
        view.clear_filters()
        view.table.sortByColumn(model.column("code"), Qt.SortOrder.DescendingOrder)
        timer.settle(started, require_paint=False)
        if model.total() != everything:  # the next figure would be measured on fewer rows
            raise RuntimeError(f"{model.total():,} rows of {everything:,} shown after clearing the filters")

    def action(
        name: str,
        choose: Callable[[int], object],
        baseline: Callable[[int], object] | None,
        note: str,
    ) -> Figure:
        figure = Figure(f"register: {name}", "ms", TARGET, note=note)

        def sample(run: int) -> float:
            return timer.time(figure.name, lambda: choose(run))

        def bare_sample(run: int) -> float:
            assert baseline is not None
            return stopwatch(lambda: baseline(run))

        attempt(figure, lambda f: repeat(f, sample, bare_sample if baseline else None, runs=runs))
        reset()
        return figure

    # -- searches ----------------------------------------------------------------------------------
    for size, terms in SEARCHES.items():

        def type_search(run: int, terms: list[str] = terms) -> None:
            view.search_box.setText(cycle(terms, run))
            view.search_box.flush()  # the pause after typing is the box's, not the search's

        def like(run: int, terms: list[str] = terms) -> list[ColumnElement[bool]]:
            return [Resolution.search_text.like(f"%{term}%") for term in search_terms(cycle(terms, run))]

        yield action(
            f"search, {size}",
            type_search,
            lambda run, like=like: bare.page(*like(run)),
            f"{', '.join(terms)} in turn ({rows_note(bare, [like(r) for r in range(len(terms))])}); "
            "baseline LIKE on the column",
        )

    # -- filters -----------------------------------------------------------------------------------
    statuses = [(i, view.status_filter.itemData(i)) for i in range(1, view.status_filter.count())]

    def status_condition(run: int) -> list[ColumnElement[bool]]:
        value = cycle(statuses, run)[1]
        if value == STILL_OPEN_ITEM:
            return [Resolution.status.in_(STILL_OPEN)]
        if value == OVERDUE:
            return [Resolution.status.in_(RUNNING), Resolution.due_date < today]
        return [Resolution.status == value]

    yield action(
        "status",
        lambda run: view.status_filter.setCurrentIndex(cycle(statuses, run)[0]),
        lambda run: bare.page(*status_condition(run)),
        f"each of the {len(statuses)} choices in turn "
        f"({rows_note(bare, [status_condition(r) for r in range(len(statuses))])})",
    )

    agencies = _busiest_and_rarest(database, view.agency_filter)

    def agency_condition(run: int) -> list[ColumnElement[bool]]:
        assigned = select(Assignment.resolution_id).where(Assignment.agency_id == cycle(agencies, run))
        return [Resolution.id.in_(assigned)]

    yield action(
        "agency",
        lambda run: view.agency_filter.set_agency_id(cycle(agencies, run)),
        lambda run: bare.page(*agency_condition(run)),
        f"the busiest and the rarest agencies in turn, {len(agencies)} "
        f"({rows_note(bare, [agency_condition(r) for r in range(len(agencies))])}); "
        "baseline IN on the assignments",
    )

    windows = [(i, view.due_filter.itemData(i)) for i in range(1, view.due_filter.count())]

    def due_condition(run: int) -> list[ColumnElement[bool]]:
        days = cycle(windows, run)[1]
        return [
            Resolution.status.in_(RUNNING),
            Resolution.due_date.between(today, today + dt.timedelta(days=days)),
        ]

    yield action(
        "deadline window",
        lambda run: view.due_filter.setCurrentIndex(cycle(windows, run)[0]),
        lambda run: bare.page(*due_condition(run)),
        f"due within {', '.join(str(days) for _, days in windows)} days in turn "
        f"({rows_note(bare, [due_condition(r) for r in range(len(windows))])})",
    )

    years = [(i, view.year_filter.itemData(i)) for i in range(1, view.year_filter.count())]

    def year_condition(run: int) -> list[ColumnElement[bool]]:
        return [Meeting.jalali_year == cycle(years, run)[1]]

    yield action(
        "year",
        lambda run: view.year_filter.setCurrentIndex(cycle(years, run)[0]),
        lambda run: bare.page(*year_condition(run)),
        f"each of {len(years)} years in turn "
        f"({rows_note(bare, [year_condition(r) for r in range(len(years))])})",
    )

    with_resolutions = _meetings_with_resolutions(database)
    meetings = [
        (i, view.meeting_filter.itemData(i))
        for i in range(1, view.meeting_filter.count())
        if view.meeting_filter.itemData(i) in with_resolutions
    ][:12]

    def meeting_condition(run: int) -> list[ColumnElement[bool]]:
        return [Resolution.meeting_id == cycle(meetings, run)[1]]

    yield action(
        "meeting",
        lambda run: view.meeting_filter.setCurrentIndex(cycle(meetings, run)[0]),
        lambda run: bare.page(*meeting_condition(run)),
        f"the newest {len(meetings)} meetings with resolutions in turn "
        f"({rows_note(bare, [meeting_condition(r) for r in range(len(meetings))])})",
    )

    # -- sorting -----------------------------------------------------------------------------------
    for position, column in enumerate(model.columns):
        if not column.sortable:
            continue
        order = BARE_ORDER.get(column.key)

        def sort(run: int, position: int = position) -> None:
            click_header(view.table, position)

        def bare_sort(run: int, order: list[Any] | None = order, key: str = column.key) -> None:
            assert order is not None
            keys = [c.desc() for c in order] if run % 2 == 0 else order
            bare.page(order=keys, count=False, lead=key == "lead")

        yield action(
            f"sort by {column.key}",
            sort,
            bare_sort if order else None,
            "a click on the header, the order reversed each time; baseline in code-point order",
        )

    # -- a change saved elsewhere, scrolling ------------------------------------------------------
    changed = bare_first_id(database)

    def announce() -> None:
        # What the database announces once a follow-up entry is saved (by a window, a worker ...).
        database.changes.publish(Changes(followups=frozenset({changed})))

    yield action(
        "reload after a change, at the top",
        lambda run: announce(),
        lambda run: bare.page(),
        "a follow-up entry saved elsewhere: the list as it opens (its first page)",
    )
    dispose(app, view)

    total = everything
    scroll = Figure("register: scroll to the end", "ms", TARGET)
    scrolled: list[tuple[Any, PaintClock]] = []

    def scroll_sample(run: int) -> float:
        for old, _ in scrolled:
            dispose(app, old)
        scrolled[:] = [new_view()]
        view, timer = scrolled[0]
        elapsed, reached = timer.scroll_to_end(scroll.name, view.table, SCROLL_LIMIT_S)
        if not reached:
            scroll.note = (
                f"stopped after {SCROLL_LIMIT_S:g} s at {view.model.rowCount():,} of {total:,} rows; "
                "the time is the limit's"
            )
        return elapsed

    scroll.note = f"the whole register ({total:,} rows) from the top, in a new view each run"
    attempt(
        scroll,
        lambda f: repeat(
            f,
            scroll_sample,
            lambda run: stopwatch(lambda: bare.page(order=[Meeting.date, Resolution.number], count=False)),
            runs=runs,
            warm_up=False,
        ),
    )
    yield scroll
    if scrolled:
        view, timer = scrolled[0]
        loaded = view.model.rowCount()
        reload = Figure(
            "register: reload after a change, at the end",
            "ms",
            TARGET,
            note=f"as above, with the view scrolled to its end ({loaded:,} rows loaded); "
            "baseline the last page",
        )
        attempt(
            reload,
            lambda f: repeat(
                f,
                lambda run: timer.time(reload.name, announce),
                lambda run: stopwatch(lambda: bare.page(order=[Meeting.date, Resolution.number])),
                runs=runs,
            ),
        )
        yield reload
        dispose(app, view)


def bare_first_id(database: Database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.min(Resolution.id))) or 0


def _meetings_with_resolutions(database: Database) -> set[int]:
    with database.reading() as session:
        return set(session.scalars(select(Resolution.meeting_id).distinct()))


def _busiest_and_rarest(database: Database, combo: Any, each: int = 5) -> list[int]:
    """The agencies of the filter with the most and the fewest resolutions, alternating."""
    offered = {combo.itemData(i) for i in range(combo.count())} - {None}
    with database.reading() as session:
        counts = session.execute(
            select(Assignment.agency_id, func.count())
            .where(Assignment.agency_id.in_(offered))
            .group_by(Assignment.agency_id)
            .order_by(func.count().desc(), Assignment.agency_id)
        ).all()
    ids = [agency for agency, _ in counts]
    busiest, rarest = ids[:each], ids[::-1][:each]
    chosen: list[int] = []
    for pair in zip(busiest, rarest, strict=False):
        chosen += [agency for agency in pair if agency not in chosen]
    return chosen
