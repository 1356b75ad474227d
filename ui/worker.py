"""Any long piece of work off the GUI thread, with progress and cancel.

``Worker(work)`` runs ``work(progress, cancelled)`` in a ``QThread``:
``progress(done, total)`` says how far it is and ``cancelled()`` whether the
person asked to stop (the core then raises ``ReportCancelled``, which the
archive's ``ArchiveCancelled`` is too). The outcome comes back by signal,
which Qt delivers on the GUI thread: ``succeeded(result)``, ``failed(text)``
with a Persian message, or ``stopped()``. Widgets are never touched from the
thread, and the work opens its own sessions through the core's services
(the core's SQLite engine hands each thread its own pooled connection).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from secretariat.errors import DomainError

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
Work = Callable[[Progress, CancelCheck], Any]


class Worker(QThread):
    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # what the work returned
    failed = Signal(str)  # a Persian message
    stopped = Signal()  # cancelled by the person

    def __init__(self, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from secretariat.reports import ReportCancelled

        try:
            result = self.work(lambda done, total: self.progressed.emit(done, total), self._cancel.is_set)
        except ReportCancelled:
            self.stopped.emit()
        except DomainError as error:
            self.failed.emit(error.message)
        except Exception as error:  # noqa: BLE001 - shown to the person, not lost in a thread
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.deliver(result)

    def deliver(self, result: object) -> None:
        """The work is done: hand its result over (a subclass may say more)."""
        self.succeeded.emit(result)
