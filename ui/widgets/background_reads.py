"""A list's database reads, run off the GUI thread and waited for only a few frames.

A long list reads its rows as a view asks for them (``PagedTableModel``):
most reads take a few milliseconds, but some can take longer at a large
scale (a count of a broad search, a page deep into an order the database
sorts by a collation). ``BackgroundReads.run`` hands the read to a thread and
waits for it at most ``wait_ms``: a quick read is delivered at once, as if it
had been read in place (the view paints its rows in the same frame), and a
slow one when it ends, found by a timer on the GUI thread, while the window
goes on answering. Results are delivered in the order the reads began; a
read's error is raised where it is delivered.

The reads go to one thread for the whole app, one after the other; they
open their own sessions through the core's services (the core's SQLite
engine gives each thread its own pooled connection) and touch nothing of Qt:
a signal from the reading thread could reach a model deleted meanwhile (a
closed window's), where the timer dies with it.
``ui.worker.Worker`` is for long work with progress and cancel; a read is
short and has neither.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, QTimer

Read = Callable[[], Any]
# Given the finished read, and whether it is delivered within the wait ``run``
# began it with (before the view that asked for it paints) or later.
Delivery = Callable[[Future[Any], bool], None]

POLL_MS = 4  # how often a read that outlasted the wait is looked at

_thread: ThreadPoolExecutor | None = None


def _reader() -> ThreadPoolExecutor:
    global _thread
    if _thread is None:
        _thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="list-reads")
    return _thread


class BackgroundReads(QObject):
    """The reads of one model, delivered to it on the GUI thread in the order they began."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[Future[Any], Delivery]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._deliver)

    def run(self, read: Read, deliver: Delivery, *, wait_ms: float) -> None:
        """Read in the background; wait for it (and the reads before it) up to ``wait_ms``."""
        future = _reader().submit(read)
        self._pending.append((future, deliver))
        if wait_ms > 0:
            wait([future], timeout=wait_ms / 1000)
        self._deliver(future)

    def busy(self) -> bool:
        """Is a read still to be delivered?"""
        return bool(self._pending)

    def finish(self) -> None:
        """Wait for every read begun and deliver it (a row asked for by code, not by a view)."""
        while self._pending:
            wait([self._pending[0][0]])
            self._deliver()

    def _deliver(self, waited: Future[Any] | None = None) -> None:
        """Deliver the reads done, in order; ``waited`` is the one ``run`` waited for."""
        # A delivery may begin another read (a view reacting to the rows): the
        # list is looked at afresh each time round.
        failed: Exception | None = None
        while self._pending and self._pending[0][0].done():
            future, deliver = self._pending.pop(0)
            try:
                deliver(future, future is waited)
            except Exception as error:  # the reads after it are delivered all the same
                failed = failed or error
        if not self._pending:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
        if failed is not None:
            raise failed
