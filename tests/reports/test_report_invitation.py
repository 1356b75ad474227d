"""The meeting invitation: a letter to each invitee, or one circular, from a small
council with exact expectations and from the demo council."""

import pytest

from secretariat.core import Secretariat
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import GuestDraft
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingService
from secretariat.members.council import CouncilDraft, CouncilService
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.reports import ReportCancelled
from secretariat.reports.invitation import render_invitation
from tests.support.meetings import Council
from tests.support.reports import PRINTED_ON, number_field, page_count, page_texts, readable_lines, rtl

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
SECRETARY = "زهرا موسوی"
# 1420/01/15 is Wednesday 3 April 2041.
MEETING_DAY = "1420/01/15"
WHEN = (
    "۱۱:۰۰ "
    + rtl("تا")
    + " ۰۹:۳۰ "
    + rtl("ساعت")
    + " ،۱۴۲۰ "
    + rtl("فروردین")
    + " ۱۵ "
    + rtl("زمان: چهارشنبه")
)
VENUE = rtl("مکان: سالن شورای اسلامی شهر پردیس")
HOST = rtl("میزبان: شهرداری پردیس")
# An agenda item as drawn (brackets read as the characters they stand for: the drawn «(» is «)»)
# and as it reads in the text layer.
FIRST_ITEM = (
    ")" + rtl("ارائه: فرمانداری شهرستان پردیس") + "( " + rtl("تشکیل شبکه ارتباط رسانه‌ای دستگاه‌های اجرایی")
)
FIRST_ITEM_TEXT = "تشکیل شبکه ارتباط رسانه‌ای دستگاه‌های اجرایی (ارائه: فرمانداری شهرستان پردیس)"
SECOND_ITEM = ")" + rtl("اردیبهشت") + " ۲۷( " + rtl("برنامه هفته روابط عمومی")
SECOND_ITEM_TEXT = "برنامه هفته روابط عمومی (۲۷ اردیبهشت)"
DATE_FIELD = "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ")
ATTACHMENT_FIELD = rtl("پیوست: ندارد")
SUBJECT = rtl(f"موضوع: دعوت به نخستین جلسه {COUNCIL}")
SIGNATURE = [rtl(SECRETARY), rtl(f"دبیر {COUNCIL}")]
GUEST = "علی‌اصغر نیک‌نام"
# The letters in order: the member agencies in Persian order, then the guest; each one's addressee lines.
ADDRESSEES = [
    [rtl("سرکار خانم دکتر مریم احمدی"), rtl("مدیر محترم روابط عمومی اداره آموزش و پرورش شهرستان پردیس")],
    [rtl("مدیر محترم روابط عمومی پارک فناوری پردیس")],  # no PR manager on record
    [rtl("مهندس رضا قاسمی"), rtl("مدیر محترم روابط عمومی شهرداری پردیس")],
    [rtl("جناب آقای سعید جعفری"), rtl("مدیر محترم روابط عمومی فرمانداری شهرستان پردیس")],
    [rtl(GUEST), rtl("معاون محترم بهره‌برداری شرکت توزیع نیروی برق استان تهران")],
]
COPY_TO_CHAIR = f"جناب آقای محمدرضا صالحی، رئیس محترم {COUNCIL} جهت استحضار"


def drawn(text: str) -> str:
    """A Persian line as drawn: right to left (a drawn bracket reads as the one it stands for)."""
    return rtl(text)


def page_of(page: int, total: int) -> str:
    digits = "۰۱۲۳۴۵۶۷۸۹"
    persian = lambda n: "".join(digits[int(d)] for d in str(n))  # noqa: E731
    return f"{persian(total)} {rtl('از')} {persian(page)} {rtl('صفحه')}"


