"""Benchmark: the app's start-up, as whole processes, beside a bare PySide6 window.

Starts, in turn and each ``--starts`` times (after one warm-up of each):
- a bare PySide6 window showing one label (the baseline);
- the app to its main window shown (``--startup-probe window``);
- the app to the home page painted with the council's four figures
  (``--startup-probe ready``: what a person sees as started);
- the app to the database opened and every service attached
  (``--startup-probe loaded``: the home page's lists and charts, every action).

Prints the median and p95 of each start's wall time and the process's peak
memory, each with its ratio to the bare window's. Targets (issue 15): the
home page with its figures <= 2.5x the bare window's time, its memory <= 2x.
The app opens a copy of the database (opening may migrate the file).

    python -m bench.bench_startup [--db PATH] [--starts N]

Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.measure import p95

ROOT = Path(__file__).resolve().parent.parent
TIME_TARGET = 2.5  # times the bare window's
MEMORY_TARGET = 2.0

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("شورای هماهنگی روابط عمومی"))
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


@dataclass(frozen=True)
class Start:
    seconds: float
    peak_mib: float


def start(arguments: list[str], data_dir: Path) -> Start:
    """One process from its start to its exit: wall time, and its own peak resident memory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SECRETARIAT_DATA_DIR=str(data_dir))
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *arguments], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} exited with {process.returncode}")
    return Start(seconds, usage.ru_maxrss / 1024)  # KiB on Linux


def measure(database: Path, starts: int) -> dict[str, list[Start]]:
    """Each kind of start, ``starts`` times, in turn."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "council.sqlite3"
        shutil.copyfile(database, copy)
        data_dir = Path(folder) / "data"
        kinds = {
            "bare PySide6 window, one label": ["-c", BARE_WINDOW],
            "app: window shown": ["main.py", "--db", str(copy), "--startup-probe", "window"],
            "app: home page with its figures": ["main.py", "--db", str(copy), "--startup-probe", "ready"],
            "app: database loaded, all shown": ["main.py", "--db", str(copy), "--startup-probe", "loaded"],
        }
        for arguments in kinds.values():  # the file cache warm, the database migrated if need be
            start(arguments, data_dir)
        results: dict[str, list[Start]] = {name: [] for name in kinds}
        for _ in range(starts):
            for name, arguments in kinds.items():
                results[name].append(start(arguments, data_dir))
    return results


def report(results: dict[str, list[Start]]) -> bool:
    """Print one line per kind of start; True when the targets are met."""
    names = list(results)
    bare = results[names[0]]
    bare_time = statistics.median(s.seconds for s in bare)
    bare_p95 = p95([s.seconds for s in bare])
    bare_memory = statistics.median(s.peak_mib for s in bare)
    met = True
    for name in names:
        times = [s.seconds for s in results[name]]
        memory = statistics.median(s.peak_mib for s in results[name])
        time_ratio, p95_ratio, memory_ratio = (
            statistics.median(times) / bare_time,
            p95(times) / bare_p95,
            memory / bare_memory,
        )
        verdict = ""
        if name == names[2]:
            ok = time_ratio <= TIME_TARGET and p95_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET
            met = met and ok
            verdict = f"  target {TIME_TARGET:g}x, {MEMORY_TARGET:g}x memory: {'ok' if ok else 'FAIL'}"
        print(
            f"{name:34s} median {statistics.median(times) * 1000:6.0f} ms  p95 {p95(times) * 1000:6.0f} ms"
            f"  = {time_ratio:4.2f}x (p95 {p95_ratio:4.2f}x)  peak {memory:5.1f} MiB = {memory_ratio:4.2f}x"
            + verdict
        )
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a generated database (default: generate one)")
    parser.add_argument("--starts", type=int, default=15, help="process starts of each kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = args.db
        if database is None:
            from bench.generate import generate

            database = Path(folder) / "bench.sqlite3"
            generate(database)
        ok = report(measure(database, args.starts))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
