"""Invitees and attendance (حضور و غیاب), and the quorum.

Every active member agency is invited when a meeting is planned; invitees
can be removed or added, and guests invited. Attendance is taken for the
invited only: present (the agency's PR manager by default, or another person
of the register: ``attendee_choices`` offers the agency's own people first; or
a name typed in), late, absent, or excused with a reason. The quorum counts
member agencies present or late against the council's rule.

Over a period, ``rates`` tells each member agency's attendance at the
meetings held (held or finalized), worst first, counted by the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Row, case, func, select
from sqlalchemy.orm import Session

from db.models import Agency, Council, Invitation, Meeting, Person, Representation
from secretariat import clock, validation
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.meetings.kinds import Attendance, MeetingStatus
from secretariat.meetings.planning import mark_held
from secretariat.meetings.quorum import quorum_of
from secretariat.meetings.records import InvitationRecord, Quorum
from secretariat.meetings.store import get_meeting, invitation_records, require_minutes_editable
from secretariat.members.roles import Role, pr_manager_terms
from secretariat.persian import jalali
from secretariat.persian.text import search_terms


@dataclass(frozen=True)
class GuestDraft:
    name: str
    title: str = ""
    organization: str = ""


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of the attendance sheet as filled in."""

    invitation_id: int
    attendance: str
    attendee_person_id: int | None = None  # who came; None = the PR manager
    substitute_name: str = ""  # someone not in the register
    excuse: str = ""


@dataclass(frozen=True)
class AttendeeChoice:
    """Someone who may have come for an agency: a person with a role there, on the meeting's
    day, or before or after it."""

    person_id: int
    name: str
    role: str  # «معاون روابط عمومی»، «مدیر روابط عمومی، تا ۱۴۰۳/۰۵/۰۱»
    default: bool  # the PR manager on the meeting's day: who comes unless told otherwise


@dataclass(frozen=True)
class AgencyAttendance:
    """One member agency's attendance at the meetings held in a period."""

    agency_id: int
    agency_name: str
    invited: int  # meetings held in the period it was invited to
    present: int  # present or late: a late member counts as present, as for the quorum
    late: int  # of those present, how many times late
    absent: int
    excused: int
    unrecorded: int  # invited, but the attendance sheet says nothing

    @property
    def rate(self) -> float:
        """Present over invited, from 0 to 1."""
        return self.present / self.invited if self.invited else 0.0


@dataclass(frozen=True)
class MeetingAttendance:
    """The member agencies' attendance at one meeting held; guests are not counted, as for the quorum."""

    meeting_id: int
    invited: int
    present: int  # present or late
    late: int
    absent: int
    excused: int
    unrecorded: int


# A meeting has been held once its attendance is taken; planned, postponed
# and cancelled meetings have no attendance to count.
HELD_STATUSES = (MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value)


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise DomainError(
            f"پایان دوره ({jalali.format_short(end)}) پیش از آغاز آن ({jalali.format_short(start)}) است."
        )


