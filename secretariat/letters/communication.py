"""Communicating a finalized meeting's resolutions (ابلاغ مصوبات).

Once the minutes are finalized, each agency responsible for a resolution
(as its lead or a collaborator) gets one letter listing its resolutions,
their codes, texts as amended, its role and the deadlines. Issuing them
registers one outgoing letter per agency, linked to its resolutions, so
that each resolution records that it was communicated and by which letter
(``LetterService.of_resolution``). Issuing again reprints the same letters
as copies, unless new letters are asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretariat.errors import DomainError
from secretariat.letters.register import Concerns, LetterKind, LetterRecord, LetterService, OutgoingDraft
from secretariat.meetings.kinds import AssignmentRole, MeetingStatus
from secretariat.meetings.minutes import MinutesService
from secretariat.meetings.planning import MeetingService
from secretariat.meetings.records import MeetingRecord
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key

NOT_FINALIZED = "مصوبات {meeting} پس از نهایی شدن صورتجلسه ابلاغ می‌شود."
NO_RESOLUTION = "{meeting} مصوبه‌ای با دستگاه مسئول ندارد؛ نامه ابلاغی صادر نمی‌شود."
SUBJECT = "ابلاغ مصوبات {meeting} مورخ {date}"


@dataclass(frozen=True)
class CommunicatedResolution:
    id: int
    code: str
    text: str  # as amended
    due_date: dt.date | None
    due_next_meeting: bool
    role: AssignmentRole
    lead: str = ""  # the lead agency, for a collaborator: whom it works with


@dataclass(frozen=True)
class PlannedLetter:
    """A communication letter to issue: to whom, about which resolutions, and its draft."""

    agency_id: int
    agency: str
    resolutions: tuple[CommunicatedResolution, ...]  # those it leads first
    draft: OutgoingDraft


@dataclass(frozen=True)
class CommunicationPlan:
    """What communicating a meeting's resolutions issues, before anything is issued."""

    meeting: MeetingRecord
    subject: str
    letters: tuple[PlannedLetter, ...]  # one per responsible agency, in Persian order


@dataclass(frozen=True)
class CommunicationLetter:
    agency_id: int
    agency: str
    letter: LetterRecord  # its number and date; ``copy`` when reprinted
    resolutions: tuple[CommunicatedResolution, ...]  # those it leads first


@dataclass(frozen=True)
class Communication:
    meeting: MeetingRecord
    letters: tuple[CommunicationLetter, ...]  # one per responsible agency, in Persian order


def source_key(meeting_id: int, agency_id: int) -> str:
    return f"communication:{meeting_id}:{agency_id}"


def plan_communication(
    meetings: MeetingService, minutes: MinutesService, meeting_id: int, *, recorded_by: str = ""
) -> CommunicationPlan:
    """The letters communicating a meeting's resolutions, one per responsible agency, not yet
    issued; refused before the minutes are finalized, or with no agency responsible for any."""
    meeting = meetings.get(meeting_id)
    if meeting.status is not MeetingStatus.FINALIZED:
        raise DomainError(NOT_FINALIZED.format(meeting=meeting.title))
    by_agency: dict[int, tuple[str, list[CommunicatedResolution]]] = {}
    for resolution in minutes.resolutions(meeting_id):
        lead = resolution.lead
        for assignment in resolution.assignments:
            name, listed = by_agency.setdefault(assignment.agency_id, (assignment.agency_name, []))
            listed.append(
                CommunicatedResolution(
                    id=resolution.id,
                    code=resolution.code,
                    text=resolution.current_text,
                    due_date=resolution.due_date,
                    due_next_meeting=resolution.due_next_meeting,
                    role=assignment.role,
                    lead=lead.agency_name
                    if lead is not None and assignment.role is AssignmentRole.COLLABORATOR
                    else "",
                )
            )
    if not by_agency:
        raise DomainError(NO_RESOLUTION.format(meeting=meeting.title))
    subject = SUBJECT.format(meeting=meeting.title, date=jalali.format_short(meeting.date))
    ordered = [
        (agency_id, name, tuple(sorted(listed, key=lambda r: (r.role is not AssignmentRole.LEAD, r.code))))
        for agency_id, (name, listed) in sorted(by_agency.items(), key=lambda item: sort_key(item[1][0]))
    ]
    return CommunicationPlan(
        meeting,
        subject,
        tuple(
            PlannedLetter(
                agency_id,
                name,
                resolutions,
                OutgoingDraft(
                    kind=LetterKind.COMMUNICATION.value,
                    source_key=source_key(meeting_id, agency_id),
                    party=name,
                    subject=subject,
                    agency_id=agency_id,
                    concerns=Concerns.RESOLUTIONS.value,
                    meeting_id=meeting_id,
                    resolution_ids=[r.id for r in resolutions],
                    recorded_by=recorded_by,
                ),
            )
            for agency_id, name, resolutions in ordered
        ),
    )


def communicate(
    meetings: MeetingService,
    minutes: MinutesService,
    letters: LetterService,
    meeting_id: int,
    *,
    new: bool = False,
) -> Communication:
    """Issue (or reprint) one letter per responsible agency; refused before the minutes are finalized."""
    plan = plan_communication(meetings, minutes, meeting_id)
    issued = letters.issue_many([planned.draft for planned in plan.letters], new=new)
    return Communication(
        plan.meeting,
        tuple(
            CommunicationLetter(planned.agency_id, planned.agency, letter, planned.resolutions)
            for planned, letter in zip(plan.letters, issued, strict=True)
        ),
    )
