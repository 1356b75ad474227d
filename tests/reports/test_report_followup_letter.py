"""The follow-up letter: an agency's open resolutions, overdue first; and a letter
for every agency with overdue work, worst first. From a small council whose
resolutions are in every state (dated around today) and from the demo council."""

import datetime as dt
import time

import pytest

from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import ResolutionQuery
from secretariat.letters.printed import Issuing
from secretariat.meetings.minutes import MinutesService
from secretariat.members.agencies import AgencyQuery
from secretariat.members.council import CouncilDraft, CouncilService
from secretariat.members.people import AppointmentDraft, PeopleService, PersonDraft
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled
from secretariat.reports.followup_letter import render_followup_letter, render_followup_letters
from tests.support.followup import followup_world, in_days
from tests.support.meetings import Council
from tests.support.reports import number_field, page_texts, readable_lines, rtl

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
SECRETARY = "زهرا موسوی"
TODAY = dt.date.today()  # the world's resolutions are overdue as of today; the letters are dated today
OVERDUE = rtl("معوق")
LAST_NOTE = "قول ارسال گزارش تا پایان هفته"
FIRST_NOTE = "نامه شماره ۴۵ ارسال شد"


def page_of(page: int, total: int) -> str:
    digits = "۰۱۲۳۴۵۶۷۸۹"
    persian = lambda n: "".join(digits[int(d)] for d in str(n))  # noqa: E731
    return f"{persian(total)} {rtl('از')} {persian(page)} {rtl('صفحه')}"


def days(n: int) -> str:
    """«۵ روز» under «معوق», as drawn: the number at the right."""
    return rtl("روز") + " " + to_persian_digits(n)


def words(pdf: bytes) -> str:
    return " ".join(" ".join(text.split()) for text in page_texts(pdf))


def letters_of(pdf: bytes) -> list[list[str]]:
    """The lines of each letter (its pages run together): a letter starts with the letterhead."""
    letters: list[list[str]] = []
    for lines in readable_lines(pdf):
        if rtl("بسمه تعالی") in lines:
            letters.append([])
        letters[-1] += lines
    return letters


@pytest.fixture
def world(database):
    """``followup_world`` with a secretary, a PR manager for the municipality and its follow-ups."""
    world = followup_world(database)
    CouncilService(database).update(CouncilDraft(name=COUNCIL, city="پردیس", secretary=SECRETARY))
    people = PeopleService(database)
    person = people.add(PersonDraft(full_name="سعید جعفری", honorific="آقای مهندس"))
    people.appoint(AppointmentDraft(agency_id=world["town"], person_id=person.id, start_date="1400/01/01"))
    followup = world["followup"]
    followup.add(world["late_town"].id, FollowUpDraft(date=in_days(-10), kind="letter", note=FIRST_NOTE))
    followup.add(
        world["late_town"].id, FollowUpDraft(date=in_days(-3), kind="phone", note=LAST_NOTE, progress="30")
    )
    return world


def code(resolution) -> str:
    return to_persian_digits(resolution.code)  # «۱۴۰۵-۰۱-۰۱», left to right


def test_the_letter_lists_exactly_the_agencys_open_resolutions_overdue_first(world):
    pdf = render_followup_letter(Secretariat(world["database"]), world["town"], printed_on=TODAY)
    lines = [line for page in readable_lines(pdf) for line in page]
    # Lead of one overdue resolution, collaborator of another, lead of one referred to the next meeting;
    # the one done is not listed.
    late_town, late_shared, deferred = (
        world["late_town"],
        world["late_shared"],
        world["register"].page(ResolutionQuery(search="سامانه پیامکی"))[0],
    )
    positions = [lines.index(code(r)) for r in (late_town, late_shared, deferred)]
    assert positions == sorted(positions)
    assert code(world["done"]) not in lines
    assert all(lines.count(code(r)) == 1 for r in (late_town, late_shared, deferred))
    assert lines.count(OVERDUE) == 2
    assert days(5) in lines and days(2) in lines
    assert lines.index(days(5)) < lines.index(days(2)) < positions[2]
    assert rtl("همکار") in lines and lines.count(rtl("همکار")) == 1  # its role in the shared one
    assert rtl("ارجاع به") in lines  # the deferred one's status
    assert rtl("مقرر شد تابلوهای اطلاع‌رسانی نصب") in lines  # the text, from the right


def test_the_last_follow_up_is_shown_with_its_date_kind_and_progress(world):
    pdf = render_followup_letter(Secretariat(world["database"]), world["town"], printed_on=TODAY)
    lines = [line for page in readable_lines(pdf) for line in page]
    when = jalali.format_short(jalali.parse(in_days(-3)))
    assert rtl("تماس تلفنی") + " ،" + when in lines
    text = words(pdf)
    assert LAST_NOTE in text and FIRST_NOTE not in text
    assert "(پیشرفت ۳۰٪)" in text  # the brackets the right way round in the text layer
    assert lines.count(rtl("پیگیری ثبت نشده")) == 2  # the other two have no follow-up


