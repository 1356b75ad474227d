"""The minutes (صورتجلسه): resolutions with their numbers and codes, responsible
agencies and deadlines; finalizing; amendments after it.

15 Mehr 1404 is 7 October 2025; 15 Aban 1404 is 6 November 2025; 1 Azar
1404 is 22 November 2025 (1 Mehr is 23 September, months 7-11 have 30 days).
"""

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings import snapshot
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry, GuestDraft
from secretariat.meetings.kinds import AssignmentRole, MeetingStatus, Priority
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.meetings.store import get_meeting
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from tests.support.meetings import Council, unchanged

FINALIZED = "صورتجلسه این جلسه نهایی شده و دیگر تغییر نمی‌کند؛ برای اصلاح، اصلاحیه ثبت کنید."


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


@pytest.fixture
def agencies(council):
    return SimpleNamespace(
        education=council.agency("آموزش و پرورش"),
        press=council.agency("اداره کل ارشاد اسلامی"),
        municipality=council.agency("شهرداری پردیس"),
        broadcasting=council.agency("صدا و سیما"),
    )


@pytest.fixture
def meeting(council, agencies):
    """The council's first meeting, 15 Mehr 1404, held with everyone present."""
    meeting = council.plan("1404/07/15")
    return council.hold(meeting.id)