class AttendanceService:
    def __init__(self, database: Database):
        self._db = database

    def invitations(self, meeting_id: int) -> tuple[InvitationRecord, ...]:
        with self._db.reading() as session:
            get_meeting(session, meeting_id)
            return invitation_records(session, meeting_id)

    def quorum(self, meeting_id: int) -> Quorum:
        with self._db.reading() as session:
            get_meeting(session, meeting_id)
            council = session.scalar(select(Council).limit(1))
            return quorum_of(council, invitation_records(session, meeting_id))

    # -- over a period ----------------------------------------------------------

    def meetings_held(self, start: dt.date, end: dt.date) -> int:
        """How many meetings were held (or finalized) from ``start`` to ``end``, both included."""
        check_period(start, end)
        with self._db.reading() as session:
            return (
                session.scalar(
                    select(func.count(Meeting.id)).where(
                        Meeting.status.in_(HELD_STATUSES), Meeting.date.between(start, end)
                    )
                )
                or 0
            )

    def rates(self, start: dt.date, end: dt.date) -> tuple[AgencyAttendance, ...]:
        """Each member agency invited to a meeting held from ``start`` to ``end``, worst first.

        One grouped query. Worst first: the lowest attendance rate, then the
        most absences, then the name in Persian order. Guests are not
        members and are left out, as are agencies never invited in the period.
        """
        check_period(start, end)

        def times(*attendances: Attendance) -> ColumnElement[int]:
            return func.sum(case((Invitation.attendance.in_([a.value for a in attendances]), 1), else_=0))

        invited = func.count(Invitation.id)
        present = times(Attendance.PRESENT, Attendance.LATE)
        absent = times(Attendance.ABSENT)
        statement = (
            select(
                Agency.id,
                Agency.name,
                invited,
                present,
                times(Attendance.LATE),
                absent,
                times(Attendance.EXCUSED),
                times(Attendance.UNKNOWN),
            )
            .select_from(Invitation)
            .join(Meeting, Meeting.id == Invitation.meeting_id)
            .join(Agency, Agency.id == Invitation.agency_id)
            .where(Meeting.status.in_(HELD_STATUSES), Meeting.date.between(start, end))
            .group_by(Agency.id, Agency.name)
            # Equal rates are equal quotients: a division rounds the same fraction the same way.
            .order_by(present * 1.0 / invited, absent.desc(), self._db.persian_order(Agency.name), Agency.id)
        )
        with self._db.reading() as session:
            return tuple(AgencyAttendance(*row) for row in session.execute(statement))

    def by_meeting(self, start: dt.date, end: dt.date) -> dict[int, MeetingAttendance]:
        """The attendance at each meeting held from ``start`` to ``end``, by meeting id,
        in one grouped query."""
        check_period(start, end)

        def times(*attendances: Attendance) -> ColumnElement[int]:
            return func.sum(case((Invitation.attendance.in_([a.value for a in attendances]), 1), else_=0))

        statement = (
            select(
                Invitation.meeting_id,
                func.count(Invitation.id),
                times(Attendance.PRESENT, Attendance.LATE),
                times(Attendance.LATE),
                times(Attendance.ABSENT),
                times(Attendance.EXCUSED),
                times(Attendance.UNKNOWN),
            )
            .join(Meeting, Meeting.id == Invitation.meeting_id)
            .where(
                Meeting.status.in_(HELD_STATUSES),
                Meeting.date.between(start, end),
                Invitation.agency_id.isnot(None),
            )
            .group_by(Invitation.meeting_id)
        )
        with self._db.reading() as session:
            return {
                row[0]: MeetingAttendance(row[0], *(count or 0 for count in row[1:]))
                for row in session.execute(statement)
            }

    # -- who is invited ---------------------------------------------------------

    def invite_agency(self, meeting_id: int, agency_id: int) -> InvitationRecord:
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            agency = session.get(Agency, agency_id)
            if agency is None:
                raise NotFoundError("این دستگاه در فهرست نیست.")
            exists = session.scalar(
                select(Invitation.id).where(
                    Invitation.meeting_id == meeting_id, Invitation.agency_id == agency_id
                )
            )
            if exists is not None:
                raise DomainError(f"«{agency.name}» از پیش به این جلسه دعوت شده است.")
            invitation = Invitation(meeting_id=meeting_id, agency_id=agency_id)
            session.add(invitation)
            session.flush()
            return _record(session, meeting_id, invitation.id)

    def invite_guest(self, meeting_id: int, draft: GuestDraft) -> InvitationRecord:
        errors = validation.FieldErrors()
        name = validation.text(errors, GuestDraft, "name", draft.name, required="نام مهمان را بنویسید.")
        title = validation.text(errors, GuestDraft, "title", draft.title)
        organization = validation.text(errors, GuestDraft, "organization", draft.organization)
        if errors:
            raise ValidationError(errors)
        with self._db.transaction() as session:
            require_minutes_editable(get_meeting(session, meeting_id))
            invitation = Invitation(
                meeting_id=meeting_id,
                guest_name=name,
                guest_title=title,
                guest_organization=organization,
            )
            session.add(invitation)
            session.flush()
            return _record(session, meeting_id, invitation.id)

    def uninvite(self, invitation_id: int) -> None:
        with self._db.transaction() as session:
            invitation = _get(session, invitation_id)
            require_minutes_editable(invitation.meeting)
            if Attendance(invitation.attendance).counts_as_present:
                raise DomainError("حضور این دعوت‌شده ثبت شده است؛ نخست حضور را پاک کنید.")
            session.delete(invitation)

    # -- attendance ---------------------------------------------------------------------

    def record(self, meeting_id: int, entries: list[AttendanceEntry]) -> tuple[InvitationRecord, ...]:
        """Save the attendance sheet (all lines or none); the meeting is then held."""
        with self._db.transaction() as session:
            meeting = get_meeting(session, meeting_id)
            require_minutes_editable(meeting)
            mark_held(session, meeting)
            # Read once for the sheet, not once a line.
            invited = {
                i.id: i
                for i in session.scalars(select(Invitation).where(Invitation.meeting_id == meeting_id))
            }
            managers = _pr_managers_on(session, meeting.date)
            for entry in entries:
                invitation = invited.get(entry.invitation_id)
                if invitation is None:
                    raise DomainError("این دستگاه یا مهمان به این جلسه دعوت نشده است؛ نخست آن را دعوت کنید.")
                _apply(session, invitation, entry, managers)
            session.flush()
            return invitation_records(session, meeting_id)

    def record_agency(
        self,
        meeting_id: int,
        agency_id: int,
        attendance: str,
        *,
        person_id: int | None = None,
        substitute_name: str = "",
        excuse: str = "",
    ) -> InvitationRecord:
        """One agency's attendance (the command line's way)."""
        with self._db.reading() as session:
            get_meeting(session, meeting_id)  # an unknown meeting is not "not invited"
            invitation_id = session.scalar(
                select(Invitation.id).where(
                    Invitation.meeting_id == meeting_id, Invitation.agency_id == agency_id
                )
            )
            name = session.scalar(select(Agency.name).where(Agency.id == agency_id))
        if invitation_id is None:
            raise DomainError(f"«{name or agency_id}» به این جلسه دعوت نشده است؛ نخست آن را دعوت کنید.")
        records = self.record(
            meeting_id,
            [
                AttendanceEntry(
                    invitation_id,
                    attendance,
                    attendee_person_id=person_id,
                    substitute_name=substitute_name,
                    excuse=excuse,
                )
            ],
        )
        return next(r for r in records if r.id == invitation_id)

    def attendee_choices(
        self, agency_id: int, on: dt.date | None = None, *, search: str = ""
    ) -> tuple[AttendeeChoice, ...]:
        """The people on record at the agency, to say who came for it to a meeting on day ``on``
        (default: today): its PR manager of that day first, then those whose role there covers
        the day (deputies, experts), then those who held one before or after; each person once,
        with the role that placed them. ``search`` keeps those whose name (or phone, e-mail)
        holds every word, folded as every search folds."""
        day = on or clock.today()
        statement = (
            select(Representation, Person.full_name)
            .join(Person, Person.id == Representation.person_id)
            .where(Representation.agency_id == agency_id)
        )
        for word in search_terms(search):
            statement = statement.where(Person.search_text.contains(word, autoescape=True))
        with self._db.reading() as session:
            manager = _pr_manager_on(session, agency_id, day)
            rows = session.execute(statement).all()
        manager_id = manager[0] if manager else None

        def rank(row: Row[Representation, str]) -> tuple[bool, bool, int, dt.timedelta, int]:
            term = row[0]
            return (
                term.person_id != manager_id,
                not _covers(term, day),
                list(Role).index(Role(term.role)),
                dt.date.max - term.start_date,  # the latest first
                term.id,
            )

        choices: dict[int, AttendeeChoice] = {}
        for term, name in sorted(rows, key=rank):
            if term.person_id not in choices:
                choices[term.person_id] = AttendeeChoice(
                    term.person_id, name, _role_on(term, day), default=term.person_id == manager_id
                )
        return tuple(choices.values())

    def default_attendee(self, agency_id: int, on: dt.date | None = None) -> tuple[int, str] | None:
        """The agency's PR manager (id, name) on the meeting's day ``on`` (default:
        the current one): who comes unless told otherwise."""
        with self._db.reading() as session:
            row = _pr_manager_on(session, agency_id, on)
            return (row[0], row[1]) if row else None


