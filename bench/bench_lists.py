"""Benchmark: the register and the meeting list as a person uses them, painting included.

On a generated database (``--db PATH``; 30,000 or 120,000 resolutions), the
real ``RegisterView`` and ``MeetingList`` shown offscreen at the size of a
1366x768 laptop's window. Each action is timed from the call until its rows
are painted (the event loop run until the view has painted, any read still
running in the background waited for), with the median and p95 over ``--runs``:
- the register: a search of one, two and three or more letters; the status,
  agency, deadline, year and meeting filters; a sort by each column, both
  ways; scrolling to the end and back; a reload (as after a change) with the
  list at the top, scrolled to row 5,000 and scrolled to its end; a repaint;
- the meeting list: a search, the year, kind and status filters, a reload
  and a repaint.
Beside each, ``stall``: the longest the event loop was held during the
action (what a person feels as a frozen window). Targets: register actions
<= 50 ms median and <= 80 ms p95, the meeting list <= 50 ms median; no
stall over 100 ms.

    python -m bench.bench_lists --db PATH [--runs N] [--only register|meetings]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from itertools import cycle
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex

from bench.measure import p95

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEDIAN_TARGET_MS = 50
P95_TARGET_MS = 80
STALL_TARGET_MS = 100
SCROLLED_ROW = 5000


class Clock:
    """Times an action and the event-loop turns after it until its rows are shown."""

    def __init__(self, app: Any, models: list[Any]) -> None:
        self.app = app
        self.models = models

    def _busy(self) -> bool:
        # The models that read in the background say when they still wait for rows.
        return any(getattr(model, "reading", lambda: False)() for model in self.models)

    def run(self, action: Callable[[], None]) -> tuple[float, float]:
        """(ms until painted, longest ms the event loop was held)."""
        start = time.perf_counter()
        action()
        stall = time.perf_counter() - start
        # The view paints in the event loop (the layout and the update it posted); rows read in
        # the background arrive there too, and are painted in the turn after.
        settled = False
        while True:
            turn = time.perf_counter()
            self.app.processEvents()
            stall = max(stall, time.perf_counter() - turn)
            if settled:
                break
            if not self._busy():
                settled = True
            else:
                time.sleep(0.001)
        return (time.perf_counter() - start) * 1000, stall * 1000


def report(label: str, results: list[tuple[float, float]], *, median_target: float | None) -> bool:
    times = [t for t, _ in results]
    stall = max(s for _, s in results)
    median = statistics.median(times)
    ok = stall <= STALL_TARGET_MS
    if median_target is not None:
        ok = ok and median <= median_target and p95(times) <= P95_TARGET_MS
    verdict = "ok" if ok else "FAIL"
    print(
        f"{label:40s} median {median:7.1f} ms   p95 {p95(times):7.1f} ms   stall {stall:7.1f} ms   {verdict}"
    )
    return ok


def measure(
    clock: Clock, label: str, action: Callable[[], None], runs: int, target: float | None = 50
) -> bool:
    clock.run(action)  # warm: the first of a kind reads cold pages
    return report(label, [clock.run(action) for _ in range(runs)], median_target=target)


def scroll_to(table: Any, model: Any, row: int) -> None:
    """Scroll the table so that ``row`` is in view, as a person dragging the scroll bar would."""
    # A model that grows as it is scrolled (the lists before reading by window) has to read its way there.
    while model.rowCount() <= row and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    table.scrollTo(model.index(min(row, model.rowCount() - 1), 0))


def bench_register(app: Any, services: Any, runs: int) -> bool:
    from PySide6.QtCore import Qt

    from secretariat.followup.register import ResolutionQuery
    from ui.resolutions.register_view import RegisterView

    view = RegisterView(services)
    view.resize(1340, 640)
    view.show()
    app.processEvents()
    model, table = view.model, view.table
    clock = Clock(app, [model])
    print(f"\nthe register ({model.total()} resolutions), {table.viewport().height()} px of rows")
    ok = True

    def search(words: list[str]) -> Callable[[], None]:
        values = cycle(words)

        def typed() -> None:
            view.search_box.setText(next(values))
            view.search_box.flush()

        return typed

    for label, words in (
        ("search, one letter", ["م", "ش", "ک", "ر", "ا"]),
        ("search, two letters", ["مق", "شب", "کا", "رو", "اد"]),
        ("search, three letters or more", ["مقرر", "شبهات", "کارگروه", "روابط عمومی", "ادارات"]),
    ):
        ok &= measure(clock, f"  {label}", search(words), runs)
    view.search_box.setText("")
    view.search_box.flush()

    def choose(combo: Any, indexes: list[int]) -> Callable[[], None]:
        values = cycle(indexes)
        return lambda: combo.setCurrentIndex(next(values))

    ok &= measure(
        clock,
        "  status filter",
        choose(view.status_filter, list(range(view.status_filter.count()))),
        runs,
    )
    view.status_filter.setCurrentIndex(0)
    busiest = [a for a in services.register.assignees(ResolutionQuery())][:10]
    agencies = cycle([*busiest, None])
    ok &= measure(clock, "  agency filter", lambda: view.agency_filter.set_agency_id(next(agencies)), runs)
    view.agency_filter.set_agency_id(None)
    ok &= measure(
        clock, "  deadline filter", choose(view.due_filter, list(range(view.due_filter.count()))), runs
    )
    view.due_filter.setCurrentIndex(0)
    years = list(range(min(view.year_filter.count(), 8)))
    ok &= measure(clock, "  year filter", choose(view.year_filter, years), runs)
    view.year_filter.setCurrentIndex(0)
    meetings = [*range(1, min(view.meeting_filter.count(), 12)), 0]
    ok &= measure(clock, "  meeting filter", choose(view.meeting_filter, meetings), runs)
    view.meeting_filter.setCurrentIndex(0)
    app.processEvents()

    for column in model.columns:
        at = model.column(column.key)
        orders = cycle([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
        ok &= measure(
            clock,
            f"  sort by {column.key}, both ways",
            lambda at=at, orders=orders: table.sortByColumn(at, next(orders)),
            runs,
        )
    table.sortByColumn(model.column("code"), Qt.SortOrder.DescendingOrder)
    app.processEvents()

    ends: Iterator[bool] = cycle([True, False])
    ok &= measure(
        clock,
        "  scroll to the end and back",
        lambda: table.scrollToBottom() if next(ends) else table.scrollToTop(),
        runs,
    )
    table.scrollToTop()
    app.processEvents()
    ok &= measure(clock, "  reload, at the top", model.reload, runs)
    scroll_to(table, model, SCROLLED_ROW)
    app.processEvents()
    ok &= measure(clock, f"  reload, scrolled to row {SCROLLED_ROW:,}", model.reload, runs)
    if model.canFetchMore(QModelIndex()):
        print("  reload, scrolled to the end: skipped (the list would have to read every row first)")
    else:
        table.scrollToBottom()
        app.processEvents()
        ok &= measure(clock, "  reload, scrolled to the end", model.reload, runs)
    ok &= measure(clock, "  repaint", table.viewport().update, runs)
    held = getattr(model, "held_rows", lambda: model.rowCount())()
    print(f"  rows held by the model now: {held:,}")
    view.close()
    return ok


def bench_meetings(app: Any, services: Any, runs: int) -> bool:
    from ui.meetings.meeting_list import MeetingList

    view = MeetingList(services)
    view.resize(1340, 640)
    view.show()
    app.processEvents()
    model, table = view.model, view.table
    clock = Clock(app, [model])
    print(f"\nthe meeting list ({model.total()} meetings)")
    ok = True
    words = cycle(["۳۰", "ارشاد", "گزارش ماهانه", "روابط عمومی", "۱۴۰۴"])

    def search() -> None:
        view.search_box.setText(next(words))
        view.search_box.flush()

    ok &= measure(clock, "  search", search, runs)
    view.search_box.setText("")
    view.search_box.flush()
    for label, combo in (
        ("year filter", view.year_filter),
        ("kind filter", view.kind_filter),
        ("status filter", view.status_filter),
    ):
        indexes = cycle(range(min(combo.count(), 8)))
        ok &= measure(clock, f"  {label}", lambda c=combo, i=indexes: c.setCurrentIndex(next(i)), runs)
        combo.setCurrentIndex(0)
    ok &= measure(clock, "  reload", model.reload, runs)
    ok &= measure(clock, "  repaint", table.viewport().update, runs)
    view.close()
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, required=True, help="a generated database (a copy: it is migrated)"
    )
    parser.add_argument("--runs", type=int, default=15, help="repetitions of each action")
    parser.add_argument("--only", choices=("register", "meetings"))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from secretariat.database import open_database
    from ui.services import Services
    from ui.start.app_setup import configure_application

    app = QApplication.instance() or QApplication([])
    configure_application(app)
    database = open_database(args.db)
    services = Services.for_database(database)
    ok = True
    if args.only in (None, "register"):
        ok &= bench_register(app, services, args.runs)
    if args.only in (None, "meetings"):
        ok &= bench_meetings(app, services, args.runs)
    print(
        f"\ntargets: register <= {MEDIAN_TARGET_MS} ms median, <= {P95_TARGET_MS} ms p95; meeting list <= "
        f"{MEDIAN_TARGET_MS} ms median; stall <= {STALL_TARGET_MS} ms"
    )
    database.close()
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