def build_small_council(database) -> dict:
    """Four member agencies (one without a PR manager), a meeting to come with two items and a guest."""
    council = Council(database)
    CouncilService(database).update(CouncilDraft(name=COUNCIL, city="پردیس", secretary=SECRETARY))

    def agency(name: str, manager: str = "", honorific: str = "") -> int:
        agency_id = council.agency(name)
        if manager:
            person = council.people.add(PersonDraft(full_name=manager, honorific=honorific))
            council.people.appoint(
                AppointmentDraft(agency_id=agency_id, person_id=person.id, start_date="1400/01/01")
            )
        return agency_id

    # Added out of Persian order, and with gender said only by some honorifics.
    town = agency("شهرداری پردیس", "رضا قاسمی", "مهندس")
    governorate = agency("فرمانداری شهرستان پردیس", "سعید جعفری", "آقای")
    agency("پارک فناوری پردیس")
    agency("اداره آموزش و پرورش شهرستان پردیس", "مریم احمدی", "خانم دکتر")
    meeting = council.plan(
        MEETING_DAY,
        start_time="09:30",
        end_time="11:00",
        host_agency_id=town,
        venue="سالن شورای اسلامی شهر پردیس",
    )
    council.agenda.add(
        meeting.id,
        AgendaItemDraft(
            title="تشکیل شبکه ارتباط رسانه‌ای دستگاه‌های اجرایی",
            presenter_agency_id=governorate,
        ),
    )
    council.agenda.add(meeting.id, AgendaItemDraft(title="برنامه هفته روابط عمومی (۲۷ اردیبهشت)"))
    council.attendance.invite_guest(
        meeting.id,
        GuestDraft(
            name=GUEST,
            title="معاون بهره‌برداری",
            organization="شرکت توزیع نیروی برق استان تهران",
        ),
    )
    return {"council": council, "meeting_id": meeting.id, "town": town}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from secretariat.database import open_database

    database = open_database(tmp_path_factory.mktemp("invitation") / "small.sqlite3")
    world = build_small_council(database)
    yield world
    database.close()


@pytest.fixture(scope="module")
def letters(small):
    return render_invitation(
        Secretariat(small["council"].database), small["meeting_id"], printed_on=PRINTED_ON
    )


@pytest.fixture(scope="module")
def letter_pages(letters):
    return readable_lines(letters)


@pytest.fixture(scope="module")
def circular(small):
    return render_invitation(
        Secretariat(small["council"].database), small["meeting_id"], per_agency=False, printed_on=PRINTED_ON
    )


def addressee_lines(lines: list[str]) -> list[str]:
    """The lines between the letterhead's «پیوست» and the subject."""
    subject = next(index for index, line in enumerate(lines) if line.endswith(rtl("موضوع:")))
    return lines[lines.index(ATTACHMENT_FIELD) + 1 : subject]


def words(pdf: bytes) -> list[str]:
    """Each page's words in reading order, the lines run together (for phrases that wrap)."""
    return [" ".join(text.split()) for text in page_texts(pdf)]


def test_one_letter_per_invitee_each_on_its_own_page_numbered_alone(letters, letter_pages):
    assert page_count(letters) == len(ADDRESSEES)
    for lines in letter_pages:
        assert rtl("بسمه تعالی") in lines  # the letterhead starts every letter
        assert page_of(1, 1) in lines
        assert page_of(1, len(ADDRESSEES)) not in lines


def test_each_letter_is_addressed_to_the_pr_manager_by_name_in_persian_order(letter_pages):
    assert [addressee_lines(lines) for lines in letter_pages] == ADDRESSEES


def test_every_letter_has_its_registered_number_its_date_and_its_subject(letter_pages):
    # Issued on the print date, 1404/02/27: the year's first letters, in the order printed.
    for seq, lines in enumerate(letter_pages, start=1):
        assert DATE_FIELD in lines and number_field(seq, 1404) in lines and ATTACHMENT_FIELD in lines
        assert rtl("رونوشت") not in lines  # the first print of each: no copy stamp
        assert SUBJECT in lines
        assert rtl("با سلام و احترام،") in lines


def test_the_date_has_its_weekday_and_the_times_are_persian_digits(letter_pages):
    for lines in letter_pages:
        assert WHEN in lines
        assert VENUE in lines and HOST in lines


def test_the_agenda_is_numbered_in_order_with_brackets_the_right_way(letters, letter_pages):
    for lines in letter_pages:
        assert (
            lines.index(rtl("دستور جلسه:"))
            < lines.index(".۱")
            < lines.index(FIRST_ITEM)
            < lines.index(".۲")
            < lines.index(SECOND_ITEM)
        )
    for text in words(letters):
        assert f"۱. {FIRST_ITEM_TEXT} ۲. {SECOND_ITEM_TEXT}" in text


def test_members_are_asked_to_come_or_send_a_substitute_and_the_secretary_signs(letters, letter_pages):
    texts = words(letters)
    for text in texts[:-1]:
        assert "جانشین مطلع خود را با معرفی‌نامه کتبی" in text
    assert "جانشین" not in texts[-1]  # the guest is only asked to come
    assert "با حضور در این جلسه" in texts[-1]
    for lines in letter_pages:
        start = lines.index(SIGNATURE[0])
        assert lines[start : start + 2] == SIGNATURE


