"""Planning meetings: invitations, chair, numbering and titles, warnings,
validation, postponing and cancelling, the list and the calendar month.

Jalali dates were converted by hand: 1 Farvardin 1404 is Friday 21 March
2025 (1403 was a leap year: 30 Esfand 1403 is 20 March 2025); the first six
months have 31 days and the next five 30, so 1 Mehr 1404 is Tuesday
23 September 2025 and 1 Aban 1404 is Thursday 23 October 2025. A day is
a Friday when its offset from 1 Farvardin 1404 is a multiple of seven
(4 Mehr 1404, 26 September 2025).
"""

import datetime as dt

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.planning import MeetingDraft, MeetingQuery
from tests.support.meetings import CHAIR, FAR_FUTURE, Council, unchanged

ZWNJ = "\u200c"


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


def refused(call, *args) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args)
    return error.value.errors


# -- invitations and chair -----------------------------------------------------------


def test_every_active_member_agency_is_invited_and_inactive_ones_are_not(council):
    education = council.agency("آموزش و پرورش")
    municipality = council.agency("شهرداری پردیس")
    old_bank = council.agency("بانک صادرات")
    council.agencies.set_active(old_bank, False)

    meeting = council.plan("1404/07/15")

    invited = {i.agency_id for i in council.attendance.invitations(meeting.id)}
    assert invited == {education, municipality}
    assert all(i.attendance.value == "unknown" for i in council.attendance.invitations(meeting.id))


def test_an_agency_added_after_planning_is_not_invited_until_invited(council):
    council.agency("آموزش و پرورش")
    meeting = council.plan("1404/07/15")
    late_member = council.agency("هلال احمر")

    assert late_member not in {i.agency_id for i in council.attendance.invitations(meeting.id)}


def test_the_chair_defaults_to_the_councils_chair(council):
    assert council.plan("1404/07/15").chair == CHAIR
    assert council.plan("1404/08/10", chair="معاون سیاسی فرماندار").chair == "معاون سیاسی فرماندار"


def test_plan_keeps_what_was_typed_in_its_stored_form(council):
    host = council.agency("شهرداری پردیس")
    meeting = council.plan(
        "۱۴۰۴/۰۲/۲۷",
        start_time="۱۰:۳۰",
        end_time="12",
        host_agency_id=host,
        venue="  سالن   اجتماعات  شهرداري ",
        occasion="روز ارتباطات و روابط عمومي",
    )
    assert meeting.date == dt.date(2025, 5, 17)
    assert meeting.jalali_year == 1404
    assert meeting.start_time == dt.time(10, 30)
    assert meeting.end_time == dt.time(12, 0)
    assert meeting.host_agency_id == host
    assert meeting.host_agency_name == "شهرداری پردیس"
    assert meeting.venue == "سالن اجتماعات شهرداری"
    assert meeting.occasion == "روز ارتباطات و روابط عمومی"
    assert meeting.status is MeetingStatus.PLANNED
    assert meeting.status_label == "برنامه‌ریزی‌شده"
    assert meeting.kind is MeetingKind.REGULAR
    assert meeting.postponements == ()
    assert meeting.editable


# -- numbering and titles -----------------------------------------------------------


def test_the_first_meeting_is_the_first(council):
    meeting = council.plan("1404/02/10")
    assert (meeting.number, meeting.year_number) == (1, 1)
    assert meeting.title == "نخستین جلسه"


def test_titles_count_the_councils_meetings_and_the_general_assembly_separately(council):
    dates = ["1404/02/10", "1404/03/01", "1404/04/01", "1404/05/01", "1404/06/01", "1404/07/15", "1404/08/10"]
    regular = [council.plan(date) for date in dates]
    assembly_1 = council.plan("1404/03/15", kind="general_assembly")
    extraordinary = council.plan("1404/09/10", kind="extraordinary")
    assembly_2 = council.plan("1404/12/20", kind="general_assembly")

    regular = [council.meetings.get(m.id) for m in regular]
    assert [m.number for m in regular] == [1, 2, 3, 4, 5, 6, 7]
    assert regular[6].title == "هفتمین جلسه"
    assert regular[1].title == "دومین جلسه"
    assert regular[2].title == "سومین جلسه"
    assert council.meetings.get(extraordinary.id).title == "هشتمین جلسه (فوق‌العاده)"
    assert council.meetings.get(assembly_1.id).title == "نخستین جلسه مجمع عمومی"
    assert council.meetings.get(assembly_2.id).title == "دومین جلسه مجمع عمومی"


