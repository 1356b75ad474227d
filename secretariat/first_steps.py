"""How far a new council has come in setting up: the steps the home page's guide lists.

A council starts empty. Before its first meeting can be held it needs its
member agencies, each with its PR manager (who is invited and attends for
it), and a meeting on the calendar; holding that meeting (its attendance
taken) is the last step, after which the minutes and the follow-up take
over and the guide is no longer needed.

- agencies: the active member agencies;
- PR managers: every active agency has a current PR manager
  (``pr_manager_terms``, the one rule for who that is);
- a meeting planned: any meeting that is not cancelled;
- a meeting held: any meeting held or finalized.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select

from db.models import Agency, Meeting
from secretariat.database import Database
from secretariat.meetings.kinds import MeetingStatus
from secretariat.members.roles import pr_manager_terms

_HELD = (MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value)
_UPCOMING = (MeetingStatus.PLANNED.value, MeetingStatus.POSTPONED.value)


@dataclass(frozen=True)
class FirstSteps:
    active_agencies: int
    without_manager: int  # active agencies with no current PR manager
    first_without_manager: int | None  # the first of them in Persian order: where to appoint next
    meetings_planned: int  # not cancelled
    meeting_to_hold: int | None  # the earliest planned or postponed meeting
    meetings_held: int  # held or finalized

    @property
    def agencies_added(self) -> bool:
        return self.active_agencies > 0

    @property
    def managers_appointed(self) -> bool:
        return self.agencies_added and self.without_manager == 0

    @property
    def meeting_planned(self) -> bool:
        return self.meetings_planned > 0

    @property
    def meeting_held(self) -> bool:
        return self.meetings_held > 0

    @property
    def finished(self) -> bool:
        """The council has held a meeting: it is set up, the guide has done its work."""
        return self.meeting_held


class FirstStepsService:
    def __init__(self, database: Database):
        self._db = database

    def load(self) -> FirstSteps:
        manager = pr_manager_terms()
        active = Agency.active.is_(True)
        with self._db.reading() as session:
            active_agencies = session.scalar(select(func.count(Agency.id)).where(active)) or 0
            lacking = (
                select(Agency.id)
                .outerjoin(manager, manager.c.agency_id == Agency.id)
                .where(active, manager.c.person_id.is_(None))
            )
            without_manager = session.scalar(select(func.count()).select_from(lacking.subquery())) or 0
            first_without_manager = session.scalar(
                lacking.order_by(self._db.persian_order(Agency.name), Agency.id).limit(1)
            )
            planned, held = session.execute(
                select(
                    func.count(case((Meeting.status != MeetingStatus.CANCELLED.value, 1))),
                    func.count(case((Meeting.status.in_(_HELD), 1))),
                )
            ).one()
            meeting_to_hold = session.scalar(
                select(Meeting.id)
                .where(Meeting.status.in_(_UPCOMING))
                .order_by(Meeting.date, Meeting.start_time, Meeting.id)
                .limit(1)
            )
        return FirstSteps(
            active_agencies=active_agencies,
            without_manager=without_manager,
            first_without_manager=first_without_manager,
            meetings_planned=planned or 0,
            meeting_to_hold=meeting_to_hold,
            meetings_held=held or 0,
        )
