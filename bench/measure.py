"""What the benchmarks share: timing a call, printing median and p95, and
running a benchmark on a given database or on a freshly generated one."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET_MS = 50


def timed(function, runs: int) -> list[float]:
    """Milliseconds of each of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):7.2f} ms   p95 {p95(times):7.2f} ms"


def line(label: str, times: list[float], *, target: bool = True, limit_ms: float = TARGET_MS) -> None:
    """One measurement; against its target (p95 <= ``limit_ms``) unless it is a baseline."""
    verdict = ""
    if target:
        verdict = "  ok" if p95(times) <= limit_ms else f"  OVER {limit_ms:g} ms"
    print(f"{label:44s} {summary(times)}{verdict}")


def run_on_database(bench: Callable, description: str, *, runs: int = 50) -> None:
    """``bench(secretariat, runs)`` on ``--db PATH``, or on a database generated for the run.

    ``runs`` is the default of ``--runs`` (fewer for measurements of seconds).
    """
    from bench.generate import generate
    from secretariat.core import Secretariat

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=runs, help="repetitions of each measurement")
    parser.add_argument("--db", type=Path, help="an existing generated database (default: generate one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            path = Path(folder) / "bench.sqlite3"
            started = time.perf_counter()
            generate(path)
            print(f"generated in {time.perf_counter() - started:.1f} s: {path.name}")
        with Secretariat.open(path, create=False) as secretariat:
            bench(secretariat, args.runs)