def _apply(
    session: Session, invitation: Invitation, entry: AttendanceEntry, managers: dict[int, int]
) -> None:
    """One line of the sheet; ``managers``: each agency's PR manager on the meeting's day."""
    try:
        attendance = Attendance(entry.attendance)
    except ValueError as error:
        raise ValidationError({"attendance": "وضعیت حضور را از فهرست انتخاب کنید."}) from error
    errors = validation.FieldErrors()
    excuse = validation.text(errors, AttendanceEntry, "excuse", entry.excuse)
    substitute = validation.text(errors, AttendanceEntry, "substitute_name", entry.substitute_name)
    if errors:
        raise ValidationError(errors)
    if attendance is Attendance.EXCUSED and not excuse:
        raise ValidationError({"excuse": "برای غیبت موجه، دلیل آن را بنویسید."})
    invitation.attendance = attendance.value
    invitation.excuse = excuse if attendance is Attendance.EXCUSED else ""
    invitation.attendee_person_id = None
    invitation.substitute_name = ""
    if not attendance.counts_as_present or invitation.agency_id is None:
        return
    if substitute:
        invitation.substitute_name = substitute
    elif entry.attendee_person_id is not None:
        if session.get(Person, entry.attendee_person_id) is None:
            raise NotFoundError("این شخص در فهرست نیست.")
        invitation.attendee_person_id = entry.attendee_person_id
    else:
        invitation.attendee_person_id = managers.get(invitation.agency_id)