def test_without_a_chair_on_record_no_letter_has_copies(letters):
    assert not any("رونوشت" in text for text in words(letters))


def test_with_a_chair_on_record_every_letter_goes_in_copy_to_the_chair(database):
    world = build_small_council(database)
    CouncilService(database).update(
        CouncilDraft(name=COUNCIL, city="پردیس", secretary=SECRETARY, chair="آقای محمدرضا صالحی")
    )
    pdf = render_invitation(Secretariat(database), world["meeting_id"], printed_on=PRINTED_ON)
    for lines, text in zip(readable_lines(pdf), words(pdf), strict=True):
        assert lines.index(rtl("رونوشت:")) > lines.index(SIGNATURE[1])  # after the signature
        assert COPY_TO_CHAIR in text
    circular = render_invitation(
        Secretariat(database), world["meeting_id"], per_agency=False, printed_on=PRINTED_ON
    )
    lines = readable_lines(circular)[0]
    assert lines.index(SIGNATURE[1]) < lines.index(rtl("رونوشت:")) < lines.index(rtl("گیرندگان"))


def test_a_guest_is_addressed_with_the_honorific_their_typed_name_says(database):
    world = build_small_council(database)
    council = world["council"]
    council.attendance.invite_guest(
        world["meeting_id"], GuestDraft(name="خانم دکتر نرگس طاهری", organization="دانشگاه تهران")
    )
    council.attendance.invite_guest(world["meeting_id"], GuestDraft(name="حمید کرمانی"))
    pages = readable_lines(
        render_invitation(Secretariat(database), world["meeting_id"], printed_on=PRINTED_ON)
    )
    assert [addressee_lines(lines) for lines in pages[-2:]] == [
        [rtl("سرکار خانم دکتر نرگس طاهری"), rtl("دانشگاه تهران")],
        [rtl("حمید کرمانی محترم")],  # neither a gender nor a post known: no bare name, no guess
    ]


def test_the_circular_goes_to_all_members_with_the_list_of_recipients(circular):
    pages = readable_lines(circular)
    assert len(pages) == 1 and page_of(1, 1) in pages[0]
    lines = pages[0]
    assert rtl(f"به: اعضای محترم {COUNCIL}") in lines
    assert SUBJECT in lines and WHEN in lines and FIRST_ITEM in lines
    assert "مدیران محترم روابط عمومی شخصاً در جلسه حضور یابند" in words(circular)[0]
    recipients = lines[lines.index(rtl("گیرندگان")) :]
    expected = [
        ("۱", "اداره آموزش و پرورش شهرستان پردیس", "سرکار خانم دکتر مریم احمدی"),
        ("۲", "پارک فناوری پردیس", "—"),
        ("۳", "شهرداری پردیس", "مهندس رضا قاسمی"),
        ("۴", "فرمانداری شهرستان پردیس", "جناب آقای سعید جعفری"),
        ("۵", "شرکت توزیع نیروی برق استان تهران", f"{GUEST}، معاون بهره‌برداری"),
    ]
    positions = []
    for number, agency, person in expected:
        row = recipients.index(number)
        assert {rtl(agency), rtl(person)} <= set(recipients[row - 2 : row + 3])
        positions.append(row)
    assert positions == sorted(positions)


def test_a_postponed_meeting_is_invitable_and_recalls_the_date_first_planned(database):
    world = build_small_council(database)
    MeetingService(database).postpone(world["meeting_id"], "1420/01/22", "هم‌زمانی با سفر استاندار")
    pdf = render_invitation(Secretariat(database), world["meeting_id"], printed_on=PRINTED_ON)
    lines = readable_lines(pdf)[0]
    # 1420/01/22 is a Wednesday too.
    assert (
        "۱۱:۰۰ "
        + rtl("تا")
        + " ۰۹:۳۰ "
        + rtl("ساعت")
        + " ،۱۴۲۰ "
        + rtl("فروردین")
        + " ۲۲ "
        + rtl("زمان: چهارشنبه")
    ) in lines
    first_planned = "۱۴۲۰ " + rtl("فروردین") + " ۱۵ " + rtl("این جلسه پیش‌تر برای چهارشنبه")
    assert any(line.endswith(first_planned) for line in lines)
    assert "به زمان یادشده موکول شده است" in words(pdf)[0]


