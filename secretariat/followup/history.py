"""The whole story of each resolution of a year's meetings, read in a few queries.

What the yearly report (and anyone reading a year back) needs of a
resolution besides its register row: the text in force (an amended one),
the lead and the collaborators, the deadline as the minutes gave it and
every change to it (amendments of the minutes and changes made while
following up, in the order they were made), what the status rests on (the
evidence of completion, the reason of cancelling, the meeting it was
referred to), and the follow-up log as it stands: an entry corrected or
voided is left out (its correction is there in its place), so the last
progress is the last one in force. A province's year is 1,500-2,000
resolutions and 10,000 follow-up entries: one query per kind of record over
the year's meetings, never one per resolution.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from db.models import Agency, Amendment, Assignment, DeadlineChange, FollowUp, Meeting, Resolution
from secretariat.followup.corrections import not_taken_back
from secretariat.followup.status import FollowUpKind, ResolutionStatus, is_overdue
from secretariat.meetings.deadline import kept_deadline, parse_kept_deadline
from secretariat.meetings.kinds import AssignmentRole, MeetingKind, meeting_title


@dataclass(frozen=True)
class FollowUpEntry:
    date: dt.date
    kind: FollowUpKind
    note: str
    progress: int | None


@dataclass(frozen=True)
class DeadlineStep:
    """One change of a resolution's deadline: an amendment of the minutes, or a change while following up."""

    on: dt.date
    due: dt.date | None
    next_meeting: bool
    reason: str
    amendment: bool


@dataclass(frozen=True)
class ResolutionHistory:
    id: int
    meeting_id: int
    number: int
    code: str
    text: str  # in force: the last amendment's, or as written in the minutes
    text_amended_on: dt.date | None
    lead_id: int | None
    lead_name: str
    collaborators: tuple[tuple[int, str], ...]  # (agency id, name)
    first_due: dt.date | None  # as the minutes were finalized
    first_next_meeting: bool
    deadline_steps: tuple[DeadlineStep, ...]
    due_date: dt.date | None  # in force
    due_next_meeting: bool
    status: ResolutionStatus
    overdue: bool  # as of the day it was read, as the register counts it
    days_overdue: int
    closed_on: dt.date | None
    completion_evidence: str
    status_note: str
    deferred_to_title: str
    deferred_to_date: dt.date | None
    followups: tuple[FollowUpEntry, ...]

    @property
    def agency_ids(self) -> tuple[int, ...]:
        lead = (self.lead_id,) if self.lead_id is not None else ()
        return lead + tuple(agency_id for agency_id, _name in self.collaborators)

    @property
    def last_progress(self) -> int | None:
        return next(
            (entry.progress for entry in reversed(self.followups) if entry.progress is not None), None
        )


