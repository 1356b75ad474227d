"""Benchmark: the agency register at the scale of DESIGN.md, and start-up.

Prints, for a generated database of 200 agencies and 2,000 people:
- the time to open the agency view (the real widget and its model, first
  page fetched and laid out), to filter it by a search string and to sort it
  by name in Persian order, each beside a baseline measured in the same run:
  the same page read with plain code-point order (what the Persian collation
  costs) - targets: filter or sort <= 20 ms;
- the app's time from process start to its main window shown, and to the
  window showing the register (the database layer loads behind the shown
  window), beside a bare PySide6 window started the same way - target:
  window shown <= 2.5x the bare window.

    python -m bench.bench_agencies [--runs N] [--starts N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.measure import summary, timed

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def bench_view(path: Path, runs: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from db.models import Agency
    from secretariat.database import open_database
    from secretariat.members.agencies import AgencyQuery
    from ui.agencies.agencies_view import AgenciesView
    from ui.agencies.agency_table_model import AgencyColumn
    from ui.services import Services
    from ui.start.app_setup import configure_application

    app = QApplication.instance() or QApplication([])
    configure_application(app)
    database = open_database(path)
    services = Services.for_database(database)
    agencies = services.agencies
    print(
        f"dataset: {agencies.count(AgencyQuery(include_inactive=True))} agencies "
        f"({agencies.count(AgencyQuery())} active), {services.people.count()} people"
    )

    views = []

    def open_view():
        view = AgenciesView(services)
        view.resize(1100, 760)
        view.show()
        app.processEvents()
        views.append(view)

    print(f"open the agency view            {summary(timed(open_view, runs))}")
    view = views[-1]
    model = view.model
    searches = iter(["آموزش", "سازمان", "مدير", "بانک", "پرورش", "شهرداري"] * runs)

    def search():
        model.set_search(next(searches))
        app.processEvents()

    def clear_search():
        model.set_search("")
        app.processEvents()

    print(f"filter by a search string       {summary(timed(search, runs))}")
    clear_search()
    orders = iter([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * runs)

    def sort_by_name():
        view.table.sortByColumn(AgencyColumn.NAME, next(orders))
        app.processEvents()

    print(f"sort by name (Persian order)    {summary(timed(sort_by_name, runs))}")

    def sort_by_manager():
        view.table.sortByColumn(AgencyColumn.PR_MANAGER, next(orders))
        app.processEvents()

    print(f"sort by PR manager              {summary(timed(sort_by_manager, runs))}")

    # Baseline: one page in code-point order, no collation, no widgets.
    def baseline():
        with database.reading() as session:
            session.execute(
                select(Agency.id, Agency.name).where(Agency.active.is_(True)).order_by(Agency.name).limit(100)
            ).all()

    print(f"baseline: a page in code-point order, no view {summary(timed(baseline, runs))}")
    for view in views:
        view.close()
    database.close()


def bench_start(path: Path, starts: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(args: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return (time.perf_counter() - start) * 1000

    window = ["main.py", "--db", str(path), "--startup-probe", "window"]
    ready = ["main.py", "--db", str(path), "--startup-probe", "ready"]
    # Warm the OS file cache once for each, then alternate them.
    for args in (["-c", BARE_WINDOW], window, ready):
        run(args)
    bare, shown, filled = [], [], []
    for _ in range(starts):
        bare.append(run(["-c", BARE_WINDOW]))
        shown.append(run(window))
        filled.append(run(ready))
    base = statistics.median(bare)
    print(f"start to window: bare PySide6        median {base:7.1f} ms  ({starts} runs)")
    for label, times in (("the app, window shown", shown), ("the app, register shown", filled)):
        median = statistics.median(times)
        print(f"start to window: {label:20s} median {median:7.1f} ms  = {median / base:.2f}x bare")
    print("target: window shown <= 2.5x bare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="repetitions of each view measurement")
    parser.add_argument("--starts", type=int, default=7, help="process starts of each kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        started = time.perf_counter()
        generate(path)
        print(f"generated in {time.perf_counter() - started:.1f} s: {path.name}")
        bench_view(path, args.runs)
        bench_start(path, args.starts)


if __name__ == "__main__":
    main()
