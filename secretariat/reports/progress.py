"""Progress and cancelling for reports built off the GUI thread.

A report takes two optional callables: ``progress(done, total)``, how many
of ``total`` steps are done (a report counts in hundredths: ``total`` is
100, and ``done`` only goes up), and ``cancelled()``, whether the person
asked to stop. ``ReportRun`` checks the second at every step and raises
``ReportCancelled``, so a worker thread abandons the report between two
flowables or pages, and nothing is returned or written. These are the
callables ``ui.reports.report_worker.ReportJob.render`` passes on.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]
STEPS = 100
CancelCheck = Callable[[], bool]


class ReportCancelled(Exception):
    """The report was cancelled before it was finished; nothing was produced."""

    def __init__(self) -> None:
        super().__init__("ساخت گزارش لغو شد.")


class ReportRun:
    """One report being built: reports its progress, stops when cancelled."""

    def __init__(self, progress: ProgressCallback | None = None, cancelled: CancelCheck | None = None):
        self._progress = progress
        self._cancelled = cancelled
        self._last = 0.0
        self._reported = -1

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ReportCancelled()

    def cannot_cancel(self) -> None:
        """From now on the report is finished whatever the person asks: what it did (letters
        issued, their numbers taken) must end in the PDF that says so."""
        self._cancelled = None

    def advance(self, fraction: float) -> None:
        """Check for cancelling, then report ``fraction`` of the work done (never going back)."""
        self.check()
        fraction = min(1.0, max(self._last, fraction))
        self._last = fraction
        done = int(fraction * STEPS)
        if self._progress is not None and done != self._reported:
            self._reported = done
            self._progress(done, STEPS)

    def layout_callback(self, start: float, end: float) -> Callable[[str, int], None]:
        """A platypus progress callback that maps its flowables placed onto ``start..end``."""
        total = [1]

        def on_layout(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                self.advance(start + (end - start) * min(1.0, value / total[0]))
            elif kind == "PAGE":
                self.check()

        return on_layout
