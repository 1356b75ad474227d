"""The page: letterhead, «صفحه ۲ از ۵» footers, print date, the draft watermark, the seal."""

import datetime as dt
import io

from pypdf import PdfReader

from secretariat.reports import styles
from secretariat.reports.fingerprint import Seal, qr_modules
from secretariat.reports.page import PAGE_WIDTH, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from tests.support.reports import page_count, page_texts, readable_lines, rtl, text_runs, watermarks

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
PRINTED_ON = dt.date(2025, 5, 17)  # ۱۴۰۴/۰۲/۲۷
SEAL = Seal("M1404-07-9F3A1C2B", "9f3a1c2b" + "0" * 56)


def document(paragraphs: int = 1, **setup) -> bytes:
    """``paragraphs`` of about a page each."""
    story = [RtlParagraph("روابط عمومی‌ها بازوان مدیران دستگاه‌ها هستند. " * 80, styles.BODY)] * paragraphs
    return build_pdf(
        story, PageSetup(council_name=COUNCIL, title="صورتجلسه هفتمین جلسه", printed_on=PRINTED_ON, **setup)
    )


def page_of(page: int, total: int) -> str:
    """«صفحه ۲ از ۵» as drawn: the numbers keep their place, the words read from the right."""
    digits = "۰۱۲۳۴۵۶۷۸۹"
    persian = lambda n: "".join(digits[int(d)] for d in str(n))  # noqa: E731
    return f"{persian(total)} {rtl('از')} {persian(page)} {rtl('صفحه')}"


def test_every_page_says_which_page_of_how_many():
    pdf = document(paragraphs=5)
    pages = readable_lines(pdf)
    total = len(pages)
    assert total >= 5
    for number, lines in enumerate(pages, start=1):
        assert page_of(number, total) in lines


def test_page_numbers_of_ten_and_more_keep_their_digits_in_order():
    pdf = document(paragraphs=12)
    pages = readable_lines(pdf)
    assert len(pages) >= 10
    assert page_of(10, len(pages)) in pages[9]
    assert "۰۱" not in " ".join(pages[9]).replace("۱۴۰۴/۰۲/۲۷", "")


def test_every_page_carries_the_jalali_print_date_and_the_council():
    for lines in readable_lines(document(paragraphs=2)):
        assert "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ چاپ") in lines
        assert rtl(COUNCIL) in lines


def test_the_letterhead_is_on_the_first_page_only():
    pages = readable_lines(document(paragraphs=2))
    assert rtl("بسمه تعالی") in pages[0] and rtl("دبیرخانه") in pages[0]
    assert all(rtl("بسمه تعالی") not in lines for lines in pages[1:])
    assert all(rtl("صورتجلسه هفتمین جلسه") in lines for lines in pages[1:])  # the running head


def test_a_draft_says_so_on_every_page_and_a_finalized_document_nowhere():
    draft = document(paragraphs=2, draft=True)
    assert all(count == 1 for count in watermarks(draft)) and len(watermarks(draft)) >= 2
    assert rtl("پیش‌نویس") in readable_lines(draft)[0]  # the stamp in the letterhead, in the text
    final = document(paragraphs=2, seal=SEAL)
    assert not any(watermarks(final))
    assert not any("پیش‌نویس" in text for text in page_texts(final))


def test_the_watermark_runs_across_the_page_and_is_not_in_the_text():
    draft = document(draft=True)
    mark = max((run for run in text_runs(draft)[0] if not run.text.strip()), key=lambda run: run.width)
    assert abs(mark.x - PAGE_WIDTH / 2) < PAGE_WIDTH / 3  # drawn from near the centre, rotated
    assert all(text.count("پیش‌نویس") <= 1 for text in page_texts(draft))  # the letterhead's stamp only


def test_a_finalized_document_carries_its_code_and_qr_code():
    pages = readable_lines(document(paragraphs=2, seal=SEAL))
    assert SEAL.code in pages[0]
    assert all(f"{SEAL.code} :" + rtl("شناسه سند") in lines for lines in pages)  # footer of every page
    content = PdfReader(io.BytesIO(document(seal=SEAL))).pages[0].get_contents().get_data()
    modules = qr_modules(SEAL.payload)
    dark_runs = sum(1 for row in modules for i, dark in enumerate(row) if dark and (i == 0 or not row[i - 1]))
    assert content.count(b" re") >= dark_runs  # one rectangle per dark run of the QR code


def test_the_pdf_is_a4_persian_and_titled():
    reader = PdfReader(io.BytesIO(document()))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)
    assert reader.metadata.title == "صورتجلسه هفتمین جلسه"
    assert reader.trailer["/Root"]["/Lang"] == "fa-IR"


def test_the_same_document_made_at_the_same_time_is_the_same_bytes():
    made = dt.datetime(2025, 5, 17, 10, 30, tzinfo=dt.UTC)
    assert document(seal=SEAL, created_at=made) == document(seal=SEAL, created_at=made)
    assert page_count(document()) == 1
