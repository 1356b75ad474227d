"""The minutes on paper, printed from the demo council and from a large meeting."""

import re
import shutil
import subprocess
import time
from dataclasses import replace

import pytest

from secretariat.archive import verify_document
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.minutes import NEXT_MEETING_LABEL
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled, render_minutes
from secretariat.reports.minutes import minutes_pdf
from secretariat.reports.minutes_data import gather_minutes, minutes_seal, verify_minutes
from tests.support.meetings import CHAIR, Council
from tests.support.reports import (
    PRINTED_ON,
    all_readable,
    logical_text,
    page_count,
    page_texts,
    readable_lines,
    rtl,
    watermarks,
)

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
CODE = re.compile(r"M\d{4}-(?:[GW])?\d{2}-[0-9A-F]{8}")


@pytest.fixture(scope="module")
def final(demo, finalized_meeting):
    return render_minutes(demo, finalized_meeting.id, printed_on=PRINTED_ON)


@pytest.fixture(scope="module")
def final_lines(final):
    return [line for page in readable_lines(final) for line in page]


@pytest.fixture(scope="module")
def final_text(final):
    """The text as a reader copies it from the PDF: logical order, brackets the right way round."""
    return logical_text(final)


@pytest.fixture(scope="module")
def draft(demo, held_meeting):
    return render_minutes(demo, held_meeting.id, printed_on=PRINTED_ON)


def test_the_title_names_the_meeting_by_its_ordinal(final, final_lines):
    title = f"صورتجلسه سومین جلسه {COUNCIL}"
    assert title in page_texts(final)[0]  # pypdf reads a Persian phrase back in reading order
    assert rtl(title) in final_lines  # drawn from the right, on one line


def test_the_date_has_its_weekday_and_the_time_its_range(demo, finalized_meeting, final_lines, final_text):
    meeting = demo.meetings.get(finalized_meeting.id)
    day = jalali.to_jalali(meeting.date)
    weekday = jalali.WEEKDAYS[meeting.date.weekday()]
    short = to_persian_digits(f"{day.year}/{day.month:02d}/{day.day:02d}")
    drawn = (
        f"){short}( {to_persian_digits(day.year)} {rtl(jalali.MONTHS[day.month - 1])} "
        f"{to_persian_digits(day.day)} {rtl(weekday)}"
    )
    assert drawn in final_lines  # the date's digits left to right inside the right-to-left line
    month = jalali.MONTHS[day.month - 1]
    assert (
        f"{weekday} {to_persian_digits(day.day)} {month} {to_persian_digits(day.year)} ({short})"
        in final_text
    )
    assert "۱۱:۰۰ " + rtl("تا") + " ۰۹:۰۰" in final_lines


def test_the_agenda_names_each_presenter_in_brackets(final_lines, final_text):
    assert "۲. شیوه‌نامه شبکه ارتباط رسانه‌ای (ارائه: اداره فرهنگ و ارشاد اسلامی شهرستان پردیس)" in final_text
    assert ".۲" in final_lines  # its number, at the right, the dot to its left


def test_the_summary_of_an_item_reads_as_written(final_lines):
    sentence = "بر انتشار هماهنگ اخبار برنامه‌های مناسبتی در سامانه خبری شهرستان تأکید شد."
    assert rtl(sentence) in final_lines


def test_every_resolution_is_there_with_its_code_in_order(demo, finalized_meeting, final_lines):
    data = gather_minutes(demo, finalized_meeting.id)
    assert len(data.detail.resolutions) == 5
    for resolution in data.detail.resolutions:
        # «شناسه: ۱۴۰۴-۰۶-۰۳» over its text: the code left to right, not «۰۳-۰۶-۱۴۰۴»
        assert to_persian_digits(resolution.code) + " :" + rtl("شناسه") in final_lines


def test_a_deadline_amended_later_shows_as_finalized_and_the_amendment_follows(
    demo, finalized_meeting, final, final_lines
):
    data = gather_minutes(demo, finalized_meeting.id)
    (amendment,) = data.detail.amendments
    original, amended = to_persian_digits(amendment.original), to_persian_digits(amendment.amended)
    lines = readable_lines(final)
    amendments_page = next(i for i, page in enumerate(lines) if rtl("اصلاحیه‌ها") in page)
    resolutions_pages = [i for i, page in enumerate(lines) if rtl("متن مصوبه") in page]
    # «مسئول اجرا: …؛ مهلت: ۱۴۰۴/۰۷/۱۵» under the text: the deadline as finalized.
    assert any(original in line for i in resolutions_pages for line in lines[i])
    assert original in lines[amendments_page] and amended in lines[amendments_page]
    assert all(amended not in line for i in resolutions_pages if i != amendments_page for line in lines[i])
    assert "به ماه بعد موکول شد." in " ".join(" ".join(page_texts(final)).split())  # the reason, on any line


