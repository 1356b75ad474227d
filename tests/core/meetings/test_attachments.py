"""Files a meeting keeps: the signed scan of its minutes and other documents,
copied into the database with their SHA-256."""

import hashlib

import pytest
from sqlalchemy import update

from db.models import AttachmentContent
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings import attachments as attachments_module
from secretariat.meetings.kinds import MeetingStatus
from tests.support import files
from tests.support.meetings import Council, unchanged

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = files.png()
JPEG = files.jpeg()
TIFF_INTEL = b"II*\x00\x08\x00\x00\x00\x00\x00"
TIFF_MOTOROLA = b"MM\x00*\x00\x00\x00\x08\x00\x00"
NOT_A_SCAN = "صورتجلسه هفتمین جلسه شورا\n".encode()

NOT_A_SCAN_MESSAGE = "نسخه امضاشده صورتجلسه باید پرونده PDF یا تصویر (PNG، JPEG، TIFF) باشد."
NOT_FINAL_MESSAGE = "نسخه امضاشده را پس از نهایی شدن صورتجلسه پیوست کنید."


@pytest.fixture
def council(secretariat):
    council = Council(secretariat)
    council.agency("آموزش و پرورش")
    return council


@pytest.fixture
def planned(council):
    return council.plan("1404/07/15")


@pytest.fixture
def held(council, planned):
    return council.hold(planned.id)


@pytest.fixture
def finalized(council, held):
    return council.finalize(held.id)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the signed scan ------------------------------------------------------------------


def test_a_signed_scan_makes_the_meeting_signed(council, finalized, tmp_path):
    scan = write(tmp_path, "صورتجلسه-امضاشده.pdf", PDF)

    record = council.attachments.attach(
        finalized.id, scan, signed_minutes=True, description="  نسخه  امضاشده "
    )

    assert record.kind == "signed_minutes"
    assert record.is_signed_minutes
    assert record.filename == "صورتجلسه-امضاشده.pdf"
    assert record.media_type == "application/pdf"
    assert record.size == len(PDF)
    assert record.sha256 == hashlib.sha256(PDF).hexdigest()
    assert record.description == "نسخه امضاشده"
    assert record.added_at is not None

    meeting = council.meetings.get(finalized.id)
    assert meeting.signed
    assert meeting.signed_at is not None
    assert meeting.status is MeetingStatus.FINALIZED
    assert meeting.status_label == "امضاشده"
    (row,) = council.meetings.page()
    assert row.signed
    assert row.status_label == "امضاشده"
    assert council.meetings.month(1404, 7)[0].status_label == "امضاشده"
    assert council.attachments.content(record.id) == PDF
    assert council.attachments.list(finalized.id) == (record,)
    assert council.meetings.detail(finalized.id).attachments == (record,)


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("scan.pdf", PDF, "application/pdf"),
        ("scan.png", PNG, "image/png"),
        ("scan.jpg", JPEG, "image/jpeg"),
        ("scan.tif", TIFF_INTEL, "image/tiff"),
        ("scan.tiff", TIFF_MOTOROLA, "image/tiff"),
        ("scan.pdf", PNG, "image/png"),  # the content decides, not the name
        ("IMG_0042", JPEG, "image/jpeg"),
    ],
)
def test_a_signed_scan_is_a_pdf_or_an_image_by_content(council, finalized, tmp_path, name, data, media_type):
    record = council.attachments.attach(finalized.id, write(tmp_path, name, data), signed_minutes=True)
    assert record.media_type == media_type
    assert council.attachments.content(record.id) == data


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("صورتجلسه.pdf", NOT_A_SCAN),  # a text file named .pdf
        ("minutes.docx", b"PK\x03\x04\x14\x00\x06\x00"),
        ("scan.pdf", b"%PD"),  # cut short
        ("scan.gif", b"GIF89a\x01\x00\x01\x00"),
    ],
)
def test_anything_else_is_refused_as_a_signed_scan(council, finalized, tmp_path, database, name, data):
    path = write(tmp_path, name, data)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(finalized.id, path, signed_minutes=True)
    assert error.value.message == NOT_A_SCAN_MESSAGE
    assert not council.meetings.get(finalized.id).signed


