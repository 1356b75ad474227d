"""Stored documents open from a private folder under a safe name, never under their stored one.

A follow-up document named with U+202E (shown as «letterexe.pdf», really
ending in ``.exe``) must reach the desktop as a ``.pdf`` when it is a PDF,
from the session's folder that only its owner can read; a file whose
content is not a PDF or an image is not handed to the desktop at all, the
person is asked where to save it instead. ``desktop.open_in_default_app``
and the save dialog are replaced: nothing is really opened.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.meetings import content
from tests.support import files
from tests.support.window_meetings import finalized_meeting, make_council
from ui import desktop
from ui.meetings.window.meeting_window import MeetingWindow
from ui.resolutions.followup_window import FollowUpWindow
from ui.widgets import file_choice
from ui.widgets.table_setup import select_row

DISGUISED = "letter\u202efdp.exe"  # shown right to left after U+202E: «letterexe.pdf»


@pytest.fixture
def opened(monkeypatch):
    handed: list[Path] = []
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: handed.append(Path(path)) or True)
    return handed


@pytest.fixture
def saved(monkeypatch, tmp_path):
    """The save dialog: answers with a path in ``tmp_path`` and keeps the titles it was shown with."""
    titles: list[tuple[str, str]] = []

    def save_file(_parent, title, suggested, *_args):
        titles.append((title, suggested))
        return str(tmp_path / "saved-copy")

    monkeypatch.setattr(file_choice, "save_file", save_file)
    return titles


def _assert_private(path: Path) -> None:
    assert path.parent.parent == content.private_folder()
    if sys.platform != "win32":
        assert stat.S_IMODE(content.private_folder().stat().st_mode) == 0o700
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def _followup_with_document(qtbot, services, tmp_path, name: str, data: bytes) -> FollowUpWindow:
    agencies = make_council(services)
    meeting = finalized_meeting(services, agencies)
    [resolution] = _resolutions(services, meeting)
    source = tmp_path / "incoming"
    source.mkdir()
    path = source / name
    path.write_bytes(data)
    services.followup.add(
        resolution.id, FollowUpDraft(date="1404/03/01", note="نامه ارسال شد", document=path)
    )
    window = FollowUpWindow(services, resolution.id, meeting.id)
    qtbot.addWidget(window)
    window.show()
    select_row(window.log_tab.table, 0)
    return window


def _resolutions(services, meeting):
    from secretariat.followup.register import ResolutionQuery

    return services.register.page(ResolutionQuery(meeting_id=meeting.id), limit=None)


def test_a_disguised_pdf_opens_from_the_private_folder_as_a_pdf(
    qtbot, services, tmp_path, opened, saved, message_boxes
):
    window = _followup_with_document(qtbot, services, tmp_path, DISGUISED, files.pdf())
    assert window.log_tab.open_document()
    [path] = opened
    assert path.name == "letterfdp.pdf"
    assert "\u202e" not in str(path) and path.suffix == ".pdf"
    assert path.read_bytes() == files.pdf()
    _assert_private(path)
    assert saved == [] and message_boxes.shown == []


def test_a_document_of_unknown_content_is_offered_for_saving_not_opened(
    qtbot, services, tmp_path, opened, saved, message_boxes
):
    data = b"MZ\x90\x00" + bytes(range(256)) * 4  # a program, whatever its name says
    window = _followup_with_document(qtbot, services, tmp_path, DISGUISED, data)
    assert not window.log_tab.open_document()
    assert opened == []
    [(title, suggested)] = saved
    assert "باز نمی‌شود" in title and "کجا ذخیره" in title
    assert suggested == "letterfdp.exe"  # what it is, without the marks that disguised it
    assert (tmp_path / "saved-copy").read_bytes() == data


def test_a_meeting_file_opens_from_the_private_folder_under_its_contents_extension(
    qtbot, services, tmp_path, opened, saved, message_boxes
):
    agencies = make_council(services)
    meeting = finalized_meeting(services, agencies)
    scan = tmp_path / "صورتجلسه\u202egnp.pdf"
    scan.write_bytes(files.png())
    services.attachments.attach(meeting.id, scan, signed_minutes=True)
    window = MeetingWindow(services, meeting.id)
    qtbot.addWidget(window)
    window.show()
    tab = window.attachments
    window.show_tab(tab)
    select_row(tab.table, 0)
    assert tab.open_button.isEnabled()
    assert tab.open_attachment()
    [path] = opened
    assert path.name == "صورتجلسهgnp.png"
    assert path.read_bytes() == files.png()
    _assert_private(path)
    assert saved == [] and message_boxes.shown == []


def test_a_meeting_file_of_unknown_content_is_saved_not_opened(
    qtbot, services, tmp_path, opened, saved, message_boxes
):
    agencies = make_council(services)
    meeting = finalized_meeting(services, agencies)
    letter = tmp_path / "دعوت‌نامه.docx"
    letter.write_bytes(b"PK\x03\x04 a word document")
    services.attachments.attach(meeting.id, letter)
    window = MeetingWindow(services, meeting.id)
    qtbot.addWidget(window)
    window.show()
    window.show_tab(window.attachments)
    select_row(window.attachments.table, 0)
    assert not window.attachments.open_attachment()
    assert opened == []
    assert [suggested for _title, suggested in saved] == ["دعوت‌نامه.docx"]
    assert (tmp_path / "saved-copy").read_bytes() == b"PK\x03\x04 a word document"