def test_who_was_present_absent_excused_late_or_stood_in(final_lines):
    assert rtl("کامران یوسفی") in final_lines
    assert final_lines.count(rtl("جانشین مدیر روابط عمومی")) == 1  # the deputy of شهرداری پردیس
    assert final_lines.count(rtl("با تأخیر")) == 2
    assert rtl("مأموریت اداری") in final_lines and rtl("غیبت موجه") in final_lines
    assert rtl("پارک فناوری پردیس") in final_lines and rtl("غایب") in final_lines


def test_every_member_present_has_a_signature_row(demo, finalized_meeting, final_lines):
    data = gather_minutes(demo, finalized_meeting.id)
    assert len(data.present) == data.detail.quorum.present
    assert rtl("امضای اعضای حاضر") in final_lines
    for member in data.present:
        assert final_lines.count(rtl(member.attendee_name)) >= 2  # in the present list and to sign
    assert rtl("محمدرضا صالحی") in final_lines and rtl("زهرا موسوی") in final_lines  # chair, secretary


def test_a_draft_is_marked_on_every_page_and_carries_no_code(draft):
    assert all(count == 1 for count in watermarks(draft))  # drawn across every page
    assert rtl("پیش‌نویس") in readable_lines(draft)[0]  # and stamped in the letterhead
    assert not CODE.search(all_readable(draft))


def test_finalized_minutes_carry_their_code_on_every_page_and_no_draft_mark(final):
    pages = readable_lines(final)
    assert not any(rtl("پیش‌نویس") in lines for lines in pages)  # the mark is a line of its own
    codes = {code for lines in pages for code in CODE.findall(" ".join(lines))}
    assert len(codes) == 1
    (code,) = codes
    assert all(code in " ".join(lines) for lines in pages)


def test_the_printed_code_recomputes_from_the_records(demo, finalized_meeting, final):
    (printed,) = set(CODE.findall(all_readable(final)))
    data = gather_minutes(demo, finalized_meeting.id)
    sealed = minutes_seal(data)
    assert sealed.code == printed
    assert verify_minutes(data, sealed.sha256)
    changed = replace(data, present=data.present[1:])
    assert not verify_minutes(changed, sealed.sha256)


def test_a_reprint_has_the_same_code(demo, finalized_meeting, final):
    again = render_minutes(demo, finalized_meeting.id, printed_on=PRINTED_ON.replace(year=2026))
    assert set(CODE.findall(all_readable(again))) == set(CODE.findall(all_readable(final)))


def test_a_copy_printed_before_an_amendment_still_verifies(demo, finalized_meeting):
    data = gather_minutes(demo, finalized_meeting.id)
    before = replace(data, detail=replace(data.detail, amendments=()))
    assert minutes_seal(before) != minutes_seal(data)
    assert verify_minutes(data, minutes_seal(before).sha256)


def test_an_extraordinary_meetings_title_keeps_its_brackets_the_right_way(demo, extraordinary_meeting):
    pdf = render_minutes(demo, extraordinary_meeting.id, printed_on=PRINTED_ON)
    text = logical_text(pdf)
    assert "(فوق‌العاده)" in text
    assert ")فوق‌العاده(" not in text
    assert "مهندس علی‌اصغر نیک‌نام" in text  # the guest
    data = gather_minutes(demo, extraordinary_meeting.id)
    typed_in = next(m for m in data.present if m.attendee_name.startswith("رضا بیگی"))
    assert typed_in.substitute


def test_progress_goes_up_to_the_end(demo, finalized_meeting):
    seen = []
    render_minutes(demo, finalized_meeting.id, progress=lambda done, total: seen.append((done, total)))
    assert seen == sorted(seen) and len(set(seen)) == len(seen) > 5  # up, and each step once
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)


@pytest.mark.parametrize("after", [0, 3, 8])
def test_cancelling_stops_the_report(demo, finalized_meeting, after):
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > after

    with pytest.raises(ReportCancelled):
        render_minutes(demo, finalized_meeting.id, cancelled=cancelled)


def test_minutes_of_a_meeting_not_held_or_cancelled_are_refused(demo, demo_meetings):
    for status in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED):
        meeting = next(m for m in demo_meetings if m.status is status)
        with pytest.raises(DomainError):
            render_minutes(demo, meeting.id)


# -- the large meeting: 60 invitees, 25 resolutions ------------------------------------


@pytest.fixture(scope="module")
def large_pdf(large):
    secretariat, meeting_id = large
    return render_minutes(secretariat, meeting_id, printed_on=PRINTED_ON)


