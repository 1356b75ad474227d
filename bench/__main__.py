"""The benchmark: ``python -m bench [--scale S | --db PATH] [--runs N] [--starts N] [--only AREAS]``.

Builds (or takes from the cache) a database at ``--scale`` times the design
scale (see ``bench.dataset``), copies it for the run, and prints the
dataset's size, then one line per figure: its name, median, p95, the
baseline's median measured in the same run, their ratio, the target and
``ok`` or ``FAIL``; under the table, what each figure measured. Exits 1
when a figure misses its target (or could not be measured), 0 when all
meet theirs.

The figures, in order: the start to the home page and the memory after
it (``bench_startup``); every action of the register (``bench_register``),
the agencies (``bench_agencies``), the calendar and the meeting list
(``bench_meetings``) and the home page (``bench_home``) in the app's own
views, painting included; the event loop's longest stall during those;
the monthly reports' year matrix and the home page's line of them, in the
core (``bench_monthly``); the letter register's page, count and search
(``bench_letters``); the evaluation's ranking of every agency
(``bench_evaluation``); the minutes PDF and the register report (``bench_reports``), a backup
(``bench_backup``) and the busiest year's archive (``bench_archive``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.dataset import cached_database, default_cache, describe, working_copy
from bench.measure import Figure, Target, header, line

AREAS = (
    "start",
    "register",
    "agencies",
    "meetings",
    "home",
    "monthly",
    "letters",
    "evaluation",
    "reports",
    "backup",
    "archive",
)
WINDOW_AREAS = ("register", "agencies", "meetings", "home")
STALL_TARGET = Target(median=100)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="times the design scale's resolutions and follow-ups (4: 120,000 and 600,000; default 1)",
    )
    source.add_argument("--db", type=Path, help="a database of one's own instead (copied, never changed)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each figure (fewer for the slow ones)")
    parser.add_argument("--starts", type=int, default=7, help="starts of the app and of the bare window")
    parser.add_argument(
        "--only", type=_areas, default=AREAS, help=f"some of the figures, comma-separated: {','.join(AREAS)}"
    )
    parser.add_argument(
        "--cache", type=Path, default=default_cache(), help="where the generated databases stay"
    )
    args = parser.parse_args(argv)
    if args.scale <= 0 or args.runs < 1 or args.starts < 1:
        parser.error("--scale, --runs and --starts must be above zero")
    if args.db is not None and not args.db.is_file():
        parser.error(f"{args.db} is not a file")
    return args


def _areas(text: str) -> tuple[str, ...]:
    chosen = tuple(area.strip() for area in text.split(",") if area.strip())
    unknown = [area for area in chosen if area not in AREAS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose among {', '.join(AREAS)}")
    return chosen


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # «—», «≤» and Persian on any console
    started = time.perf_counter()
    figures: list[Figure] = []

    def report(area: str, found: Iterable[Figure]) -> None:
        """Print each figure as it is measured; an area that broke down is a figure that failed."""
        try:
            for figure in found:
                figures.append(figure)
                print(line(figure), flush=True)
        except Exception as error:  # noqa: BLE001 - the other areas are still measured
            traceback.print_exc(file=sys.stderr)
            broken = Figure(f"{area}: the rest", "ms", Target(), error=f"{type(error).__name__}: {error}")
            figures.append(broken)
            print(line(broken), flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        folder = Path(name)
        if args.db is not None:
            source, how = args.db.resolve(), "given"
        else:
            source, how = cached_database(args.scale, args.cache)
        database_path = working_copy(source, folder, prepared=args.db is None)
        scale = "a given file" if args.db is not None else f"scale {args.scale:g}"
        print(f"dataset: {scale}: {describe(database_path)}")
        print(f"database: {source} ({how}); this run works on a copy")
        print()
        print(header(), flush=True)
        run_figures(args, database_path, folder, report)
    print_notes(figures)
    missed = [figure for figure in figures if not figure.ok]
    verdict = (
        f"{len(missed)} of {len(figures)} figures missed their target"
        if missed
        else f"all {len(figures)} figures met their target"
    )
    print(f"\n{verdict}; the run took {time.perf_counter() - started:.0f} s")
    return 1 if missed else 0


def run_figures(
    args: argparse.Namespace,
    database_path: Path,
    folder: Path,
    report: Callable[[str, Iterable[Figure]], None],
) -> None:
    from bench.window import offscreen_platform
    from secretariat.core import Secretariat
    from secretariat.database import open_database

    platform = offscreen_platform(folder)
    if "start" in args.only:
        from bench.bench_startup import startup_figures

        data = folder / "data"
        data.mkdir()
        report("start", startup_figures(database_path, args.starts, platform, data))
    if any(area in args.only for area in WINDOW_AREAS):
        secretariat: Secretariat = window_figures(args, database_path, platform, report)
    else:
        secretariat = Secretariat(open_database(database_path, create=False))
    try:
        if "monthly" in args.only:
            from bench.bench_monthly import monthly_figures

            report("monthly", monthly_figures(secretariat, args.runs))
        if "letters" in args.only:
            from bench.bench_letters import letters_figures

            report("letters", letters_figures(secretariat, args.runs))
        if "evaluation" in args.only:
            from bench.bench_evaluation import evaluation_figures

            report("evaluation", evaluation_figures(secretariat, args.runs))
        if "reports" in args.only:
            from bench.bench_reports import report_figures

            report("reports", report_figures(secretariat, args.runs))
        if "backup" in args.only:
            from bench.bench_backup import backup_figure

            report("backup", [backup_figure(secretariat.database, args.runs)])
        if "archive" in args.only:
            from bench.bench_archive import archive_figure

            report("archive", [archive_figure(secretariat.database, folder)])
    finally:
        secretariat.close()


def window_figures(
    args: argparse.Namespace,
    database_path: Path,
    platform: str,
    report: Callable[[str, Iterable[Figure]], None],
) -> Any:
    """The figures of the app's views, then the event loop's longest stall; the services they used."""
    from bench.bench_agencies import agencies_figures
    from bench.bench_home import home_figures
    from bench.bench_meetings import meetings_figures
    from bench.bench_register import register_figures
    from bench.window import Harness, StallMeter, application
    from secretariat.database import open_database
    from ui.services import Services

    app = application(platform)
    harness = Harness(app, StallMeter(), args.runs)
    services = Services.for_database(open_database(database_path, create=False))
    areas: dict[str, Callable[[Harness, Any], Iterator[Figure]]] = {
        "register": register_figures,
        "agencies": agencies_figures,
        "meetings": meetings_figures,
        "home": home_figures,
    }
    for area, figures in areas.items():
        if area in args.only:
            report(area, figures(harness, services))
    stall = harness.stall
    report(
        "stall",
        [
            Figure(
                "event loop: longest stall",
                "ms",
                STALL_TARGET,
                samples=[stall.longest_ms],
                note=f"during «{stall.during}» (a 5 ms timer's longest gap while the views' actions ran)",
            )
        ],
    )
    return services


def print_notes(figures: list[Figure]) -> None:
    print("\nwhat each figure measured:")
    for figure in figures:
        if figure.error:
            print(f"  {figure.name}: could not be measured: {figure.error}")
        elif figure.note:
            print(f"  {figure.name}: {figure.note}")


if __name__ == "__main__":
    sys.exit(main())
