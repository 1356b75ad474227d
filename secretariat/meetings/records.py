"""What the meeting services hand out: plain, immutable records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from secretariat.meetings.kinds import (
    SIGNED_LABEL,
    AssignmentRole,
    Attendance,
    MeetingKind,
    MeetingStatus,
    Priority,
    display_code,
    meeting_title,
)


@dataclass(frozen=True)
class PostponementRecord:
    from_date: dt.date
    to_date: dt.date
    reason: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    kind: MeetingKind
    number: int | None
    year_number: int | None
    jalali_year: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    host_agency_id: int | None
    host_agency_name: str
    venue: str
    chair: str
    occasion: str
    status: MeetingStatus
    cancel_reason: str
    finalized_at: dt.datetime | None
    finalized_by: str
    signed_at: dt.datetime | None
    postponements: tuple[PostponementRecord, ...] = ()
    # Which save of the row was read, for an edit to pass back (see secretariat.office.versions);
    # not what the record holds: two reads of the same values are equal.
    version: int = field(default=1, compare=False)

    @property
    def title(self) -> str:
        return meeting_title(self.kind, self.number)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def status_label(self) -> str:
        return SIGNED_LABEL if self.signed else self.status.label

    @property
    def editable(self) -> bool:
        """Can the minutes still change (not finalized, not cancelled)?"""
        return self.status not in (MeetingStatus.FINALIZED, MeetingStatus.CANCELLED)


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meeting list or one entry of the calendar."""

    id: int
    kind: MeetingKind
    number: int | None
    date: dt.date
    start_time: dt.time | None
    host_agency_name: str
    venue: str
    status: MeetingStatus
    signed: bool
    resolution_count: int
    cancel_reason: str = ""

    @property
    def title(self) -> str:
        return meeting_title(self.kind, self.number)

    @property
    def status_label(self) -> str:
        return SIGNED_LABEL if self.signed else self.status.label


@dataclass(frozen=True)
class AgendaItemRecord:
    id: int
    position: int
    title: str
    presenter_agency_id: int | None
    presenter_agency_name: str
    notes: str
    summary: str
    reviews_open_resolutions: bool


@dataclass(frozen=True)
class InvitationRecord:
    id: int
    agency_id: int | None
    agency_name: str  # the agency, or the guest's organisation
    guest_name: str
    guest_title: str
    attendance: Attendance
    attendee_person_id: int | None
    attendee_name: str  # who came: the person, or the substitute's name
    excuse: str

    @property
    def is_guest(self) -> bool:
        return self.agency_id is None

    @property
    def display_name(self) -> str:
        if self.is_guest:
            parts = [self.guest_name, self.guest_title, self.agency_name]
            return "، ".join(part for part in parts if part)
        return self.agency_name


@dataclass(frozen=True)
class Quorum:
    members: int  # member agencies invited
    present: int  # of them, present or late
    required: int

    @property
    def met(self) -> bool:
        return self.members > 0 and self.present >= self.required


@dataclass(frozen=True)
class AssignmentRecord:
    agency_id: int
    agency_name: str
    role: AssignmentRole


@dataclass(frozen=True)
class AmendmentRecord:
    id: int
    resolution_id: int | None
    agenda_item_id: int | None
    field: str
    original: str
    amended: str
    reason: str
    author: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class ResolutionRecord:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    number: int
    code: str
    text: str  # as written in the minutes
    due_date: dt.date | None
    due_next_meeting: bool
    priority: Priority
    status: str
    assignments: tuple[AssignmentRecord, ...]
    amendments: tuple[AmendmentRecord, ...] = ()
    # Which save of the row was read, for an edit to pass back (see secretariat.office.versions);
    # not what the record holds: two reads of the same values are equal.
    version: int = field(default=1, compare=False)

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def lead(self) -> AssignmentRecord | None:
        return next((a for a in self.assignments if a.role is AssignmentRole.LEAD), None)

    @property
    def collaborators(self) -> tuple[AssignmentRecord, ...]:
        return tuple(a for a in self.assignments if a.role is AssignmentRole.COLLABORATOR)

    @property
    def current_text(self) -> str:
        """The text in force: the last amendment's, or the original."""
        texts = [a.amended for a in self.amendments if a.field == "resolution_text"]
        return texts[-1] if texts else self.text

    @property
    def current_due_date_text(self) -> str | None:
        dues = [a.amended for a in self.amendments if a.field == "due_date"]
        return dues[-1] if dues else None


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    kind: str
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    added_at: dt.datetime

    @property
    def is_signed_minutes(self) -> bool:
        return self.kind == "signed_minutes"


@dataclass(frozen=True)
class MeetingDetail:
    """Everything the meeting window shows."""

    meeting: MeetingRecord
    agenda: tuple[AgendaItemRecord, ...]
    invitations: tuple[InvitationRecord, ...]
    quorum: Quorum
    resolutions: tuple[ResolutionRecord, ...]
    amendments: tuple[AmendmentRecord, ...]
    attachments: tuple[AttachmentRecord, ...]
