"""Benchmark: building the demo council (the first start's wait, or choosing the demo card).

Prints the size of the demo (rows and bytes) and, each the median over
``--runs`` runs in fresh folders:
- the build as the app does it (``create_demo_database``): in a folder beside
  the target, its saves not waiting for the disk, the finished file written
  to the disk once and moved into place;
- beside it, measured in the same run, the build as it was before: each of
  the services' saves (several hundred) straight into the target file,
  each waiting for the disk (``synchronous=FULL``), as every save of the
  app does. On a laptop's disk those waits were most of the build's time;
- with ``--start``, the whole first start as a person sees it:
  ``main.py --demo --startup-probe`` offscreen, in a fresh data folder.

    python -m bench.bench_demo [--runs N] [--start]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from db.models import (
    Agency,
    Attachment,
    Evaluation,
    FollowUp,
    Invitation,
    JuryScore,
    Letter,
    Meeting,
    MonthlyFigure,
    MonthlyReport,
    Person,
    ReportFile,
    Resolution,
)
from secretariat.core import Secretariat
from secretariat.demo.council import build_demo, create_demo_database

ROOT = Path(__file__).resolve().parent.parent


def seconds(build: Callable[[Path], None], runs: int) -> list[float]:
    """Seconds of each of ``runs`` calls of ``build(path)``, each in a new folder."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
            path = Path(folder) / "demo.sqlite3"
            started = time.perf_counter()
            build(path)
            times.append(time.perf_counter() - started)
    return times


def line(label: str, times: list[float]) -> None:
    print(f"{label:58s} median {statistics.median(times):6.2f} s   min {min(times):6.2f} s")


def as_the_app_does(path: Path) -> None:
    create_demo_database(path).close()


def as_before(path: Path) -> None:
    """Every save of the build straight into the file, each waiting for the disk."""
    with Secretariat.open(path) as secretariat:
        build_demo(secretariat)


def first_start(path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", SECRETARIAT_DATA_DIR=str(path.parent))
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--demo", "--startup-probe"],
        env=environment,
        check=True,
        capture_output=True,
    )


def dataset() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
        path = Path(folder) / "demo.sqlite3"
        demo = Secretariat(create_demo_database(path))
        with demo, demo.database.reading() as session:
            count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
            print(
                f"dataset: the demo council: {count(Agency)} agencies, {count(Person)} people, "
                f"{count(Meeting)} meetings, {count(Invitation)} invitations, "
                f"{count(Resolution)} resolutions, {count(FollowUp)} follow-up entries, "
                f"{count(MonthlyReport)} monthly reports with {count(MonthlyFigure)} figures, "
                f"{count(Letter)} letters, "
                f"{count(Evaluation)} evaluations with {count(JuryScore)} jury scores, "
                f"{count(Attachment) + count(ReportFile)} scanned files"
            )
        print(f"         {path.stat().st_size / 1024:.0f} KiB on disk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind")
    parser.add_argument("--start", action="store_true", help="also time the first start of the app")
    args = parser.parse_args()
    dataset()
    print()
    line("build, as the app does (staged, one write to the disk)", seconds(as_the_app_does, args.runs))
    line("before: every save into the file, waiting for the disk", seconds(as_before, args.runs))
    if args.start:
        line("first start: main.py --demo, fresh data folder", seconds(first_start, args.runs))


if __name__ == "__main__":
    main()
