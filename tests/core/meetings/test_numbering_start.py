"""Numbering that starts at N: a council moving from paper at its 30th meeting.

Each series (the council's regular and extraordinary meetings, the general
assembly, working groups) has its own start: the first meeting recorded in
the app is the Nth overall and the Mth of its Jalali year. The start can be
changed until a meeting of the series is held.
"""

import dataclasses

import pytest

from secretariat.errors import ValidationError
from secretariat.meetings.kinds import MeetingSeries
from secretariat.meetings.numbering_start import NumberingStart, NumberingStartDraft, field_key
from secretariat.members.council import CouncilDraft
from tests.support.meetings import Council, unchanged

COUNCIL, ASSEMBLY, WORKING_GROUP = (
    MeetingSeries.COUNCIL,
    MeetingSeries.GENERAL_ASSEMBLY,
    MeetingSeries.WORKING_GROUP,
)


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


def start(council: Council, *starts: tuple[MeetingSeries, str, str]) -> dict[MeetingSeries, NumberingStart]:
    """Save the council form with these starts typed (series, overall, in the year); every start."""
    draft = CouncilDraft(name=council.council.name, chair=council.council.chair, city=council.council.city)
    typed = tuple(NumberingStartDraft(series.value, number, year) for series, number, year in starts)
    council.secretariat.council.update(dataclasses.replace(draft, numbering=typed))
    return numbering_of(council.secretariat)


def numbering_of(secretariat) -> dict[MeetingSeries, NumberingStart]:
    return {state.start.series: state.start for state in secretariat.council.numbering()}


def refused(call, *args) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args)
    return error.value.errors


def test_a_council_that_starts_with_the_app_numbers_from_one(council):
    assert numbering_of(council.secretariat) == {series: NumberingStart(series) for series in MeetingSeries}
    first = council.hold(council.plan("1404/02/10").id)
    assert (first.number, first.year_number, first.title) == (1, 1, "نخستین جلسه")


def test_starting_at_30_the_first_held_meeting_is_the_30th_and_its_codes_say_so(council):
    agency = council.agency("اداره کل ارشاد اسلامی")
    assert start(council, (COUNCIL, "۳۰", "۵"))[COUNCIL] == NumberingStart(COUNCIL, 30, 5)

    meeting = council.hold(council.plan("1404/07/15").id)
    resolution = council.resolve(meeting.id, "مقرر شد گزارش فصلی تهیه شود.", agency)

    assert (meeting.number, meeting.year_number) == (30, 5)
    assert meeting.title == "سی‌امین جلسه"
    assert resolution.code == "1404-30-01"
    following = council.hold(council.plan("1404/08/20", kind="extraordinary").id)
    assert (following.number, following.year_number) == (31, 6)
    assert following.title == "سی و یکمین جلسه (فوق‌العاده)"


def test_the_general_assembly_and_working_groups_have_their_own_starts(council):
    agency = council.agency("شهرداری پردیس")
    start(council, (COUNCIL, "30", "5"), (ASSEMBLY, "4", "1"))

    regular = council.hold(council.plan("1404/07/15").id)
    assembly = council.hold(council.plan("1404/07/20", kind="general_assembly").id)
    group = council.hold(council.plan("1404/07/25", kind="working_group").id)

    assert (regular.number, assembly.number, group.number) == (30, 4, 1)
    assert assembly.title == "چهارمین جلسه مجمع عمومی"
    assert group.title == "نخستین جلسه کارگروه"
    code = council.resolve(assembly.id, "مقرر شد آیین‌نامه بازنگری شود.", agency).code
    assert code == "1404-م04-01"
    # Each series is fixed by its own held meeting: the working groups' now too.
    assert set(refused(start, council, (WORKING_GROUP, "7", "1"))) == {field_key(WORKING_GROUP)}


def test_planned_meetings_are_renumbered_when_the_start_changes(council):
    first = council.plan("1404/07/15")
    second = council.plan("1404/08/15")
    assert (first.number, second.number) == (1, 2)

    start(council, (COUNCIL, "30", "5"))
    first, second = council.meetings.get(first.id), council.meetings.get(second.id)
    assert (first.number, first.year_number, second.number, second.year_number) == (30, 5, 31, 6)
    assert second.title == "سی و یکمین جلسه"

    start(council, (COUNCIL, "12", "12"))
    assert [council.meetings.get(m.id).number for m in (first, second)] == [12, 13]
    # A meeting planned earlier than both is now the first in the app.
    earlier = council.plan("1404/06/01")
    assert [council.meetings.get(m.id).number for m in (earlier, first, second)] == [12, 13, 14]