def refused(call, *args, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.errors


# -- resolutions: numbers and codes ---------------------------------------------------


def test_a_resolution_as_written(council, agencies, meeting):
    resolution = council.resolve(
        meeting.id,
        "  مقرر شد دوره آموزشي   خبرنويسی برای روابط عمومی‌ها برگزار شود. ",
        agencies.press,
        due_date="۱۴۰۴/۰۸/۱۵",
        priority="high",
    )
    assert resolution.meeting_id == meeting.id
    assert resolution.number == 1
    assert resolution.code == "1404-01-01"
    assert resolution.display_code == "\u2066۱۴۰۴\u200e-\u200e۰۱\u200e-\u200e۰۱\u2069"
    assert resolution.text == "مقرر شد دوره آموزشی خبرنویسی برای روابط عمومی‌ها برگزار شود."
    assert resolution.current_text == resolution.text
    assert resolution.due_date == dt.date(2025, 11, 6)
    assert not resolution.due_next_meeting
    assert resolution.priority is Priority.HIGH
    assert resolution.priority.label == "مهم"
    assert resolution.status == "open"
    assert resolution.lead.agency_name == "اداره کل ارشاد اسلامی"
    assert resolution.collaborators == ()
    assert resolution.amendments == ()


def test_resolutions_are_numbered_within_the_meeting(council, agencies, meeting):
    codes = [
        council.resolve(meeting.id, f"مقرر شد بند {n} اجرا شود.", agencies.press).code for n in (1, 2, 3)
    ]
    assert codes == ["1404-01-01", "1404-01-02", "1404-01-03"]
    assert [r.number for r in council.minutes.resolutions(meeting.id)] == [1, 2, 3]


def test_the_code_carries_the_year_and_the_councils_meeting_number(council, agencies):
    dates = ["1404/01/20", "1404/02/10", "1404/03/01", "1404/04/01", "1404/05/01", "1404/06/01", "1404/07/15"]
    meetings = [council.plan(date) for date in dates]
    for meeting in meetings:
        council.hold(meeting.id)
    seventh = meetings[-1]
    assert council.meetings.get(seventh.id).title == "هفتمین جلسه"

    codes = [
        council.resolve(seventh.id, f"مقرر شد بند {n} اجرا شود.", agencies.press).code for n in (1, 2, 3)
    ]

    assert codes == ["1404-07-01", "1404-07-02", "1404-07-03"]
    assert (
        council.minutes.resolutions(seventh.id)[2].display_code
        == "\u2066۱۴۰۴\u200e-\u200e۰۷\u200e-\u200e۰۳\u2069"
    )
    assert council.resolve(meetings[0].id, "مقرر شد گزارش ارسال شود.", agencies.press).code == "1404-01-01"


def test_codes_are_unique_across_years_and_meetings(council, agencies):
    winter = council.plan("1403/12/01")
    spring = council.plan("1404/02/10")
    council.hold(winter.id)
    council.hold(spring.id)
    assert council.resolve(winter.id, "مقرر شد الف.", agencies.press).code == "1403-01-01"
    assert council.resolve(spring.id, "مقرر شد ب.", agencies.press).code == "1404-02-01"


def test_a_general_assemblys_resolutions_carry_its_letter(council, agencies):
    regular = council.plan("1404/02/10")
    first_assembly = council.plan("1404/03/15", kind="general_assembly")
    second_assembly = council.plan("1404/06/01", kind="general_assembly")
    for meeting in (regular, first_assembly, second_assembly):
        council.hold(meeting.id)
    assert council.meetings.get(second_assembly.id).title == "دومین جلسه مجمع عمومی"

    resolution = council.resolve(second_assembly.id, "مقرر شد آیین‌نامه داخلی اصلاح شود.", agencies.press)

    assert resolution.code == "1404-م02-01"
    assert resolution.display_code == "\u2066۱۴۰۴\u200e-م\u200e۰۲\u200e-\u200e۰۱\u2069"
    # The council's second meeting, were there one, would not share it.
    assert council.resolve(regular.id, "مقرر شد الف.", agencies.press).code == "1404-01-01"


def test_a_working_groups_resolutions_carry_its_letter(council, agencies):
    group = council.plan("1404/03/15", kind="working_group")
    council.hold(group.id)
    assert council.meetings.get(group.id).title == "نخستین جلسه کارگروه"
    resolution = council.resolve(group.id, "مقرر شد فهرست خبرنگاران تهیه شود.", agencies.press)
    assert (resolution.code, resolution.display_code) == (
        "1404-ک01-01",
        "\u2066۱۴۰۴\u200e-ک\u200e۰۱\u200e-\u200e۰۱\u2069",
    )


def test_an_extraordinary_meeting_counts_with_the_council(council, agencies):
    regular = council.plan("1404/02/10")
    extraordinary = council.plan("1404/03/01", kind="extraordinary")
    council.hold(regular.id)
    council.hold(extraordinary.id)
    assert council.resolve(extraordinary.id, "مقرر شد الف.", agencies.press).code == "1404-02-01"


def test_removing_a_resolution_renumbers_the_later_ones(council, agencies, meeting):
    texts = ["مقرر شد الف.", "مقرر شد ب.", "مقرر شد پ.", "مقرر شد ت."]
    added = [council.resolve(meeting.id, text, agencies.press) for text in texts]

    council.minutes.remove_resolution(added[1].id)

    left = council.minutes.resolutions(meeting.id)
    assert [r.text for r in left] == ["مقرر شد الف.", "مقرر شد پ.", "مقرر شد ت."]
    assert [r.number for r in left] == [1, 2, 3]
    assert [r.code for r in left] == ["1404-01-01", "1404-01-02", "1404-01-03"]
    assert council.resolve(meeting.id, "مقرر شد ث.", agencies.press).code == "1404-01-04"

    council.minutes.remove_resolution(left[0].id)
    assert [r.code for r in council.minutes.resolutions(meeting.id)] == [
        "1404-01-01",
        "1404-01-02",
        "1404-01-03",
    ]
    assert [r.text for r in council.minutes.resolutions(meeting.id)] == [
        "مقرر شد پ.",
        "مقرر شد ت.",
        "مقرر شد ث.",
    ]


def test_the_list_counts_resolutions(council, agencies, meeting):
    council.resolve(meeting.id, "مقرر شد الف.", agencies.press)
    council.resolve(meeting.id, "مقرر شد ب.", agencies.press)
    assert council.meetings.page()[0].resolution_count == 2


# -- responsible agencies, deadlines, priority -------------------------------------------


def test_one_lead_and_collaborators_without_duplicates(council, agencies, meeting):
    resolution = council.resolve(
        meeting.id,
        "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.",
        agencies.press,
        agencies.broadcasting,
        agencies.press,
        agencies.municipality,
        agencies.broadcasting,
    )
    assert [(a.agency_name, a.role) for a in resolution.assignments] == [
        ("اداره کل ارشاد اسلامی", AssignmentRole.LEAD),
        ("صدا و سیما", AssignmentRole.COLLABORATOR),
        ("شهرداری پردیس", AssignmentRole.COLLABORATOR),
    ]
    assert resolution.lead.agency_id == agencies.press
    assert resolution.lead.role.label == "مسئول اجرا"
    assert [a.agency_id for a in resolution.collaborators] == [agencies.broadcasting, agencies.municipality]
    assert resolution.collaborators[0].role.label == "همکار"


def test_a_resolution_needs_a_responsible_agency(council, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft("مقرر شد الف.", None, due_next_meeting=True),
        )
    assert errors == {"lead_agency_id": "دستگاه مسئول اجرای مصوبه را انتخاب کنید."}


def test_a_resolution_needs_a_deadline_or_the_next_meeting(council, agencies, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution, meeting.id, ResolutionDraft("مقرر شد الف.", agencies.press)
        )
    assert errors == {"due_date": "مهلت را بنویسید یا «تا جلسه بعد» را برگزینید."}


def test_responsible_agencies_must_be_in_the_register(council, agencies, meeting, database):
    with unchanged(database):
        for draft in (
            ResolutionDraft("مقرر شد الف.", 999, due_next_meeting=True),
            ResolutionDraft("مقرر شد الف.", agencies.press, (agencies.education, 999), due_next_meeting=True),
        ):
            assert refused(council.minutes.add_resolution, meeting.id, draft) == {
                "lead_agency_id": "یکی از دستگاه‌های مسئول در فهرست نیست."
            }


def test_a_resolution_needs_a_text(council, agencies, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft(" \u200c\u0640 ", agencies.press, due_next_meeting=True),
        )
    assert errors == {"text": "متن مصوبه را بنویسید."}


def test_a_deadline_before_the_meeting_date_is_refused(council, agencies, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft(
                "مقرر شد الف.",
                agencies.press,
                due_date="1404/07/14",
            ),
        )
    assert errors == {"due_date": "مهلت نمی‌تواند پیش از تاریخ جلسه (۱۴۰۴/۰۷/۱۵) باشد."}
    same_day = council.resolve(meeting.id, "مقرر شد الف.", agencies.press, due_date="1404/07/15")
    assert same_day.due_date == dt.date(2025, 10, 7)


def test_an_impossible_deadline_is_refused(council, agencies, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft(
                "مقرر شد الف.",
                agencies.press,
                due_date="1404/12/30",
            ),
        )
    assert errors == {"due_date": "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."}


def test_until_the_next_meeting_or_a_date_not_both(council, agencies, meeting, database):
    next_meeting = council.resolve(
        meeting.id, "مقرر شد گزارش ارائه شود.", agencies.press, due_next_meeting=True
    )
    assert (next_meeting.due_next_meeting, next_meeting.due_date) == (True, None)
    dated = council.resolve(meeting.id, "مقرر شد گزارش ارائه شود.", agencies.press, due_date="1404/09/01")
    assert (dated.due_next_meeting, dated.due_date) == (False, dt.date(2025, 11, 22))
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft(
                "مقرر شد الف.",
                agencies.press,
                due_date="1404/09/01",
                due_next_meeting=True,
            ),
        )
    assert errors == {"due_date": "مهلت یا تاریخ است یا «تا جلسه بعد»، نه هر دو."}


