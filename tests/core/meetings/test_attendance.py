"""Invitees, attendance (حضور و غیاب) and the quorum.

15 Mehr 1404 is 7 October 2025; 1 Azar 1404 is 22 November 2025.
"""

import datetime as dt

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.attendance import AttendanceEntry, GuestDraft
from secretariat.meetings.kinds import Attendance, MeetingStatus
from secretariat.meetings.records import Quorum
from secretariat.members.people import AppointmentDraft, PersonDraft
from tests.support.meetings import FAR_FUTURE, Council, unchanged


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


@pytest.fixture
def education(council):
    return council.agency("آموزش و پرورش")


@pytest.fixture
def municipality(council):
    return council.agency("شهرداری پردیس")


@pytest.fixture
def meeting(council, education, municipality):
    return council.plan("1404/07/15")


def invitation_of(council, meeting_id, agency_id):
    return next(i for i in council.attendance.invitations(meeting_id) if i.agency_id == agency_id)


def person(council, name: str) -> int:
    return council.people.add(PersonDraft(full_name=name)).id


def appoint(council, agency_id, person_id, start="1403/01/01", role="pr_manager"):
    council.people.appoint(
        AppointmentDraft(agency_id=agency_id, person_id=person_id, role=role, start_date=start)
    )


# -- who came ------------------------------------------------------------------------


def test_present_means_the_pr_manager_by_default(council, meeting, education):
    manager = person(council, "مریم احمدی")
    appoint(council, education, manager)
    assert council.attendance.default_attendee(education) == (manager, "مریم احمدی")

    record = council.attendance.record_agency(meeting.id, education, "present")

    assert record.attendance is Attendance.PRESENT
    assert record.attendance.label == "حاضر"
    assert record.attendee_person_id == manager
    assert record.attendee_name == "مریم احمدی"
    assert record.agency_name == "آموزش و پرورش"
    assert not record.is_guest
    assert record.display_name == "آموزش و پرورش"


def test_present_without_a_pr_manager_names_nobody(council, meeting, municipality):
    assert council.attendance.default_attendee(municipality) is None
    record = council.attendance.record_agency(meeting.id, municipality, "present")
    assert (record.attendance, record.attendee_person_id, record.attendee_name) == (
        Attendance.PRESENT,
        None,
        "",
    )


def test_present_defaults_to_whoever_was_pr_manager_on_the_meetings_day(council, meeting, education):
    """The manager changed after the meeting (15 Mehr 1404), before attendance was recorded."""
    then = person(council, "مریم احمدی")
    now = person(council, "رضا کاظمی")
    appoint(council, education, then, start="1403/01/01")
    appoint(council, education, now, start="1404/09/01")

    record = council.attendance.record_agency(meeting.id, education, "present")

    assert (record.attendee_person_id, record.attendee_name) == (then, "مریم احمدی")
    assert council.attendance.default_attendee(education) == (now, "رضا کاظمی")
    assert council.attendance.default_attendee(education, on=meeting.date) == (then, "مریم احمدی")
    assert council.attendance.default_attendee(education, on=dt.date(2025, 11, 22)) == (now, "رضا کاظمی")


def test_on_the_day_of_a_change_the_new_pr_manager_comes(council, meeting, education):
    then = person(council, "مریم احمدی")
    new = person(council, "رضا کاظمی")
    appoint(council, education, then, start="1403/01/01")
    appoint(council, education, new, start="1404/07/15")  # the meeting's day
    assert council.attendance.record_agency(meeting.id, education, "present").attendee_name == "رضا کاظمی"


def test_a_pr_manager_appointed_after_the_meeting_is_the_best_guess_when_no_earlier_one_is_on_record(
    council,
    meeting,
    education,
):
    manager = person(council, "مریم احمدی")
    appoint(council, education, manager, start="1405/01/01")
    assert council.attendance.record_agency(meeting.id, education, "present").attendee_person_id == manager


def test_a_substitute_came_instead(council, meeting, education):
    appoint(council, education, person(council, "مریم احمدی"))
    record = council.attendance.record_agency(
        meeting.id, education, "present", substitute_name="  علي   رضايي "
    )
    assert (record.attendee_person_id, record.attendee_name) == (None, "علی رضایی")


