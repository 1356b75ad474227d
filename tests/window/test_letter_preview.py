"""Letters in the window: previewed without a number, issued from the preview, printed again as
copies, issued anew when asked; the communication of a finalized meeting's resolutions from the
meeting window and from its steps."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from secretariat.letters.register import LetterKind
from secretariat.meetings.minutes import ResolutionDraft
from tests.support.window_meetings import AGENCIES, SECRETARY, held_meeting, make_council, with_resolution
from ui.meetings.window.meeting_window import MeetingWindow
from ui.reports.letter_preview import LetterPreview


@pytest.fixture
def agencies(services):
    return make_council(services)


@pytest.fixture
def finalized(services, agencies):
    """A meeting whose three resolutions name three agencies (one as a collaborator), finalized."""
    meeting = held_meeting(services, agencies)
    with_resolution(services, meeting.id, agencies[AGENCIES[1]])
    services.minutes.add_resolution(
        meeting.id,
        ResolutionDraft(
            text="مقرر شد نشریه مشترک منتشر شود.",
            lead_agency_id=agencies[AGENCIES[0]],
            collaborator_agency_ids=(agencies[AGENCIES[2]],),
            due_next_meeting=True,
        ),
    )
    return services.minutes.finalize(meeting.id, by=SECRETARY)


@pytest.fixture
def open_window(qtbot, services):
    def open_meeting(meeting_id: int) -> MeetingWindow:
        window = MeetingWindow(services, meeting_id)
        qtbot.addWidget(window)
        window.show()
        return window

    return open_meeting


def made(qtbot, preview: LetterPreview, *, pending: int | None = None) -> str:
    """The preview once made (and, with ``pending``, once that many letters are left to issue); its text."""
    qtbot.addWidget(preview)

    def done() -> bool:
        shown = preview.is_ready() or preview.pages.currentWidget() is preview.message
        return shown and (pending is None or (preview.printed is not None and preview.pending() == pending))

    qtbot.waitUntil(done, timeout=20000)
    assert preview.is_ready(), preview.message.text()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(preview.data)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def step(window: MeetingWindow, title: str):
    """The steps box's row of ``title``: (mark, title, text, button)."""
    return next(row for row in window.details.steps._rows if row[1].text() == title)


def test_the_communication_is_offered_once_the_minutes_are_final(services, agencies, open_window):
    held = held_meeting(services, agencies)
    window = open_window(held.id)
    assert not window.communicate_action.isEnabled()
    _mark, _title, text, button = step(window, "ابلاغ مصوبات")
    assert not button.isVisible() and "پس از نهایی‌سازی" in text.text()


def test_the_preview_issues_nothing_until_the_letters_are_issued_from_it(
    qtbot, services, finalized, open_window
):
    window = open_window(finalized.id)
    assert window.communicate_action.isEnabled()
    mark, _title, text, button = step(window, "ابلاغ مصوبات")
    assert mark.text() == "●" and "۳ دستگاه مسئول" in text.text() and button.text() == "نامه‌های ابلاغ"
    preview = window.communicate()
    assert isinstance(preview, LetterPreview)
    shown = made(qtbot, preview, pending=3)
    assert services.letters.count() == 0  # looking takes no number
    assert shown.count("شماره: پس از صدور") == 3 and "پیش‌نویس" in shown
    assert not preview.print_button.isEnabled() and not preview.save_button.isEnabled()
    assert preview.print_report() is False and preview.save_report() is None
    assert preview.issue_button.isVisible() and not preview.new_button.isVisible()
    assert "۳ نامه هنوز شماره ندارد" in preview.letters_label.text()

    qtbot.mouseClick(preview.issue_button, Qt.MouseButton.LeftButton)
    shown = made(qtbot, preview, pending=0)
    issued = services.letters.of_meeting(finalized.id, LetterKind.COMMUNICATION)
    assert len(issued) == 3 and all(letter.has_document for letter in issued)
    for letter in issued:
        assert f"شماره: {letter.shown_number}" in shown
    assert "پیش‌نویس" not in shown and "رونوشت" not in shown.split()
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert "۳ نامه صادر و در دفتر ثبت شد" in preview.letters_label.text()
    assert preview.new_button.isVisible() and not preview.issue_button.isVisible()
    # The meeting window hears of the letters: the step is done.
    qtbot.waitUntil(lambda: step(window, "ابلاغ مصوبات")[0].text() == "✓", timeout=5000)
    assert "۳ نامه ابلاغ" in step(window, "ابلاغ مصوبات")[2].text()


def test_opened_again_the_letters_are_copies_and_new_ones_are_issued_only_when_asked(
    qtbot, services, finalized, open_window, message_boxes
):
    window = open_window(finalized.id)
    first = window.communicate()
    made(qtbot, first, pending=3)
    qtbot.mouseClick(first.issue_button, Qt.MouseButton.LeftButton)
    made(qtbot, first, pending=0)
    numbers = [letter.shown_number for letter in services.letters.of_meeting(finalized.id)]

    # Through the steps box's button, as the secretary would.
    qtbot.mouseClick(step(window, "ابلاغ مصوبات")[3], Qt.MouseButton.LeftButton)
    again = next(p for p in window.findChildren(LetterPreview) if p is not first)
    shown = made(qtbot, again, pending=0)
    assert shown.split().count("رونوشت") == 3
    assert all(f"شماره: {number}" in shown for number in numbers)
    assert again.print_button.isEnabled() and again.new_button.isVisible()
    assert "با نشان «رونوشت» چاپ می‌شوند" in again.letters_label.text()
    assert services.letters.count() == 3

    message_boxes.answer = False
    assert again.issue_new() is False
    assert services.letters.count() == 3
    message_boxes.answer = True
    assert again.issue_new() is True
    assert "شماره و تاریخ تازه" in message_boxes.shown[-1][1]
    shown = made(qtbot, again, pending=0)
    qtbot.waitUntil(lambda: services.letters.count() == 6, timeout=5000)
    fresh = [letter.shown_number for letter in services.letters.of_meeting(finalized.id)][3:]
    assert all(f"شماره: {number}" in shown for number in fresh) and "رونوشت" not in shown.split()