def test_numbers_count_the_council_and_the_jalali_year(council):
    meetings = [council.plan(date) for date in ("1403/10/01", "1403/12/01", "1404/02/10", "1404/03/01")]
    numbers = [council.meetings.get(m.id) for m in meetings]
    assert [(m.number, m.year_number, m.jalali_year) for m in numbers] == [
        (1, 1, 1403),
        (2, 2, 1403),
        (3, 1, 1404),
        (4, 2, 1404),
    ]


def test_planning_an_earlier_meeting_renumbers_the_planned_ones_in_calendar_order(council):
    june = council.plan("1404/04/01")
    august = council.plan("1404/06/01")
    assert (june.number, august.number) == (1, 2)

    april = council.plan("1404/02/10")

    assert april.number == 1
    assert council.meetings.get(june.id).number == 2
    assert council.meetings.get(august.id).title == "سومین جلسه"


def test_meetings_on_one_day_are_numbered_by_their_start_time(council):
    afternoon = council.plan("1404/07/15", start_time="14:00")
    morning = council.plan("1404/07/15", start_time="09:00")
    assert council.meetings.get(morning.id).number == 1
    assert council.meetings.get(afternoon.id).number == 2


def test_postponing_past_another_meeting_renumbers_both(council):
    first = council.plan("1404/05/01")
    second = council.plan("1404/06/01")
    third = council.plan("1404/07/15")

    council.meetings.postpone(first.id, "1404/08/10", "هم‌زمانی با سفر استاندار")

    assert [council.meetings.get(m.id).number for m in (second, third, first)] == [1, 2, 3]
    assert council.meetings.get(first.id).title == "سومین جلسه"


def test_a_held_meeting_keeps_its_number_when_an_earlier_one_is_planned(council):
    council.agency("آموزش و پرورش")
    held = council.plan("1404/02/10")
    council.hold(held.id)

    earlier = council.plan("1404/01/20")
    later = council.plan("1404/03/01")

    assert council.meetings.get(held.id).number == 1
    assert council.meetings.get(held.id).title == "نخستین جلسه"
    # Planned meetings follow the last held one, whatever their dates.
    assert council.meetings.get(earlier.id).number == 2
    assert council.meetings.get(later.id).number == 3


def test_a_held_meeting_keeps_its_number_when_others_are_cancelled_or_postponed(council):
    council.agency("آموزش و پرورش")
    held = council.plan("1404/02/10")
    council.hold(held.id)
    second = council.plan("1404/03/01")
    third = council.plan("1404/04/01")

    council.meetings.cancel(second.id, "نبود حد نصاب")
    assert council.meetings.get(held.id).number == 1
    assert council.meetings.get(third.id).number == 2

    council.meetings.postpone(third.id, "1404/05/01", "تعطیلی رسمی")
    assert council.meetings.get(held.id).number == 1
    assert council.meetings.get(third.id).number == 2


def test_held_meetings_are_numbered_without_gaps_even_if_an_earlier_one_is_still_planned(council):
    """The council's sequence printed on minutes has no holes: the meeting held
    takes the number after the last held one."""
    council.agency("آموزش و پرورش")
    april = council.plan("1404/01/20")
    may = council.plan("1404/02/10")

    council.hold(may.id)  # April's meeting is still only planned
    assert council.meetings.get(may.id).number == 1
    assert council.meetings.get(may.id).year_number == 1
    assert council.meetings.get(april.id).number == 2

    council.hold(april.id)
    assert council.meetings.get(april.id).number == 2
    assert council.meetings.get(april.id).year_number == 2


def test_a_cancelled_meeting_gives_its_number_up(council):
    first = council.plan("1404/02/10")
    second = council.plan("1404/03/01")
    third = council.plan("1404/04/01")

    cancelled = council.meetings.cancel(second.id, "هم‌زمانی با انتخابات")

    assert cancelled.status is MeetingStatus.CANCELLED
    assert cancelled.status_label == "لغوشده"
    assert cancelled.cancel_reason == "هم‌زمانی با انتخابات"
    assert (cancelled.number, cancelled.year_number) == (None, None)
    assert cancelled.title == "جلسه عادی (لغوشده)"
    assert not cancelled.editable
    assert council.meetings.get(first.id).number == 1
    assert council.meetings.get(third.id).number == 2
    assert council.meetings.get(third.id).title == "دومین جلسه"