def test_a_signed_scan_waits_for_finalized_minutes(council, planned, tmp_path, database):
    scan = write(tmp_path, "scan.pdf", PDF)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(planned.id, scan, signed_minutes=True)
    assert error.value.message == NOT_FINAL_MESSAGE

    council.hold(planned.id)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(planned.id, scan, signed_minutes=True)
    assert error.value.message == NOT_FINAL_MESSAGE
    assert not council.meetings.get(planned.id).signed


def test_the_stored_copy_is_the_files_content_not_a_link(council, finalized, tmp_path):
    scan = write(tmp_path, "scan.pdf", PDF)
    record = council.attachments.attach(finalized.id, scan, signed_minutes=True)
    scan.write_bytes(b"%PDF-1.7 changed afterwards")
    scan.unlink()
    assert council.attachments.content(record.id) == PDF


def test_a_corrupted_stored_copy_is_detected(council, finalized, tmp_path, database):
    record = council.attachments.attach(
        finalized.id, write(tmp_path, "minutes.pdf", PDF), signed_minutes=True
    )
    with database.transaction() as session:
        session.execute(
            update(AttachmentContent)
            .where(AttachmentContent.attachment_id == record.id)
            .values(data=PDF.replace(b"Catalog", b"Catalug"))
        )

    with pytest.raises(DomainError) as error:
        council.attachments.content(record.id)
    assert error.value.message == "پیوست «minutes.pdf» آسیب دیده است (چکیده آن نمی‌خواند)."
    target = tmp_path / "export.pdf"
    with pytest.raises(DomainError):
        council.attachments.export(record.id, target)
    assert not target.exists()


def test_export_writes_the_stored_bytes(council, finalized, tmp_path):
    record = council.attachments.attach(finalized.id, write(tmp_path, "scan.png", PNG), signed_minutes=True)
    target = council.attachments.export(record.id, tmp_path / "copy.png")
    assert target.read_bytes() == PNG


def test_an_unknown_attachment_is_not_found(council, planned):
    with pytest.raises(NotFoundError) as error:
        council.attachments.content(999)
    assert error.value.message == "این پیوست در فهرست نیست."


# -- other documents ----------------------------------------------------------------


def test_other_documents_are_accepted_at_any_stage(council, planned, tmp_path):
    letter = council.attachments.attach(
        planned.id,
        write(tmp_path, "دعوت‌نامه.txt", NOT_A_SCAN),
        description="متن دعوت‌نامه",
    )
    assert (letter.kind, letter.media_type, letter.is_signed_minutes) == (
        "document",
        "application/octet-stream",
        False,
    )
    assert letter.filename == "دعوت‌نامه.txt"

    council.hold(planned.id)
    photo = council.attachments.attach(planned.id, write(tmp_path, "photo.jpg", JPEG))
    assert photo.media_type == "image/jpeg"

    council.finalize(planned.id)
    report = council.attachments.attach(planned.id, write(tmp_path, "report.pdf", PDF))
    assert report.media_type == "application/pdf"

    assert [a.filename for a in council.attachments.list(planned.id)] == [
        "دعوت‌نامه.txt",
        "photo.jpg",
        "report.pdf",
    ]
    assert council.attachments.content(letter.id) == NOT_A_SCAN
    # Documents, even a PDF, do not sign the minutes.
    assert not council.meetings.get(planned.id).signed
    assert council.meetings.get(planned.id).status_label == "صورتجلسه نهایی"


# -- descriptions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "proposed"),
    [
        ("صورتجلسه_امضاشده.pdf", "صورتجلسه امضاشده"),
        ("دعوت\u200cنامه هفتمین جلسه.docx", "دعوت\u200cنامه هفتمین جلسه"),
        ("letter\u202efdp.exe", "letterfdp"),  # no direction mark carried into the text
        ("گزارش.سالانه.1404.pdf", "گزارش.سالانه.1404"),
    ],
)
def test_a_description_is_proposed_from_the_file_name(filename, proposed):
    assert attachments_module.default_description(filename) == proposed


