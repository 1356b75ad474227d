"""The date planning a new meeting proposes: the council's rhythm kept, never a Friday
nor a day already taken, far enough ahead for the invitations."""

import datetime as dt

import pytest

from secretariat import clock
from secretariat.meetings.proposal import proposed_date
from tests.support.meetings import Council

TODAY = dt.date(2026, 3, 3)  # a Tuesday (12 Esfand 1404)
FRIDAY, SATURDAY = 4, 5


def test_with_no_meeting_yet_a_week_from_today():
    assert proposed_date(None, TODAY) == dt.date(2026, 3, 10)


def test_four_weeks_after_the_last_regular_meeting_on_its_weekday():
    last = dt.date(2026, 2, 24)  # a Tuesday, a week ago
    assert proposed_date(last, TODAY) == dt.date(2026, 3, 24)
    planned_ahead = dt.date(2026, 3, 17)  # the last one is still to come
    assert proposed_date(planned_ahead, TODAY) == dt.date(2026, 4, 14)


@pytest.mark.parametrize("days_ago", [28, 30, 100, 365])
def test_after_a_gap_the_first_same_weekday_with_a_week_for_the_invitations(days_ago):
    last = TODAY - dt.timedelta(days=days_ago)
    day = proposed_date(last, TODAY)
    assert day.weekday() == last.weekday() != FRIDAY
    assert TODAY + dt.timedelta(days=7) <= day < TODAY + dt.timedelta(days=14)


def test_never_a_friday_nor_a_day_that_has_a_meeting():
    last_friday = dt.date(2026, 2, 27)
    assert proposed_date(last_friday, TODAY) == dt.date(2026, 3, 28)  # the Saturday after
    assert proposed_date(last_friday, TODAY).weekday() == SATURDAY
    thursday = dt.date(2026, 3, 12)
    taken = {dt.date(2026, 3, 10), dt.date(2026, 3, 11), thursday}
    assert proposed_date(None, TODAY, taken) == dt.date(2026, 3, 14)  # past the Friday too


def test_the_service_follows_regular_meetings_only_and_steps_over_a_taken_day(secretariat, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    council = Council(secretariat)
    meetings = secretariat.meetings
    assert meetings.proposed_date() == dt.date(2026, 3, 10)

    council.plan("1404/12/05")  # Tuesday 24 February 2026, regular
    council.plan("1404/12/18", kind="extraordinary")  # sets no rhythm
    cancelled = council.plan("1404/12/26")
    meetings.cancel(cancelled.id, "هم‌زمانی با سفر استاندار")
    assert meetings.proposed_date() == dt.date(2026, 3, 24)

    council.plan("1405/01/04", kind="working_group")  # 24 March 2026: that day is taken
    assert meetings.proposed_date() == dt.date(2026, 3, 25)