def test_a_large_meeting_renders_fast(large):
    secretariat, meeting_id = large
    data = gather_minutes(secretariat, meeting_id)
    minutes_pdf(data)  # fonts and caches, as after the first report
    times = []
    for _ in range(3):
        start = time.process_time()
        minutes_pdf(gather_minutes(secretariat, meeting_id))
        times.append(time.process_time() - start)
    assert min(times) < 0.5


def test_long_tables_repeat_their_header_on_every_page(large_pdf):
    pages = readable_lines(large_pdf)
    assert page_count(large_pdf) >= 6
    resolution_pages = [i for i, lines in enumerate(pages) if any(CODE_ROW.search(line) for line in lines)]
    assert len(resolution_pages) >= 2
    assert all(rtl("متن مصوبه") in pages[i] for i in resolution_pages)
    signature_pages = [i for i, lines in enumerate(pages) if rtl("نام و نام خانوادگی") in lines]
    assert len(signature_pages) >= 2
    assert signature_pages == list(range(signature_pages[0], signature_pages[-1] + 1))


CODE_ROW = re.compile("۱۴۰۳-۰۱-[۰-۹]{2}")


def test_every_resolution_of_the_large_meeting_is_printed_once(large_pdf):
    text = all_readable(large_pdf)
    codes = CODE_ROW.findall(text)
    assert codes == [to_persian_digits(f"1403-01-{n:02d}") for n in range(1, 26)]
    assert text.count(rtl(NEXT_MEETING_LABEL)) == 9
    # «(شامل» is one word: it is never broken, and it reads back the right way round.
    logical = logical_text(large_pdf)
    assert logical.count("(شامل") == 25 + 10  # each resolution, and twice in each of 5 summaries
    assert "شامل)" not in logical


# -- finalized minutes keep the names of their day (issue 12) ---------------------------

OLD_LEAD, NEW_LEAD = "اداره ارشاد پردیس", "اداره فرهنگ پردیس"
OLD_PERSON, NEW_PERSON = "مریم احمدی", "مریم رضایی"
OLD_COUNCIL, NEW_COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس", "شورای اطلاع‌رسانی استان تهران"
OLD_SECRETARY, NEW_SECRETARY = "زهرا موسوی", "کامران یوسفی"


@pytest.fixture
def renamed(tmp_path):
    """A meeting finalized and printed, a later one still a draft; then the lead agency (also
    the host and a presenter), the PR manager who came, the council and its secretary renamed,
    and another PR manager recorded as in post on the meeting's day.

    (its secretariat, the finalized meeting's id, the draft's id, the PDF printed on finalizing)
    """
    database = open_database(tmp_path / "council.sqlite3")
    council = Council(database)
    core = council.secretariat
    core.council.update(CouncilDraft(name=OLD_COUNCIL, city="پردیس", chair=CHAIR, secretary=OLD_SECRETARY))
    lead = council.agency(OLD_LEAD)
    partner = council.agency("شهرداری پردیس")
    broadcaster = council.agency("صدا و سیمای پردیس")
    person = core.people.add(PersonDraft(full_name=OLD_PERSON)).id
    core.people.appoint(AppointmentDraft(agency_id=broadcaster, person_id=person, start_date="1404/01/01"))
    meetings = []
    for date in ("1404/07/15", "1404/08/15"):
        meeting = council.plan(date, host_agency_id=lead, venue="سالن اجتماعات", chair=CHAIR)
        core.agenda.add(meeting.id, AgendaItemDraft(title="هفته دفاع مقدس", presenter_agency_id=lead))
        council.hold(meeting.id)  # the PR manager of each agency, by default
        council.resolve(meeting.id, "مقرر شد برنامه‌های هفته هماهنگ منتشر شود.", lead, partner)
        meetings.append(meeting.id)
    finalized, draft = meetings
    council.finalize(finalized)
    printed = render_minutes(core, finalized, printed_on=PRINTED_ON)

    core.agencies.update(lead, AgencyDraft(name=NEW_LEAD))
    core.people.update(person, PersonDraft(full_name=NEW_PERSON))
    core.council.update(CouncilDraft(name=NEW_COUNCIL, city="پردیس", chair=CHAIR, secretary=NEW_SECRETARY))
    other = core.people.add(PersonDraft(full_name="علی کریمی")).id
    core.people.appoint(AppointmentDraft(agency_id=broadcaster, person_id=other, start_date="1404/02/01"))
    yield core, finalized, draft, printed
    database.close()


def _words(pdf: bytes) -> str:
    return " ".join(" ".join(page_texts(pdf)).split())