def test_a_file_read_first_is_kept_with_its_description_and_the_description_changes_later(
    council, finalized, tmp_path, database
):
    service = council.attachments
    incoming = service.read(write(tmp_path, "scan.pdf", PDF), signed_minutes=True)
    record = service.attach_file(
        finalized.id, incoming, signed_minutes=True, description="  نسخه امضاشده   اعضا  "
    )
    assert (record.description, record.is_signed_minutes) == ("نسخه امضاشده اعضا", True)
    assert council.meetings.get(finalized.id).signed

    changed = service.describe(record.id, "نسخه امضاشده با امضای ريیس شورا")  # an Arabic ي
    assert changed.description == "نسخه امضاشده با امضای رییس شورا"
    assert [a.description for a in service.list(finalized.id)] == [changed.description]
    assert (changed.filename, changed.sha256) == (record.filename, record.sha256)

    too_long = "ش" * (attachments_module.DESCRIPTION_LIMIT + 1)
    with unchanged(database):
        with pytest.raises(ValidationError) as refused:
            service.describe(record.id, too_long)
        assert "description" in refused.value.errors
        with pytest.raises(ValidationError):
            service.attach_file(finalized.id, incoming, description=too_long)
        with pytest.raises(NotFoundError):
            service.describe(999_999, "سند")


def test_a_file_that_cannot_be_the_signed_scan_is_refused_as_it_is_read(council, planned, tmp_path):
    with pytest.raises(DomainError) as refused:
        council.attachments.read(write(tmp_path, "minutes.txt", NOT_A_SCAN), signed_minutes=True)
    assert refused.value.message == NOT_A_SCAN_MESSAGE
    assert council.attachments.read(write(tmp_path, "minutes.txt", NOT_A_SCAN)).data == NOT_A_SCAN


def test_a_cancelled_meeting_takes_no_files(council, planned, tmp_path, database):
    council.meetings.cancel(planned.id, "نبود حد نصاب")
    path = write(tmp_path, "report.pdf", PDF)
    with unchanged(database):
        for signed in (False, True):
            with pytest.raises(DomainError) as error:
                council.attachments.attach(planned.id, path, signed_minutes=signed)
            assert error.value.message == "این جلسه لغو شده است."


def test_a_missing_file_is_refused(council, planned, tmp_path, database):
    missing = tmp_path / "نیست.pdf"
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(planned.id, missing)
    assert error.value.message == f"پرونده «{missing}» پیدا نشد."


def test_an_empty_file_is_refused(council, finalized, tmp_path, database):
    empty = write(tmp_path, "empty.pdf", b"")
    with unchanged(database):
        for signed in (False, True):
            with pytest.raises(DomainError) as error:
                council.attachments.attach(finalized.id, empty, signed_minutes=signed)
            assert error.value.message == "پرونده «empty.pdf» خالی است."


def test_a_folder_is_refused(council, planned, tmp_path, database):
    folder = tmp_path / "scans"
    folder.mkdir()
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(planned.id, folder)
    assert error.value.message == f"«{folder}» پوشه است، نه پرونده."


def test_a_file_over_the_limit_is_refused(council, planned, tmp_path, database, monkeypatch):
    monkeypatch.setattr(attachments_module, "MAX_BYTES", len(PDF) - 1)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attachments.attach(planned.id, write(tmp_path, "big.pdf", PDF))
    assert error.value.message == "پرونده «big.pdf» بزرگ‌تر از ۵۰ مگابایت است."


def test_a_file_for_an_unknown_meeting_is_refused(council, tmp_path, database):
    with unchanged(database), pytest.raises(NotFoundError):
        council.attachments.attach(999, write(tmp_path, "scan.pdf", PDF))
    with pytest.raises(NotFoundError):
        council.attachments.list(999)