def test_another_person_from_the_register_came(council, meeting, education):
    appoint(council, education, person(council, "مریم احمدی"))
    deputy = person(council, "سارا موسوی")
    appoint(council, education, deputy, role="deputy")
    record = council.attendance.record_agency(meeting.id, education, "late", person_id=deputy)
    assert record.attendance is Attendance.LATE
    assert record.attendance.label == "با تأخیر"
    assert (record.attendee_person_id, record.attendee_name) == (deputy, "سارا موسوی")


def test_the_agencys_people_are_offered_as_who_came_its_pr_manager_of_the_day_first(
    council, meeting, education, municipality
):
    """The meeting is on 1404/07/15: its PR manager that day, then the deputy and the expert
    serving then, then those whose role there ended before it or began after it."""
    earlier = person(council, "حسین کریمی")
    manager = person(council, "مریم احمدی")
    deputy = person(council, "رضا کاظمی")
    expert = person(council, "سارا نوری")
    newcomer = person(council, "علی رضایی")
    elsewhere = person(council, "زهرا موسوی")
    appoint(council, education, earlier, start="1400/01/01")
    appoint(council, education, manager, start="1403/01/01")  # ends the earlier one's term that day
    appoint(council, education, expert, start="1402/01/01", role="expert")
    appoint(council, education, deputy, start="1402/06/01", role="deputy")
    appoint(council, education, newcomer, start="1405/01/01", role="expert")
    appoint(council, municipality, elsewhere)

    choices = council.attendance.attendee_choices(education, meeting.date)

    assert [(c.name, c.role, c.default) for c in choices] == [
        ("مریم احمدی", "مدیر روابط عمومی", True),
        ("رضا کاظمی", "معاون روابط عمومی", False),
        ("سارا نوری", "کارشناس روابط عمومی", False),
        ("حسین کریمی", "مدیر روابط عمومی، تا ۱۴۰۳/۰۱/۰۱", False),
        ("علی رضایی", "کارشناس روابط عمومی، از ۱۴۰۵/۰۱/۰۱", False),
    ]
    assert [c.person_id for c in choices] == [manager, deputy, expert, earlier, newcomer]
    # Narrowed by a word of the name, typed with an Arabic ي.
    assert [
        c.name for c in council.attendance.attendee_choices(education, meeting.date, search="سارا نوري")
    ] == ["سارا نوری"]

    # The deputy chosen is who came: the sheet and the minutes name the deputy.
    record = council.attendance.record_agency(meeting.id, education, "present", person_id=deputy)
    assert (record.attendee_person_id, record.attendee_name) == (deputy, "رضا کاظمی")


def test_an_unknown_person_is_refused(council, meeting, education, database):
    with unchanged(database), pytest.raises(NotFoundError) as error:
        council.attendance.record_agency(meeting.id, education, "present", person_id=999)
    assert error.value.message == "این شخص در فهرست نیست."
    assert council.meetings.get(meeting.id).status is MeetingStatus.PLANNED


def test_late_counts_as_present_with_the_pr_manager(council, meeting, education):
    manager = person(council, "مریم احمدی")
    appoint(council, education, manager)
    record = council.attendance.record_agency(meeting.id, education, "late")
    assert record.attendee_person_id == manager
    assert council.attendance.quorum(meeting.id).present == 1


def test_absent_names_nobody(council, meeting, education):
    appoint(council, education, person(council, "مریم احمدی"))
    record = council.attendance.record_agency(meeting.id, education, "absent", substitute_name="کسی")
    assert (record.attendance, record.attendee_person_id, record.attendee_name, record.excuse) == (
        Attendance.ABSENT,
        None,
        "",
        "",
    )
    assert record.attendance.label == "غایب"


def test_excused_needs_a_reason(council, meeting, education, database):
    with unchanged(database), pytest.raises(ValidationError) as error:
        council.attendance.record_agency(meeting.id, education, "excused", excuse=" ")
    assert error.value.errors == {"excuse": "برای غیبت موجه، دلیل آن را بنویسید."}

    record = council.attendance.record_agency(meeting.id, education, "excused", excuse="مأموريت  اداری")
    assert (record.attendance, record.excuse) == (Attendance.EXCUSED, "مأموریت اداری")
    assert record.attendance.label == "غیبت موجه"