def _covers(term: Representation, day: dt.date) -> bool:
    return term.start_date <= day and (term.end_date is None or term.end_date >= day)


def _role_on(term: Representation, day: dt.date) -> str:
    """The role, and when it was held if not on ``day``: «کارشناس روابط عمومی، تا ۱۴۰۳/۰۵/۰۱»."""
    label = Role(term.role).label
    if term.end_date is not None and term.end_date < day:
        return f"{label}، تا {jalali.format_short(term.end_date)}"
    if term.start_date > day:
        return f"{label}، از {jalali.format_short(term.start_date)}"
    return label


def _pr_manager_on(session: Session, agency_id: int, day: dt.date | None) -> Row[int, str] | None:
    """(id, name) of the agency's PR manager on ``day`` (default: the current one), by the
    register's one rule (``pr_manager_terms``), or None."""
    manager = pr_manager_terms(day)
    return session.execute(
        select(Person.id, Person.full_name)
        .join(manager, manager.c.person_id == Person.id)
        .where(manager.c.agency_id == agency_id)
    ).first()


def _pr_managers_on(session: Session, day: dt.date) -> dict[int, int]:
    """Agency id -> the id of its PR manager on ``day``, by the same rule as ``_pr_manager_on``."""
    manager = pr_manager_terms(day)
    return dict(session.execute(select(manager.c.agency_id, manager.c.person_id)).all())


def _get(session: Session, invitation_id: int) -> Invitation:
    invitation = session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFoundError("این دعوت‌شده در فهرست نیست.")
    return invitation


def _record(session: Session, meeting_id: int, invitation_id: int) -> InvitationRecord:
    return next(r for r in invitation_records(session, meeting_id) if r.id == invitation_id)
