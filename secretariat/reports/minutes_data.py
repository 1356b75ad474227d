"""What the printed minutes hold, read from the records, and their seal.

``gather_minutes`` reads a held meeting through the core's services: the
meeting's detail, the council, and who was each agency's PR manager on the
day, to tell a stand-in. Finalized minutes are read from the snapshot taken
on finalizing (``secretariat.meetings.snapshot``), so a reprint, the seal
and its check keep the names of that day whatever is renamed since; a
draft is read as the records are now. ``minutes_content``
is the canonical content the fingerprint is taken of (see ``fingerprint``):
the minutes as they were finalized, the original text and deadline of every
resolution, then the amendments in the order they were recorded. ``minutes_seal`` is the document code and
fingerprint printed on finalized minutes; ``verify_minutes`` checks one
read off a printed copy against the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, cast

from secretariat.clock import format_time
from secretariat.core import Secretariat
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings.deadline import parse_kept_deadline
from secretariat.meetings.kinds import Attendance, MeetingStatus, display_code
from secretariat.meetings.records import (
    AmendmentRecord,
    InvitationRecord,
    MeetingDetail,
    MeetingRecord,
    ResolutionRecord,
)
from secretariat.members.council import CouncilRecord
from secretariat.persian.text import to_persian_digits
from secretariat.reports import wording
from secretariat.reports.fingerprint import Seal, seal

KIND = "minutes"
CODE_PREFIX = "M"
# The meeting series in a document code, Latin so the code stays typeable.
_SERIES_LETTER = {"council": "", "general_assembly": "G", "working_group": "W"}
NEXT_MEETING = "next_meeting"  # the deadline «تا جلسه بعد» in the canonical content


@dataclass(frozen=True)
class PresentMember:
    agency_name: str
    attendee_name: str
    substitute: bool  # someone other than the agency's PR manager came
    late: bool


@dataclass(frozen=True)
class AbsentMember:
    agency_name: str
    attendance: Attendance  # absent, excused, or not recorded yet (a draft)
    excuse: str


@dataclass(frozen=True)
class MinutesData:
    """Everything the printed minutes show, read from the records."""

    council: CouncilRecord
    detail: MeetingDetail
    present: tuple[PresentMember, ...]
    absent: tuple[AbsentMember, ...]
    guests: tuple[InvitationRecord, ...]  # guests who attended
    frozen: bool = False  # read from the snapshot taken on finalizing, not from today's names

    @property
    def meeting(self) -> MeetingRecord:
        return self.detail.meeting

    @property
    def finalized(self) -> bool:
        return self.meeting.status is MeetingStatus.FINALIZED

    @property
    def title(self) -> str:
        return wording.MINUTES_TITLE.format(meeting=self.meeting.title, council=self.council.name)


# -- reading the records --------------------------------------------------------


def gather_minutes(secretariat: Secretariat, meeting_id: int) -> MinutesData:
    """The minutes of a meeting that was held; refused for one planned or cancelled.

    Finalized minutes are read from the snapshot taken on finalizing (the
    names of that day) plus the amendments since; a draft's, as of now.
    """
    sources = secretariat.snapshots.minutes_sources(meeting_id)
    detail = sources.detail
    meeting = detail.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        raise DomainError(wording.NO_MINUTES_CANCELLED)
    if meeting.status.upcoming:
        raise DomainError(wording.NO_MINUTES_YET)
    council = sources.council
    if council is None:
        raise NotFoundError("هنوز شورایی ساخته نشده است.")
    present: list[PresentMember] = []
    absent: list[AbsentMember] = []
    guests: list[InvitationRecord] = []
    for invitation in detail.invitations:
        if invitation.is_guest:
            if invitation.attendance.counts_as_present:
                guests.append(invitation)
        elif invitation.attendance.counts_as_present:
            # A member's invitation (not a guest's) has its agency: the cast says so.
            manager = sources.pr_managers.get(cast(int, invitation.agency_id))
            present.append(
                PresentMember(
                    agency_name=invitation.agency_name,
                    attendee_name=invitation.attendee_name,
                    substitute=_is_substitute(invitation, manager),
                    late=invitation.attendance is Attendance.LATE,
                )
            )
        else:
            absent.append(AbsentMember(invitation.agency_name, invitation.attendance, invitation.excuse))
    return MinutesData(council, detail, tuple(present), tuple(absent), tuple(guests), frozen=sources.frozen)


def _is_substitute(invitation: InvitationRecord, manager_id: int | None) -> bool:
    """Did someone other than the agency's PR manager of that day come?"""
    if invitation.attendee_person_id is None:
        return bool(invitation.attendee_name)  # a name typed in: someone not in the register
    return manager_id is None or invitation.attendee_person_id != manager_id