def test_the_number_in_the_year_starts_only_the_year_of_the_first_meeting(council):
    start(council, (COUNCIL, "30", "5"))
    autumn = council.hold(council.plan("1404/08/15").id)
    winter = council.hold(council.plan("1404/11/15").id)
    next_spring = council.plan("1405/02/15")
    assert [(m.number, m.year_number) for m in (autumn, winter, next_spring)] == [(30, 5), (31, 6), (32, 1)]


def test_a_start_in_a_new_year_is_the_first_of_that_year(council):
    # Moving at the turn of the year: the 30th meeting is the first of 1404.
    start(council, (COUNCIL, "30", "1"))
    meeting = council.hold(council.plan("1404/01/20").id)
    assert (meeting.number, meeting.year_number) == (30, 1)


def test_the_start_is_refused_once_a_meeting_of_the_series_is_held(council):
    start(council, (COUNCIL, "30", "5"))
    held = council.hold(council.plan("1404/07/15").id)
    planned = council.plan("1404/08/15")

    with unchanged(council.database):
        errors = refused(start, council, (COUNCIL, "40", "1"))
    assert errors[field_key(COUNCIL)] == (
        "شماره‌گذاری جلسات شورا دیگر تغییر نمی‌کند: «سی‌امین جلسه» برگزار شده و "
        "شماره جلسه‌های برگزارشده ثابت است. چیزی ذخیره نشد."
    )
    assert council.meetings.get(held.id).number == 30
    assert council.meetings.get(planned.id).number == 31
    # The same start typed again (the form saved with its other fields) is no change.
    assert start(council, (COUNCIL, "30", "5"))[COUNCIL] == NumberingStart(COUNCIL, 30, 5)
    # The other series are still free.
    assert start(council, (ASSEMBLY, "9", "2"))[ASSEMBLY] == NumberingStart(ASSEMBLY, 9, 2)


def test_the_numbering_says_which_series_are_fixed_and_why(council):
    start(council, (COUNCIL, "30", "5"))
    council.hold(council.plan("1404/07/15", kind="extraordinary").id)
    numbering = {state.start.series: state for state in council.secretariat.council.numbering()}

    assert numbering[COUNCIL].fixed
    assert numbering[COUNCIL].start == NumberingStart(COUNCIL, 30, 5)
    assert "«سی‌امین جلسه (فوق‌العاده)» برگزار شده" in numbering[COUNCIL].fixed_reason
    assert not numbering[ASSEMBLY].fixed and numbering[ASSEMBLY].fixed_reason == ""
    assert not numbering[WORKING_GROUP].fixed


def test_a_cancelled_first_meeting_gives_the_start_to_the_next(council):
    start(council, (COUNCIL, "30", "5"))
    first = council.plan("1404/07/15")
    second = council.plan("1404/08/15")
    council.meetings.cancel(first.id, "هم‌زمانی با سفر استاندار")
    assert council.meetings.get(second.id).number == 30
    assert council.meetings.get(second.id).year_number == 5


def test_the_meeting_held_first_takes_the_start_whatever_its_date(council):
    start(council, (COUNCIL, "30", "5"))
    earlier = council.plan("1404/07/15")
    later = council.hold(council.plan("1404/07/25").id)
    assert (later.number, later.year_number) == (30, 5)
    assert council.meetings.get(earlier.id).number == 31


def test_a_start_is_set_when_the_council_is_created(secretariat):
    secretariat.council.create(
        CouncilDraft(name="شورای پردیس", numbering=(NumberingStartDraft("working_group", "۱۲", "۳"),))
    )
    starts = numbering_of(secretariat)
    assert starts[WORKING_GROUP] == NumberingStart(WORKING_GROUP, 12, 3)
    assert starts[COUNCIL] == NumberingStart(COUNCIL)


@pytest.mark.parametrize(
    ("number", "year", "message"),
    [
        ("", "1", "شماره نخستین جلسه: عددی وارد نشده است."),
        ("۰", "1", "شماره نخستین جلسه باید از ۱ تا ۹۹۹۹ باشد."),
        ("سی", "1", "شماره نخستین جلسه: «سی» عدد صحیح نیست."),
        ("30", "-2", "شماره آن در سال باید از ۱ تا ۹۹۹۹ باشد."),
        ("5", "6", "شماره در سال (۶) از شماره کل (۵) بیشتر نمی‌شود."),
    ],
)
def test_a_start_is_checked_with_a_persian_message_under_its_series(council, number, year, message):
    with unchanged(council.database):
        errors = refused(start, council, (ASSEMBLY, number, year))
    assert errors == {field_key(ASSEMBLY): message}
