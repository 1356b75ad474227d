"""A wait the person cannot skip, shown once it lasts: building the demo, opening a large database.

``wait_for(title, text, work)`` runs ``work(report)`` in a thread and returns
what it returned, or raises (on the GUI thread) what it raised, so the caller
handles a refusal as if it had called ``work`` itself. If the work is still
running after ``SHOW_AFTER_MS``, a small window appears: ``text`` (then
each step the work names with ``report(done, total, text)``) above a progress
bar, busy until the work says how far it is. Waits shorter than that show no
window, so an everyday start does not flash one.

The GUI thread runs an event loop meanwhile, so the window (and the app's
other windows) paint instead of staying black; the window is application
modal and has no close button: the work cannot be stopped halfway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.rtl import rtl

SHOW_AFTER_MS = 300  # a wait longer than this is shown

T = TypeVar("T")
StepReport = Callable[[int, int, str], None]  # (done, total, what is being done now)


class WaitWindow(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("waitWindow")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        heading = QLabel(rtl(title))  # the title bar may be plain or hidden: say it inside too
        heading.setObjectName("sectionHeading")
        self.label = QLabel(rtl(text))
        self.label.setObjectName("waitText")
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the work says how much there is
        self.progress.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 22)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        self.setFixedWidth(420)

    def show_step(self, done: int, total: int, text: str) -> None:
        if text:
            self.label.setText(rtl(text))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    # Neither Escape nor the window manager's close button ends a wait that cannot be stopped.
    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():
            event.ignore()


class _WaitThread(QThread):
    reported = Signal(int, int, str)

    def __init__(self, work: Callable[[StepReport], object], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self.reported.emit)
        except BaseException as error:  # noqa: BLE001 - raised again on the GUI thread
            self.error = error


def wait_for(
    title: str,
    text: str,
    work: Callable[[StepReport], T],
    *,
    parent: QWidget | None = None,
    show_after_ms: int = SHOW_AFTER_MS,
) -> T:
    """What ``work(report)`` returns, run off the GUI thread with a window if it lasts."""
    window = WaitWindow(title, text, parent)
    thread = _WaitThread(work)
    # The window's method, not a lambda: Qt queues the thread's reports onto the GUI thread.
    thread.reported.connect(window.show_step)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(window.show)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        timer.start(show_after_ms)
        if not thread.isFinished():
            loop.exec()
        thread.wait()
    finally:
        timer.stop()
        QGuiApplication.restoreOverrideCursor()
        window.hide()
        window.deleteLater()
    if thread.error is not None:
        raise thread.error
    return cast(T, thread.result)  # what ``work`` returned: it raised nothing
