"""Printed letters are registered as they are issued: the number and date on the page, a reprint
with the same number stamped «رونوشت», new letters when asked, a voided letter replaced, a preview
that registers nothing, and each letter's PDF as issued kept. From a small council whose
resolutions are in every state (``followup_world``), its letters dated today."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing
from secretariat.letters.register import LetterKind, LetterQuery
from secretariat.members.council import CouncilDraft, CouncilService
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled, styles
from secretariat.reports.communication_letter import print_communication
from secretariat.reports.followup_letter import print_followup_letter
from secretariat.reports.invitation import print_invitation
from secretariat.reports.issuing import issued_filename
from secretariat.reports.page import LetterHead, PageSetup, build_pdf, letters_story
from secretariat.reports.paragraph import RtlParagraph
from tests.support.followup import followup_world
from tests.support.reports import number_field, page_count, page_texts, readable_lines, rtl

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
SECRETARY = "زهرا موسوی"
TODAY = dt.date.today()
YEAR = jalali.jalali_year(TODAY)
COPY = rtl("رونوشت")  # the stamp: a line of its own (the copies' list is «رونوشت:»)
DRAFT = rtl("پیش‌نویس")
NOT_NUMBERED = rtl("شماره: پس از صدور")


@pytest.fixture
def world(database):
    world = followup_world(database)
    CouncilService(database).update(CouncilDraft(name=COUNCIL, city="پردیس", secretary=SECRETARY))
    world["secretariat"] = Secretariat(database)
    return world


def numbers(printed) -> list[str]:
    return [letter.record.number for letter in printed.letters]


def letter_starts(pdf: bytes) -> list[list[str]]:
    """Each letter's lines, its pages run together (a letter starts with the letterhead)."""
    letters: list[list[str]] = []
    for lines in readable_lines(pdf):
        if rtl("بسمه تعالی") in lines:
            letters.append([])
        letters[-1].append(lines)
    return letters


def test_an_invitation_prints_its_number_and_printed_again_the_same_number_stamped_a_copy(world):
    secretariat, meeting = world["secretariat"], world["next"].id
    first = print_invitation(secretariat, meeting, printed_on=TODAY)
    count = len(first.letters)
    assert count == 3 and not first.copies and not first.pending
    assert numbers(first) == [f"{seq}/ش/{YEAR}" for seq in range(1, count + 1)]
    pages = readable_lines(first.pdf)
    for seq, lines in enumerate(pages, start=1):
        assert number_field(seq, YEAR) in lines
        assert jalali.format_short(TODAY) + " :" + rtl("تاریخ") in lines
        assert COPY not in lines
    again = print_invitation(secretariat, meeting, printed_on=TODAY + dt.timedelta(days=3))
    assert numbers(again) == numbers(first) and again.copies == count and not again.issued
    for seq, lines in enumerate(readable_lines(again.pdf), start=1):
        assert number_field(seq, YEAR) in lines and COPY in lines
        assert jalali.format_short(TODAY) + " :" + rtl("تاریخ") in lines  # the letter's date, not today's
    assert secretariat.letters.count() == count  # nothing registered by a reprint
    assert "شماره: ۱/ش/" in page_texts(again.pdf)[0]  # as a reader copies it: the number in order


def test_each_letter_as_issued_is_kept_alone_and_a_reprint_keeps_nothing(world):
    secretariat = world["secretariat"]
    first = print_invitation(secretariat, world["next"].id, printed_on=TODAY)
    letters = secretariat.letters
    for seq, letter in enumerate(first.letters, start=1):
        record = letters.get(letter.record.id)
        assert record.has_document and record.document_name == issued_filename(record)
        name, data = letters.document(record.id)
        assert page_count(data) == 1 and number_field(seq, YEAR) in readable_lines(data)[0]
    kept = letters.document(first.letters[0].record.id)
    print_invitation(secretariat, world["next"].id, printed_on=TODAY)
    assert letters.document(first.letters[0].record.id) == kept  # the first issue stays, unstamped
    assert COPY not in readable_lines(kept[1])[0]


