"""The report preview: made in the background with progress, paged, zoomed, saved, printed, cancelled."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen import canvas

from secretariat.errors import DomainError
from secretariat.reports import ReportCancelled
from ui.reports.report_preview import ReportPreview
from ui.reports.report_worker import ReportJob


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    for number in range(pages):
        sheet.drawString(100, 700, f"page {number + 1}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def _job(pages: int = 3, *, steps: int = 4) -> ReportJob:
    def render(progress, cancelled) -> bytes:
        for step in range(steps):
            if cancelled():
                raise ReportCancelled()
            progress(step + 1, steps)
        return _pdf(pages)

    return ReportJob(title="گزارش آزمایشی", filename="گزارش.pdf", render=render)


@pytest.fixture
def preview(qtbot, persian_app):
    def open_preview(job: ReportJob) -> ReportPreview:
        window = ReportPreview(job)
        qtbot.addWidget(window)
        window.show()
        return window

    return open_preview


def test_the_report_is_made_in_the_background_then_paged(qtbot, preview):
    window = preview(_job(pages=3))
    qtbot.waitUntil(window.is_ready, timeout=10000)
    assert window.page_count() == 3
    assert window.pages.currentWidget() is window.view
    assert window.page_label.text() == "صفحه ۱ از ۳"
    assert not window.previous_button.isEnabled() and window.next_button.isEnabled()
    window.go_to(2)
    assert window.page_label.text() == "صفحه ۳ از ۳"
    assert not window.next_button.isEnabled()


def test_zoom_in_out_and_fit(qtbot, preview):
    window = preview(_job())
    qtbot.waitUntil(window.is_ready, timeout=10000)
    assert window.zoom_label.text() == "هم‌عرض"
    window.view.setZoomFactor(1.0)
    window.zoom(1.25)
    assert window.zoom_label.text() == "۱۲۵٪"
    for _ in range(20):
        window.zoom(1.25)
    assert window.view.zoomFactor() == 5.0  # the upper limit
    window.fit_width()
    assert window.zoom_label.text() == "هم‌عرض"


def test_save_writes_the_same_pdf(qtbot, preview, tmp_path):
    window = preview(_job(pages=2))
    qtbot.waitUntil(window.is_ready, timeout=10000)
    saved = window.save_to(tmp_path / "گزارش")
    assert saved == tmp_path / "گزارش.pdf"
    assert saved.read_bytes() == window.data
    assert len(PdfReader(saved).pages) == 2
    assert not list(tmp_path.glob("*.part"))


def test_print_draws_every_page(qtbot, preview, tmp_path):
    window = preview(_job(pages=2))
    qtbot.waitUntil(window.is_ready, timeout=10000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.print_to(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_cancel_stops_the_work_and_says_so(qtbot, preview):
    started, release = threading.Event(), threading.Event()

    def slow(progress, cancelled) -> bytes:
        started.set()
        release.wait(10)
        if cancelled():
            raise ReportCancelled()
        return _pdf(1)

    window = preview(ReportJob(title="گزارش کند", filename="x.pdf", render=slow))
    assert started.wait(10)
    assert window.pages.currentIndex() == 0  # the progress page
    window.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.message, timeout=10000)
    assert window.message.text() == "ساخت گزارش متوقف شد."
    assert not window.print_button.isEnabled()


def test_a_refusal_is_shown_in_persian(qtbot, preview):
    def refuse(progress, cancelled) -> bytes:
        raise DomainError("این جلسه صورتجلسه ندارد.")

    window = preview(ReportJob(title="صورتجلسه", filename="x.pdf", render=refuse))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.message, timeout=10000)
    assert "این جلسه صورتجلسه ندارد." in window.message.text()
    assert not window.save_button.isEnabled()


def test_closing_while_making_cancels_and_waits(qtbot, preview):
    started = threading.Event()
    seen_cancel = threading.Event()

    def slow(progress, cancelled) -> bytes:
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        seen_cancel.set()
        raise ReportCancelled()

    window = preview(ReportJob(title="گزارش کند", filename="x.pdf", render=slow))
    assert started.wait(10)
    worker = window.worker
    window.close()
    assert seen_cancel.is_set()
    assert not worker.isRunning()