@pytest.mark.parametrize(("priority", "label"), [("normal", "عادی"), ("high", "مهم"), ("urgent", "فوری")])
def test_priority(council, agencies, meeting, priority, label):
    resolution = council.resolve(meeting.id, "مقرر شد الف.", agencies.press, priority=priority)
    assert resolution.priority.label == label


def test_an_unknown_priority_is_refused(council, agencies, meeting, database):
    with unchanged(database):
        errors = refused(
            council.minutes.add_resolution,
            meeting.id,
            ResolutionDraft("مقرر شد الف.", agencies.press, priority="asap", due_next_meeting=True),
        )
    assert errors == {"priority": "اولویت را از فهرست انتخاب کنید."}


def test_every_bad_field_is_reported_at_once(council, meeting):
    errors = refused(
        council.minutes.add_resolution,
        meeting.id,
        ResolutionDraft(
            "",
            None,
            due_date="1404/07/01",
            priority="x",
        ),
    )
    assert set(errors) == {"text", "lead_agency_id", "due_date", "priority"}


def test_a_resolution_belongs_to_an_item_of_its_own_meetings_agenda(council, agencies, meeting, database):
    item = council.agenda.add(meeting.id, AgendaItemDraft("شبکه ارتباط رسانه‌ای"))
    other = council.plan("1404/08/10")
    foreign_item = council.agenda.add(other.id, AgendaItemDraft("سایر موارد"))

    linked = council.resolve(meeting.id, "مقرر شد الف.", agencies.press, agenda_item_id=item.id)
    assert linked.agenda_item_id == item.id
    with unchanged(database):
        for item_id in (foreign_item.id, 999):
            errors = refused(
                council.minutes.add_resolution,
                meeting.id,
                ResolutionDraft("مقرر شد ب.", agencies.press, agenda_item_id=item_id, due_next_meeting=True),
            )
            assert errors == {"agenda_item_id": "این بند در دستور کار همین جلسه نیست."}


