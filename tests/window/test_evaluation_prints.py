"""Printing the evaluation from the window: the ranking, the score cards and the certificates
open in the preview; the certificates' dialog asks for the top N or a tier and refuses a draft."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.support import evaluation as support
from ui.reports.evaluation_print_dialog import EvaluationPrint, EvaluationPrintDialog
from ui.reports.evaluation_prints import print_certificates, print_ranking, print_scorecards
from ui.reports.report_preview import ReportPreview
from ui.window.main_window import MainWindow


@pytest.fixture
def world(services, monkeypatch):
    support.fix_today(monkeypatch)
    ids = support.evaluation_world(services)
    services.evaluations.create(1405, copy_from=1404)  # a draft
    return ids


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _pages(qtbot, preview: ReportPreview) -> list[str]:
    """The preview's report once made: each page's text, as pypdf reads it."""
    qtbot.addWidget(preview)
    qtbot.waitUntil(
        lambda: preview.is_ready() or preview.pages.currentWidget() is preview.message, timeout=20000
    )
    assert preview.is_ready(), preview.message.text()
    reader = PdfReader(io.BytesIO(preview.data))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def _answer(fill) -> None:
    """Fill in the modal dialog about to open, then press its button."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EvaluationPrintDialog)
        fill(dialog)
        dialog.accept()
        if dialog.isVisible():  # refused: say so, and close it
            dialog.reject()

    QTimer.singleShot(0, answer)


def test_the_ranking_of_a_year(qtbot, parent, services, world):
    preview = print_ranking(parent, services, 1404)
    assert preview.job.title == "رتبه‌بندی ارزیابی عملکرد روابط عمومی‌ها؛ سال ۱۴۰۴"
    pages = _pages(qtbot, preview)
    assert support.SPORTS in " ".join(pages)


def test_the_score_card_of_one_agency(qtbot, parent, services, world):
    preview = print_scorecards(parent, services, 1404, world[support.UNIVERSITY])
    assert support.UNIVERSITY in preview.job.title
    [page] = _pages(qtbot, preview)
    assert "پیشنهاد برای بهبود" in page


def test_the_certificates_of_a_tier(qtbot, parent, services, world):
    def by_tier(dialog: EvaluationPrintDialog) -> None:
        assert not dialog.year.isEnabled()  # the evaluation's own year
        assert [dialog.tier.itemText(i) for i in range(dialog.tier.count())] == [
            "ممتاز",
            "برتر",
            "خوب",
            "نیازمند بهبود",
        ]
        dialog.by_tier.setChecked(True)
        assert dialog.form.widget("tier").isVisibleTo(dialog) and not dialog.top.isVisibleTo(dialog)
        dialog.tier.setCurrentIndex(dialog.tier.findData("برتر"))

    _answer(by_tier)
    pages = _pages(qtbot, print_certificates(parent, services, 1404))
    assert len(pages) == 2
    assert all("لوح تقدیر" in page and "«برتر»" in page for page in pages)


def test_the_certificates_dialog_refuses_a_draft_and_a_number_that_is_not_one(qtbot, services, world):
    dialog = EvaluationPrintDialog(services, EvaluationPrint.CERTIFICATES, year=1405)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.saved is None
    assert "هنوز منتشر نشده است" in dialog.form.error("year")

    dialog = EvaluationPrintDialog(services, EvaluationPrint.CERTIFICATES, year=1404)
    qtbot.addWidget(dialog)
    dialog.top.setText("صفر")
    dialog.accept()
    assert dialog.saved is None and dialog.form.error("top")
    dialog.top.setText("۲")
    dialog.accept()
    assert (dialog.saved.year, dialog.saved.top, dialog.saved.tier) == (1404, 2, None)


def test_the_reports_menu_asks_the_year_and_offers_every_evaluation(qtbot, services, world):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    titles = [action.text() for action in window.report_actions]
    assert {"رتبه‌بندی ارزیابی عملکرد...", "کارنامه‌های ارزیابی...", "لوح‌های تقدیر..."} <= set(titles)

    def choose_1404_and_one_agency(dialog: EvaluationPrintDialog) -> None:
        years = [dialog.year.itemText(i) for i in range(dialog.year.count())]
        assert years == ["سال ۱۴۰۵ (پیش‌نویس)", "سال ۱۴۰۴", "سال ۱۴۰۳"]
        dialog.year.setCurrentIndex(1)
        assert dialog.agency is not None
        dialog.agency.set_agency_id(world[support.SPORTS])

    _answer(choose_1404_and_one_agency)
    preview = window.print_scorecards()
    assert preview is not None and support.SPORTS in preview.job.title
    [page] = _pages(qtbot, preview)
    assert support.SPORTS in page


def test_the_dialogs_fit_a_laptop_screen(qtbot, services, world):
    for kind in EvaluationPrint:
        dialog = EvaluationPrintDialog(services, kind)
        qtbot.addWidget(dialog)
        dialog.show()
        size = dialog.frameGeometry().size()
        assert size.width() <= 1366 and size.height() <= 768


def test_the_evaluation_pages_buttons_print_the_year_it_shows(qtbot, services, world):
    """The page's print signals reach the printouts: the year's ranking, one agency's score card."""
    from ui.window.main_window import EVALUATION

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_section(EVALUATION)
    page = window.evaluation_view
    page.ranking_print_requested.emit(1404)
    page.scorecards_print_requested.emit(1404, world[support.SPORTS])
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview) and w.isVisible()]
    for preview in previews:
        qtbot.addWidget(preview)
    titles = sorted(preview.job.title for preview in previews)
    assert len(titles) == 2
    assert any("۱۴۰۴" in title and support.SPORTS not in title for title in titles)
    assert any(support.SPORTS in title for title in titles)