def test_correcting_an_entry_replaces_it(council, meeting, education):
    council.attendance.record_agency(meeting.id, education, "excused", excuse="مأموریت")
    record = council.attendance.record_agency(meeting.id, education, "present", substitute_name="علی رضایی")
    assert (record.attendance, record.excuse, record.attendee_name) == (Attendance.PRESENT, "", "علی رضایی")
    record = council.attendance.record_agency(meeting.id, education, "absent")
    assert (record.attendance, record.excuse, record.attendee_name) == (Attendance.ABSENT, "", "")


def test_an_unknown_attendance_is_refused(council, meeting, education, database):
    with unchanged(database), pytest.raises(ValidationError) as error:
        council.attendance.record_agency(meeting.id, education, "sleeping")
    assert error.value.errors == {"attendance": "وضعیت حضور را از فهرست انتخاب کنید."}


def test_the_sheet_is_saved_whole_or_not_at_all(council, meeting, education, municipality, database):
    sheet = [
        AttendanceEntry(invitation_of(council, meeting.id, education).id, "present"),
        AttendanceEntry(invitation_of(council, meeting.id, municipality).id, "excused"),  # no reason
    ]
    with unchanged(database), pytest.raises(ValidationError):
        council.attendance.record(meeting.id, sheet)
    assert council.meetings.get(meeting.id).status is MeetingStatus.PLANNED


def test_recording_attendance_marks_the_meeting_held(council, meeting, education, municipality):
    records = council.attendance.record(
        meeting.id,
        [
            AttendanceEntry(invitation_of(council, meeting.id, education).id, "present"),
            AttendanceEntry(invitation_of(council, meeting.id, municipality).id, "absent"),
        ],
    )
    assert [(r.agency_name, r.attendance) for r in records] == [
        ("آموزش و پرورش", Attendance.PRESENT),
        ("شهرداری پردیس", Attendance.ABSENT),
    ]
    held = council.meetings.get(meeting.id)
    assert held.status is MeetingStatus.HELD
    assert held.status_label == "برگزارشده"
    assert (held.number, held.title) == (1, "نخستین جلسه")


# -- refusals: not invited, not yet held ------------------------------------------------


def test_attendance_for_an_agency_not_invited_is_refused(council, meeting, database):
    newcomer = council.agency("هلال احمر")  # joined after the meeting was planned
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attendance.record_agency(meeting.id, newcomer, "present")
    assert error.value.message == "«هلال احمر» به این جلسه دعوت نشده است؛ نخست آن را دعوت کنید."
    assert council.meetings.get(meeting.id).status is MeetingStatus.PLANNED


def test_attendance_for_an_uninvited_agency_is_refused(council, meeting, education, database):
    council.attendance.uninvite(invitation_of(council, meeting.id, education).id)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attendance.record_agency(meeting.id, education, "present")
    assert error.value.message == "«آموزش و پرورش» به این جلسه دعوت نشده است؛ نخست آن را دعوت کنید."


def test_attendance_with_another_meetings_invitation_is_refused(
    council, meeting, education, municipality, database
):
    other = council.plan("1404/08/10")
    foreign = invitation_of(council, other.id, education)
    own = invitation_of(council, meeting.id, municipality)
    with unchanged(database):
        for sheet in (
            [AttendanceEntry(foreign.id, "present")],
            [AttendanceEntry(own.id, "present"), AttendanceEntry(foreign.id, "present")],
            [AttendanceEntry(999, "present")],
        ):
            with pytest.raises(DomainError) as error:
                council.attendance.record(meeting.id, sheet)
            assert (
                error.value.message == "این دستگاه یا مهمان به این جلسه دعوت نشده است؛ نخست آن را دعوت کنید."
            )
    assert council.meetings.get(meeting.id).status is MeetingStatus.PLANNED
    assert council.meetings.get(other.id).status is MeetingStatus.PLANNED