def test_update_a_resolution_of_draft_minutes(council, agencies, meeting):
    first = council.resolve(meeting.id, "مقرر شد الف.", agencies.press, agencies.education)
    updated = council.minutes.update_resolution(
        first.id,
        ResolutionDraft(
            "مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز شود.",
            agencies.municipality,
            (agencies.press,),
            due_date="1404/09/01",
            priority="urgent",
        ),
    )
    assert (updated.id, updated.number, updated.code) == (first.id, 1, "1404-01-01")
    assert updated.text == "مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز شود."
    assert updated.lead.agency_id == agencies.municipality
    assert [a.agency_id for a in updated.collaborators] == [agencies.press]
    assert updated.due_date == dt.date(2025, 11, 22)
    assert updated.priority is Priority.URGENT
    assert updated.amendments == ()


def test_update_refuses_what_add_refuses(council, agencies, meeting, database):
    first = council.resolve(meeting.id, "مقرر شد الف.", agencies.press)
    with unchanged(database):
        assert refused(
            council.minutes.update_resolution,
            first.id,
            ResolutionDraft("مقرر شد الف.", None, due_next_meeting=True),
        ) == {"lead_agency_id": "دستگاه مسئول اجرای مصوبه را انتخاب کنید."}
        assert refused(
            council.minutes.update_resolution,
            first.id,
            ResolutionDraft(
                "مقرر شد الف.",
                agencies.press,
                due_date="1404/07/01",
            ),
        ) == {"due_date": "مهلت نمی‌تواند پیش از تاریخ جلسه (۱۴۰۴/۰۷/۱۵) باشد."}
        with pytest.raises(NotFoundError) as error:
            council.minutes.update_resolution(
                999, ResolutionDraft("مقرر شد الف.", agencies.press, due_next_meeting=True)
            )
        assert error.value.message == "این مصوبه در فهرست نیست."
        with pytest.raises(NotFoundError):
            council.minutes.remove_resolution(999)


def test_resolutions_wait_until_the_meeting_is_held(council, agencies, database):
    planned = council.plan("1404/07/15")
    with unchanged(database), pytest.raises(DomainError) as error:
        council.minutes.add_resolution(
            planned.id, ResolutionDraft("مقرر شد الف.", agencies.press, due_next_meeting=True)
        )
    assert error.value.message == "مصوبات پس از برگزاری جلسه ثبت می‌شوند؛ نخست حضور و غیاب را ثبت کنید."

    council.meetings.postpone(planned.id, "1404/08/10", "تعطیلی")
    with unchanged(database), pytest.raises(DomainError):
        council.minutes.add_resolution(
            planned.id, ResolutionDraft("مقرر شد الف.", agencies.press, due_next_meeting=True)
        )

    council.meetings.cancel(planned.id, "نبود حد نصاب")
    with unchanged(database), pytest.raises(DomainError) as error:
        council.minutes.add_resolution(
            planned.id, ResolutionDraft("مقرر شد الف.", agencies.press, due_next_meeting=True)
        )
    assert error.value.message == "این جلسه لغو شده است."


# -- finalizing ---------------------------------------------------------------------


def test_finalize_is_refused_while_attendance_is_incomplete(council, agencies, database):
    meeting = council.plan("1404/07/15")
    education = next(
        i for i in council.attendance.invitations(meeting.id) if i.agency_id == agencies.education
    )
    council.attendance.record(meeting.id, [AttendanceEntry(education.id, "present")])
    council.attendance.invite_guest(
        meeting.id, GuestDraft("دکتر حسن کریمی")
    )  # a guest's attendance is optional

    assert council.minutes.missing_for_finalize(meeting.id) == ["حضور و غیاب ۳ دستگاه دعوت‌شده ثبت نشده است."]
    with unchanged(database), pytest.raises(DomainError) as error:
        council.finalize(meeting.id)
    assert error.value.message == "صورتجلسه هنوز کامل نیست:\n- حضور و غیاب ۳ دستگاه دعوت‌شده ثبت نشده است."

    council.hold(meeting.id, "absent")
    assert council.minutes.missing_for_finalize(meeting.id) == []
    assert council.finalize(meeting.id).status is MeetingStatus.FINALIZED


