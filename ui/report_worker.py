"""Making a report off the GUI thread, with progress and cancel.

A ``ReportJob`` names the report and gives the call that makes it:
``render(progress, cancelled) -> bytes``, where ``progress(done, total)``
reports how far it is and ``cancelled()`` says whether to stop (the core's
reports raise ``ReportCancelled`` then). ``ReportWorker`` runs it in a
``QThread`` and reports back by signals, which Qt delivers on the GUI
thread: the window stays responsive while a long report is made.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from secretariat.errors import DomainError

Progress = Callable[[int, int], None]
Render = Callable[[Progress, Callable[[], bool]], bytes]


@dataclass(frozen=True)
class ReportJob:
    title: str  # the preview window's title, e.g. «صورتجلسه هفتمین جلسه»
    filename: str  # suggested when saving, e.g. «صورتجلسه-۷.pdf»
    render: Render


class ReportWorker(QThread):
    progressed = Signal(int, int)  # done, total
    made = Signal(bytes)
    failed = Signal(str)  # a Persian message
    stopped = Signal()  # cancelled by the user

    def __init__(self, job: ReportJob, parent: QObject | None = None):
        super().__init__(parent)
        self.job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from secretariat.reports import ReportCancelled

        try:
            data = self.job.render(lambda done, total: self.progressed.emit(done, total), self._cancel.is_set)
        except ReportCancelled:
            self.stopped.emit()
        except DomainError as error:
            self.failed.emit(error.message)
        except Exception as error:  # noqa: BLE001 - shown to the user, not lost in a thread
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._cancel.is_set():
                self.stopped.emit()
            else:
                self.made.emit(bytes(data))
