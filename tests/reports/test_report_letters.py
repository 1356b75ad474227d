"""The toolkit's letters: several in one document, each numbered on its own, with
«تاریخ»، «شماره» and «پیوست» in the letterhead; and how an addressee is named."""

import datetime as dt

from reportlab.lib.enums import TA_RIGHT

from secretariat.members.council import CouncilLevel, CouncilRecord, QuorumRule
from secretariat.reports import styles
from secretariat.reports.letter import (
    BODY,
    COPY,
    addressed_name,
    chair_copies,
    closing,
    esteemed_post,
    formal_name,
    guest_addressee,
)
from secretariat.reports.page import PAGE_WIDTH, SIDE_MARGIN, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph
from tests.support.reports import readable, readable_lines, rtl, text_runs

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
PRINTED_ON = dt.date(2025, 5, 17)  # ۱۴۰۴/۰۲/۲۷
FIELDS = (("تاریخ", "۱۴۰۴/۰۲/۲۷"), ("شماره", "۱۲/ش/۱۴۰۴"), ("پیوست", "ندارد"))


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
    assert "۱۴۰۴/ش/۱۲ :" + rtl("شماره") in first  # the number reads from the right: ۱۲، ش، ۱۴۰۴
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


def test_an_honorific_typed_at_the_start_of_a_whole_name_is_read_as_one():
    assert addressed_name("خانم دکتر مریم احمدی") == "سرکار خانم دکتر مریم احمدی"
    assert addressed_name("آقای رضا قاسمی") == "جناب آقای رضا قاسمی"
    assert addressed_name("جناب آقای مهندس رضا قاسمی") == "جناب آقای مهندس رضا قاسمی"
    assert addressed_name("مهندس علی‌اصغر نیک‌نام") == "مهندس علی‌اصغر نیک‌نام"  # no gender guessed
    assert addressed_name("خانم") == "خانم"  # a name is never emptied


def test_a_post_is_addressed_with_the_courtesy_after_its_first_title():
    assert esteemed_post("معاون بهره‌برداری") == "معاون محترم بهره‌برداری"
    assert esteemed_post("مدیرکل روابط عمومی") == "مدیرکل محترم روابط عمومی"
    assert esteemed_post("مدیر کل روابط عمومی") == "مدیر کل محترم روابط عمومی"
    assert esteemed_post("رئیس محترم دانشگاه") == "رئیس محترم دانشگاه"  # typed already: not twice
    assert esteemed_post("") == ""


def test_a_guest_letter_never_opens_on_a_bare_name():
    assert guest_addressee("خانم نرگس طاهری", "", "دانشگاه تهران").lines == (
        "سرکار خانم نرگس طاهری",
        "دانشگاه تهران",
    )
    assert guest_addressee("حمیدرضا کرمانی", "مدیرکل روابط عمومی", "استانداری تهران").lines == (
        "حمیدرضا کرمانی",
        "مدیرکل محترم روابط عمومی استانداری تهران",
    )
    # Neither a gender nor a post known: the name itself carries the courtesy.
    assert guest_addressee("دکتر ثمین اصفهانی", "", "").lines == ("دکتر ثمین اصفهانی محترم",)


def council(chair: str) -> CouncilRecord:
    return CouncilRecord(
        id=1,
        name=COUNCIL,
        level=CouncilLevel.COUNTY,
        city="پردیس",
        chair=chair,
        secretary="زهرا موسوی",
        quorum_rule=QuorumRule.MAJORITY,
        quorum_count=None,
        is_demo=False,
    )


def test_the_copy_goes_to_the_chair_for_information_and_not_without_a_chair():
    (copy,) = chair_copies(council("آقای محمدرضا صالحی"))
    assert copy.line == f"جناب آقای محمدرضا صالحی، رئیس محترم {COUNCIL} جهت استحضار"
    assert chair_copies(council("  ")) == ()


def test_the_copies_follow_the_signature_in_smaller_type_at_the_right():
    signed = closing(
        "پیشاپیش سپاسگزاری می‌شود.", council("محمدرضا صالحی"), chair_copies(council("محمدرضا صالحی"))
    )
    parts = signed._content  # KeepTogether's flowables, in order
    texts = [getattr(part, "text", None) for part in parts]
    assert texts[-2:] == ["رونوشت:", f"محمدرضا صالحی، رئیس محترم {COUNCIL} جهت استحضار"]
    assert parts[-1].bullet == "-"  # «- محمدرضا صالحی، ...», a long copy hanging beside its dash
    signature_at = next(index for index, part in enumerate(parts) if type(part).__name__ == "Table")
    assert signature_at < len(parts) - 2
    assert all(part.style.fontSize < BODY.fontSize for part in parts[-2:])
    assert all(part.style.alignment == TA_RIGHT for part in parts[-2:]) and COPY.alignment == TA_RIGHT
    assert [getattr(p, "text", None) for p in closing("سپاس.", council(""))._content][-1] is None  # no block


def test_the_copy_block_is_drawn_at_the_right_under_the_signature():
    pdf = build_pdf(
        [
            closing(
                "پیشاپیش سپاسگزاری می‌شود.", council("محمدرضا صالحی"), chair_copies(council("محمدرضا صالحی"))
            )
        ],
        PageSetup(council_name=COUNCIL, title="نامه", printed_on=PRINTED_ON, letter_fields=FIELDS),
    )
    runs = text_runs(pdf)[0]
    head = next(run for run in runs if readable(run.text) == rtl("رونوشت:"))
    signer = next(run for run in runs if readable(run.text) == rtl("زهرا موسوی"))
    assert head.y < signer.y
    assert (
        abs(head.right - (PAGE_WIDTH - SIDE_MARGIN)) < 1
    )  # right aligned, not under the signature at the left
    assert signer.right < PAGE_WIDTH / 2