def test_finalize_is_refused_before_the_meeting_is_held(council, agencies, database):
    planned = council.plan("1404/07/15")
    assert council.minutes.missing_for_finalize(planned.id) == [
        "جلسه هنوز برگزار نشده و حضور و غیاب آن ثبت نشده است."
    ]
    with unchanged(database), pytest.raises(DomainError) as error:
        council.finalize(planned.id)
    assert (
        error.value.message
        == "صورتجلسه هنوز کامل نیست:\n- جلسه هنوز برگزار نشده و حضور و غیاب آن ثبت نشده است."
    )


def test_finalize_needs_who_finalized(council, meeting, database):
    with unchanged(database):
        assert refused(council.minutes.finalize, meeting.id, by="  ") == {
            "by": "نام نهایی‌کننده صورتجلسه را بنویسید."
        }


def test_finalize(council, agencies, meeting):
    council.resolve(meeting.id, "مقرر شد الف.", agencies.press)
    finalized = council.minutes.finalize(meeting.id, by=" دبیر   شورا ")
    assert finalized.status is MeetingStatus.FINALIZED
    assert finalized.status_label == "صورتجلسه نهایی"
    assert finalized.finalized_by == "دبیر شورا"
    assert finalized.finalized_at is not None
    assert not finalized.editable
    assert not finalized.signed
    assert council.minutes.missing_for_finalize(meeting.id) == []
    # Its numbers stay.
    assert (finalized.number, finalized.title) == (1, "نخستین جلسه")


@pytest.fixture
def finalized(council, agencies, meeting):
    """Finalized minutes with an agenda item, a guest and a resolution."""
    item = council.agenda.add(meeting.id, AgendaItemDraft("شبکه ارتباط رسانه‌ای"))
    council.agenda.add(meeting.id, AgendaItemDraft("سایر موارد"))
    council.agenda.set_summary(item.id, "دبیر شورا گزارش داد.")
    guest = council.attendance.invite_guest(meeting.id, GuestDraft("دکتر حسن کریمی"))
    resolution = council.resolve(
        meeting.id,
        "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.",
        agencies.press,
        agencies.broadcasting,
        due_date="1404/08/15",
    )
    later = council.resolve(
        meeting.id, "مقرر شد گزارش به جلسه بعد ارائه شود.", agencies.education, due_next_meeting=True
    )
    council.finalize(meeting.id)
    invitations = {i.agency_id: i for i in council.attendance.invitations(meeting.id)}
    return SimpleNamespace(
        meeting=meeting.id,
        item=item.id,
        guest=guest.id,
        resolution=resolution.id,
        later=later.id,
        education_invitation=invitations[agencies.education].id,
        outsider=council.agency("هلال احمر"),  # joined later, not invited
    )


FINALIZED_CHANGES = {
    "add resolution": lambda c, f, a: c.minutes.add_resolution(
        f.meeting, ResolutionDraft("مقرر شد ج.", a.press, due_next_meeting=True)
    ),
    "update resolution": lambda c, f, a: c.minutes.update_resolution(
        f.resolution, ResolutionDraft("مقرر شد چیز دیگری.", a.press, due_next_meeting=True)
    ),
    "remove resolution": lambda c, f, a: c.minutes.remove_resolution(f.resolution),
    "add agenda item": lambda c, f, a: c.agenda.add(f.meeting, AgendaItemDraft("بند تازه")),
    "update agenda item": lambda c, f, a: c.agenda.update(f.item, AgendaItemDraft("عنوان تازه")),
    "item summary": lambda c, f, a: c.agenda.set_summary(f.item, "خلاصه دیگر"),
    "remove agenda item": lambda c, f, a: c.agenda.remove(f.item),
    "move agenda item": lambda c, f, a: c.agenda.move(f.item, 1),
    "review item": lambda c, f, a: c.agenda.add_open_resolutions_review(f.meeting),
    "attendance sheet": lambda c, f, a: c.attendance.record(
        f.meeting, [AttendanceEntry(f.education_invitation, "absent")]
    ),
    "empty attendance sheet": lambda c, f, a: c.attendance.record(f.meeting, []),
    "agency attendance": lambda c, f, a: c.attendance.record_agency(f.meeting, a.education, "absent"),
    "invite agency": lambda c, f, a: c.attendance.invite_agency(f.meeting, f.outsider),
    "invite guest": lambda c, f, a: c.attendance.invite_guest(f.meeting, GuestDraft("مهمان تازه")),
    "uninvite guest": lambda c, f, a: c.attendance.uninvite(f.guest),
    "uninvite member": lambda c, f, a: c.attendance.uninvite(f.education_invitation),
    "finalize again": lambda c, f, a: c.finalize(f.meeting),
}