def test_new_letters_take_the_next_numbers_and_are_what_is_reprinted_after(world):
    secretariat, meeting = world["secretariat"], world["next"].id
    first = print_invitation(secretariat, meeting, printed_on=TODAY)
    fresh = print_invitation(secretariat, meeting, issuing=Issuing.NEW, printed_on=TODAY)
    count = len(first.letters)
    assert numbers(fresh) == [f"{seq}/ش/{YEAR}" for seq in range(count + 1, 2 * count + 1)]
    assert not fresh.copies and len(fresh.issued) == count
    for seq, lines in enumerate(readable_lines(fresh.pdf), start=count + 1):
        assert number_field(seq, YEAR) in lines and COPY not in lines
    assert numbers(print_invitation(secretariat, meeting, printed_on=TODAY)) == numbers(fresh)
    assert secretariat.letters.count() == 2 * count  # the first letters stay in the register


def test_a_voided_letter_printed_again_gets_a_new_number(world):
    secretariat, meeting = world["secretariat"], world["next"].id
    first = print_invitation(secretariat, meeting, printed_on=TODAY)
    secretariat.letters.void(first.letters[0].record.number, reason="نشانی گیرنده نادرست بود")
    again = print_invitation(secretariat, meeting, printed_on=TODAY)
    count = len(first.letters)
    assert numbers(again) == [f"{count + 1}/ش/{YEAR}", *numbers(first)[1:]]
    assert [letter.copy for letter in again.letters] == [False] + [True] * (count - 1)
    first_letter, *others = readable_lines(again.pdf)
    assert number_field(count + 1, YEAR) in first_letter and COPY not in first_letter
    assert all(COPY in lines for lines in others)


def test_a_preview_registers_nothing_and_shows_what_printing_will_give(world):
    secretariat, meeting = world["secretariat"], world["next"].id
    preview = print_invitation(secretariat, meeting, issuing=Issuing.PREVIEW, printed_on=TODAY)
    assert preview.pending == 3 and secretariat.letters.count() == 0
    for lines in readable_lines(preview.pdf):
        assert NOT_NUMBERED in lines and DRAFT in lines
    issued = print_invitation(secretariat, meeting, printed_on=TODAY)
    preview = print_invitation(secretariat, meeting, issuing=Issuing.PREVIEW, printed_on=TODAY)
    assert not preview.pending and preview.copies == 3 and secretariat.letters.count() == 3
    assert [letter.record.number for letter in preview.letters] == numbers(issued)
    for seq, lines in enumerate(readable_lines(preview.pdf), start=1):
        assert number_field(seq, YEAR) in lines and COPY in lines and DRAFT not in lines


def test_cancelling_before_the_letters_are_issued_registers_nothing_and_after_finishes_them(world):
    secretariat, meeting = world["secretariat"], world["next"].id
    with pytest.raises(ReportCancelled):
        print_invitation(secretariat, meeting, printed_on=TODAY, cancelled=lambda: True)
    assert secretariat.letters.count() == 0
    # Asked to stop once the numbers are taken: the letters are finished, kept, and printed.
    printed = print_invitation(
        secretariat, meeting, printed_on=TODAY, cancelled=lambda: secretariat.letters.count() > 0
    )
    assert len(printed.issued) == 3 and page_count(printed.pdf) == 3
    assert all(secretariat.letters.get(r.id).has_document for r in printed.issued)


def test_the_stamp_is_on_every_page_of_a_copy_and_its_running_head_keeps_clear_of_it():
    long_letter = [RtlParagraph("روابط عمومی‌ها بازوان مدیران دستگاه‌ها هستند. " * 80, styles.BODY)]
    head = LetterHead((("تاریخ", "۱۴۰۵/۰۹/۱۲"), ("شماره", "۱۲/ش/۱۴۰۵"), ("پیوست", "ندارد")), stamp="رونوشت")
    fresh = dataclasses.replace(head, fields=(("تاریخ", "۱۴۰۵/۰۹/۱۲"), ("شماره", "۱۳/ش/۱۴۰۵")), stamp="")
    story = letters_story(
        [("نامه اول", long_letter * 3, "اول", None, head), ("نامه دوم", long_letter, "دوم", None, fresh)]
    )
    pdf = build_pdf(
        story, PageSetup(council_name=COUNCIL, title="نامه‌ها", printed_on=TODAY, letter_heads=True)
    )
    first, second = letter_starts(pdf)
    assert len(first) >= 3
    assert all(COPY in lines for lines in first)
    assert "۱۴۰۵/ش/۱۲ :" + rtl("شماره") in first[0] and all(COPY not in lines for lines in second)
    assert "۱۴۰۵/ش/۱۳ :" + rtl("شماره") in second[0]


