"""What may be read in as an attachment: regular files only, the size checked before
reading, and the content checked beyond its first bytes.

A pipe or a device must be refused at once, not read: each is read on a
thread here and the test fails if it has not answered within a few seconds.
"""

import os
import sys
import threading
import time

import pytest

from secretariat.errors import DomainError
from secretariat.meetings import attachments
from secretariat.meetings.attachments import read_file
from tests.support import files
from tests.support.meetings import Council

QUICKLY = 5.0  # seconds
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pipes and /dev/zero are POSIX")


def read_within(path, seconds=QUICKLY):
    """``read_file(path)``'s refusal, or a failure if it takes longer than ``seconds``."""
    outcome: list[object] = []

    def target():
        try:
            outcome.append(read_file(path))
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome.append(error)

    thread = threading.Thread(target=target, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"reading {path} did not return within {seconds} s"
    assert time.monotonic() - started < seconds
    [result] = outcome
    assert isinstance(result, DomainError), result
    return result.message


@posix_only
def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    message = read_within(fifo)
    assert "پرونده معمولی نیست" in message and "scan.pdf" in message


@posix_only
def test_a_fifo_with_a_writer_that_stops_early_is_refused(tmp_path):
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)

    def writer():
        with open(fifo, "wb") as handle:  # blocks until a reader opens it, if one ever does
            handle.write(files.pdf()[:100])

    threading.Thread(target=writer, daemon=True).start()
    assert "پرونده معمولی نیست" in read_within(fifo)
    # The writer is left blocked on a pipe nobody reads; unblock it so that the thread ends.
    with open(fifo, "rb") as handle:
        handle.read()


@posix_only
def test_dev_zero_is_refused_without_being_read():
    assert "پرونده معمولی نیست" in read_within("/dev/zero")


def test_a_folder_is_refused(tmp_path):
    assert "پوشه است" in read_within(tmp_path)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_BYTES", 1000)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 1001)
    assert "بزرگ‌تر" in read_within(big)
    exact = tmp_path / "exact.pdf"
    exact.write_bytes(b"x" * 1000)
    assert read_file(exact).data == b"x" * 1000


def test_an_executable_starting_with_the_pdf_marker_is_not_a_pdf(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(files.executable_posing_as_pdf())
    assert read_file(path).media_type is None


@pytest.mark.parametrize(
    ("data", "media"),
    [
        (files.pdf(), "application/pdf"),
        (files.png(), "image/png"),
        (files.jpeg(), "image/jpeg"),
        (files.tiff("II"), "image/tiff"),
        (files.tiff("MM"), "image/tiff"),
    ],
)
def test_whole_scans_are_recognised(tmp_path, data, media):
    path = tmp_path / "scan"
    path.write_bytes(data)
    assert read_file(path).media_type == media


@pytest.mark.parametrize(
    "data",
    [
        files.pdf()[:-200],  # cut short: no %%EOF
        files.pdf().replace(b"startxref\n", b"startxref\n9"),  # points past the end
        files.png()[:-12],  # no IEND
        files.jpeg()[:-2],  # no end marker
        files.jpeg()[:12],  # no image data
        b"II*\x00\xff\xff\x00\x00",  # the first directory outside the file
    ],
    ids=["pdf-cut", "pdf-bad-xref", "png-cut", "jpeg-cut", "jpeg-header-only", "tiff-bad-offset"],
)
def test_files_that_only_start_like_a_scan_are_not_recognised(tmp_path, data):
    path = tmp_path / "scan"
    path.write_bytes(data)
    assert read_file(path).media_type is None


def test_an_executable_posing_as_a_pdf_is_refused_as_the_signed_scan(secretariat, tmp_path):
    council = Council(secretariat)
    council.agency("آموزش و پرورش")
    meeting = council.finalize(council.hold(council.plan("1404/07/15").id).id)
    path = tmp_path / "صورتجلسه امضاشده.pdf"
    path.write_bytes(files.executable_posing_as_pdf())
    with pytest.raises(DomainError) as error:
        council.attachments.attach(meeting.id, path, signed_minutes=True)
    assert "PDF درست و کاملی نیست" in error.value.message
    assert council.attachments.list(meeting.id) == ()
