"""The dashboard's figures, and that each one lists again in the register as the same rows."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from tests.support.followup import followup_world, in_days
from tests.support.meetings import Council


@pytest.fixture
def world(secretariat):
    return followup_world(secretariat)


def test_the_four_figures(world):
    board = world["dashboard"].load()
    assert board.still_open == 6  # three late, due soon, later, deferred
    assert board.overdue == 3
    assert board.due_soon == 1
    assert board.done_this_year == 1


def test_each_figure_lists_the_same_rows_in_the_register(world):
    board = world["dashboard"].load()
    register = world["register"]
    assert register.count(board.still_open_query()) == board.still_open
    assert register.count(board.overdue_query()) == board.overdue
    assert {row.id for row in register.page(board.due_soon_query())} == {world["soon"].id}
    assert {row.id for row in register.page(board.done_this_year_query())} == {world["done"].id}
    for status, count in board.recent_status.items():
        assert register.count(board.recent_status_query(status)) == count


def test_worst_agencies_count_lead_and_collaborator_worst_first(world):
    worst = world["dashboard"].load().worst_agencies
    # The town leads one late resolution and helps with another.
    assert [(a.agency_id, a.overdue) for a in worst][0] == (world["town"], 2)
    assert {a.agency_id for a in worst[1:]} == {world["school"], world["health"]}
    for agency in worst:
        assert world["register"].count(agency.query()) == agency.overdue


def test_completion_rate_leaves_cancelled_resolutions_out(world):
    rates = {a.agency_id: a for a in world["dashboard"].load().completion}
    town = rates[world["town"]]
    assert (town.done, town.total) == (1, 4)  # two late, the deferred one, the done one
    school = rates[world["school"]]
    assert (school.done, school.total) == (0, 2)  # the cancelled one is not counted
    assert list(rates.values())[0].agency_id == world["town"]  # best rate first


def test_recent_status_has_every_status(world):
    status = world["dashboard"].load().recent_status
    assert list(status) == list(ResolutionStatus)
    assert status[ResolutionStatus.OPEN] == 5
    assert status[ResolutionStatus.DONE] == status[ResolutionStatus.CANCELLED] == 1


def test_next_meetings_are_the_coming_ones_soonest_first(world):
    board = world["dashboard"].load()
    assert [m.id for m in board.next_meetings][0] == world["next"].id
    assert len(board.next_meetings) == 2
    assert board.next_meetings[0].venue == "سالن فرمانداری"
    assert world["dashboard"].next_meeting().id == world["next"].id


def test_a_follow_up_and_closing_change_the_figures(world):
    followup, dashboard = world["followup"], world["dashboard"]
    before = dashboard.load()
    followup.add(world["late_town"].id, FollowUpDraft(date=in_days(0), progress="40"))
    followup.mark_done(world["late_town"].id, evidence="گزارش تصویری نصب تابلوها")
    after = dashboard.load()
    assert after.overdue == before.overdue - 1
    assert after.still_open == before.still_open - 1
    assert after.done_this_year == before.done_this_year + 1
    assert after.worst_agencies[0].overdue == 1


def test_an_empty_council_has_a_dashboard(secretariat):
    Council(secretariat)
    board = secretariat.dashboard.load()
    assert (board.still_open, board.overdue, board.due_soon, board.done_this_year) == (0, 0, 0, 0)
    assert board.worst_agencies == board.completion == board.next_meetings == ()
    assert secretariat.dashboard.next_meeting() is None


def test_register_filters_by_closing_day_and_still_open(world):
    register = world["register"]
    today = dt.date.today()
    closed = register.page(ResolutionQuery(closed_from=today, closed_to=today))
    assert {row.status for row in closed} == {ResolutionStatus.DONE, ResolutionStatus.CANCELLED}
    assert register.count(ResolutionQuery(closed_to=today - dt.timedelta(days=1))) == 0
    still_open = register.page(ResolutionQuery(still_open=True), limit=None)
    assert ResolutionStatus.DEFERRED in {row.status for row in still_open}
    assert not any(row.status.closed for row in still_open)
