"""Benchmark: the built app's start-up beside the app started from source, in one run.

Prints, for a database at the scale of DESIGN.md (generated, or ``--db``),
the median time from process start to the main window shown
(``--startup-probe window``) and to the window showing the council's home
page (``--startup-probe ready``), for the app run from source (this Python,
``main.py``) and for the built app (``dist/council-secretariat``, built
with ``installer.spec`` when missing, or ``--dist PATH``), beside a bare
PySide6 window started from source, each start alternating with the others.

    python -m bench.bench_frozen [--dist PATH] [--db PATH] [--starts N]
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

from bench.bench_startup import BARE_WINDOW
from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent

APP = "council-secretariat"
EXE = ".exe" if sys.platform == "win32" else ""


def built_app(dist: Path | None) -> Path:
    """The built executable: in ``dist``, or in ``dist/`` of the repository (built now if missing)."""
    folder = dist if dist is not None else ROOT / "dist" / APP
    if folder.name != APP and (folder / APP).is_dir():
        folder = folder / APP
    executable = folder / f"{APP}{EXE}"
    if executable.is_file():
        return executable
    if dist is not None:
        raise SystemExit(f"no built app at {executable}")
    print("building the app: pyinstaller installer.spec ...", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "installer.spec", "--noconfirm", "--log-level", "WARN"],
        cwd=ROOT,
        check=True,
    )
    print(f"built in {time.perf_counter() - started:.0f} s: {folder}")
    return executable


def bench_starts(executable: Path, database: Path, starts: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(
            command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return (time.perf_counter() - started) * 1000

    kinds = {
        "bare PySide6 window (source)": [sys.executable, "-c", BARE_WINDOW],
        "source, window shown": [
            sys.executable,
            "main.py",
            "--db",
            str(database),
            "--startup-probe",
            "window",
        ],
        "built, window shown": [str(executable), "--db", str(database), "--startup-probe", "window"],
        "source, home page shown": [
            sys.executable,
            "main.py",
            "--db",
            str(database),
            "--startup-probe",
            "ready",
        ],
        "built, home page shown": [str(executable), "--db", str(database), "--startup-probe", "ready"],
    }
    for command in kinds.values():  # warm the OS file cache once for each
        run(command)
    times: dict[str, list[float]] = {label: [] for label in kinds}
    for _ in range(starts):
        for label, command in kinds.items():
            times[label].append(run(command))
    medians = {label: statistics.median(values) for label, values in times.items()}
    bare = medians["bare PySide6 window (source)"]
    print(f"start-up, median of {starts} starts (the built app: {executable.parent})")
    for label, median in medians.items():
        print(f"  {label:30s} {median:7.1f} ms  = {median / bare:.2f}x bare")
    for moment in ("window shown", "home page shown"):
        source, built = medians[f"source, {moment}"], medians[f"built, {moment}"]
        print(f"  built / source, {moment:16s} {built / source:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, help="the built folder (default: dist/council-secretariat, built if missing)"
    )
    parser.add_argument("--db", type=Path, help="an existing generated database (default: generate one)")
    parser.add_argument("--starts", type=int, default=7, help="process starts of each kind")
    args = parser.parse_args()
    executable = built_app(args.dist)
    with tempfile.TemporaryDirectory() as folder:
        database = args.db
        if database is None:
            database = Path(folder) / "bench.sqlite3"
            started = time.perf_counter()
            generate(database)
            print(f"generated in {time.perf_counter() - started:.1f} s: {database.name}")
        bench_starts(executable, database, args.starts)


if __name__ == "__main__":
    main()