def test_an_extraordinary_meeting_is_named_as_a_sentence_names_it(database):
    world = build_small_council(database)
    extraordinary = world["council"].plan("1420/01/10", kind="extraordinary")  # before the regular one
    pdf = render_invitation(Secretariat(database), extraordinary.id, per_agency=False, printed_on=PRINTED_ON)
    lines = readable_lines(pdf)[0]
    assert rtl(f"موضوع: دعوت به نخستین جلسه فوق‌العاده {COUNCIL}") in lines
    assert rtl("دستور جلسه: متعاقباً اعلام می‌شود.") in lines  # no agenda yet
    assert not any(rtl("میزبان") in line for line in lines)  # no host: no host line


def test_a_cancelled_or_held_meeting_or_one_with_nobody_invited_is_refused(database):
    world = build_small_council(database)
    council, meeting_id = world["council"], world["meeting_id"]
    other = council.plan("1420/02/20").id
    for invitation in council.attendance.invitations(other):
        council.attendance.uninvite(invitation.id)
    with pytest.raises(DomainError, match="دعوت نشده"):
        render_invitation(Secretariat(database), other)
    council.meetings.cancel(other, "تعطیلی ادارات")
    with pytest.raises(DomainError, match="لغو شده"):
        render_invitation(Secretariat(database), other)
    held = council.plan("1403/10/11").id
    council.hold(held)
    with pytest.raises(DomainError, match="برگزار شده"):
        render_invitation(Secretariat(database), held)
    render_invitation(Secretariat(database), meeting_id)  # the meeting still to come is invitable


# -- the demo council ------------------------------------------------------------------


@pytest.fixture(scope="module")
def assembly(demo, demo_meetings):
    """The coming general assembly: every member invited."""
    return next(
        m for m in demo_meetings if m.status is MeetingStatus.PLANNED and m.kind.value == "general_assembly"
    )


def test_the_demo_assembly_has_a_letter_for_every_invited_agency(demo, assembly):
    # Previewed: the demo is only read here (a letter not yet issued has no number, and says so).
    pdf = render_invitation(demo, assembly.id, issuing=Issuing.PREVIEW, printed_on=PRINTED_ON)
    pages = readable_lines(pdf)
    invitations = [i for i in demo.meetings.detail(assembly.id).invitations if not i.is_guest]
    starts = [index for index, lines in enumerate(pages) if rtl("بسمه تعالی") in lines]
    assert len(starts) == len(invitations) >= 20
    people = demo.people
    for start, invitation in zip(starts, invitations, strict=True):
        lines = pages[start]
        assert page_of(1, 1) in lines
        assert drawn(f"مدیر محترم روابط عمومی {invitation.agency_name}") in lines  # «(ره)» too
        manager = people.current_pr_manager(invitation.agency_id)
        assert any(line.startswith(rtl(manager.full_name)) for line in addressee_lines(lines))
        assert rtl(f"موضوع: دعوت به دومین جلسه مجمع عمومی {COUNCIL}") in lines
        assert rtl("تجلیل از روابط عمومی‌های برتر") + " .۳" not in lines  # the number is drawn on its own
        assert ".۳" in lines
        assert rtl("شماره: پس از صدور") in lines and rtl("پیش‌نویس") in lines


def test_a_demo_meeting_cancelled_or_held_is_refused(demo, demo_meetings):
    for status in (MeetingStatus.CANCELLED, MeetingStatus.HELD, MeetingStatus.FINALIZED):
        meeting = next(m for m in demo_meetings if m.status is status)
        with pytest.raises(DomainError):
            render_invitation(demo, meeting.id, issuing=Issuing.PREVIEW)


def test_progress_goes_up_to_the_end(demo, assembly):
    seen = []
    render_invitation(
        demo, assembly.id, issuing=Issuing.PREVIEW, progress=lambda done, total: seen.append((done, total))
    )
    assert seen == sorted(seen) and len(set(seen)) == len(seen) > 5
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)


@pytest.mark.parametrize("after", [0, 5, 40])
def test_cancelling_stops_the_invitation(demo, assembly, after):
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > after

    with pytest.raises(ReportCancelled):
        render_invitation(demo, assembly.id, issuing=Issuing.PREVIEW, cancelled=cancelled)