def test_attendance_for_a_future_meeting_is_refused(council, education, database):
    future = council.plan(FAR_FUTURE)
    invitation = invitation_of(council, future.id, education)
    with unchanged(database):
        with pytest.raises(DomainError) as error:
            council.attendance.record(future.id, [AttendanceEntry(invitation.id, "present")])
        assert "۱۵ فروردین ۱۴۲۰ برگزار می‌شود؛ حضور و غیاب و صورتجلسه پس از برگزاری ثبت می‌شود." in (
            error.value.message
        )
        with pytest.raises(DomainError):
            council.attendance.record_agency(future.id, education, "absent")
    assert council.meetings.get(future.id).status is MeetingStatus.PLANNED


def test_attendance_for_a_cancelled_meeting_is_refused(council, meeting, education, database):
    council.meetings.cancel(meeting.id, "نبود حد نصاب")
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attendance.record_agency(meeting.id, education, "present")
    assert error.value.message == "این جلسه لغو شده است."


def test_attendance_for_an_unknown_meeting_is_refused(council, education):
    with pytest.raises(NotFoundError):
        council.attendance.record(999, [])
    with pytest.raises(NotFoundError):
        council.attendance.record_agency(999, education, "present")
    with pytest.raises(NotFoundError):
        council.attendance.invitations(999)
    with pytest.raises(NotFoundError):
        council.attendance.quorum(999)


# -- the quorum ----------------------------------------------------------------------


def twenty_five_members(council):
    for n in range(1, 26):
        council.agency(f"دستگاه شماره {n}")
    return council.plan("1404/07/15")


def take(council, meeting_id, present: int, late: int = 0):
    """Mark the first ``present`` members present, the next ``late`` late, the rest absent."""
    members = [i for i in council.attendance.invitations(meeting_id) if not i.is_guest]
    states = ["present"] * present + ["late"] * late
    states += ["absent"] * (len(members) - len(states))
    council.attendance.record(
        meeting_id, [AttendanceEntry(i.id, s) for i, s in zip(members, states, strict=True)]
    )
    return council.attendance.quorum(meeting_id)


def test_majority_quorum_is_live(council):
    meeting = twenty_five_members(council)
    before = council.attendance.quorum(meeting.id)
    assert before == Quorum(members=25, present=0, required=13)
    assert not before.met

    assert take(council, meeting.id, 14) == Quorum(members=25, present=14, required=13)
    assert take(council, meeting.id, 14).met
    assert take(council, meeting.id, 13).met
    assert not take(council, meeting.id, 12).met
    assert take(council, meeting.id, 10, late=3).met  # late members count
    assert council.meetings.detail(meeting.id).quorum == Quorum(members=25, present=13, required=13)


def test_majority_of_an_even_number_is_half_plus_one(council):
    for n in range(1, 21):
        council.agency(f"دستگاه شماره {n}")
    meeting = council.plan("1404/07/15")
    assert council.attendance.quorum(meeting.id).required == 11
    assert not take(council, meeting.id, 10).met
    assert take(council, meeting.id, 11).met


def test_two_thirds_quorum(secretariat):
    council = Council(secretariat, quorum_rule="two_thirds")
    meeting = twenty_five_members(council)
    assert council.attendance.quorum(meeting.id) == Quorum(members=25, present=0, required=17)
    assert not take(council, meeting.id, 16).met
    assert take(council, meeting.id, 17).met


def test_fixed_quorum(secretariat):
    council = Council(secretariat, quorum_rule="fixed", quorum_count="۱۰")
    meeting = twenty_five_members(council)
    assert council.attendance.quorum(meeting.id).required == 10
    assert not take(council, meeting.id, 9).met
    assert take(council, meeting.id, 10).met


def test_guests_do_not_count_towards_the_quorum(council):
    meeting = twenty_five_members(council)
    for n in range(1, 6):
        council.attendance.invite_guest(meeting.id, GuestDraft(f"مهمان {n}"))
    guests = [i for i in council.attendance.invitations(meeting.id) if i.is_guest]
    members = [i for i in council.attendance.invitations(meeting.id) if not i.is_guest]
    council.attendance.record(
        meeting.id,
        [AttendanceEntry(g.id, "present") for g in guests]
        + [AttendanceEntry(m.id, "present" if n < 12 else "absent") for n, m in enumerate(members)],
    )
    quorum = council.attendance.quorum(meeting.id)
    assert quorum == Quorum(members=25, present=12, required=13)
    assert not quorum.met