@pytest.mark.parametrize("change", FINALIZED_CHANGES)
def test_finalized_minutes_refuse_every_change(council, agencies, finalized, database, change):
    with unchanged(database), pytest.raises(DomainError) as error:
        FINALIZED_CHANGES[change](council, finalized, agencies)
    assert error.value.message == FINALIZED


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c, m: c.meetings.update(m, MeetingDraft(date="1404/07/15", venue="سالن دیگر")),
            "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان ویرایش کرد.",
        ),
        (
            lambda c, m: c.meetings.postpone(m, "1404/08/10", "اشتباه"),
            "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان به تعویق انداخت.",
        ),
        (lambda c, m: c.meetings.cancel(m, "اشتباه"), "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان لغو کرد."),
    ],
)
def test_a_finalized_meeting_is_not_rescheduled(council, finalized, database, call, message):
    with unchanged(database), pytest.raises(DomainError) as error:
        call(council, finalized.meeting)
    assert error.value.message == message


def test_mark_held_leaves_finalized_minutes_finalized(council, finalized):
    assert council.meetings.mark_held(finalized.meeting).status is MeetingStatus.FINALIZED


def _live_sources(database, meeting_id):
    with database.reading() as session:
        return snapshot.live_sources(session, get_meeting(session, meeting_id))


def test_finalizing_keeps_what_the_minutes_print_as_it_was(council, agencies, finalized, database):
    frozen = council.secretariat.snapshots.minutes_sources(finalized.meeting)
    assert frozen.frozen
    assert replace(frozen, frozen=False) == _live_sources(database, finalized.meeting)
    council.agencies.update(agencies.press, AgencyDraft(name="اداره کل فرهنگ و ارشاد اسلامی"))
    council.secretariat.council.update(CouncilDraft(name="شورای اطلاع‌رسانی استان"))
    again = council.secretariat.snapshots.minutes_sources(finalized.meeting)
    assert again == frozen
    assert again.council.name == "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
    assert again.detail.resolutions[0].lead.agency_name == "اداره کل ارشاد اسلامی"
    assert _live_sources(database, finalized.meeting).detail.resolutions[0].lead.agency_name == (
        "اداره کل فرهنگ و ارشاد اسلامی"
    )


def test_the_snapshot_reads_back_as_the_records_it_was_taken_of(council, agencies, database):
    meeting = council.plan("1404/07/20", start_time="09:00", end_time="11:30", host_agency_id=agencies.press)
    council.meetings.postpone(meeting.id, "1404/07/22", "هم‌زمانی با مراسم")
    council.attendance.invite_guest(meeting.id, GuestDraft("دکتر حسن کریمی", "استاد", "دانشگاه"))
    invitations = council.attendance.invitations(meeting.id)
    council.attendance.record(
        meeting.id,
        [
            AttendanceEntry(
                i.id,
                "excused" if i.agency_id == agencies.education else "present",
                substitute_name="کارشناس جانشین" if i.agency_id == agencies.press else "",
                excuse="مأموریت" if i.agency_id == agencies.education else "",
            )
            for i in invitations
        ],
    )
    council.resolve(meeting.id, "مقرر شد الف.", agencies.press, agencies.municipality, due_date="1404/08/15")
    live = _live_sources(database, meeting.id)
    assert snapshot.loads(snapshot.dumps(live)) == live


def test_an_amendment_is_read_live_beside_the_frozen_minutes(council, finalized):
    council.minutes.amend_resolution(
        finalized.resolution, due_date="1404/09/15", reason="تعطیلات", author="دبیر شورا"
    )
    sources = council.secretariat.snapshots.minutes_sources(finalized.meeting)
    (amendment,) = sources.detail.amendments
    resolution = next(r for r in sources.detail.resolutions if r.id == finalized.resolution)
    assert resolution.amendments == (amendment,)
    assert resolution.due_date == dt.date(2025, 11, 6)  # as finalized: 15 Aban 1404


# -- amendments -----------------------------------------------------------------------