def test_the_letter_is_to_the_pr_manager_asks_for_a_reply_in_a_week_and_is_signed(world):
    pdf = render_followup_letter(Secretariat(world["database"]), world["town"], printed_on=TODAY)
    pages = readable_lines(pdf)
    lines = [line for page in pages for line in page]
    assert rtl("جناب آقای مهندس سعید جعفری") in lines
    assert rtl("مدیر محترم روابط عمومی شهرداری پردیس") in lines
    assert rtl(f"موضوع: پیگیری اجرای مصوبات {COUNCIL}") in lines
    assert jalali.format_short(TODAY) + " :" + rtl("تاریخ") in pages[0]
    assert number_field(1, jalali.jalali_year(TODAY)) in pages[0]  # the first letter of the year
    reply = TODAY + dt.timedelta(days=7)
    j = jalali.to_jalali(reply)
    # «... حداکثر تا چهارشنبه ۱۱ آذر ۱۴۰۵ به دبیرخانه ...», drawn from the right on one line.
    reply_drawn = (
        f"{rtl('به')} {to_persian_digits(j.year)} {rtl(jalali.MONTHS[j.month - 1])} "
        f"{to_persian_digits(j.day)} {rtl(jalali.WEEKDAYS[reply.weekday()])} {rtl('تا')}"
    )
    assert any(reply_drawn in line.replace("\u00a0", " ") for line in lines)
    assert "گزارش اقدامات انجام‌شده" in words(pdf)
    assert "اجرای ۳ مصوبه زیر" in words(pdf) and "مهلت اجرای ۲ مورد از آن‌ها سپری شده است" in words(pdf)
    assert rtl(SECRETARY) in lines and rtl(f"دبیر {COUNCIL}") in lines
    assert page_of(1, 1) in pages[0]


def test_the_letter_goes_in_copy_to_the_chair_only_when_one_is_on_record(world):
    secretariat = Secretariat(world["database"])
    assert "رونوشت" not in words(render_followup_letter(secretariat, world["town"], printed_on=TODAY))
    CouncilService(world["database"]).update(
        CouncilDraft(name=COUNCIL, city="پردیس", secretary=SECRETARY, chair="محمدرضا صالحی")
    )
    pdf = render_followup_letter(secretariat, world["town"], printed_on=TODAY)
    lines = [line for page in readable_lines(pdf) for line in page]
    assert lines.index(rtl(f"دبیر {COUNCIL}")) < lines.index(rtl("رونوشت:"))
    assert f"محمدرضا صالحی، رئیس محترم {COUNCIL} جهت استحضار" in words(pdf)


def test_each_demo_letter_goes_in_copy_to_the_demo_chair(demo, demo_letters):
    chair = demo.council.get().chair
    assert chair
    for letter in letters_of(demo_letters):
        assert rtl("رونوشت:") in letter


def test_an_agency_with_no_manager_is_written_to_at_its_post(world):
    pdf = render_followup_letter(Secretariat(world["database"]), world["health"], printed_on=TODAY)
    lines = readable_lines(pdf)[0]
    start = lines.index(rtl("پیوست: ندارد")) + 1
    assert lines[start] == rtl("مدیر محترم روابط عمومی شبکه بهداشت")
    assert lines[start + 1].endswith(rtl("موضوع:"))


def test_the_text_in_force_is_printed_after_an_amendment(world):
    database = world["database"]
    minutes = MinutesService(database)  # the meeting was held; its minutes are finalized, then amended
    minutes.finalize(world["held"].id, by=SECRETARY)
    minutes.amend_resolution(
        world["late_town"].id,
        reason="اصلاح متن",
        author=SECRETARY,
        text="مقرر شد تابلوهای اطلاع‌رسانی در ورودی‌های شهر نصب شود.",
    )
    text = words(render_followup_letter(Secretariat(database), world["town"], printed_on=TODAY))
    assert "در ورودی‌های شهر نصب شود" in text


def test_letters_for_all_are_one_per_agency_with_overdue_work_worst_first(world):
    pdf = render_followup_letters(Secretariat(world["database"]), printed_on=TODAY)
    letters = letters_of(pdf)
    # The municipality is 5 days late, the school 2 (the shared one it leads), the health network 1.
    posts = [
        rtl(f"مدیر محترم روابط عمومی {name}") for name in ("شهرداری پردیس", "آموزش و پرورش", "شبکه بهداشت")
    ]
    assert len(letters) == 3
    for letter, post in zip(letters, posts, strict=True):
        assert post in letter
        assert page_of(1, 1) in letter
    assert days(5) in letters[0] and days(2) in letters[1] and days(1) in letters[2]
    assert code(world["soon"]) in letters[1]  # the school's open one that is not late, after its overdue one
    assert letters[1].index(code(world["late_shared"])) < letters[1].index(code(world["soon"]))


