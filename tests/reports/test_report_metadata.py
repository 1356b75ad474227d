"""What a printed PDF says about itself: its real creation time, its Persian title,
language and XMP metadata, only embedded fonts, bookmarks, and PDF/A-2b in the yearly archive."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from secretariat import clock
from secretariat.archive import export_archive
from secretariat.archive.layout import LETTERS_FOLDER, MONTHLY_REPORTS_FOLDER
from secretariat.followup.register import RegisterSort, ResolutionQuery
from secretariat.letters.printed import Issuing
from secretariat.reports import (
    render_attendance,
    render_directory,
    render_followup_letters,
    render_invitation,
    render_minutes,
    render_register,
    render_yearbook,
    styles,
)
from secretariat.reports.metadata import pdf_date, xmp_date
from secretariat.reports.page import PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph

PRINTED_ON = dt.date(2025, 5, 17)
# A time in Tehran: the half hour of +03:30 must survive into both dates.
NOW = dt.datetime(2025, 5, 17, 10, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=3, minutes=30)))
TITLE = "صورتجلسه هفتمین جلسه (فوق‌العاده) شورای «پردیس» & ‌همکاران"
COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


def small(title: str = TITLE, **setup) -> bytes:
    story = [RtlParagraph("روابط عمومی‌ها بازوان مدیران دستگاه‌ها هستند. " * 30, styles.BODY)]
    return build_pdf(story, PageSetup(council_name=COUNCIL, title=title, printed_on=PRINTED_ON, **setup))


def info(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).trailer["/Info"].get_object()


def xmp(pdf: bytes) -> ET.Element:
    reader = PdfReader(io.BytesIO(pdf))
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert stream["/Subtype"] == "/XML" and "/Filter" not in stream  # readable without inflating
    return ET.fromstring(stream.get_data())


def xmp_value(root: ET.Element, path: str) -> str:
    found = root.find(f".//{path}", NS)
    assert found is not None, path
    if found.text and found.text.strip():
        return found.text
    item = found.find(".//rdf:li", NS)
    assert item is not None, path
    return item.text or ""


def outline(pdf: bytes) -> list[tuple[int, str, int]]:
    """(level, title, page number from 1) of every bookmark, in order."""
    reader = PdfReader(io.BytesIO(pdf))
    entries: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def fonts(pdf: bytes) -> list:
    """Every font dictionary a page (or a form on it) uses."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            found.append(font.get_object())
    return found


def assert_every_font_embedded(pdf: bytes) -> None:
    used = fonts(pdf)
    assert used
    for font in used:
        assert "Helvetica" not in font["/BaseFont"]
        assert "Vazirmatn" in font["/BaseFont"]
        # A composite font (each face, one per document) has its descriptor in its descendant.
        described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
        assert "/FontFile2" in described["/FontDescriptor"].get_object(), font["/BaseFont"]


# -- the information dictionary and the XMP ----------------------------------------------------


def test_the_creation_date_is_the_clocks_time_with_its_offset(fixed_clock):
    pdf = small()
    dictionary = info(pdf)
    assert dictionary["/CreationDate"] == "D:20250517103005+03'30'" == pdf_date(NOW)
    assert dictionary["/ModDate"] == dictionary["/CreationDate"]
    assert PdfReader(io.BytesIO(pdf)).metadata.creation_date == NOW


def test_a_time_given_is_the_creation_date_whatever_the_clock(fixed_clock):
    made = dt.datetime(2026, 3, 19, 23, 59, 0, tzinfo=dt.UTC)
    assert info(small(created_at=made))["/CreationDate"] == "D:20260319235900+00'00'"


def test_the_same_document_made_at_the_same_time_is_the_same_bytes(fixed_clock):
    assert small() == small()
    assert small(created_at=NOW + dt.timedelta(seconds=1)) != small()  # the time is in the file


def test_the_persian_title_subject_and_author_are_utf16_text():
    reader = PdfReader(io.BytesIO(small()))
    assert reader.metadata.title == TITLE
    assert reader.metadata.subject == TITLE
    assert reader.metadata.author == COUNCIL
    raw = reader.trailer["/Info"].get_object().get("/Title").get_original_bytes()
    assert raw.startswith(b"\xfe\xff")  # UTF-16BE with its byte order mark, as PDF text strings are
    assert "/Keywords" not in reader.trailer["/Info"].get_object()  # nothing empty the XMP would lack


def test_the_language_is_persian_in_the_catalog_and_the_xmp():
    pdf = small()
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "fa-IR"
    assert xmp_value(xmp(pdf), "dc:language") == "fa-IR"


