"""Printing from the windows: each report opens in the preview, made from what the window shows."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from secretariat.followup.status import ResolutionStatus
from tests.support.followup import followup_world
from ui.reports.attendance_period_dialog import AttendancePeriodDialog
from ui.reports.report_preview import ReportPreview
from ui.window.main_window import AGENCIES, RESOLUTIONS, MainWindow


@pytest.fixture
def world(services):
    return followup_world(services)


@pytest.fixture
def window(qtbot, services, world):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    return main


def _made(qtbot, preview: ReportPreview) -> str:
    """The preview's report once made; its text, as pypdf reads it."""
    qtbot.addWidget(preview)
    qtbot.waitUntil(
        lambda: preview.is_ready() or preview.pages.currentWidget() is preview.message, timeout=20000
    )
    assert preview.is_ready(), preview.message.text()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(preview.data)).pages)
    return unicodedata.normalize("NFKC", text)  # the shaped glyphs back to letters


def _words(text: str) -> str:
    # pypdf gives right-to-left runs in its own order; single words still read whole.
    return " ".join(text.split())


def test_the_meeting_window_prints_the_minutes_of_a_held_meeting(qtbot, window, world):
    meeting_window = window.show_meeting(world["held"].id)
    qtbot.addWidget(meeting_window)
    assert meeting_window.print_minutes_action.isEnabled()
    assert not meeting_window.print_invitations_action.isEnabled()  # held: too late to invite
    preview = meeting_window.print_minutes()
    text = _made(qtbot, preview)
    assert preview.windowTitle().startswith("پیش‌نمایش صورتجلسه")
    assert preview.page_count() >= 1
    assert "صورتجلسه" in _words(text)


def test_a_planned_meeting_offers_invitations_not_minutes(qtbot, window, world):
    meeting_window = window.show_meeting(world["next"].id)
    qtbot.addWidget(meeting_window)
    assert not meeting_window.print_minutes_action.isEnabled()
    assert meeting_window.print_invitations_action.isEnabled()
    assert meeting_window.print_invitation_list_action.isEnabled()


def test_the_register_prints_what_it_lists(qtbot, window, world):
    window.show_section(RESOLUTIONS)
    view = window.register_view
    view.status_filter.setCurrentIndex(view.status_filter.findData(ResolutionStatus.DONE.value))
    preview = view.print_register()
    assert preview.job.title == "گزارش مصوبات"
    text = _made(qtbot, preview)
    assert "نشریه" in text  # the one done resolution


def test_the_follow_up_letter_needs_an_agency_chosen(qtbot, window, world):
    window.show_section(RESOLUTIONS)
    view = window.register_view
    assert view.print_letter() is None
    view.agency_filter.set_agency_id(world["town"])
    preview = view.print_letter()
    assert "شهرداری پردیس" in preview.job.title
    _made(qtbot, preview)


def test_the_agencies_section_prints_the_directory(qtbot, window):
    window.show_section(AGENCIES)
    qtbot.mouseClick(window.agencies_view.print_button, Qt.MouseButton.LeftButton)
    [preview] = [w for w in window.findChildren(ReportPreview)]
    text = _made(qtbot, preview)
    assert "شهرداری" in text


def test_the_attendance_period_is_checked_before_anything_is_made(qtbot, persian_app):
    dialog = AttendancePeriodDialog()
    qtbot.addWidget(dialog)
    dialog.start.setText("1405/06/01")
    dialog.end.setText("1405/01/01")
    dialog.accept()
    assert dialog.saved is None
    assert "پیش از" in dialog.form.error("end")
    dialog.end.setText("1405/07/01")
    dialog.accept()
    assert dialog.saved[0] < dialog.saved[1]