def test_an_amendment_keeps_the_original_text(council, finalized):
    amendment = council.minutes.amend_resolution(
        finalized.resolution,
        text="مقرر شد شبکه ارتباط رسانه‌ای  با حضور خبرنگاران تشکیل شود.",
        reason="اصلاح به درخواست رئیس شورا",
        author="دبیر شورا",
    )
    assert amendment.field == "resolution_text"
    assert amendment.original == "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."
    assert amendment.amended == "مقرر شد شبکه ارتباط رسانه‌ای با حضور خبرنگاران تشکیل شود."
    assert (amendment.reason, amendment.author) == ("اصلاح به درخواست رئیس شورا", "دبیر شورا")
    assert isinstance(amendment.recorded_at, dt.datetime)
    assert amendment.resolution_id == finalized.resolution

    resolution = council.minutes.resolutions(finalized.meeting)[0]
    assert resolution.text == "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."
    assert resolution.current_text == "مقرر شد شبکه ارتباط رسانه‌ای با حضور خبرنگاران تشکیل شود."
    assert resolution.amendments == (amendment,)
    assert council.meetings.detail(finalized.meeting).amendments == (amendment,)
    assert council.meetings.get(finalized.meeting).status is MeetingStatus.FINALIZED


def test_a_second_amendment_follows_the_first(council, finalized):
    council.minutes.amend_resolution(
        finalized.resolution, text="مقرر شد متن دوم.", reason="الف", author="دبیر"
    )
    second = council.minutes.amend_resolution(
        finalized.resolution, text="مقرر شد متن سوم.", reason="ب", author="دبیر"
    )
    assert (second.original, second.amended) == ("مقرر شد متن دوم.", "مقرر شد متن سوم.")
    resolution = council.minutes.resolutions(finalized.meeting)[0]
    assert resolution.text == "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."
    assert resolution.current_text == "مقرر شد متن سوم."
    assert [a.amended for a in resolution.amendments] == ["مقرر شد متن دوم.", "مقرر شد متن سوم."]


def test_amending_the_deadline_changes_the_date_followed_up(council, finalized):
    amendment = council.minutes.amend_resolution(
        finalized.resolution,
        due_date="۱۴۰۴/۰۹/۰۱",
        reason="درخواست تمدید ارشاد",
        author="دبیر شورا",
    )
    assert (amendment.field, amendment.original, amendment.amended) == (
        "due_date",
        "1404/08/15",
        "1404/09/01",
    )
    resolution = council.minutes.resolutions(finalized.meeting)[0]
    assert resolution.due_date == dt.date(2025, 11, 22)
    assert resolution.current_due_date_text == "1404/09/01"
    assert resolution.current_text == "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود."

    again = council.minutes.amend_resolution(
        finalized.resolution, due_date="1404/09/10", reason="الف", author="دبیر"
    )
    assert (again.original, again.amended) == ("1404/09/01", "1404/09/10")
    assert council.minutes.resolutions(finalized.meeting)[0].due_date == dt.date(2025, 12, 1)


def test_amending_until_the_next_meeting_to_a_date(council, finalized):
    amendment = council.minutes.amend_resolution(
        finalized.later, due_date="1404/08/15", reason="الف", author="دبیر"
    )
    assert (amendment.original, amendment.amended) == ("تا جلسه بعد", "1404/08/15")
    later = council.minutes.resolutions(finalized.meeting)[1]
    assert (later.due_next_meeting, later.due_date) == (False, dt.date(2025, 11, 6))


@pytest.mark.parametrize(
    ("kwargs", "errors"),
    [
        ({"text": "مقرر شد ب.", "reason": " ", "author": "دبیر"}, {"reason": "دلیل اصلاح را بنویسید."}),
        (
            {"text": "مقرر شد ب.", "reason": "الف", "author": ""},
            {"author": "نام ثبت‌کننده اصلاحیه را بنویسید."},
        ),
        ({"reason": "الف", "author": "دبیر"}, {"text": "متن تازه یا مهلت تازه را بنویسید."}),
        (
            {"text": "مقرر شد ب.", "due_date": "1404/09/01", "reason": "الف", "author": "دبیر"},
            {"due_date": "هر اصلاحیه یک چیز را اصلاح می‌کند: متن یا مهلت، نه هر دو."},
        ),
        ({"text": "  ", "reason": "الف", "author": "دبیر"}, {"text": "متن تازه مصوبه را بنویسید."}),
        (
            {"text": " مقرر شد شبکه  ارتباط رسانه‌ای تشکیل شود.", "reason": "الف", "author": "دبیر"},
            {"text": "اصلاحیه با متن فعلی یکی است."},
        ),
        (
            {"due_date": "1404/08/15", "reason": "الف", "author": "دبیر"},
            {"due_date": "اصلاحیه با متن فعلی یکی است."},
        ),
        (
            {"due_date": "1404/07/14", "reason": "الف", "author": "دبیر"},
            {"due_date": "مهلت نمی‌تواند پیش از تاریخ جلسه باشد."},
        ),
        (
            {"due_date": "1404/12/30", "reason": "الف", "author": "دبیر"},
            {"due_date": "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."},
        ),
        ({"due_date": "", "reason": "الف", "author": "دبیر"}, {"due_date": "تاریخ را وارد کنید."}),
    ],
)
def test_amendments_refuse_bad_input(council, finalized, database, kwargs, errors):
    with unchanged(database):
        assert refused(council.minutes.amend_resolution, finalized.resolution, **kwargs) == errors


