"""Timing what a person does in a window: from the action to the view painted with its result.

The views are the app's own (``RegisterView``, ``AgenciesView`` ...), offscreen,
at the size they have in the main window on the target laptop's screen
(1366×768). ``PaintClock.time(action)`` starts the clock, does what a person
does (chooses a status, types a search, clicks a column's header) and runs
the event loop until the watched widgets have painted after the models'
last change, and nothing more happened for a short quiet moment: the time
is until the end of that paint, not of the quiet moment. Work a view starts
off the GUI thread counts until it is done and shown: the clock also waits
while a ``QThread`` of the view, or the global ``QThreadPool``, is running,
or a model still reads rows in the background (``PagedTableModel.reading``).

``StallMeter`` measures the event loop's longest stall while the actions
run: a timer ticks every 5 ms, and the longest gap between two ticks (or
between the action's start and the next tick) is the longest time the
window could not answer a key or a click.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QEventLoop,
    QModelIndex,
    QObject,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

SCREEN = (1366, 768)
# A section's part of the main window on that screen (less the navigation, title and status bars).
SECTION_SIZE = (1180, 660)
QUIET_S = 0.025  # nothing more for this long after the paint: the action is over
STUCK_S = 10.0  # nothing painted, changed or running for this long: the action never finished
TICK_MS = 5


def offscreen_platform(folder: Path) -> str:
    """The ``QT_QPA_PLATFORM`` of an offscreen screen of the target laptop's size (not Qt's 800×800)."""
    config = folder / "screen.json"
    width, height = SCREEN
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,
                "screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
            }
        ),
        encoding="utf-8",
    )
    return f"offscreen:configfile={config}"


def application(platform: str) -> QApplication:
    """The app's QApplication, set up as the app sets it up (fonts, right to left, style)."""
    os.environ["QT_QPA_PLATFORM"] = platform
    from ui.start.app_setup import configure_application

    app = QApplication.instance() or QApplication(["bench"])
    assert isinstance(app, QApplication)
    configure_application(app)
    return app


class StallMeter(QObject):
    """The longest gap between two ticks of a 5 ms timer while an action is armed, and which action."""

    def __init__(self) -> None:
        super().__init__()
        self.longest_ms = 0.0
        self.during = ""
        self._label = ""
        self._last: float | None = None
        # Always running: it also wakes the clock's wait for the next event.
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def arm(self, label: str) -> None:
        self._label, self._last = label, time.perf_counter()

    def disarm(self) -> None:
        self._record(time.perf_counter())
        self._last = None

    def _tick(self) -> None:
        now = time.perf_counter()
        self._record(now)
        if self._last is not None:
            self._last = now

    def _record(self, now: float) -> None:
        if self._last is None:
            return
        gap = (now - self._last) * 1000
        if gap > self.longest_ms:
            self.longest_ms, self.during = gap, self._label


