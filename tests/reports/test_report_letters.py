"""The toolkit's letters: several in one document, each numbered on its own, with
«تاریخ»، «شماره» and «پیوست» in the letterhead; and how an addressee is named."""

import datetime as dt

from secretariat.reports import styles
from secretariat.reports.letter import formal_name
from secretariat.reports.page import PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph
from tests.support.reports import readable_lines, rtl

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
PRINTED_ON = dt.date(2025, 5, 17)  # ۱۴۰۴/۰۲/۲۷
FIELDS = (("تاریخ", "۱۴۰۴/۰۲/۲۷"), ("شماره", "........"), ("پیوست", "ندارد"))


def page_of(page: int, total: int) -> str:
    digits = "۰۱۲۳۴۵۶۷۸۹"
    persian = lambda n: "".join(digits[int(d)] for d in str(n))  # noqa: E731
    return f"{persian(total)} {rtl('از')} {persian(page)} {rtl('صفحه')}"


def letter(pages: int) -> list:
    """About ``pages`` pages of text."""
    return [RtlParagraph("روابط عمومی‌ها بازوان مدیران دستگاه‌ها هستند. " * 80, styles.BODY)] * pages


def test_each_letter_starts_a_page_with_the_letterhead_and_numbers_its_own_pages():
    story = letters_story([("نامه اول", letter(1)), ("نامه دوم", letter(3)), ("نامه سوم", letter(1))])
    pdf = build_pdf(
        story, PageSetup(council_name=COUNCIL, title="نامه‌ها", printed_on=PRINTED_ON, letter_fields=FIELDS)
    )
    pages = readable_lines(pdf)
    starts = [i for i, lines in enumerate(pages) if rtl("بسمه تعالی") in lines]
    assert len(starts) == 3 and starts[0] == 0
    spans = list(zip(starts, [*starts[1:], len(pages)], strict=True))
    lengths = [end - start for start, end in spans]
    assert lengths[0] == lengths[2] == 1 and lengths[1] >= 3
    for (start, end), title in zip(spans, ("نامه اول", "نامه دوم", "نامه سوم"), strict=True):
        for number, index in enumerate(range(start, end), start=1):
            assert page_of(number, end - start) in pages[index]
            if index != start:
                assert rtl(title) in pages[index]  # the letter's own running head


def test_a_letter_has_its_date_number_and_attachment_in_the_letterhead_not_the_print_date():
    pdf = build_pdf(
        letter(1), PageSetup(council_name=COUNCIL, title="نامه", printed_on=PRINTED_ON, letter_fields=FIELDS)
    )
    first = readable_lines(pdf)[0]
    assert "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ") in first
    assert "........ :" + rtl("شماره") in first
    assert rtl("پیوست: ندارد") in first
    assert first.count("۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ چاپ")) == 1  # in the footer only


def test_a_document_without_letters_is_numbered_as_a_whole():
    pdf = build_pdf(letter(2), PageSetup(council_name=COUNCIL, title="سند", printed_on=PRINTED_ON))
    pages = readable_lines(pdf)
    assert all(page_of(number, len(pages)) in lines for number, lines in enumerate(pages, start=1))


def test_gender_comes_only_from_an_honorific_that_says_it():
    assert formal_name("مریم احمدی", "خانم دکتر") == "سرکار خانم دکتر مریم احمدی"
    assert formal_name("مریم احمدی", "سرکار خانم") == "سرکار خانم مریم احمدی"
    assert formal_name("رضا قاسمی", "آقای مهندس") == "جناب آقای مهندس رضا قاسمی"
    assert formal_name("رضا قاسمی", "جناب آقای") == "جناب آقای رضا قاسمی"
    assert formal_name("نرگس طاهری", "دکتر") == "دکتر نرگس طاهری"  # no «آقای» or «خانم» guessed
    assert formal_name("ثمین اصفهانی") == "ثمین اصفهانی"