def test_no_members_no_quorum(council):
    meeting = council.plan("1404/07/15")
    quorum = council.attendance.quorum(meeting.id)
    assert quorum == Quorum(members=0, present=0, required=1)
    assert not quorum.met


def test_uninvited_members_leave_the_quorum(council):
    meeting = twenty_five_members(council)
    for invitation in council.attendance.invitations(meeting.id)[:5]:
        council.attendance.uninvite(invitation.id)
    assert council.attendance.quorum(meeting.id) == Quorum(members=20, present=0, required=11)


# -- who is invited ------------------------------------------------------------------


def test_invite_a_guest(council, meeting):
    guest = council.attendance.invite_guest(
        meeting.id,
        GuestDraft(" دکتر حسن  كريمي ", title="معاون فرهنگی", organization="دانشگاه تهران"),
    )
    assert guest.is_guest
    assert guest.agency_id is None
    assert guest.guest_name == "دکتر حسن کریمی"
    assert guest.guest_title == "معاون فرهنگی"
    assert guest.agency_name == "دانشگاه تهران"
    assert guest.display_name == "دکتر حسن کریمی، معاون فرهنگی، دانشگاه تهران"
    assert council.attendance.invite_guest(meeting.id, GuestDraft("خانم صالحی")).display_name == "خانم صالحی"


def test_a_guest_needs_a_name(council, meeting, database):
    with unchanged(database), pytest.raises(ValidationError) as error:
        council.attendance.invite_guest(meeting.id, GuestDraft("  ", organization="دانشگاه تهران"))
    assert error.value.errors == {"name": "نام مهمان را بنویسید."}


def test_a_guest_present_names_nobody_else(council, meeting):
    guest = council.attendance.invite_guest(meeting.id, GuestDraft("دکتر حسن کریمی"))
    (record,) = [
        r
        for r in council.attendance.record(meeting.id, [AttendanceEntry(guest.id, "present")])
        if r.id == guest.id
    ]
    assert (record.attendance, record.attendee_person_id, record.attendee_name) == (
        Attendance.PRESENT,
        None,
        "",
    )


def test_invite_an_agency_once(council, meeting, education, database):
    newcomer = council.agency("هلال احمر")
    invited = council.attendance.invite_agency(meeting.id, newcomer)
    assert (invited.agency_id, invited.agency_name, invited.attendance) == (
        newcomer,
        "هلال احمر",
        Attendance.UNKNOWN,
    )

    with unchanged(database):
        with pytest.raises(DomainError) as error:
            council.attendance.invite_agency(meeting.id, newcomer)
        assert error.value.message == "«هلال احمر» از پیش به این جلسه دعوت شده است."
        with pytest.raises(DomainError) as error:
            council.attendance.invite_agency(meeting.id, education)
        assert error.value.message == "«آموزش و پرورش» از پیش به این جلسه دعوت شده است."
        with pytest.raises(NotFoundError):
            council.attendance.invite_agency(meeting.id, 999)
        with pytest.raises(NotFoundError):
            council.attendance.invite_agency(999, newcomer)


def test_uninvite_and_invite_again(council, meeting, education):
    invitation = invitation_of(council, meeting.id, education)
    council.attendance.uninvite(invitation.id)
    assert education not in {i.agency_id for i in council.attendance.invitations(meeting.id)}
    council.attendance.invite_agency(meeting.id, education)
    assert education in {i.agency_id for i in council.attendance.invitations(meeting.id)}


def test_uninvite_a_guest(council, meeting):
    guest = council.attendance.invite_guest(meeting.id, GuestDraft("دکتر حسن کریمی"))
    council.attendance.uninvite(guest.id)
    assert not any(i.is_guest for i in council.attendance.invitations(meeting.id))