def test_the_xmp_says_what_the_information_dictionary_says(fixed_clock):
    pdf = small()
    dictionary, root = info(pdf), xmp(pdf)
    assert xmp_value(root, "dc:title") == dictionary["/Title"] == TITLE  # «&» and «»» escaped and back
    assert xmp_value(root, "dc:creator") == dictionary["/Author"]
    assert xmp_value(root, "dc:description") == dictionary["/Subject"]
    assert xmp_value(root, "xmp:CreatorTool") == dictionary["/Creator"]
    assert dictionary["/Creator"].startswith("council-secretariat ")
    assert xmp_value(root, "pdf:Producer") == dictionary["/Producer"]
    assert xmp_value(root, "xmp:CreateDate") == xmp_date(NOW) == "2025-05-17T10:30:05+03:30"
    assert dt.datetime.fromisoformat(xmp_value(root, "xmp:ModifyDate")) == NOW
    assert root.find(".//pdfaid:part", NS) is None  # only the archive's documents claim PDF/A


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo is not installed")
def test_pdfinfo_shows_the_persian_title_and_the_real_date(fixed_clock, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(small())
    shown = subprocess.run(
        ["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    assert re.search(rf"^Title:\s+{re.escape(TITLE)}$", shown, re.M)
    assert re.search(rf"^Author:\s+{re.escape(COUNCIL)}$", shown, re.M)
    assert re.search(r"^CreationDate:\s+2025-05-17T10:30:05\+03:30$", shown, re.M)
    assert re.search(r"^Metadata Stream:\s+yes$", shown, re.M)


# -- fonts -------------------------------------------------------------------------------------


def test_every_font_of_the_minutes_draft_and_final_is_embedded_vazirmatn(
    demo, finalized_meeting, held_meeting
):
    for meeting in (finalized_meeting, held_meeting):  # the seal's QR code; the draft's watermark
        assert_every_font_embedded(render_minutes(demo, meeting.id, printed_on=PRINTED_ON))


def test_every_font_of_the_tables_and_the_charts_is_embedded_vazirmatn(demo):
    # reportlab's Table and its graphics ask for Helvetica before drawing their cells and labels.
    year = max(demo.meetings.years())
    assert_every_font_embedded(render_register(demo, ResolutionQuery(), printed_on=PRINTED_ON))
    assert_every_font_embedded(render_yearbook(demo, year, printed_on=PRINTED_ON))


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts is not installed")
def test_pdffonts_lists_only_embedded_fonts(demo, finalized_meeting, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(render_minutes(demo, finalized_meeting.id, printed_on=PRINTED_ON))
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = lines.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "Vazirmatn" in name and emb == "yes", row


# -- bookmarks -------------------------------------------------------------------------------


def opens_with_the_outline(pdf: bytes) -> bool:
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/PageMode") == "/UseOutlines"


def test_the_minutes_have_a_bookmark_for_each_section_and_agenda_item(demo, finalized_meeting):
    pdf = render_minutes(demo, finalized_meeting.id, printed_on=PRINTED_ON)
    entries = outline(pdf)
    top = [title for level, title, _ in entries if level == 0]
    assert top[:3] == ["دستور جلسه", "خلاصه مذاکرات", "مصوبات"]
    assert "حاضران" in top and "امضای اعضای حاضر" in top
    items = [title for level, title, _ in entries if level == 1 and title[0] in "۰۱۲۳۴۵۶۷۸۹"]
    assert items and items[0].startswith("۱. ")
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages) and pages[-1] > 1  # in reading order, and not all on page one
    assert opens_with_the_outline(pdf)


def test_each_invitation_and_follow_up_letter_is_a_bookmark(demo, demo_meetings):
    invitation = render_invitation(demo, demo_meetings[-1].id, issuing=Issuing.PREVIEW, printed_on=PRINTED_ON)
    entries = outline(invitation)
    assert len(entries) == len(PdfReader(io.BytesIO(invitation)).pages) > 1  # one-page letters
    assert all(level == 0 and "؛" not in title for level, title, _ in entries)  # the addressee alone
    assert [page for _, _, page in entries] == list(range(1, len(entries) + 1))
    letters = render_followup_letters(demo, issuing=Issuing.PREVIEW, printed_on=PRINTED_ON)
    agencies = [title for _, title, _ in outline(letters)]
    assert agencies and len(set(agencies)) == len(agencies)
    assert opens_with_the_outline(letters)


def test_the_register_is_bookmarked_by_meeting(demo):
    pdf = render_register(demo, ResolutionQuery(sort=RegisterSort.MEETING_DATE), printed_on=PRINTED_ON)
    titles = [title for _, title, _ in outline(pdf)]
    assert len(titles) > 1 and all("جلسه" in title and "۱۴۰" in title for title in titles)
    assert len(set(titles)) == len(titles)
    assert opens_with_the_outline(pdf)


def test_the_directory_bookmarks_every_agency_and_attendance_its_totals(demo):
    directory = render_directory(demo, printed_on=PRINTED_ON)
    entries = outline(directory)
    assert len(entries) > 20 and {page for _, _, page in entries} == {1, 2}
    start, end = dt.date(2024, 3, 20), dt.date(2026, 3, 20)
    titles = [title for _, title, _ in outline(render_attendance(demo, start, end, printed_on=PRINTED_ON))]
    assert titles == ["گزارش حضور و غیاب دستگاه‌ها", "جمع"]


def test_a_one_page_document_does_not_open_on_its_outline(demo):
    start, end = dt.date(2024, 3, 20), dt.date(2026, 3, 20)
    pdf = render_attendance(demo, start, end, printed_on=PRINTED_ON)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1 and outline(pdf)
    assert not opens_with_the_outline(pdf)


# -- the yearly archive: PDF/A-2b -----------------------------------------------------------------


@pytest.fixture(scope="module")
def archive_pdfs(demo, tmp_path_factory):
    """The PDFs of the newest demo year's archive, made at NOW: ``{path: bytes}``."""
    year = max(demo.meetings.years())
    target = tmp_path_factory.mktemp("archive-pdfa") / "archive.zip"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "now", lambda: NOW)
        export_archive(demo.database, year, target, printed_on=PRINTED_ON)
    with zipfile.ZipFile(target) as archive:
        manifest = archive.read("manifest.json").decode("utf-8")
        pdfs = {name: archive.read(name) for name in archive.namelist() if name.endswith(".pdf")}
        # The files the office kept (scans, the agencies' reports, letters as first issued) are
        # archived byte for byte as they were stored; only the archive's own renderings are PDF/A.
        kept = ("attachments/", MONTHLY_REPORTS_FOLDER, LETTERS_FOLDER)
        pdfs = {name: data for name, data in pdfs.items() if not name.startswith(kept)}
    assert '"created_at": "2025-05-17T10:30:05"' in manifest  # the one moment of the archive
    assert any(name.startswith("minutes/") for name in pdfs) and any(
        name.startswith("report/") for name in pdfs
    )
    return pdfs


def test_the_archives_pdfs_claim_pdfa_2b_in_their_xmp(archive_pdfs):
    for name, pdf in archive_pdfs.items():
        root = xmp(pdf)
        assert xmp_value(root, "pdfaid:part") == "2", name
        assert xmp_value(root, "pdfaid:conformance") == "B", name
        assert xmp_value(root, "dc:title") == info(pdf)["/Title"], name
        assert info(pdf)["/CreationDate"] == pdf_date(NOW), name


def test_the_archives_pdfs_have_an_srgb_output_intent(archive_pdfs):
    for name, pdf in archive_pdfs.items():
        intents = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/OutputIntents"]
        assert len(intents) == 1, name
        intent = intents[0].get_object()
        assert intent["/S"] == "/GTS_PDFA1" and "sRGB" in intent["/OutputConditionIdentifier"]
        profile = intent.raw_get("/DestOutputProfile")
        assert isinstance(profile, IndirectObject)  # a stream, as every stream is
        profile = profile.get_object()
        icc = profile.get_data()
        assert profile["/N"] == 3
        assert icc[36:40] == b"acsp" and icc[12:16] == b"mntr" and icc[16:20] == b"RGB "
        assert icc[8] <= 4  # PDF/A-2 takes ICC profiles up to version 4


def test_the_archives_pdfs_meet_pdfa_file_structure(archive_pdfs):
    for name, pdf in archive_pdfs.items():
        assert pdf.startswith(b"%PDF-1.") and all(byte > 127 for byte in pdf.split(b"\n")[1][1:5]), name
        assert not re.search(rb"[^\r\n]endstream", pdf), name  # an end of line before every endstream
        reader = PdfReader(io.BytesIO(pdf))
        assert "/ID" in reader.trailer and "/Encrypt" not in reader.trailer, name
        assert reader.trailer["/Root"]["/Lang"] == "fa-IR"
        # In the objects' dictionaries: a compressed stream's bytes may spell «/JS» by chance.
        objects = re.sub(rb"stream\r?\n.*?endstream", b"", pdf, flags=re.S)
        assert not re.search(rb"/(JavaScript|JS|EmbeddedFiles|Launch)\b", objects), name
        assert_every_font_embedded(pdf)


def test_only_the_archive_claims_pdfa(demo, finalized_meeting):
    pdf = render_minutes(demo, finalized_meeting.id, printed_on=PRINTED_ON)
    assert "/OutputIntents" not in PdfReader(io.BytesIO(pdf)).trailer["/Root"]
