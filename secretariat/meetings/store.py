"""Loading meetings inside a unit of work, and the guards every change passes."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Agency, Amendment, Assignment, Attachment, Invitation, Meeting, Person, Resolution
from secretariat.errors import DomainError, NotFoundError
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingKind, MeetingStatus, Priority
from secretariat.meetings.records import (
    AgendaItemRecord,
    AmendmentRecord,
    AssignmentRecord,
    AttachmentRecord,
    InvitationRecord,
    MeetingRecord,
    PostponementRecord,
    ResolutionRecord,
)


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("این جلسه در فهرست نیست.")
    return meeting


def require_minutes_editable(meeting: Meeting) -> None:
    """Finalized minutes never change; a cancelled meeting has none."""
    status = MeetingStatus(meeting.status)
    if status is MeetingStatus.FINALIZED:
        raise DomainError("صورتجلسه این جلسه نهایی شده و دیگر تغییر نمی‌کند؛ برای اصلاح، اصلاحیه ثبت کنید.")
    if status is MeetingStatus.CANCELLED:
        raise DomainError("این جلسه لغو شده است.")


def require_upcoming(meeting: Meeting, action: str) -> None:
    if not MeetingStatus(meeting.status).upcoming:
        raise DomainError(f"فقط جلسه‌ای که هنوز برگزار نشده را می‌توان {action}.")


def agency_names(session: Session, ids: set[int | None]) -> dict[int | None, str]:
    """The agencies' names by id; keyed by an optional id, as callers look up
    an optional agency (no agency: no name, through the lookup's default)."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(ids))).all())


def meeting_record(session: Session, meeting: Meeting) -> MeetingRecord:
    host = agency_names(session, {meeting.host_agency_id}).get(meeting.host_agency_id, "")
    return MeetingRecord(
        id=meeting.id,
        kind=MeetingKind(meeting.kind),
        number=meeting.number,
        year_number=meeting.year_number,
        jalali_year=meeting.jalali_year,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        host_agency_id=meeting.host_agency_id,
        host_agency_name=host,
        venue=meeting.venue,
        chair=meeting.chair,
        occasion=meeting.occasion,
        status=MeetingStatus(meeting.status),
        cancel_reason=meeting.cancel_reason,
        finalized_at=meeting.finalized_at,
        finalized_by=meeting.finalized_by,
        signed_at=meeting.signed_at,
        postponements=tuple(
            PostponementRecord(p.from_date, p.to_date, p.reason, p.recorded_at) for p in meeting.postponements
        ),
        version=meeting.version,
    )


def agenda_records(session: Session, meeting: Meeting) -> tuple[AgendaItemRecord, ...]:
    names = agency_names(session, {item.presenter_agency_id for item in meeting.agenda})
    return tuple(
        AgendaItemRecord(
            id=item.id,
            position=item.position,
            title=item.title,
            presenter_agency_id=item.presenter_agency_id,
            presenter_agency_name=names.get(item.presenter_agency_id, ""),
            notes=item.notes,
            summary=item.summary,
            reviews_open_resolutions=item.reviews_open_resolutions,
        )
        for item in meeting.agenda
    )


def invitation_records(session: Session, meeting_id: int) -> tuple[InvitationRecord, ...]:
    rows = session.execute(
        select(Invitation, Agency.name, Person.full_name)
        .outerjoin(Agency, Agency.id == Invitation.agency_id)
        .outerjoin(Person, Person.id == Invitation.attendee_person_id)
        .where(Invitation.meeting_id == meeting_id)
    ).all()
    records = [
        InvitationRecord(
            id=invitation.id,
            agency_id=invitation.agency_id,
            agency_name=agency_name or invitation.guest_organization,
            guest_name=invitation.guest_name,
            guest_title=invitation.guest_title,
            attendance=Attendance(invitation.attendance),
            attendee_person_id=invitation.attendee_person_id,
            attendee_name=invitation.substitute_name or person_name or "",
            excuse=invitation.excuse,
        )
        for invitation, agency_name, person_name in rows
    ]
    # Members first in Persian order, then guests in the order invited.
    from secretariat.persian.collation import sort_key

    records.sort(key=lambda r: (r.is_guest, sort_key(r.agency_name) if not r.is_guest else "", r.id))
    return tuple(records)


def amendment_record(amendment: Amendment) -> AmendmentRecord:
    return AmendmentRecord(
        id=amendment.id,
        resolution_id=amendment.resolution_id,
        agenda_item_id=amendment.agenda_item_id,
        field=amendment.field,
        original=amendment.original,
        amended=amendment.amended,
        reason=amendment.reason,
        author=amendment.author,
        recorded_at=amendment.recorded_at,
    )


def resolution_records(session: Session, resolutions: list[Resolution]) -> tuple[ResolutionRecord, ...]:
    ids = [r.id for r in resolutions]
    # One query for all the assignments, not one per resolution (a large
    # meeting's 25 resolutions were 25 lazy loads, most of its detail's time).
    assignments: dict[int, list[Assignment]] = {}
    amendments: dict[int, list[AmendmentRecord]] = {}
    if ids:
        for assignment in session.scalars(select(Assignment).where(Assignment.resolution_id.in_(ids))):
            assignments.setdefault(assignment.resolution_id, []).append(assignment)
        for amendment in session.scalars(
            select(Amendment).where(Amendment.resolution_id.in_(ids)).order_by(Amendment.id)
        ):
            # Selected by resolution_id IN ids, so not None.
            amendments.setdefault(cast(int, amendment.resolution_id), []).append(amendment_record(amendment))
    names = agency_names(session, {a.agency_id for each in assignments.values() for a in each})
    return tuple(
        ResolutionRecord(
            id=r.id,
            meeting_id=r.meeting_id,
            agenda_item_id=r.agenda_item_id,
            number=r.number,
            code=r.code,
            text=r.text,
            due_date=r.due_date,
            due_next_meeting=r.due_next_meeting,
            priority=Priority(r.priority),
            status=r.status,
            assignments=tuple(
                AssignmentRecord(a.agency_id, names.get(a.agency_id, ""), AssignmentRole(a.role))
                for a in sorted(
                    assignments.get(r.id, ()), key=lambda a: (a.role != AssignmentRole.LEAD.value, a.id)
                )
            ),
            amendments=tuple(amendments.get(r.id, ())),
            version=r.version,
        )
        for r in resolutions
    )


def attachment_record(attachment: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=attachment.id,
        kind=attachment.kind,
        filename=attachment.filename,
        media_type=attachment.media_type,
        size=attachment.size,
        sha256=attachment.sha256,
        description=attachment.description,
        added_at=attachment.added_at,
    )