# -- follow-up letters -------------------------------------------------------------------------


def test_a_follow_up_letter_is_the_same_letter_the_same_day_and_a_new_one_the_next(world):
    secretariat, town = world["secretariat"], world["town"]
    first = print_followup_letter(secretariat, town, printed_on=TODAY)
    (letter,) = first.letters
    assert letter.record.kind is LetterKind.FOLLOWUP and letter.record.agency_id == town
    listed = {world["late_town"].id, world["late_shared"].id}
    assert listed <= set(letter.record.resolution_ids)
    for resolution_id in listed:  # the letter is in the resolutions' follow-up
        assert [r.id for r in secretariat.letters.of_resolution(resolution_id)] == [letter.record.id]
    again = print_followup_letter(secretariat, town, printed_on=TODAY)
    assert numbers(again) == numbers(first) and again.copies == 1
    assert COPY in readable_lines(again.pdf)[0]
    day = TODAY + dt.timedelta(days=1)
    tomorrow = print_followup_letter(secretariat, town, printed_on=day)
    year = jalali.jalali_year(day)
    assert numbers(tomorrow) == [f"{2 if year == YEAR else 1}/ش/{year}"] and not tomorrow.copies


# -- the communication of resolutions -------------------------------------------------------------


@pytest.fixture
def finalized(world):
    world["secretariat"].minutes.finalize(world["held"].id, by=SECRETARY)
    return world


def test_the_communication_is_refused_before_the_minutes_are_finalized(world):
    with pytest.raises(DomainError, match="پس از نهایی شدن صورتجلسه"):
        print_communication(world["secretariat"], world["held"].id)
    assert world["secretariat"].letters.count() == 0


def test_each_responsible_agency_gets_a_letter_listing_its_resolutions_linked_to_them(finalized):
    world = finalized
    secretariat = world["secretariat"]
    printed = print_communication(secretariat, world["held"].id, printed_on=TODAY)
    agencies = [letter.record.party for letter in printed.letters]
    assert sorted(agencies) == sorted(["شهرداری پردیس", "آموزش و پرورش", "شبکه بهداشت"])
    assert numbers(printed) == [f"{seq}/ش/{YEAR}" for seq in range(1, 4)]
    for seq, (letter, pages) in enumerate(zip(printed.letters, letter_starts(printed.pdf), strict=True), 1):
        assert number_field(seq, YEAR) in pages[0]
        assert letter.record.kind is LetterKind.COMMUNICATION and letter.record.meeting_id == world["held"].id
    town_words = " ".join(
        " ".join(page.split())
        for page in page_texts(printed.pdf)
        if "مدیر محترم روابط عمومی شهرداری پردیس" in page
    )
    # The town leads three resolutions and works with the school on its shared one.
    for resolution in (world["late_town"], world["done"], world["late_shared"]):
        assert to_persian_digits(resolution.code) in town_words
    assert "همکار (مسئول اجرا: آموزش و پرورش)" in town_words
    assert "مقرر شد گزارش ماهانه ارسال شود." in town_words
    assert "مقرر شد برنامه هفته سلامت اعلام شود." not in town_words  # the health network's own
    shared = secretariat.letters.of_resolution(world["late_shared"].id)
    assert sorted(letter.party for letter in shared) == ["آموزش و پرورش", "شهرداری پردیس"]
    assert all(letter.kind is LetterKind.COMMUNICATION for letter in shared)


def test_the_communication_printed_again_is_a_copy_and_new_letters_when_asked(finalized):
    world = finalized
    secretariat, meeting = world["secretariat"], world["held"].id
    first = print_communication(secretariat, meeting, printed_on=TODAY)
    again = print_communication(secretariat, meeting, printed_on=TODAY)
    assert numbers(again) == numbers(first) and again.copies == 3
    assert all(COPY in letter[0] for letter in letter_starts(again.pdf))
    fresh = print_communication(secretariat, meeting, issuing=Issuing.NEW, printed_on=TODAY)
    assert numbers(fresh) == [f"{seq}/ش/{YEAR}" for seq in range(4, 7)]
    assert secretariat.letters.count(LetterQuery(year=YEAR)) == 6
    assert len(secretariat.letters.of_meeting(meeting, LetterKind.COMMUNICATION)) == 6
