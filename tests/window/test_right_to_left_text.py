"""Multi-line text boxes read from the right, as their placeholders do (issue 14, point 1)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from tests.support.window_meetings import held_meeting, make_council
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.window.resolution_dialog import ResolutionDialog


@pytest.fixture
def resolution_dialog(qtbot, services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    dialog = ResolutionDialog(services.minutes, services.agencies, meeting, services.agenda.items(meeting.id))
    qtbot.addWidget(dialog)
    dialog.resize(640, 480)
    dialog.show()
    return dialog


def _starts_at_the_right(box: QPlainTextEdit, text: str) -> bool:
    box.setPlainText(text)
    cursor = box.textCursor()
    cursor.setPosition(0)
    box.setTextCursor(cursor)
    start = box.cursorRect().center().x()
    box.setPlainText("")  # nothing left unsaved: closing the window asks nothing
    return start > box.viewport().width() * 0.8  # the paragraph's first letter at its right edge


@pytest.mark.parametrize(
    "text",
    [
        "مقرر شد گزارش عملکرد روابط عمومی به دبیرخانه ارسال شود.",
        "۲۵٪ اعتبار تبلیغات به اطلاع‌رسانی اختصاص یابد",  # opens with a number
        "pr@pardis.ir نشانی روابط عمومی است",  # opens with Latin
    ],
)
def test_a_resolution_typed_in_the_dialog_starts_at_the_right(resolution_dialog, text):
    box = resolution_dialog.text
    path = os.environ.get("RTL_BOX_PNG")
    if path:  # to look at it: RTL_BOX_PNG=/tmp/rtl-box.png
        box.setPlainText(text)
        resolution_dialog.grab().save(path)
    assert _starts_at_the_right(box, text)


def test_every_text_box_of_the_forms_aligns_to_the_right(qtbot, services, resolution_dialog):
    agency_dialog = AgencyDialog(services.agencies)
    qtbot.addWidget(agency_dialog)
    boxes = [
        box
        for dialog in (resolution_dialog, agency_dialog)
        for box in [*dialog.findChildren(QPlainTextEdit), *dialog.findChildren(QTextEdit)]
    ]
    assert len(boxes) >= 2
    for box in boxes:
        option = box.document().defaultTextOption()
        assert option.alignment() & Qt.AlignmentFlag.AlignRight, box.objectName()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft


def test_the_summary_editor_of_the_meeting_window_starts_at_the_right(qtbot, services):
    from ui.meetings.window.meeting_window import MeetingWindow

    meeting = held_meeting(services, make_council(services))
    window = MeetingWindow(services, meeting.id)
    qtbot.addWidget(window)
    window.show()
    window.show_tab(window.summaries)
    assert _starts_at_the_right(window.summaries.editor, "۱۴۰۵/۰۲/۲۷ جلسه برگزار شد")
