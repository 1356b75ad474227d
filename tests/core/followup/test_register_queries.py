"""The register's queries the printed reports read through: who is assigned, their roles,
a year's histories."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat.core import Secretariat
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.kinds import AssignmentRole
from secretariat.persian import jalali
from tests.support.followup import followup_world


@pytest.fixture
def world(database):
    return followup_world(database)


@pytest.fixture
def secretariat(database):
    return Secretariat(database)


def test_the_agencies_assigned_to_overdue_work_lead_or_collaborator(world, secretariat):
    register = secretariat.register
    assert register.assignees(ResolutionQuery(overdue=True)) == tuple(
        sorted({world["town"], world["school"], world["health"]})
    )
    # The query's own agency filter still narrows the resolutions, not the agencies listed.
    assert register.assignees(ResolutionQuery(overdue=True, agency_id=world["school"])) == tuple(
        sorted({world["school"], world["town"]})
    )
    assert register.assignees(ResolutionQuery(search="واژه‌ای که نیست")) == ()


def test_an_agencys_role_in_each_resolution(world, secretariat):
    roles = secretariat.register.roles_of(
        world["town"], [world["late_town"].id, world["late_shared"].id, world["late_health"].id]
    )
    assert roles == {
        world["late_town"].id: AssignmentRole.LEAD,
        world["late_shared"].id: AssignmentRole.COLLABORATOR,
    }
    assert secretariat.register.texts_in_force([world["late_town"].id]) == {}  # never amended


def test_a_years_histories_and_the_attendance_of_each_meeting(world, secretariat):
    held = world["held"]
    year = jalali.to_jalali(held.date).year
    histories = {h.id: h for h in secretariat.register.histories(year)}
    late = histories[world["late_town"].id]
    assert late.overdue and late.days_overdue == 5 and late.lead_id == world["town"]
    assert late.first_due == late.due_date and not late.deadline_steps
    done = histories[world["done"].id]
    assert done.status is ResolutionStatus.DONE and done.completion_evidence == "نامه شماره ۱۲۳"
    assert not done.overdue

    counted = secretariat.attendance.by_meeting(held.date, held.date)
    quorum = secretariat.attendance.quorum(held.id)
    assert list(counted) == [held.id]
    assert (counted[held.id].invited, counted[held.id].present) == (quorum.members, quorum.present)
    assert (
        secretariat.attendance.by_meeting(held.date + dt.timedelta(days=1), held.date + dt.timedelta(days=2))
        == {}
    )