def test_changing_the_kind_moves_a_meeting_to_the_other_series(council):
    first = council.plan("1404/02/10")
    second = council.plan("1404/03/01")
    third = council.plan("1404/04/01")

    council.meetings.update(second.id, MeetingDraft(kind="general_assembly", date="1404/03/01"))

    assert council.meetings.get(second.id).title == "نخستین جلسه مجمع عمومی"
    assert council.meetings.get(first.id).number == 1
    assert council.meetings.get(third.id).title == "دومین جلسه"


def test_postponing_into_the_next_year_counts_in_that_year(council):
    winter = council.plan("1404/10/06")
    spring = council.plan("1404/12/20")
    assert council.meetings.get(spring.id).year_number == 2

    moved = council.meetings.postpone(spring.id, "1405/01/15", "تعطیلات نوروز").meeting

    assert (moved.jalali_year, moved.number, moved.year_number) == (1405, 2, 1)
    assert council.meetings.get(winter.id).year_number == 1


# -- warnings (not refusals) ------------------------------------------------------------


def test_a_friday_is_warned_of_but_planned(council):
    result = council.meetings.plan(MeetingDraft(date="1404/07/04"))
    assert result.warnings == ("روز جلسه، جمعه ۴ مهر ۱۴۰۴، تعطیل است.",)
    assert result.meeting.date == dt.date(2025, 9, 26)
    assert council.meetings.count() == 1


def test_a_working_day_gives_no_warning(council):
    assert council.meetings.plan(MeetingDraft(date="1404/07/05")).warnings == ()


def test_a_day_with_another_meeting_is_warned_of(council):
    council.plan("1404/07/15", start_time="09:00")
    result = council.meetings.plan(MeetingDraft(kind="extraordinary", date="1404/07/15", start_time="11:00"))
    assert result.warnings == ("در همین روز «نخستین جلسه» هم برنامه‌ریزی شده است.",)
    assert council.meetings.count() == 2


def test_a_cancelled_meeting_on_the_same_day_is_not_warned_of(council):
    other = council.plan("1404/07/15")
    council.meetings.cancel(other.id, "نبود حد نصاب")
    assert council.meetings.plan(MeetingDraft(date="1404/07/15")).warnings == ()


def test_a_host_that_hosted_the_previous_meeting_is_warned_of(council):
    municipality = council.agency("شهرداری پردیس")
    university = council.agency("دانشگاه آزاد اسلامی")
    council.plan("1404/05/01", host_agency_id=municipality)

    again = council.meetings.plan(MeetingDraft(date="1404/07/15", host_agency_id=municipality))
    assert again.warnings == (
        "«شهرداری پردیس» میزبان جلسه پیشین (۱۴۰۴/۰۵/۰۱) هم بود؛ جلسات به نوبت در دستگاه‌های عضو برگزار می‌شود.",
    )
    # The next host in rotation gets no warning.
    assert council.meetings.plan(MeetingDraft(date="1404/09/10", host_agency_id=university)).warnings == ()


def test_the_host_of_an_older_meeting_is_not_warned_of(council):
    municipality = council.agency("شهرداری پردیس")
    university = council.agency("دانشگاه آزاد اسلامی")
    council.plan("1404/05/01", host_agency_id=municipality)
    council.plan("1404/06/01", host_agency_id=university)
    assert council.meetings.plan(MeetingDraft(date="1404/07/15", host_agency_id=municipality)).warnings == ()


def test_a_cancelled_previous_meeting_does_not_count_for_the_rotation(council):
    municipality = council.agency("شهرداری پردیس")
    university = council.agency("دانشگاه آزاد اسلامی")
    council.plan("1404/05/01", host_agency_id=university)
    cancelled = council.plan("1404/06/01", host_agency_id=municipality)
    council.meetings.cancel(cancelled.id, "نبود حد نصاب")
    # The previous meeting is the one of 1 Mordad, at the university.
    assert council.meetings.check(MeetingDraft(date="1404/07/15", host_agency_id=university)) == (
        "«دانشگاه آزاد اسلامی» میزبان جلسه پیشین (۱۴۰۴/۰۵/۰۱) هم بود؛ "
        "جلسات به نوبت در دستگاه‌های عضو برگزار می‌شود.",
    )
    assert council.meetings.plan(MeetingDraft(date="1404/07/15", host_agency_id=municipality)).warnings == ()


