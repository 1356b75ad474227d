"""A small council for the meeting tests, and a check that a refusal wrote nothing.

Dates are typed in Jalali as a user would type them. "Today" in these tests
is whenever they run: meetings that are held are dated in 1403/1404 (always
past), and refusals about the future use 1420 (2041).
"""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import func, select

from db.models import Base
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft

CHAIR = "فرماندار شهرستان پردیس"
FAR_FUTURE = "1420/01/15"


def secretariat_of(core: Secretariat | Database) -> Secretariat:
    """The secretariat itself, or one on a bare database (as the report tests still hand over)."""
    return core if isinstance(core, Secretariat) else Secretariat(core)


class Council:
    """A council made through the secretariat: its services, and helpers to reach a meeting's stages."""

    def __init__(
        self, core: Secretariat | Database, *, quorum_rule: str = "majority", quorum_count: str = ""
    ):
        self.secretariat = secretariat_of(core)
        self.database = self.secretariat.database
        self.council = self.secretariat.council.create(
            CouncilDraft(
                name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس",
                city="پردیس",
                chair=CHAIR,
                quorum_rule=quorum_rule,
                quorum_count=quorum_count,
            )
        )
        self.agencies = self.secretariat.agencies
        self.people = self.secretariat.people
        self.meetings = self.secretariat.meetings
        self.agenda = self.secretariat.agenda
        self.attendance = self.secretariat.attendance
        self.minutes = self.secretariat.minutes
        self.attachments = self.secretariat.attachments

    def agency(self, name: str) -> int:
        return self.agencies.add(AgencyDraft(name=name)).id

    def plan(self, date: str, kind: str = "regular", **fields):
        return self.meetings.plan(MeetingDraft(kind=kind, date=date, **fields)).meeting

    def hold(self, meeting_id: int, attendance: str = "present"):
        """Take attendance with every invited member agency marked the same way."""
        entries = [
            AttendanceEntry(invitation.id, attendance, excuse="مأموریت" if attendance == "excused" else "")
            for invitation in self.attendance.invitations(meeting_id)
            if not invitation.is_guest
        ]
        self.attendance.record(meeting_id, entries)
        return self.meetings.get(meeting_id)

    def resolve(self, meeting_id: int, text: str, lead: int, *collaborators: int, **fields):
        if "due_date" not in fields:
            fields.setdefault("due_next_meeting", True)
        return self.minutes.add_resolution(
            meeting_id,
            ResolutionDraft(
                text=text,
                lead_agency_id=lead,
                collaborator_agency_ids=collaborators,
                **fields,
            ),
        )

    def finalize(self, meeting_id: int):
        return self.minutes.finalize(meeting_id, by="دبیر شورا")


def snapshot(database) -> dict[str, list[str]]:
    """Every row of every table, to compare before and after a refusal."""
    with database.reading() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def row_counts(database) -> dict[str, int]:
    with database.reading() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


@contextmanager
def unchanged(database):
    """The block must leave the database exactly as it was (same rows, same values)."""
    counts, before = row_counts(database), snapshot(database)
    yield
    assert row_counts(database) == counts
    assert snapshot(database) == before
