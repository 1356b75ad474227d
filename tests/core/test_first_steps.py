"""How far a new council has come: the steps the home page's guide ticks."""

from __future__ import annotations

from secretariat.members.people import AppointmentDraft, PersonDraft
from tests.support.meetings import FAR_FUTURE, Council


def appoint(council: Council, agency_id: int, name: str) -> None:
    person = council.people.add(PersonDraft(full_name=name))
    council.people.appoint(
        AppointmentDraft(agency_id=agency_id, person_id=person.id, start_date="1400/01/15")
    )


def test_a_new_council_has_done_nothing_yet(secretariat):
    Council(secretariat)
    steps = secretariat.first_steps.load()
    assert (steps.agencies_added, steps.managers_appointed, steps.meeting_planned, steps.meeting_held) == (
        False,
        False,
        False,
        False,
    )
    assert steps.first_without_manager is None and steps.meeting_to_hold is None
    assert not steps.finished


def test_agencies_without_a_pr_manager_are_counted_first_by_persian_order(secretariat):
    council = Council(secretariat)
    school = council.agency("آموزش و پرورش")
    council.agency("پست")
    council.agency("شهرداری")
    steps = secretariat.first_steps.load()
    assert steps.agencies_added and steps.active_agencies == 3
    assert steps.without_manager == 3 and steps.first_without_manager == school

    appoint(council, school, "مریم احمدی")
    steps = secretariat.first_steps.load()
    assert steps.without_manager == 2 and steps.first_without_manager != school
    assert not steps.managers_appointed


def test_an_inactive_agency_needs_no_manager(secretariat):
    council = Council(secretariat)
    town = council.agency("شهرداری")
    closed = council.agency("اداره منحل‌شده")
    appoint(council, town, "علی رضایی")
    assert not secretariat.first_steps.load().managers_appointed
    council.agencies.set_active(closed, False)
    steps = secretariat.first_steps.load()
    assert steps.managers_appointed and steps.active_agencies == 1 and steps.first_without_manager is None


def test_a_planned_meeting_then_a_held_one_finish_the_steps(secretariat):
    council = Council(secretariat)
    council.agency("شهرداری")
    later = council.plan(FAR_FUTURE)
    steps = secretariat.first_steps.load()
    assert steps.meeting_planned and steps.meeting_to_hold == later.id and not steps.meeting_held

    sooner = council.plan("1404/02/25")
    assert secretariat.first_steps.load().meeting_to_hold == sooner.id  # the earliest first
    council.hold(sooner.id)
    steps = secretariat.first_steps.load()
    assert steps.meeting_held and steps.finished
    assert steps.meeting_to_hold == later.id


def test_a_cancelled_meeting_is_not_a_planned_one(secretariat):
    council = Council(secretariat)
    meeting = council.plan(FAR_FUTURE)
    council.meetings.cancel(meeting.id, reason="همزمانی با مراسم استان")
    steps = secretariat.first_steps.load()
    assert not steps.meeting_planned and steps.meeting_to_hold is None