def test_all_three_warnings_at_once(council):
    municipality = council.agency("شهرداری پردیس")
    council.plan("1404/06/01", host_agency_id=municipality)
    council.plan("1404/07/04", start_time="08:00")
    result = council.meetings.plan(
        MeetingDraft(date="1404/07/04", start_time="10:00", host_agency_id=municipality)
    )
    assert result.warnings == (
        "روز جلسه، جمعه ۴ مهر ۱۴۰۴، تعطیل است.",
        "در همین روز «دومین جلسه» هم برنامه‌ریزی شده است.",
        # The previous meeting is the one of an earlier day, not the one earlier that day.
        "«شهرداری پردیس» میزبان جلسه پیشین (۱۴۰۴/۰۶/۰۱) هم بود؛ جلسات به نوبت در دستگاه‌های عضو برگزار می‌شود.",
    )


def test_check_gives_the_warnings_without_saving(council, database):
    council.plan("1404/07/15")
    with unchanged(database):
        warnings = council.meetings.check(MeetingDraft(date="1404/07/15"))
    assert warnings == ("در همین روز «نخستین جلسه» هم برنامه‌ریزی شده است.",)
    # A meeting is not warned of itself when it is edited.
    only = council.meetings.page()[0]
    assert council.meetings.check(MeetingDraft(date="1404/07/15"), meeting_id=only.id) == ()
    # Invalid input: nothing to warn of (the form shows the errors).
    assert council.meetings.check(MeetingDraft(date="1404/12/30")) == ()


def test_postponing_onto_a_friday_warns(council):
    meeting = council.plan("1404/06/01")
    result = council.meetings.postpone(meeting.id, "1404/07/04", "سفر هیئت دولت")
    assert result.warnings == ("روز جلسه، جمعه ۴ مهر ۱۴۰۴، تعطیل است.",)


# -- validation refusals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (MeetingDraft(date="۱۴۰۴/۱۲/۳۰"), "date", "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."),
        (MeetingDraft(date="1404/07/31"), "date", "مهر ۳۰ روز دارد؛ روز ۳۱ وجود ندارد."),
        (MeetingDraft(date="1404/13/01"), "date", "ماه ۱۳ وجود ندارد؛ ماه باید بین ۱ و ۱۲ باشد."),
        (MeetingDraft(date=""), "date", "تاریخ را وارد کنید."),
        (
            MeetingDraft(date="فردا"),
            "date",
            "«فردا» تاریخ نیست؛ به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۲/۲۷.",
        ),
        (
            MeetingDraft(date="1404/07/15", start_time="۱۰:۳۰", end_time="۰۹:۰۰"),
            "end_time",
            "ساعت پایان باید پس از ساعت شروع باشد.",
        ),
        (
            MeetingDraft(date="1404/07/15", start_time="10:00", end_time="10:00"),
            "end_time",
            "ساعت پایان باید پس از ساعت شروع باشد.",
        ),
        (
            MeetingDraft(date="1404/07/15", start_time="ده صبح"),
            "start_time",
            "«ده صبح» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰.",
        ),
        (
            MeetingDraft(date="1404/07/15", end_time="25:00"),
            "end_time",
            "ساعت ۲۵ وجود ندارد؛ ساعت باید بین ۰ و ۲۳ باشد.",
        ),
        (MeetingDraft(kind="seminar", date="1404/07/15"), "kind", "نوع جلسه را از فهرست انتخاب کنید."),
    ],
)
def test_plan_refuses_invalid_input_and_saves_nothing(council, database, draft, field, message):
    council.agency("آموزش و پرورش")
    with unchanged(database):
        errors = refused(council.meetings.plan, draft)
    assert errors[field] == message


def test_plan_reports_every_bad_field_at_once(council):
    errors = refused(council.meetings.plan, MeetingDraft(kind="x", date="1404/12/30", start_time="۹۹"))
    assert set(errors) == {"kind", "date", "start_time"}


