"""A modal progress dialog around a ``Worker``: a backup, a restore, an import.

``run_work(parent, title, text, work)`` shows the dialog, runs
``work(progress, cancelled)`` in a thread and returns once it has ended,
with a ``WorkOutcome``. The bar is busy until the work reports progress,
then shows the percentage. The window underneath keeps painting (the
dialog runs its own event loop) but takes no input meanwhile, which is what
work on the whole database needs. With ``cancellable`` an «انصراف» button
asks the work to stop; closing the dialog does the same. Without it, the
dialog cannot be closed until the work ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui import strings
from ui.rtl import rtl
from ui.worker import Work, Worker


@dataclass(frozen=True)
class WorkOutcome:
    result: object = None
    error: str | None = None  # a Persian message when the work failed
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


class WorkDialog(QDialog):
    def __init__(
        self, title: str, text: str, work: Work, *, cancellable: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("workDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        # No close button while the work cannot be stopped.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, cancellable)
        self.outcome: WorkOutcome | None = None
        self.label = QLabel(rtl(text))
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the work says how much there is
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(360)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(cancellable)
        self._cancellable = cancellable
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

        self.worker = Worker(work, self)
        self.worker.progressed.connect(self._on_progress)
        # Bound methods of the dialog (not lambdas): Qt queues them onto the GUI thread.
        self.worker.succeeded.connect(self._on_succeeded)
        self.worker.failed.connect(self._on_failed)
        self.worker.stopped.connect(self._on_stopped)

    def run(self) -> WorkOutcome:
        """Start the work and wait (events running) until it has ended."""
        # Started before exec: its signals are queued, so none is lost before the loop runs.
        self.worker.start()
        self.exec()
        self.worker.wait()
        return self.outcome or WorkOutcome(cancelled=True)

    def cancel(self) -> None:
        if not self._cancellable or not self.worker.isRunning():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText(rtl(strings.WORK_CANCELLING))
        self.worker.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setTextVisible(True)
        self.progress.setFormat(strings.WORK_PROGRESS)

    def _on_succeeded(self, result: object) -> None:
        self._end(WorkOutcome(result=result))

    def _on_failed(self, text: str) -> None:
        self._end(WorkOutcome(error=text))

    def _on_stopped(self) -> None:
        self._end(WorkOutcome(cancelled=True))

    def _end(self, outcome: WorkOutcome) -> None:
        self.outcome = outcome
        super().accept()

    # Escape, the close button and Alt+F4 cancel the work; the dialog ends with it.
    def reject(self) -> None:
        self.cancel()

    def accept(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.outcome is None:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def run_work(
    parent: QWidget | None, title: str, text: str, work: Work, *, cancellable: bool = False
) -> WorkOutcome:
    dialog = WorkDialog(title, text, work, cancellable=cancellable, parent=parent)
    try:
        return dialog.run()
    finally:
        dialog.deleteLater()