def test_amendments_wait_until_the_minutes_are_final(council, agencies, meeting, database):
    resolution = council.resolve(meeting.id, "مقرر شد الف.", agencies.press)
    item = council.agenda.add(meeting.id, AgendaItemDraft("بند یک"))
    with unchanged(database):
        with pytest.raises(DomainError) as error:
            council.minutes.amend_resolution(resolution.id, text="مقرر شد ب.", reason="الف", author="دبیر")
        assert error.value.message == "صورتجلسه هنوز نهایی نشده است؛ خود مصوبه را ویرایش کنید."
        with pytest.raises(DomainError) as error:
            council.minutes.amend_item_summary(item.id, summary="خلاصه", reason="الف", author="دبیر")
        assert error.value.message == "صورتجلسه هنوز نهایی نشده است؛ خود خلاصه را ویرایش کنید."
        with pytest.raises(NotFoundError):
            council.minutes.amend_resolution(999, text="مقرر شد ب.", reason="الف", author="دبیر")
        with pytest.raises(NotFoundError):
            council.minutes.amend_item_summary(999, summary="خلاصه", reason="الف", author="دبیر")


def test_an_item_summary_is_amended_beside_the_original(council, finalized):
    first = council.minutes.amend_item_summary(
        finalized.item,
        summary="دبیر شورا  گزارش داد و اعضا موافقت کردند.",
        reason="جا افتاده بود",
        author="دبیر",
    )
    assert (first.field, first.agenda_item_id, first.resolution_id) == ("item_summary", finalized.item, None)
    assert (first.original, first.amended) == (
        "دبیر شورا گزارش داد.",
        "دبیر شورا گزارش داد و اعضا موافقت کردند.",
    )
    second = council.minutes.amend_item_summary(finalized.item, summary="متن سوم.", reason="ب", author="دبیر")
    assert second.original == "دبیر شورا گزارش داد و اعضا موافقت کردند."
    assert council.agenda.items(finalized.meeting)[0].summary == "دبیر شورا گزارش داد."
    assert [a.id for a in council.meetings.detail(finalized.meeting).amendments] == [first.id, second.id]


def test_amend_item_summary_needs_a_reason_and_an_author(council, finalized, database):
    with unchanged(database):
        assert refused(
            council.minutes.amend_item_summary, finalized.item, summary="ب", reason="", author=""
        ) == {
            "reason": "دلیل اصلاح را بنویسید.",
            "author": "نام ثبت‌کننده اصلاحیه را بنویسید.",
        }


# -- the whole meeting, as the window shows it ------------------------------------------


def test_detail_gathers_the_meeting(council, agencies, finalized):
    detail = council.meetings.detail(finalized.meeting)
    assert detail.meeting.title == "نخستین جلسه"
    assert [item.title for item in detail.agenda] == ["شبکه ارتباط رسانه‌ای", "سایر موارد"]
    assert [i.display_name for i in detail.invitations] == [
        "آموزش و پرورش",
        "اداره کل ارشاد اسلامی",
        "شهرداری پردیس",
        "صدا و سیما",
        "دکتر حسن کریمی",
    ]
    assert (detail.quorum.members, detail.quorum.present, detail.quorum.required, detail.quorum.met) == (
        4,
        4,
        3,
        True,
    )
    assert [r.code for r in detail.resolutions] == ["1404-01-01", "1404-01-02"]
    assert detail.amendments == ()
    assert detail.attachments == ()