def test_plan_refuses_an_unknown_host(council, database):
    council.agency("آموزش و پرورش")
    with unchanged(database):
        errors = refused(council.meetings.plan, MeetingDraft(date="1404/07/15", host_agency_id=999))
    assert errors == {"host_agency_id": "دستگاه میزبان در فهرست نیست."}


def test_update_changes_the_details_of_a_planned_meeting(council):
    host = council.agency("شهرداری پردیس")
    meeting = council.plan("1404/07/15")
    updated = council.meetings.update(
        meeting.id,
        MeetingDraft(
            date="1404/07/15",
            start_time="9:30",
            host_agency_id=host,
            venue="سالن شهدا",
            chair="معاون فرماندار",
        ),
    ).meeting
    assert updated.start_time == dt.time(9, 30)
    assert updated.host_agency_name == "شهرداری پردیس"
    assert updated.venue == "سالن شهدا"
    assert updated.chair == "معاون فرماندار"
    assert updated.status is MeetingStatus.PLANNED


def test_update_refuses_bad_input_and_an_unknown_meeting(council, database):
    meeting = council.plan("1404/07/15")
    with unchanged(database):
        errors = refused(
            council.meetings.update, meeting.id, MeetingDraft(date="1404/07/15", host_agency_id=999)
        )
        assert errors == {"host_agency_id": "دستگاه میزبان در فهرست نیست."}
        errors = refused(council.meetings.update, meeting.id, MeetingDraft(date="1404/12/30"))
        assert errors == {"date": "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."}
        with pytest.raises(NotFoundError):
            council.meetings.update(999, MeetingDraft(date="1404/07/15"))


# -- postponing and cancelling ------------------------------------------------------------


def test_postpone_keeps_the_history(council):
    meeting = council.plan("1404/07/15")

    first = council.meetings.postpone(meeting.id, "۱۴۰۴/۰۸/۱۰", "هم‌زمانی با سفر استاندار").meeting
    assert first.date == dt.date(2025, 11, 1)
    assert first.status is MeetingStatus.POSTPONED
    assert first.status_label == "به تعویق افتاده"

    second = council.meetings.postpone(meeting.id, "1404/09/10", "  تعطیلی   رسمي ").meeting
    assert second.date == dt.date(2025, 12, 1)
    assert [(p.from_date, p.to_date, p.reason) for p in second.postponements] == [
        (dt.date(2025, 10, 7), dt.date(2025, 11, 1), "هم‌زمانی با سفر استاندار"),
        (dt.date(2025, 11, 1), dt.date(2025, 12, 1), "تعطیلی رسمی"),
    ]
    assert all(p.recorded_at is not None for p in second.postponements)
    assert council.meetings.get(meeting.id).postponements == second.postponements


@pytest.mark.parametrize(
    ("new_date", "reason", "errors"),
    [
        ("1404/08/10", "", {"reason": "دلیل تعویق را بنویسید."}),
        ("1404/08/10", f"  {ZWNJ} ", {"reason": "دلیل تعویق را بنویسید."}),
        ("", "تعطیلی", {"date": "تاریخ را وارد کنید."}),
        ("1404/12/30", "تعطیلی", {"date": "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد."}),
        ("1404/07/15", "تعطیلی", {"date": "تاریخ تازه باید پس از تاریخ فعلی جلسه (۱۴۰۴/۰۷/۱۵) باشد."}),
        ("1404/07/01", "تعطیلی", {"date": "تاریخ تازه باید پس از تاریخ فعلی جلسه (۱۴۰۴/۰۷/۱۵) باشد."}),
    ],
)
def test_postpone_needs_a_new_date_and_a_reason(council, database, new_date, reason, errors):
    meeting = council.plan("1404/07/15")
    with unchanged(database):
        assert refused(council.meetings.postpone, meeting.id, new_date, reason) == errors


def test_a_postponed_meetings_date_changes_only_by_postponing(council, database):
    meeting = council.plan("1404/07/15")
    council.meetings.postpone(meeting.id, "1404/08/10", "تعطیلی")
    with unchanged(database):
        errors = refused(council.meetings.update, meeting.id, MeetingDraft(date="1404/09/10"))
    assert errors == {"date": "تاریخ جلسه‌ای که به تعویق افتاده را با «تعویق» تغییر دهید."}
    # Its other details can still change.
    assert council.meetings.update(
        meeting.id, MeetingDraft(date="1404/08/10", venue="سالن شهدا")
    ).meeting.venue == ("سالن شهدا")


