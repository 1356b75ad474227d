"""Where a meeting stands, step by step (the meeting window's first tab)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.steps import StepPlace, StepState, meeting_steps
from tests.support.window_meetings import AGENCIES, held_meeting, make_council, with_resolution


def _as(detail, status: MeetingStatus):
    """The same meeting shown in another status (what the steps read of it)."""
    return replace(detail, meeting=replace(detail.meeting, status=status))


def test_a_held_meeting_without_resolutions_has_them_next_and_signing_later(services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    detail = services.meetings.detail(meeting.id)
    steps = meeting_steps(detail, detail.meeting.date)
    states = [step.state for step in steps]
    assert states.count(StepState.NEXT) == 1  # one thing to do now
    assert states.index(StepState.NEXT) < states.index(StepState.LATER)
    signed = steps[-1]
    assert signed.place is StepPlace.ATTACHMENTS and signed.state is StepState.LATER


def test_a_planned_meeting_before_its_day_says_attendance_waits_for_the_day(services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    detail = services.meetings.detail(meeting.id)
    detail = _as(detail, MeetingStatus.PLANNED)
    before = detail.meeting.date - dt.timedelta(days=3)
    attendance = next(s for s in meeting_steps(detail, before) if s.place is StepPlace.ATTENDANCE)
    assert attendance.state is not StepState.DONE
    assert "در روز جلسه" in attendance.text
    on_the_day = next(
        s for s in meeting_steps(detail, detail.meeting.date) if s.place is StepPlace.ATTENDANCE
    )
    assert "رسیده است" in on_the_day.text


def test_a_cancelled_meeting_skips_what_was_not_done(services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    detail = services.meetings.detail(meeting.id)
    detail = _as(detail, MeetingStatus.CANCELLED)
    steps = meeting_steps(detail, detail.meeting.date)
    assert StepState.NEXT not in [step.state for step in steps]
    assert all(step.text == "جلسه لغو شده است" for step in steps if step.state is StepState.SKIPPED)


def test_after_finalizing_the_resolutions_are_communicated_to_the_agencies_responsible(services):
    agencies = make_council(services)
    meeting = held_meeting(services, agencies)
    with_resolution(services, meeting.id, agencies[AGENCIES[1]])
    detail = services.meetings.detail(meeting.id)

    def communication(detail, communicated=0):
        steps = meeting_steps(detail, detail.meeting.date, communicated)
        titles = [step.title for step in steps]
        assert titles.index("ابلاغ مصوبات") == titles.index("نهایی‌سازی") + 1
        return next(step for step in steps if step.place is StepPlace.COMMUNICATION)

    assert communication(detail).state is StepState.LATER  # held: the minutes come first
    services.minutes.finalize(meeting.id, by="دبیر شورا")
    detail = services.meetings.detail(meeting.id)
    step = communication(detail)
    assert step.state is StepState.NEXT and "۱ دستگاه مسئول" in step.text
    step = communication(detail, communicated=1)
    assert step.state is StepState.DONE and "۱ نامه ابلاغ" in step.text