def test_someone_recorded_present_is_not_uninvited(council, meeting, education, database):
    council.attendance.record_agency(meeting.id, education, "present")
    with unchanged(database), pytest.raises(DomainError) as error:
        council.attendance.uninvite(invitation_of(council, meeting.id, education).id)
    assert error.value.message == "حضور این دعوت‌شده ثبت شده است؛ نخست حضور را پاک کنید."
    # An absentee can be taken off the list.
    council.attendance.record_agency(meeting.id, education, "absent")
    council.attendance.uninvite(invitation_of(council, meeting.id, education).id)


def test_uninvite_an_unknown_invitation(council, meeting):
    with pytest.raises(NotFoundError) as error:
        council.attendance.uninvite(999)
    assert error.value.message == "این دعوت‌شده در فهرست نیست."


def test_invitees_are_listed_members_first_in_persian_order_then_guests_as_invited(council):
    for name in ("گمرک", "یگان حفاظت", "پست", "آموزش و پرورش", "چاپ و نشر"):
        council.agency(name)
    meeting = council.plan("1404/07/15")
    council.attendance.invite_guest(meeting.id, GuestDraft("مهندس یزدانی"))
    council.attendance.invite_guest(meeting.id, GuestDraft("آقای احمدی"))
    assert [i.display_name for i in council.attendance.invitations(meeting.id)] == [
        "آموزش و پرورش",
        "پست",
        "چاپ و نشر",
        "گمرک",
        "یگان حفاظت",
        "مهندس یزدانی",
        "آقای احمدی",
    ]


# -- over a period -------------------------------------------------------------------


@pytest.fixture
def year(secretariat):
    from tests.support.attendance import attendance_world

    return attendance_world(secretariat)


def test_each_agencys_attendance_over_a_period_worst_first(year):
    from tests.support.attendance import EXPECTED

    rates = year["council"].attendance.rates(year["start"], year["end"])
    assert [(r.agency_name, r.invited, r.present, r.late, r.absent, r.excused) for r in rates] == EXPECTED
    assert all(r.unrecorded == 0 for r in rates)
    assert [r.agency_id for r in rates] == [year["agencies"][name] for name, *_ in EXPECTED]
    assert [round(r.rate, 4) for r in rates] == [0.3333, 0.5, 0.5, 0.75, 0.75, 1.0]


def test_only_held_meetings_in_the_period_count(year):
    attendance = year["council"].attendance
    assert attendance.meetings_held(year["start"], year["end"]) == 4  # not the cancelled or the planned one
    names = [r.agency_name for r in attendance.rates(year["start"], year["end"])]
    assert "کتابخانه عمومی" not in names  # invited only to the planned meeting
    first = year["meetings"][0].date
    assert attendance.meetings_held(first, first) == 1
    (education,) = [r for r in attendance.rates(first, first) if r.agency_name == "آموزش و پرورش"]
    assert (education.invited, education.present) == (1, 1)
    # 1403: the one meeting where everyone was absent.
    before = attendance.rates(dt.date(2025, 3, 1), dt.date(2025, 3, 20))
    assert {(r.invited, r.present, r.absent) for r in before} == {(1, 0, 1)} and len(before) == 6


def test_a_meeting_held_with_its_sheet_not_filled_in_counts_the_invitees_as_unrecorded(
    council, education, municipality
):
    meeting = council.plan("1404/07/15")
    council.attendance.record_agency(meeting.id, education, "present")  # the municipality left blank
    (town,) = [r for r in council.attendance.rates(meeting.date, meeting.date) if r.agency_id == municipality]
    assert (town.invited, town.present, town.unrecorded, town.rate) == (1, 0, 1, 0.0)


def test_a_period_that_ends_before_it_starts_is_refused(council):
    with pytest.raises(DomainError) as error:
        council.attendance.rates(dt.date(2025, 9, 1), dt.date(2025, 8, 31))
    assert error.value.message == "پایان دوره (۱۴۰۴/۰۶/۰۹) پیش از آغاز آن (۱۴۰۴/۰۶/۱۰) است."
    with pytest.raises(DomainError):
        council.attendance.meetings_held(dt.date(2025, 9, 1), dt.date(2025, 8, 31))