# -- the canonical content and the seal --------------------------------------------


def original_due(resolution: ResolutionRecord) -> dt.date | None:
    """The deadline as the minutes were finalized (an amendment changes the record's)."""
    first_change = next((a for a in resolution.amendments if a.field == "due_date"), None)
    if first_change is not None:
        return parse_kept_deadline(first_change.original)[0]
    return resolution.due_date


def due_next_meeting(resolution: ResolutionRecord) -> bool:
    first_change = next((a for a in resolution.amendments if a.field == "due_date"), None)
    if first_change is not None:
        return parse_kept_deadline(first_change.original)[1]
    return resolution.due_next_meeting


def minutes_content(data: MinutesData) -> dict[str, Any]:
    """The minutes' content as plain JSON values: what the fingerprint is of.

    The minutes as finalized (original texts and deadlines), then the
    amendments in the order they were recorded; never the print date.
    """
    meeting = data.meeting
    return {
        "council": data.council.name,
        "meeting": {
            "kind": meeting.kind.value,
            "number": meeting.number,
            "title": meeting.title,
            "date": meeting.date.isoformat(),
            "start_time": format_time(meeting.start_time, persian_digits=False),
            "end_time": format_time(meeting.end_time, persian_digits=False),
            "host": meeting.host_agency_name,
            "venue": meeting.venue,
            "chair": meeting.chair,
            "occasion": meeting.occasion,
            "finalized_at": _iso(meeting.finalized_at),
            "finalized_by": meeting.finalized_by,
        },
        "agenda": [
            {
                "position": item.position,
                "title": item.title,
                "presenter": item.presenter_agency_name,
                "summary": item.summary,
            }
            for item in data.detail.agenda
        ],
        "resolutions": [
            {
                "number": r.number,
                "code": r.code,
                "text": r.text,
                "lead": r.lead.agency_name if r.lead else None,
                "collaborators": [a.agency_name for a in r.collaborators],
                "due": NEXT_MEETING if due_next_meeting(r) else _iso(original_due(r)),
                "priority": r.priority.value,
            }
            for r in data.detail.resolutions
        ],
        "present": [
            {"agency": m.agency_name, "attendee": m.attendee_name, "substitute": m.substitute, "late": m.late}
            for m in data.present
        ],
        "absent": [
            {"agency": m.agency_name, "attendance": m.attendance.value, "excuse": m.excuse}
            for m in data.absent
        ],
        "guests": [
            {"name": g.guest_name, "title": g.guest_title, "organization": g.agency_name} for g in data.guests
        ],
        "amendments": [
            {
                "subject": amended_subject(data, a, persian=False),
                "field": a.field,
                "original": a.original,
                "amended": a.amended,
                "reason": a.reason,
                "author": a.author,
                "recorded_at": _iso(a.recorded_at),
            }
            for a in data.detail.amendments
        ],
    }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    """«2025-06-08», or «2025-06-14T13:00:00» to the second."""
    if value is None:
        return None
    return value.isoformat(timespec="seconds") if isinstance(value, dt.datetime) else value.isoformat()


def minutes_reference(meeting: MeetingRecord) -> str:
    """«1404-07», «1404-G02»: the meeting's part of the document code."""
    return f"{meeting.jalali_year}-{_SERIES_LETTER[meeting.kind.series]}{meeting.number or 0:02d}"


def minutes_seal(data: MinutesData) -> Seal:
    """The code and fingerprint of these minutes (printed only once finalized)."""
    return seal(KIND, minutes_content(data), prefix=CODE_PREFIX, reference=minutes_reference(data.meeting))


def verify_minutes(data: MinutesData, sha256: str) -> bool:
    """Is ``sha256`` (read off a printed copy) these minutes' fingerprint?

    A copy printed before a later amendment was recorded carries the
    fingerprint of the minutes with the amendments of its day, so each
    earlier state (the first amendments only) is tried too.
    """
    amendments = data.detail.amendments
    for count in range(len(amendments), -1, -1):
        earlier = replace(data, detail=replace(data.detail, amendments=amendments[:count]))
        if minutes_seal(earlier).sha256 == sha256:
            return True
    return False


def amended_subject(data: MinutesData, amendment: AmendmentRecord, *, persian: bool = True) -> str:
    """What an amendment corrects: the resolution's code, or «بند ۲» of the agenda."""
    if amendment.resolution_id is not None:
        code = next((r.code for r in data.detail.resolutions if r.id == amendment.resolution_id), "")
        return display_code(code) if persian else code
    position = next((i.position for i in data.detail.agenda if i.id == amendment.agenda_item_id), 0)
    return wording.AGENDA_ITEM.format(position=to_persian_digits(position)) if persian else f"item {position}"