def test_a_reprint_after_renames_keeps_the_names_and_the_code_of_finalizing(renamed):
    core, finalized, _, printed = renamed
    reprint = render_minutes(core, finalized, printed_on=PRINTED_ON.replace(year=2026))
    (code,) = set(CODE.findall(all_readable(printed)))
    assert set(CODE.findall(all_readable(reprint))) == {code}
    words = _words(reprint)
    for old in (OLD_LEAD, OLD_PERSON, OLD_SECRETARY):
        assert old in words
    for new in (NEW_LEAD, NEW_PERSON, NEW_SECRETARY, "علی کریمی"):
        assert new not in words
    data = gather_minutes(core, finalized)
    assert data.frozen and data.council.name == OLD_COUNCIL and data.title.endswith(OLD_COUNCIL)
    assert data.meeting.host_agency_name == OLD_LEAD
    assert data.detail.agenda[0].presenter_agency_name == OLD_LEAD
    (resolution,) = data.detail.resolutions
    assert resolution.lead is not None and resolution.lead.agency_name == OLD_LEAD
    (came,) = [m for m in data.present if m.attendee_name]
    assert came.attendee_name == OLD_PERSON and not came.substitute  # the manager of that day


def test_the_old_code_still_verifies_and_the_fingerprint_is_unchanged(renamed):
    core, finalized, _, printed = renamed
    (code,) = set(CODE.findall(all_readable(printed)))
    sealed = minutes_seal(gather_minutes(core, finalized))
    assert sealed.code == code
    check = verify_document(core.database, code)
    assert check.matches and not check.amended_since and check.current_code == code
    assert verify_document(core.database, sealed.payload).matches
    assert verify_minutes(gather_minutes(core, finalized), sealed.sha256)


def test_an_amendment_after_renames_is_printed_after_the_frozen_minutes(renamed):
    core, finalized, _, printed = renamed
    (code,) = set(CODE.findall(all_readable(printed)))
    (resolution,) = gather_minutes(core, finalized).detail.resolutions
    core.minutes.amend_resolution(
        resolution.id, text="مقرر شد برنامه‌ها تا پایان ماه منتشر شود.", reason="خطای نگارشی", author="دبیر"
    )
    data = gather_minutes(core, finalized)
    assert len(data.detail.amendments) == 1 and data.detail.resolutions[0].lead.agency_name == OLD_LEAD
    assert minutes_seal(data).code != code
    check = verify_document(core.database, code)  # the copy printed before the amendment
    assert check.matches and check.amended_since


def test_a_draft_shows_the_names_of_today(renamed):
    core, _, draft, _ = renamed
    data = gather_minutes(core, draft)
    assert not data.frozen and data.council.name == NEW_COUNCIL
    assert data.meeting.host_agency_name == NEW_LEAD
    assert data.detail.resolutions[0].lead.agency_name == NEW_LEAD
    (came,) = [m for m in data.present if m.attendee_name]
    assert came.attendee_name == NEW_PERSON and came.substitute  # no longer the manager of that day
    words = _words(render_minutes(core, draft, printed_on=PRINTED_ON))
    assert NEW_LEAD in words and NEW_SECRETARY in words and OLD_LEAD not in words


def test_a_deadline_moved_by_the_follow_up_leaves_the_minutes_as_finalized(renamed):
    core, finalized, _, printed = renamed
    (code,) = set(CODE.findall(all_readable(printed)))
    (resolution,) = gather_minutes(core, finalized).detail.resolutions
    core.followup.change_deadline(resolution.id, new_due="1404/10/01", reason="درخواست دستگاه", by="دبیر")
    data = gather_minutes(core, finalized)
    assert data.detail.resolutions[0].due_next_meeting and minutes_seal(data).code == code


# -- the text layer: what a search or a copy finds (issue 13) --------------------------------


def test_every_resolution_reads_back_whole_with_pypdf(demo, finalized_meeting, final_text, large, large_pdf):
    for secretariat, meeting_id, text in (
        (demo, finalized_meeting.id, final_text),
        (*large, logical_text(large_pdf)),
    ):
        for resolution in gather_minutes(secretariat, meeting_id).detail.resolutions:
            assert " ".join(resolution.text.split()) in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_every_resolution_reads_back_whole_with_pdftotext(demo, finalized_meeting, final, large, large_pdf):
    """poppler reorders the glyphs by their places, as it reads right-to-left text; it moves the
    space beside a number to its other side («۴ برنامه» reads « ۴برنامه»), so the spaces are
    left out of the comparison: every other character in its place."""
    for secretariat, meeting_id, pdf in ((demo, finalized_meeting.id, final), (*large, large_pdf)):
        read = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        read = re.sub(r"[\s\u202a-\u202e\u200e\u200f]", "", read)
        assert "تعالیبسمه" not in read and "بسمهتعالی" in read
        for resolution in gather_minutes(secretariat, meeting_id).detail.resolutions:
            assert re.sub(r"\s", "", resolution.text) in read
