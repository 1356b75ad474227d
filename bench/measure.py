"""What every figure of the benchmark shares: its samples beside its baseline's, its target, its line.

A figure is one thing a person waits for (a search in the register, the
minutes PDF, the start of the app). It is measured ``runs`` times, each run
followed by a run of its baseline (the least the same result can cost: a
bare query for the same rows, a bare window), so that both see the same
load of a shared machine. Its line gives the median and the 95th percentile,
the baseline's median, the ratio of the medians, the target and ``ok`` or
``FAIL``. A target of one number judges the median; the register's two
numbers judge the median and the p95; a target ``× baseline`` judges the
ratio of the medians.
"""

from __future__ import annotations

import statistics
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

NO_VALUE = "—"
T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    median: float | None = None  # in the figure's unit
    p95: float | None = None
    ratio: float | None = None  # of the medians: the figure's over its baseline's

    def met(self, figure: Figure) -> bool:
        if self.median is not None and figure.median > self.median:
            return False
        if self.p95 is not None and figure.p95 > self.p95:
            return False
        return self.ratio is None or (figure.ratio is not None and figure.ratio <= self.ratio)

    def text(self, unit: str) -> str:
        if self.ratio is not None:
            return f"≤ {self.ratio:g}× baseline"
        if self.median is None:
            return NO_VALUE
        if self.p95 is not None:
            return f"≤ {self.median:g} / {self.p95:g} {unit}"
        return f"≤ {self.median:g} {unit}"


@dataclass
class Figure:
    name: str
    unit: str  # "ms", "s" or "MiB"
    target: Target
    samples: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    note: str = ""  # what was measured, printed under the table
    error: str = ""  # why it could not be measured: a FAIL

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 0.95)

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline) if self.baseline else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline_median
        return self.median / base if base and self.samples else None

    @property
    def ok(self) -> bool:
        return not self.error and bool(self.samples) and self.target.met(self)


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: with 20 runs, the p95 is the second slowest."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def stopwatch(call: Callable[[], object], unit: str = "ms") -> float:
    """The time of one call, in ``unit``."""
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * (1000 if unit == "ms" else 1)


Sample = Callable[[int], float]  # the run's number (-1: the warm-up) -> its time in the figure's unit


def repeat(
    figure: Figure,
    sample: Sample,
    baseline: Sample | None = None,
    *,
    runs: int,
    budget_s: float = 15.0,
    warm_up: bool = True,
) -> Figure:
    """``runs`` samples of the figure, each followed by one of its baseline.

    Fewer when the figure has used ``budget_s`` seconds (at least three, or
    one when a single run takes longer than the budget): a figure far over
    its target needs no twenty runs to say so. The run's number lets a
    sample take a different value each time (the next status, the next
    month), so that each run changes what is shown.
    """
    if warm_up:
        sample(-1)
        if baseline is not None:
            baseline(-1)
    started = time.perf_counter()
    for run in range(runs):
        figure.samples.append(sample(run))
        if baseline is not None:
            figure.baseline.append(baseline(run))
        done, spent = run + 1, time.perf_counter() - started
        # Three runs at least, unless each takes a third of the budget or more.
        if spent > budget_s and (done >= 3 or spent / done >= budget_s / 3):
            break
    return figure


def cycle(values: Sequence[T], run: int) -> T:
    """The run's value of ``values``: the warm-up (-1) takes the last, so that each run differs from
    the one before it (with two values or more)."""
    return values[run % len(values)]


# -- the table ----------------------------------------------------------------------------------

COLUMNS = ("figure", "median", "p95", "baseline", "ratio", "target", "result")
WIDTHS = (44, 12, 12, 12, 8, 18, 6)


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return NO_VALUE
    digits = 1 if unit in ("ms", "MiB") else 2
    return f"{value:.{digits}f} {unit}"


def _row(cells: tuple[str, ...]) -> str:
    # Two spaces at least between cells (a name holds single spaces): a script can split on them.
    name, *rest = cells
    parts = [f"{name:<{WIDTHS[0]}}"] + [
        f"{cell:>{width}}" for cell, width in zip(rest, WIDTHS[1:], strict=True)
    ]
    return "  ".join(parts)


def header() -> str:
    return _row(COLUMNS)


def line(figure: Figure) -> str:
    """The figure's line: name, median, p95, baseline, ratio, target, ok or FAIL."""
    measured = bool(figure.samples)
    ratio = figure.ratio
    return _row(
        (
            figure.name,
            _value(figure.median, figure.unit) if measured else NO_VALUE,
            _value(figure.p95, figure.unit) if measured else NO_VALUE,
            _value(figure.baseline_median, figure.unit),
            f"{ratio:.2f}×" if ratio is not None else NO_VALUE,
            figure.target.text(figure.unit),
            "ok" if figure.ok else "FAIL",
        )
    )


def attempt(figure: Figure, measure: Callable[[Figure], object]) -> Figure:
    """``measure(figure)``; what went wrong, if anything, becomes the figure's error (a FAIL), so the
    other figures are still measured and the traceback is on stderr."""
    try:
        measure(figure)
    except Exception as error:  # noqa: BLE001 - reported in the figure's line and note
        traceback.print_exc(file=sys.stderr)
        figure.error = f"{type(error).__name__}: {error}"
    return figure
