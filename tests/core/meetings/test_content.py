"""Safe names for opening a stored document, and the private folder the copies go to (no Qt)."""

import stat
import sys

import pytest

from secretariat.meetings import content
from tests.support import files


@pytest.mark.parametrize(
    ("stored", "data", "expected"),
    [
        ("letter\u202efdp.exe", files.pdf(), "letterfdp.pdf"),  # shown as «letterexe.pdf»
        ("نامه ۲۱۵.pdf", files.pdf(), "نامه ۲۱۵.pdf"),
        ("صورتجلسه\u200cها.PDF", files.pdf(), "صورتجلسه\u200cها.pdf"),  # the half-space stays
        ("photo.pdf", files.jpeg(), "photo.jpg"),  # the content decides
        ("scan", files.png(), "scan.png"),
        ("../../etc/passwd", files.pdf(), "etcpasswd.pdf"),
        ("a\u2066b\u2069\u200fc\x00\n.tif", files.tiff(), "abc.tif"),
        ("CON.pdf", files.pdf(), "_CON.pdf"),
        ("\u202e", files.pdf(), "document.pdf"),
        ("x" * 300 + ".pdf", files.pdf(), "x" * 100 + ".pdf"),
    ],
)
def test_safe_names_lose_control_and_direction_marks_and_take_the_contents_extension(stored, data, expected):
    assert content.safe_name(stored, data) == expected


@pytest.mark.parametrize(
    "data", [b"MZ\x90\x00program", files.executable_posing_as_pdf(), b"plain text", files.pdf()[:-40]]
)
def test_unknown_content_has_no_name_to_open_under(data):
    assert content.safe_name("letter.pdf", data) is None
    assert content.write_private_copy("letter.pdf", data) is None


def test_the_save_name_keeps_the_extension_without_the_marks():
    assert content.safe_save_name("letter\u202efdp.exe") == "letterfdp.exe"
    assert content.safe_save_name("گزارش.docx") == "گزارش.docx"


def test_copies_go_to_one_private_folder_each_in_a_folder_of_its_own():
    first = content.write_private_copy("letter\u202efdp.exe", files.pdf())
    second = content.write_private_copy("letter\u202efdp.exe", files.pdf())
    assert first is not None and second is not None
    assert first.name == second.name == "letterfdp.pdf" and first != second
    assert first.parent.parent == second.parent.parent == content.private_folder()
    assert first.read_bytes() == files.pdf()
    if sys.platform != "win32":
        assert stat.S_IMODE(content.private_folder().stat().st_mode) == 0o700
        assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(first.stat().st_mode) == 0o400  # a copy to look at