def test_cancel_needs_a_reason(council, database):
    meeting = council.plan("1404/07/15")
    with unchanged(database):
        assert refused(council.meetings.cancel, meeting.id, " ") == {"reason": "دلیل لغو جلسه را بنویسید."}


def test_a_postponed_meeting_can_be_cancelled(council):
    meeting = council.plan("1404/07/15")
    council.meetings.postpone(meeting.id, "1404/08/10", "تعطیلی")
    cancelled = council.meetings.cancel(meeting.id, "نبود حد نصاب")
    assert cancelled.status is MeetingStatus.CANCELLED
    assert len(cancelled.postponements) == 1


def test_a_held_meeting_cannot_be_postponed_or_cancelled_or_edited(council, database):
    council.agency("آموزش و پرورش")
    meeting = council.plan("1404/07/15")
    council.hold(meeting.id)
    with unchanged(database):
        with pytest.raises(DomainError) as error:
            council.meetings.postpone(meeting.id, "1404/08/10", "تعطیلی")
        assert error.value.message == "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان به تعویق انداخت."
        with pytest.raises(DomainError) as error:
            council.meetings.cancel(meeting.id, "اشتباه")
        assert error.value.message == "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان لغو کرد."
        with pytest.raises(DomainError) as error:
            council.meetings.update(meeting.id, MeetingDraft(date="1404/07/15", venue="سالن دیگر"))
        assert error.value.message == "فقط جلسه‌ای که هنوز برگزار نشده را می‌توان ویرایش کرد."


def test_a_cancelled_meeting_cannot_be_postponed_cancelled_or_held(council, database):
    meeting = council.plan("1404/07/15")
    council.meetings.cancel(meeting.id, "نبود حد نصاب")
    with unchanged(database):
        with pytest.raises(DomainError):
            council.meetings.postpone(meeting.id, "1404/08/10", "تعطیلی")
        with pytest.raises(DomainError):
            council.meetings.cancel(meeting.id, "دوباره")
        with pytest.raises(DomainError) as error:
            council.meetings.mark_held(meeting.id)
        assert error.value.message == "این جلسه لغو شده است."


def test_a_meeting_in_the_future_cannot_be_marked_held(council, database):
    meeting = council.plan(FAR_FUTURE)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.meetings.mark_held(meeting.id)
    assert "۱۵ فروردین ۱۴۲۰ برگزار می‌شود" in error.value.message


def test_mark_held_fixes_the_status(council):
    meeting = council.plan("1404/07/15")
    held = council.meetings.mark_held(meeting.id)
    assert held.status is MeetingStatus.HELD
    assert held.status_label == "برگزارشده"
    assert council.meetings.mark_held(meeting.id).status is MeetingStatus.HELD  # twice is harmless


def test_unknown_meetings_are_not_found(council):
    for call in (
        lambda: council.meetings.get(999),
        lambda: council.meetings.detail(999),
        lambda: council.meetings.cancel(999, "اشتباه"),
        lambda: council.meetings.postpone(999, "1404/08/10", "اشتباه"),
        lambda: council.meetings.mark_held(999),
    ):
        with pytest.raises(NotFoundError) as error:
            call()
        assert error.value.message == "این جلسه در فهرست نیست."


# -- the list and the calendar --------------------------------------------------------------


@pytest.fixture
def spread(council):
    """Meetings over two years, of three kinds and three statuses."""
    council.agency("آموزش و پرورش")
    ids = {
        "1403/10/01": council.plan("1403/10/01").id,
        "1403/12/01": council.plan("1403/12/01").id,
        "1404/02/10": council.plan("1404/02/10", kind="general_assembly").id,
        "1404/03/01": council.plan("1404/03/01", kind="extraordinary").id,
        "1404/04/01": council.plan("1404/04/01").id,
    }
    council.hold(ids["1403/10/01"])
    council.hold(ids["1403/12/01"])
    council.hold(ids["1404/03/01"])
    council.meetings.cancel(ids["1404/04/01"], "نبود حد نصاب")
    return ids