def year_histories(session: Session, jalali_year: int, today: dt.date) -> tuple[ResolutionHistory, ...]:
    """Every resolution of the meetings of ``jalali_year``, in the order of the meetings and of
    the minutes, with its whole story; overdue as of ``today``."""
    in_year = and_(Meeting.id == Resolution.meeting_id, Meeting.jalali_year == jalali_year)
    target = aliased(Meeting)
    rows = session.execute(
        select(
            Resolution.id,
            Resolution.meeting_id,
            Resolution.number,
            Resolution.code,
            Resolution.text,
            Resolution.due_date,
            Resolution.due_next_meeting,
            Resolution.status,
            Resolution.closed_on,
            Resolution.completion_evidence,
            Resolution.status_note,
            target.kind,
            target.number,
            target.date,
        )
        .join(Meeting, in_year)
        .outerjoin(target, target.id == Resolution.deferred_to_meeting_id)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id, Resolution.number)
    ).all()

    assignments: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for resolution_id, agency_id, name, role in session.execute(
        select(Assignment.resolution_id, Assignment.agency_id, Agency.name, Assignment.role)
        .join(Resolution, Resolution.id == Assignment.resolution_id)
        .join(Meeting, in_year)
        .join(Agency, Agency.id == Assignment.agency_id)
        .order_by(Assignment.resolution_id, Assignment.id)
    ):
        assignments[resolution_id].append((agency_id, name, role))

    texts: dict[int, tuple[str, dt.date]] = {}
    # (when, the step, the deadline before it as an amendment keeps it)
    steps: dict[int, list[tuple[dt.datetime, DeadlineStep, str]]] = defaultdict(list)
    for amended_id, field_name, original, amended, reason, recorded_at in session.execute(
        select(
            Amendment.resolution_id,
            Amendment.field,
            Amendment.original,
            Amendment.amended,
            Amendment.reason,
            Amendment.recorded_at,
        )
        .join(Resolution, Resolution.id == Amendment.resolution_id)
        .join(Meeting, in_year)
        .where(Amendment.field.in_(("resolution_text", "due_date")))
        .order_by(Amendment.id)
    ):
        if amended_id is None:  # an amendment of an agenda item's summary, not of a resolution
            continue
        if field_name == "resolution_text":
            texts[amended_id] = (amended, recorded_at.date())
        else:
            due, next_meeting = parse_kept_deadline(amended)
            steps[amended_id].append(
                (
                    recorded_at,
                    DeadlineStep(recorded_at.date(), due, next_meeting, reason, amendment=True),
                    original,
                )
            )
    for resolution_id, previous, previous_next, new_due, reason, changed_at in session.execute(
        select(
            DeadlineChange.resolution_id,
            DeadlineChange.previous_due,
            DeadlineChange.previous_next_meeting,
            DeadlineChange.new_due,
            DeadlineChange.reason,
            DeadlineChange.changed_at,
        )
        .join(Resolution, Resolution.id == DeadlineChange.resolution_id)
        .join(Meeting, in_year)
        .order_by(DeadlineChange.id)
    ):
        steps[resolution_id].append(
            (
                changed_at,
                DeadlineStep(changed_at.date(), new_due, False, reason, amendment=False),
                kept_deadline(previous, bool(previous_next)),
            )
        )

    followups: dict[int, list[FollowUpEntry]] = defaultdict(list)
    for resolution_id, date, kind, note, progress in session.execute(
        select(FollowUp.resolution_id, FollowUp.date, FollowUp.kind, FollowUp.note, FollowUp.progress)
        .join(Resolution, Resolution.id == FollowUp.resolution_id)
        .join(Meeting, in_year)
        .where(not_taken_back())
        .order_by(FollowUp.resolution_id, FollowUp.date, FollowUp.id)
    ):
        followups[resolution_id].append(FollowUpEntry(date, FollowUpKind(kind), note or "", progress))

    histories = []
    for (
        resolution_id,
        meeting_id,
        number,
        code,
        text,
        due,
        due_next,
        status,
        closed_on,
        evidence,
        note,
        target_kind,
        target_number,
        target_date,
    ) in rows:
        assigned = assignments.get(resolution_id, [])
        lead = next(
            ((agency_id, name) for agency_id, name, role in assigned if role == AssignmentRole.LEAD.value),
            (None, ""),
        )
        collaborators = tuple(
            (agency_id, name) for agency_id, name, role in assigned if role != AssignmentRole.LEAD.value
        )
        history = sorted(steps.get(resolution_id, []), key=lambda step: step[0])
        if history:
            first_due, first_next = parse_kept_deadline(history[0][2])
        else:
            first_due, first_next = due, bool(due_next)
        text_in_force = texts.get(resolution_id)
        status = ResolutionStatus(status)
        late = is_overdue(status.value, due, today)
        histories.append(
            ResolutionHistory(
                id=resolution_id,
                meeting_id=meeting_id,
                number=number,
                code=code,
                text=text_in_force[0] if text_in_force else text,
                text_amended_on=text_in_force[1] if text_in_force else None,
                lead_id=lead[0],
                lead_name=lead[1],
                collaborators=collaborators,
                first_due=first_due,
                first_next_meeting=first_next,
                deadline_steps=tuple(s for _at, s, _o in history),
                due_date=due,
                due_next_meeting=bool(due_next),
                status=status,
                overdue=late,
                days_overdue=(today - due).days if late and due is not None else 0,
                closed_on=closed_on,
                completion_evidence=evidence or "",
                status_note=note or "",
                deferred_to_title=meeting_title(MeetingKind(target_kind), target_number)
                if target_kind
                else "",
                deferred_to_date=target_date,
                followups=tuple(followups.get(resolution_id, ())),
            )
        )
    return tuple(histories)
