"""The benchmark's generator keeps the rules the services keep (at a small scale)."""

from collections import defaultdict

import pytest
from sqlalchemy import func, select

from bench.generate import generate
from db.models import Assignment, Invitation, Resolution
from secretariat.core import Secretariat
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "bench.sqlite3"
    generate(path, agencies=90, people=300, meetings=150, resolutions=3000)
    with Secretariat.open(path) as secretariat:
        yield secretariat


def test_the_sizes_asked_for(generated):
    meetings = generated.meetings
    assert meetings.count() == 150
    with generated.database.reading() as session:
        assert session.scalar(select(func.count(Resolution.id))) == 3000
        leads = session.scalar(select(func.count(Assignment.id)).where(Assignment.role == "lead"))
        assert leads == 3000  # one lead each
        codes = session.scalar(select(func.count(func.distinct(Resolution.code))))
        assert codes == 3000


def test_meetings_are_numbered_by_date_in_their_series(generated):
    rows = generated.meetings.page(MeetingQuery(newest_first=False), limit=None)
    by_series = defaultdict(list)
    for row in rows:
        by_series[row.kind.series].append(row)
    for series in by_series.values():
        numbered = [r.number for r in series if r.status is not MeetingStatus.CANCELLED]
        assert numbered == list(range(1, len(numbered) + 1))
        assert all(r.number is None for r in series if r.status is MeetingStatus.CANCELLED)


def test_the_large_meeting_loads_through_the_service(generated):
    with generated.database.reading() as session:
        invitees = select(func.count(Invitation.id)).where(Invitation.meeting_id == Resolution.meeting_id)
        large = session.scalar(
            select(Resolution.meeting_id)
            .group_by(Resolution.meeting_id)
            .having(func.count(Resolution.id) == 25, invitees.scalar_subquery() == 60)
        )
    detail = generated.meetings.detail(large)
    assert len(detail.invitations) == 60 and len(detail.resolutions) == 25
    assert detail.meeting.status is MeetingStatus.FINALIZED
    assert all(r.lead is not None for r in detail.resolutions)
    assert detail.quorum.members == 60


def test_follow_up_entries_statuses_and_a_complete_search_index(generated):
    from sqlalchemy import text

    from db.models import DeadlineChange, FollowUp, Meeting
    from secretariat.followup.register import ResolutionQuery

    with generated.database.reading() as session:
        assert session.scalar(select(func.count(FollowUp.id))) == 15000  # five a resolution
        assert session.scalar(select(func.count(DeadlineChange.id))) > 0
        statuses = set(session.scalars(select(Resolution.status).distinct()))
        assert {"open", "in_progress", "done", "cancelled"} <= statuses
        early = session.scalar(
            select(func.count(FollowUp.id))
            .join(Resolution)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(FollowUp.date < Meeting.date)
        )
        assert early == 0
        assert (
            session.scalar(
                select(func.count(Resolution.id)).where(
                    Resolution.status == "done", Resolution.completion_evidence == ""
                )
            )
            == 0
        )
        indexed = session.scalar(
            text("SELECT count(*) FROM resolution_search WHERE search_text LIKE '%مقرر%'")
        )
        assert indexed == 3000
        session.execute(text("INSERT INTO resolution_search(resolution_search) VALUES('integrity-check')"))
    register = generated.register
    assert register.count(ResolutionQuery(overdue=True)) > 0
    assert register.count(ResolutionQuery(search="مقرر شبهات")) == register.count(
        ResolutionQuery(search="شبهات")
    )
