"""Making a report off the GUI thread, with progress and cancel.

A ``ReportJob`` names the report and gives the call that makes it:
``render(progress, cancelled) -> bytes``, where ``progress(done, total)``
reports how far it is and ``cancelled()`` says whether to stop (the core's
reports raise ``ReportCancelled`` then). ``ReportWorker`` (a
``ui.worker.Worker``) runs it in a ``QThread`` and reports back by signals,
which Qt delivers on the GUI thread: the window stays responsive while a
long report is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QObject, Signal

from ui.worker import Progress, Worker

Render = Callable[[Progress, Callable[[], bool]], bytes]


@dataclass(frozen=True)
class ReportJob:
    title: str  # the preview window's title, e.g. «صورتجلسه هفتمین جلسه»
    filename: str  # suggested when saving, e.g. «صورتجلسه-۷.pdf»
    render: Render


class ReportWorker(Worker):
    """A ``Worker`` for a report: the PDF's bytes come back by ``made``."""

    made = Signal(bytes)

    def __init__(self, job: ReportJob, parent: QObject | None = None):
        super().__init__(job.render, parent)
        self.job = job

    def deliver(self, result: object) -> None:
        # A report finished after «انصراف» is not shown: the person asked for none.
        if self.is_cancelled():
            self.stopped.emit()
        else:
            self.made.emit(bytes(cast(bytes, result)))  # what job.render returned