def test_refusals_no_open_resolution_and_nobody_overdue(database):
    council = Council(database)
    quiet = council.agency("اداره ثبت اسناد و املاک پردیس")
    busy = council.agency("اداره گاز شهرستان پردیس")
    held = council.plan(in_days(-20))
    council.hold(held.id)
    council.resolve(held.id, "مقرر شد فهرست خبرنگاران به‌روز شود.", busy, due_date=in_days(10))
    with pytest.raises(DomainError, match="مصوبه باز ندارد"):
        render_followup_letter(Secretariat(database), quiet)
    with pytest.raises(DomainError, match="هیچ دستگاهی مصوبه معوق ندارد"):
        render_followup_letters(Secretariat(database))
    assert render_followup_letter(Secretariat(database), busy).startswith(
        b"%PDF"
    )  # open, not late: a letter all the same


# -- the demo council ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_letters(demo):
    return render_followup_letters(demo, issuing=Issuing.PREVIEW)


def _expected_order(demo) -> list[str]:
    """The agencies with overdue work, worst first, worked out from the register."""
    register = demo.register
    ranked = []
    for agency in demo.agencies.page(AgencyQuery(include_inactive=True), limit=None):
        late = register.page(ResolutionQuery(overdue=True, agency_id=agency.id), limit=None)
        if late:
            worst = max((TODAY - r.due_date).days for r in late)
            ranked.append(((-worst, -len(late), sort_key(agency.name)), agency.name))
    return [name for _key, name in sorted(ranked)]


def test_the_demo_letters_go_to_every_agency_with_overdue_work_worst_first(demo, demo_letters):
    expected = _expected_order(demo)
    assert len(expected) >= 3
    letters = letters_of(demo_letters)
    assert len(letters) == len(expected)
    for letter, name in zip(letters, expected, strict=True):
        assert rtl(f"مدیر محترم روابط عمومی {name}") in letter
        assert OVERDUE in letter


def test_each_demo_letter_numbers_its_own_pages(demo_letters):
    pages = readable_lines(demo_letters)
    starts = [i for i, lines in enumerate(pages) if rtl("بسمه تعالی") in lines] + [len(pages)]
    spans = list(zip(starts, starts[1:], strict=False))
    assert any(end - start > 1 for start, end in spans)  # a letter of two pages
    for start, end in spans:
        for number, page in enumerate(range(start, end), start=1):
            assert page_of(number, end - start) in pages[page]


def test_a_demo_letter_lists_exactly_the_agencys_open_resolutions(demo):
    register = demo.register
    for agency_name in ("فرمانداری شهرستان پردیس", "پارک فناوری پردیس"):
        agency = demo.agencies.find_by_name(agency_name)
        open_rows = register.page(ResolutionQuery(still_open=True, agency_id=agency.id), limit=None)
        pdf = render_followup_letter(demo, agency.id, issuing=Issuing.PREVIEW)
        lines = [line for page in readable_lines(pdf) for line in page]
        printed = [line for line in lines if line[:4].isdigit() and "-" in line]
        assert sorted(printed) == sorted(to_persian_digits(row.code) for row in open_rows)  # «۱۴۰۴-م۰۱-۰۶»
        overdue = {to_persian_digits(row.code) for row in open_rows if row.overdue}
        assert overdue and set(printed[: len(overdue)]) == overdue  # the overdue ones first
        assert lines.count(OVERDUE) == len(overdue)


def test_the_letters_for_all_render_fast(demo):
    render_followup_letters(demo, issuing=Issuing.PREVIEW)  # fonts and caches, as after the first report
    times = []
    for _ in range(3):
        start = time.process_time()
        render_followup_letters(demo, issuing=Issuing.PREVIEW)
        times.append(time.process_time() - start)
    assert min(times) < 1.0


def test_progress_goes_up_to_the_end_letter_by_letter(demo):
    seen = []
    render_followup_letters(
        demo, issuing=Issuing.PREVIEW, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == sorted(seen) and len(set(seen)) == len(seen) > 5
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
    seen.clear()
    agency = demo.agencies.find_by_name("فرمانداری شهرستان پردیس")
    render_followup_letter(
        demo, agency.id, issuing=Issuing.PREVIEW, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)


@pytest.mark.parametrize("after", [0, 2, 4, 30])
def test_cancelling_stops_the_letters(demo, after):
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > after

    with pytest.raises(ReportCancelled):
        render_followup_letters(demo, issuing=Issuing.PREVIEW, cancelled=cancelled)
