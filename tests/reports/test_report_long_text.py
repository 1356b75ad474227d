"""Text of any length prints: a row longer than a page splits at a line, continued under
the repeated header with «(ادامه)»; a long e-mail address does not squeeze the names beside it.

The service limits keep typed texts shorter (a resolution to 3,000 characters), but a record
from an import or an older version may be longer, and the paper must still come out whole.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable

from secretariat.followup.register import ResolutionQuery
from secretariat.letters.printed import PrintedLetter
from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.directory import directory_pdf, directory_story, gather_directory
from secretariat.reports.followup_letter import followup_draft, followup_letters_pdf, gather_followup_letter
from secretariat.reports.letter import council_of
from secretariat.reports.minutes import minutes_pdf
from secretariat.reports.minutes_data import gather_minutes
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.register_report import gather_register, register_pdf
from secretariat.reports.table import CELL_PADDING
from tests.support.reports import PRINTED_ON, page_count, readable_lines, rtl

# Words found nowhere else in the reports, in an order that does not repeat in a short
# period: a line lost, doubled or put out of order changes the sequence read back.
WORDS = ("سپیدار", "نارون", "زیتون", "افرا", "بلوط", "چنار", "شمشاد", "گردو", "بادام", "ارغوان", "زبان‌گنجشک")
CONTINUED = ")" + rtl("ادامه") + "("  # «(ادامه)»: a drawn bracket reads as the one it stands for


def long_text(characters: int) -> str:
    words: list[str] = []
    while len(" ".join(words)) < characters:
        n = len(words)
        words.append(WORDS[(n * n + 3 * n) % len(WORDS)])
    return " ".join(words)


def printed_words(pdf: bytes) -> list[list[str]]:
    """Per page, the lines made only of ``WORDS``, back in reading order."""
    pages = []
    for page in readable_lines(pdf):
        logical = [line[::-1] for line in page]
        pages.append([line for line in logical if line.split() and set(line.split()) <= set(WORDS)])
    return pages


def all_printed(pdf: bytes) -> str:
    return " ".join(line for page in printed_words(pdf) for line in page)


TEN_THOUSAND = long_text(10_000)


def test_a_resolution_of_ten_thousand_characters_prints_whole_in_the_minutes(demo, finalized_meeting):
    data = gather_minutes(demo, finalized_meeting.id)
    first, *others = data.detail.resolutions
    detail = replace(data.detail, resolutions=(replace(first, text=TEN_THOUSAND), *others))
    pdf = minutes_pdf(replace(data, detail=detail), printed_on=PRINTED_ON)
    assert all_printed(pdf) == TEN_THOUSAND  # every line once, in order
    pages = readable_lines(pdf)
    with_text = [index for index, words in enumerate(printed_words(pdf)) if words]
    assert len(with_text) >= 3
    # The row starts right under the heading: no page is left blank before it.
    assert rtl("مصوبات") in pages[with_text[0]]
    for index in with_text[1:]:  # each page it runs onto: the header again, the row's number over «(ادامه)»
        lines = pages[index]
        assert rtl("متن مصوبه") in lines and rtl("ردیف") in lines
        mark = lines.index(CONTINUED)
        assert lines[mark - 1] == to_persian_digits(first.number)
        assert lines.count(CONTINUED) == 1


def test_a_resolution_of_ten_thousand_characters_prints_whole_in_the_register(demo):
    data = gather_register(demo, ResolutionQuery())
    rows = list(data.rows)
    rows[3] = replace(rows[3], text=TEN_THOUSAND)
    pdf = register_pdf(replace(data, rows=tuple(rows)), printed_on=PRINTED_ON)
    assert all_printed(pdf) == TEN_THOUSAND
    pages = readable_lines(pdf)
    first_page = next(index for index, words in enumerate(printed_words(pdf)) if words)
    assert first_page == 0  # the fourth row starts on the first page, under the three before it
    assert pages[1].count(CONTINUED) == 1 and "۴" in pages[1]


def test_a_resolution_of_ten_thousand_characters_prints_whole_in_the_follow_up_letter(demo):
    town = demo.agencies.find_by_name("شهرداری پردیس").id
    letter = gather_followup_letter(demo, town)
    first, *others = letter.resolutions
    letter = replace(letter, resolutions=(replace(first, text=TEN_THOUSAND), *others))
    drafts = [followup_draft(council_of(demo), letter, PRINTED_ON)]
    previewed = [PrintedLetter(0, drafts[0], None, PRINTED_ON)]  # not issued: the demo is only read
    pdf = followup_letters_pdf(council_of(demo), [letter], previewed, title="آزمون", printed_on=PRINTED_ON)
    assert all_printed(pdf) == TEN_THOUSAND
    assert page_count(pdf) >= 3


def test_a_directory_with_an_agency_name_of_five_thousand_characters_prints(demo):
    data = gather_directory(demo)
    name = long_text(5_000)
    first, *others = data.entries
    pdf = directory_pdf(
        replace(data, entries=(replace(first, agency_name=name), *others)), printed_on=PRINTED_ON
    )
    assert all_printed(pdf) == name
    assert page_count(pdf) >= 2


def test_a_long_email_breaks_in_its_cell_and_the_names_stay_readable(demo):
    data = gather_directory(demo)
    name = long_text(200)
    email = "public.relations.office." + "x" * 20 + "@pardis-governorate.ir"
    assert len(email) >= 60
    first, *others = data.entries
    data = replace(data, entries=(replace(first, agency_name=name, email=email), *others))
    table = directory_story(data, PRINTED_ON)[-1]
    row, agency, manager, mobile, phones, mail = reversed(table._colWidths)  # reading order
    assert agency > 1.3 * mail  # the address does not take the names' room
    assert agency >= 140
    for title, width in zip(
        ["ردیف", "دستگاه", "مدیر روابط عمومی", "تلفن همراه", "تلفن دستگاه", "رایانامه"],
        reversed(table._colWidths),
        strict=True,
    ):
        assert lines_at(RtlParagraph(title, styles.HEADER_CELL), width) <= 2, title
    pdf = directory_pdf(data, printed_on=PRINTED_ON)
    name_lines = printed_words(pdf)[0]
    assert " ".join(name_lines) == name
    assert len(name_lines) <= 7 and all(len(line.split()) >= 3 for line in name_lines[:-1])
    lines = [line for page in readable_lines(pdf) for line in page]
    assert all(rtl(entry.pr_manager) in lines for entry in others if entry.pr_manager)  # each on one line


def lines_at(paragraph: Flowable, column_width: float) -> int:
    _width, height = paragraph.wrap(column_width - 2 * CELL_PADDING, 10_000)
    return round(height / paragraph.style.leading)


def test_the_last_resort_splits_a_plain_table_of_one_tall_cell_by_its_lines():
    from reportlab.platypus import Table

    from secretariat.reports.page import CONTENT_WIDTH, PageSetup, build_pdf

    text = long_text(8_000)
    setup = PageSetup(
        council_name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس", title="آزمون", printed_on=PRINTED_ON
    )
    pdf = build_pdf([Table([[RtlParagraph(text, styles.CELL)]], colWidths=[CONTENT_WIDTH])], setup)
    assert all_printed(pdf) == text