def test_count_and_page_filter_by_year_kind_and_status(council, spread):
    meetings = council.meetings
    assert meetings.count() == 5
    assert meetings.count(MeetingQuery(jalali_year=1404)) == 3
    assert meetings.count(MeetingQuery(jalali_year=1403)) == 2
    assert meetings.count(MeetingQuery(jalali_year=1402)) == 0
    assert meetings.count(MeetingQuery(kind=MeetingKind.REGULAR)) == 3
    assert meetings.count(MeetingQuery(kind=MeetingKind.GENERAL_ASSEMBLY)) == 1
    assert meetings.count(MeetingQuery(status=MeetingStatus.HELD)) == 3
    assert meetings.count(MeetingQuery(jalali_year=1404, status=MeetingStatus.HELD)) == 1
    assert meetings.count(MeetingQuery(jalali_year=1404, kind=MeetingKind.REGULAR)) == 1
    assert (
        meetings.count(MeetingQuery(jalali_year=1404, kind=MeetingKind.REGULAR, status=MeetingStatus.PLANNED))
        == 0
    )

    rows = meetings.page(MeetingQuery(jalali_year=1404))
    assert [row.id for row in rows] == [spread["1404/04/01"], spread["1404/03/01"], spread["1404/02/10"]]
    assert [row.date for row in rows] == [dt.date(2025, 6, 22), dt.date(2025, 5, 22), dt.date(2025, 4, 30)]
    assert [row.status for row in rows] == [
        MeetingStatus.CANCELLED,
        MeetingStatus.HELD,
        MeetingStatus.PLANNED,
    ]
    assert [row.kind for row in rows] == [
        MeetingKind.REGULAR,
        MeetingKind.EXTRAORDINARY,
        MeetingKind.GENERAL_ASSEMBLY,
    ]

    oldest_first = meetings.page(MeetingQuery(newest_first=False), offset=1, limit=2)
    assert [row.id for row in oldest_first] == [spread["1403/12/01"], spread["1404/02/10"]]
    assert [row.id for row in meetings.page(MeetingQuery(status=MeetingStatus.HELD))] == [
        spread["1404/03/01"],
        spread["1403/12/01"],
        spread["1403/10/01"],
    ]


def test_the_list_shows_titles_as_printed(council, spread):
    rows = {row.id: row for row in council.meetings.page()}
    assert rows[spread["1403/10/01"]].title == "نخستین جلسه"
    assert rows[spread["1403/12/01"]].title == "دومین جلسه"
    assert rows[spread["1404/03/01"]].title == "سومین جلسه (فوق‌العاده)"
    assert rows[spread["1404/02/10"]].title == "نخستین جلسه مجمع عمومی"
    assert rows[spread["1404/04/01"]].title == "جلسه عادی (لغوشده)"
    assert rows[spread["1404/03/01"]].status_label == "برگزارشده"
    assert rows[spread["1404/03/01"]].resolution_count == 0


def test_years_lists_the_years_with_meetings_newest_first(council, spread):
    assert council.meetings.years() == [1404, 1403]


def test_month_returns_exactly_the_meetings_of_that_jalali_month(council):
    last_of_shahrivar = council.plan("1404/06/31").id
    first_of_mehr = council.plan("1404/07/01").id
    cancelled = council.plan("1404/07/15").id
    last_of_mehr = council.plan("1404/07/30").id
    first_of_aban = council.plan("1404/08/01").id
    council.meetings.cancel(cancelled, "نبود حد نصاب")

    mehr = council.meetings.month(1404, 7)
    assert [row.id for row in mehr] == [first_of_mehr, cancelled, last_of_mehr]
    assert [row.date for row in mehr] == [dt.date(2025, 9, 23), dt.date(2025, 10, 7), dt.date(2025, 10, 22)]
    assert mehr[1].status is MeetingStatus.CANCELLED

    assert [row.id for row in council.meetings.month(1404, 6)] == [last_of_shahrivar]
    assert [row.date for row in council.meetings.month(1404, 6)] == [dt.date(2025, 9, 22)]
    assert [row.id for row in council.meetings.month(1404, 8)] == [first_of_aban]
    assert [row.date for row in council.meetings.month(1404, 8)] == [dt.date(2025, 10, 23)]
    assert council.meetings.month(1404, 9) == []
    assert council.meetings.month(1403, 7) == []


