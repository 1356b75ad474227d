"""Fixtures of the report tests: the demo council (built once, read only)
and a large meeting; a fixed print date, so that pages are comparable."""

from __future__ import annotations

import pytest

from secretariat.core import Secretariat
from secretariat.demo.council import create_demo_database
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from tests.support.meetings import Council
from tests.support.reports import build_large_meeting


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo council's secretariat. Report tests only read it: never change it in a test."""
    database = create_demo_database(tmp_path_factory.mktemp("reports-demo") / "demo.sqlite3")
    yield Secretariat(database)
    database.close()


@pytest.fixture(scope="session")
def demo_meetings(demo):
    """The demo's meetings, oldest first."""
    return demo.meetings.page(MeetingQuery(newest_first=False), limit=None)


def _first(meetings, **wanted):
    return next(m for m in meetings if all(getattr(m, key) == value for key, value in wanted.items()))


@pytest.fixture(scope="session")
def finalized_meeting(demo_meetings):
    """The third council meeting: finalized, with a deputy, an excuse, and an amendment since."""
    return _first(demo_meetings, kind=MeetingKind.REGULAR, number=3)


@pytest.fixture(scope="session")
def held_meeting(demo_meetings):
    """The latest meeting: held, its minutes still a draft."""
    return _first(demo_meetings, status=MeetingStatus.HELD)


@pytest.fixture(scope="session")
def extraordinary_meeting(demo_meetings):
    """«دومین جلسه (فوق‌العاده)»: a guest and a substitute typed by name."""
    return _first(demo_meetings, kind=MeetingKind.EXTRAORDINARY, status=MeetingStatus.FINALIZED)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A council with a finalized meeting of 60 invitees and 25 resolutions: (its secretariat, meeting id)."""
    from secretariat.database import open_database

    database = open_database(tmp_path_factory.mktemp("reports-large") / "large.sqlite3")
    meeting_id = build_large_meeting(Council(database))
    yield Secretariat(database), meeting_id
    database.close()
