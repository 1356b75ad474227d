"""Figures: the app's start to its home page painted with the council's figures, and its memory then.

Both beside a bare PySide6 window showing one label, as whole processes
started the same way (this Python, offscreen, the same 1366×768 screen),
one of each in turn (one bare, one app; then one app, one bare ...) after a
first start of each that warms the disk cache. The app runs
``main.py --db COPY --startup-probe ready``: it quits once the home page is
painted with its real figures. Memory is the process's peak resident size
(its ``ru_maxrss``, from ``os.wait4``): at start-up, its memory after start. Each
is started by a small launcher, which times it from its start to its exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.measure import Figure, Target

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("دبیرخانه شورای هماهنگی روابط عمومی"))
window.resize(app.primaryScreen().availableSize())  # as the app fits its window
window.show()
app.processEvents()
"""

START_TARGET = Target(ratio=2.5)
MEMORY_TARGET = Target(ratio=2.0)


# Starts a command and says how long it ran and its peak memory. Linux carries a process's peak
# over to the program it execs, so a child of the benchmark (hundreds of MiB by then) would report
# the benchmark's own: this small launcher starts each one instead, and is the smallest of them.
LAUNCHER = """
import json, os, subprocess, sys, time
command = json.loads(sys.argv[1])
started = time.perf_counter()
process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
if hasattr(os, "wait4"):
    _, status, usage = os.wait4(process.pid, 0)
    elapsed, code = time.perf_counter() - started, os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
else:
    code, elapsed, peak = process.wait(), time.perf_counter() - started, None
process.returncode = code
print(json.dumps([elapsed, code, peak]))
"""


def run_process(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Milliseconds from start to exit, and the peak memory in MiB (None where the OS does not say)."""
    with tempfile.TemporaryFile() as errors:
        launched = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, json.dumps(command)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            check=True,
        )
        elapsed, code, peak = json.loads(launched.stdout)
        if code != 0:
            errors.seek(0)
            last = errors.read().decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"{' '.join(command[1:3])} exited {code}: {last}")
    return elapsed * 1000, None if peak is None else peak / 2**20


def startup_figures(database: Path, starts: int, platform: str, data_folder: Path) -> list[Figure]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, SECRETARIAT_DATA_DIR=str(data_folder))
    bare = [sys.executable, "-c", BARE_WINDOW]
    app = [sys.executable, "main.py", "--db", str(database), "--startup-probe", "ready"]
    start = Figure("start: home page painted", "ms", START_TARGET)
    memory = Figure("start: memory after start", "MiB", MEMORY_TARGET)
    for command in (bare, app):  # the disk cache warmed, the database opened once
        run_process(command, env)
    for run in range(starts):
        order = [(bare, start.baseline, memory.baseline), (app, start.samples, memory.samples)]
        for command, times, peaks in order if run % 2 == 0 else reversed(order):
            elapsed, peak = run_process(command, env)
            times.append(elapsed)
            if peak is not None:
                peaks.append(peak)
    start.note = f"{starts} starts of each, in turn: main.py --startup-probe ready, and a bare window"
    memory.note = "the peak resident size of each process (ru_maxrss)"
    if not memory.samples:
        memory.error = "this system does not tell a process's peak memory"
    return [start, memory]
