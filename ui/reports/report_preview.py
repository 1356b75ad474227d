"""The report preview: a report made in the background, then shown page by
page (Qt PDF), zoomed, printed through the system's print dialog, or saved
as a PDF file.

While the report is made a progress bar and «انصراف» stand where the pages
will be; the window stays responsive, and closing it cancels the work.
Printing draws each page as an image at the printer's resolution, so what
prints is exactly what the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from secretariat.persian.text import format_int
from ui import messages, resources, strings
from ui.reports.report_worker import ReportJob, ReportWorker
from ui.widgets import file_choice
from ui.widgets.screen_fit import fit_to_screen

WINDOW_SIZE = (900, 1000)
ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.25, 5.0)


class ReportPreview(QDialog):
    def __init__(self, job: ReportJob, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("reportPreview")
        self.setWindowTitle(strings.PREVIEW_TITLE.format(title=job.title))
        self.job = job
        self.data: bytes | None = None

        # -- while the report is made
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the report says how much there is
        self.progress.setMaximumWidth(420)
        self.progress_label = QLabel(strings.PREVIEW_MAKING.format(title=job.title))
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton(strings.PREVIEW_CANCEL)
        self.cancel_button.clicked.connect(self.cancel)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.progress_label)
        waiting_layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(1)

        # -- the pages
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # pages are laid out, not read
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(waiting)
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.message)

        # -- the tool row
        self.print_button = QPushButton(strings.PREVIEW_PRINT)
        self.print_button.setObjectName("primaryButton")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(strings.PREVIEW_SAVE)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_report)
        # Right to left: the previous page is to the right, its arrow pointing right. Arrows
        # that bidi does not mirror (→ ←), so each points where it is drawn.
        self.previous_button = self._tool(
            "", strings.PREVIEW_PREVIOUS, lambda: self.go_to(self.current_page() - 1), text="→"
        )
        self.next_button = self._tool(
            "", strings.PREVIEW_NEXT, lambda: self.go_to(self.current_page() + 1), text="←"
        )
        self.page_label = QLabel()
        self.zoom_out_button = self._tool(
            "", strings.PREVIEW_ZOOM_OUT, lambda: self.zoom(1 / ZOOM_STEP), text="−"
        )
        self.zoom_in_button = self._tool("", strings.PREVIEW_ZOOM_IN, lambda: self.zoom(ZOOM_STEP), text="+")
        self.fit_button = QPushButton(strings.PREVIEW_FIT_WIDTH)
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_label = QLabel()
        tools = QHBoxLayout()
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addSpacing(16)
        widget: QWidget
        for widget in (self.previous_button, self.page_label, self.next_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        for widget in (self.zoom_in_button, self.zoom_label, self.zoom_out_button, self.fit_button):
            tools.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)
        fit_to_screen(self, *WINDOW_SIZE)
        self._set_ready(False)

        self.worker = self._start_worker()

    @staticmethod
    def _tool(icon: str, tip: str, slot: Callable[[], object], *, text: str = "") -> QToolButton:
        button = QToolButton()
        if icon:
            button.setIcon(resources.icon(icon))
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # -- the work ---------------------------------------------------------------------------

    def _make_worker(self) -> ReportWorker:
        return ReportWorker(self.job, self)

    def _start_worker(self) -> ReportWorker:
        worker = self._make_worker()
        worker.progressed.connect(self._on_progress)
        worker.made.connect(self._on_made)
        worker.failed.connect(self._on_failed)
        worker.stopped.connect(self._on_stopped)
        worker.start()
        return worker

    def cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(strings.PREVIEW_CANCELLING)
        self.worker.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            strings.PREVIEW_PROGRESS.format(done=format_int(done), total=format_int(total))
        )

    def _on_made(self, data: bytes) -> None:
        self.data = data
        if self._buffer.isOpen():  # made again (a letter issued after its preview): the new pages
            self.document.close()
            self._buffer.close()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self._on_failed(strings.PREVIEW_UNREADABLE)
            return
        self.pages.setCurrentWidget(self.view)
        self._set_ready(True)
        self._show_page_number()

    def _on_failed(self, text: str) -> None:
        self.message.setText(strings.PREVIEW_FAILED.format(reason=text))
        self.pages.setCurrentWidget(self.message)

    def _on_stopped(self) -> None:
        self.message.setText(strings.PREVIEW_CANCELLED)
        self.pages.setCurrentWidget(self.message)

    def is_ready(self) -> bool:
        return self.data is not None and self.document.status() == QPdfDocument.Status.Ready

    def _set_ready(self, ready: bool) -> None:
        for widget in (
            self.print_button,
            self.save_button,
            self.previous_button,
            self.next_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            widget.setEnabled(ready)
        self.page_label.setVisible(ready)
        self.zoom_label.setVisible(ready)

    # -- pages and zoom ---------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
            self._show_page_number()

    def _on_page_changed(self, _page: int) -> None:
        # The navigator also speaks while the window is taken apart, after the document.
        if shiboken6.isValid(self.document):
            self._show_page_number()

    def _show_page_number(self) -> None:
        page = self.current_page()
        self.page_label.setText(
            strings.PREVIEW_PAGE.format(page=format_int(page + 1), pages=format_int(self.page_count()))
        )
        self.previous_button.setEnabled(self.is_ready() and page > 0)
        self.next_button.setEnabled(self.is_ready() and page + 1 < self.page_count())
        self._show_zoom()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        low, high = ZOOM_LIMITS
        self.view.setZoomFactor(min(high, max(low, self.view.zoomFactor() * factor)))
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _show_zoom(self) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(strings.PREVIEW_ZOOM_FIT)
        else:
            self.zoom_label.setText(
                strings.PREVIEW_ZOOM.format(percent=format_int(round(self.view.zoomFactor() * 100)))
            )

    # -- print and save ------------------------------------------------------------------------------

    def print_report(self) -> bool:
        if not self.is_ready():
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(strings.PREVIEW_PRINT_TITLE)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw the chosen pages on ``printer``, each fitted to the printable area."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:  # no range chosen: every page
            first, last = 1, self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            messages.error(self, strings.PREVIEW_PRINT_FAILED)
            return False
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for number in range(first - 1, last):
                if number > first - 1:
                    printer.newPage()
                size = self.document.pagePointSize(number)
                scale = min(area.width() / size.width(), area.height() / size.height())
                image = self.document.render(
                    number, QSize(round(size.width() * scale), round(size.height() * scale))
                )
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        self._announce(strings.PREVIEW_PRINTED.format(pages=format_int(last - first + 1)))
        return True

    def save_report(self) -> Path | None:
        if not self.is_ready():
            return None
        path = file_choice.save_file(self, strings.PREVIEW_SAVE_TITLE, self.job.filename, strings.PDF_FILTER)
        if not path:
            return None
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            # Written beside and moved into place: a failed save never leaves half a file.
            partial = path.with_name(path.name + ".part")
            partial.write_bytes(cast(bytes, self.data))  # save_report() checks is_ready() first
            partial.replace(path)
        except OSError as error:
            messages.error(
                self, strings.PREVIEW_SAVE_FAILED.format(path=path, reason=error.strerror or error)
            )
            return None
        self._announce(strings.PREVIEW_SAVED.format(path=path))
        return path

    def _announce(self, text: str) -> None:
        self.setWindowTitle(strings.PREVIEW_TITLE.format(title=self.job.title) + " — " + text)

    # -- closing ---------------------------------------------------------------------------------------

    def _stop(self) -> None:
        """Closing while the report is made: stop the work and wait for the thread."""
        if self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)