def test_month_reaches_the_thirtieth_of_esfand_in_a_leap_year(council):
    leap_day = council.plan("1403/12/30").id
    nowruz = council.plan("1404/01/01").id
    assert [row.date for row in council.meetings.month(1403, 12)] == [dt.date(2025, 3, 20)]
    assert [row.id for row in council.meetings.month(1403, 12)] == [leap_day]
    assert [row.id for row in council.meetings.month(1404, 1)] == [nowruz]


def test_month_orders_one_days_meetings_by_time(council):
    late = council.plan("1404/07/15", start_time="14:00", kind="extraordinary").id
    early = council.plan("1404/07/15", start_time="08:30").id
    assert [row.id for row in council.meetings.month(1404, 7)] == [early, late]


def test_previous_meeting_is_the_last_held_one_of_the_series(council):
    council.agency("آموزش و پرورش")
    first = council.plan("1404/02/10").id
    assembly = council.plan("1404/03/01", kind="general_assembly").id
    planned = council.plan("1404/04/01").id
    current = council.plan("1404/06/01").id
    council.hold(first)
    council.hold(assembly)
    # Not the general assembly (another series), not the planned one (not held).
    assert council.meetings.previous_meeting(current).id == first
    assert council.meetings.previous_meeting(planned).id == first
    assert council.meetings.previous_meeting(first) is None


# -- agencies with a meeting history -----------------------------------------------------


def test_an_agency_that_hosted_a_meeting_cannot_be_deleted(council, database):
    host = council.agency("شهرداری پردیس")
    meeting = council.plan("1404/07/15", host_agency_id=host)
    invitation = next(i for i in council.attendance.invitations(meeting.id) if i.agency_id == host)
    council.attendance.uninvite(invitation.id)  # hosting alone is history

    assert council.agencies.is_referenced(host)
    with unchanged(database), pytest.raises(DomainError) as error:
        council.agencies.delete(host)
    assert error.value.message == "«شهرداری پردیس» سابقه دارد و حذف نمی‌شود؛ به‌جای حذف، آن را غیرفعال کنید."


def test_an_invited_agency_cannot_be_deleted_until_uninvited(council, database):
    education = council.agency("آموزش و پرورش")
    meeting = council.plan("1404/07/15")
    assert council.agencies.is_referenced(education)
    with unchanged(database), pytest.raises(DomainError):
        council.agencies.delete(education)

    invitation = council.attendance.invitations(meeting.id)[0]
    council.attendance.uninvite(invitation.id)
    assert not council.agencies.is_referenced(education)
    council.agencies.delete(education)
    assert council.agencies.find_by_name("آموزش و پرورش") is None


def test_a_presenter_of_an_agenda_item_cannot_be_deleted(council, database):
    from secretariat.meetings.agenda import AgendaItemDraft

    meeting = council.plan("1404/07/15")
    presenter = council.agency("هلال احمر")  # joined after the meeting was planned: not invited
    council.agenda.add(meeting.id, AgendaItemDraft("گزارش هفته هلال احمر", presenter_agency_id=presenter))
    assert council.agencies.is_referenced(presenter)
    with unchanged(database), pytest.raises(DomainError):
        council.agencies.delete(presenter)


def test_an_agency_responsible_for_a_resolution_cannot_be_deleted(council, database):
    council.agency("آموزش و پرورش")
    meeting = council.plan("1404/07/15")
    council.hold(meeting.id)
    lead = council.agency("اداره کل ارشاد اسلامی")  # neither invited nor host
    collaborator = council.agency("صدا و سیما")
    council.resolve(meeting.id, "مقرر شد دوره آموزشی خبرنویسی برگزار شود.", lead, collaborator)

    for agency in (lead, collaborator):
        assert council.agencies.is_referenced(agency)
        with unchanged(database), pytest.raises(DomainError):
            council.agencies.delete(agency)


def test_an_agency_without_meeting_history_can_still_be_deleted(council):
    council.plan("1404/07/15")
    newcomer = council.agency("بانک ملی")
    assert not council.agencies.is_referenced(newcomer)
    council.agencies.delete(newcomer)
    assert council.agencies.find_by_name("بانک ملی") is None