class PaintClock(QObject):
    """Times actions on ``view`` until ``watched`` (widgets) have painted what ``models`` changed."""

    def __init__(
        self,
        app: QApplication,
        stall: StallMeter,
        view: QWidget,
        watched: Sequence[QWidget],
        models: Sequence[QAbstractItemModel] = (),
    ) -> None:
        super().__init__(view)
        self._app, self._stall, self._view = app, stall, view
        self._paints = 0
        self._last_paint = 0.0  # when the latest paint began
        self._painted_round = 0.0  # when the event loop's round that held the latest paint ended
        self._last_change = 0.0
        self._models = tuple(models)
        for widget in watched:
            widget.installEventFilter(self)
        for model in models:
            for signal in (
                model.modelReset,
                model.layoutChanged,
                model.rowsInserted,
                model.rowsRemoved,
                model.dataChanged,
            ):
                signal.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._paints += 1
            self._last_paint = time.perf_counter()
        return False

    def _changed(self, *_args: object) -> None:
        self._last_change = time.perf_counter()

    # -- timing -----------------------------------------------------------------------------

    def time(self, label: str, action: Callable[[], object]) -> float:
        """Milliseconds from ``action()`` to the view painted with its result."""
        self._app.processEvents()  # what was pending before is not the action's
        self._stall.arm(label)
        started = time.perf_counter()
        action()
        ended = self.settle(started)
        self._stall.disarm()
        return (ended - started) * 1000

    def scroll_to_end(self, label: str, table: QAbstractItemView, limit_s: float) -> tuple[float, bool]:
        """Milliseconds from the top to the last row of ``table`` painted, as a person dragging the
        scroll bar to its end again and again as more rows load; whether the end was reached within
        ``limit_s`` seconds (when not, the time is the limit's)."""
        self._app.processEvents()
        model, bar, root = table.model(), table.verticalScrollBar(), QModelIndex()
        self._stall.arm(label)
        started = time.perf_counter()
        while model.canFetchMore(root) or bar.value() < bar.maximum():
            if time.perf_counter() - started > limit_s:
                self._stall.disarm()
                return (time.perf_counter() - started) * 1000, False
            if bar.value() < bar.maximum():
                table.scrollToBottom()
            else:  # at the bottom with rows still to come: what the view does when it gets there
                model.fetchMore(root)
            self._pump(wait=False)
        ended = self.settle(started)
        self._stall.disarm()
        return (ended - started) * 1000, True

    def settle(self, started: float, *, require_paint: bool = True) -> float:
        """Run the event loop until what began at ``started`` is painted; when its paint ended."""
        progress = time.perf_counter()
        while True:
            now = time.perf_counter()
            painted = self._painted_round > started
            changed = self._last_change > started
            waiting = (require_paint and not painted) or (changed and self._last_paint < self._last_change)
            latest = max(started, self._painted_round, self._last_change)
            if not waiting and now - latest >= QUIET_S and not self._busy():
                return self._painted_round if painted else latest
            if max(latest, progress) < now - STUCK_S:
                raise TimeoutError(f"nothing painted for {STUCK_S:g} s")
            if self._busy():
                progress = now
            self._pump(wait=True)

    def _pump(self, *, wait: bool) -> None:
        paints = self._paints
        flags = QEventLoop.ProcessEventsFlag.AllEvents
        if wait:  # the stall meter's timer wakes it within 5 ms
            flags |= QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        self._app.processEvents(flags)
        if self._paints != paints:
            self._painted_round = time.perf_counter()

    def _busy(self) -> bool:
        if QThreadPool.globalInstance().activeThreadCount():
            return True
        if any(getattr(model, "reading", lambda: False)() for model in self._models):
            return True
        return any(thread.isRunning() for thread in self._view.findChildren(QThread))


@dataclass
class Harness:
    """What the window figures share: the application, the stall meter, the runs of each figure."""

    app: QApplication
    stall: StallMeter
    runs: int


def show(app: QApplication, widget: QWidget, size: tuple[int, int] = SECTION_SIZE) -> None:
    """Show ``widget`` as a window of ``size`` and let it paint (untimed)."""
    widget.resize(*size)
    widget.show()
    deadline = time.perf_counter() + 0.2
    while time.perf_counter() < deadline:
        app.processEvents(
            QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        )


def dispose(app: QApplication, widget: QWidget) -> None:
    """Close and delete ``widget``, so that it no longer hears of changes (and reloads on them)."""
    widget.close()
    widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def click_header(table: QAbstractItemView, position: int) -> None:
    """A click on the header of column ``position``: descending first, the other order when it is
    already sorted by that column (as a second click does)."""
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    header = table.horizontalHeader()
    descending = Qt.SortOrder.DescendingOrder
    if header.sortIndicatorSection() == position and header.sortIndicatorOrder() == descending:
        table.sortByColumn(position, Qt.SortOrder.AscendingOrder)
    else:
        table.sortByColumn(position, descending)
