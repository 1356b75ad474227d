"""What the yearly report (کارنامه سالانه) holds, read from the records of one Jalali year.

A year of a province is about 50 meetings, 1,500-2,000 resolutions and
10,000 follow-up entries: everything is read in a few queries over the
year's meetings (never one query per resolution), and the figures are
counted from what was read, as the register counts them:

- the meetings of the year: those held (held or finalized) with their
  attendance counted per meeting (member agencies only, a late member
  present, as for the quorum) and their quorum; the cancelled ones and
  those still to come, for the summary;
- every resolution of the year's meetings (the register's «سال جلسات»
  filter), in the order of the meetings and of the minutes: the text in
  force (an amended text), the lead and the collaborators, the deadline
  and every change to it (amendments of the minutes and changes made
  while following up, in the order they were made), the status with what
  it rests on (the evidence of completion, the reason of cancelling, the
  meeting it was referred to), and the follow-up log;
- each member agency's attendance at the meetings held in the year
  (``AttendanceService.rates``, worst first) and its resolutions as lead or
  collaborator (done, overdue, completion rate, worst first).

Overdue is as of today, as the register and the dashboard count it: the
statuses are today's records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased

from db.models import Agency, Amendment, Assignment, DeadlineChange, FollowUp, Invitation, Meeting, Resolution
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError
from secretariat.followup.status import FollowUpKind, ResolutionStatus, is_overdue
from secretariat.meetings.attendance import HELD_STATUSES, AgencyAttendance, AttendanceService
from secretariat.meetings.kinds import AssignmentRole, Attendance, MeetingKind, MeetingStatus, meeting_title
from secretariat.meetings.minutes import NEXT_MEETING_LABEL
from secretariat.members.council import CouncilRecord, CouncilService
from secretariat.persian import jalali
from secretariat.persian.collation import sort_key
from secretariat.persian.text import to_persian_digits
from secretariat.reports.progress import ReportRun

NO_COUNCIL = "هنوز شورایی ساخته نشده است."
NO_MEETING = "در سال {year} جلسه‌ای ثبت نشده است؛ کارنامه سالانه برای سالی ساخته می‌شود که جلسه‌ای داشته باشد."


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting held in the year, with its attendance counted (member agencies only)."""

    id: int
    kind: MeetingKind
    number: int | None
    date: dt.date
    host_name: str
    venue: str
    status: MeetingStatus
    signed: bool
    invited: int
    present: int  # present or late
    late: int
    absent: int
    excused: int
    unrecorded: int
    quorum_required: int
    resolutions: int

    @property
    def title(self) -> str:
        return meeting_title(self.kind, self.number)

    @property
    def quorum_met(self) -> bool:
        return self.invited > 0 and self.present >= self.quorum_required

    @property
    def finalized(self) -> bool:
        return self.status is MeetingStatus.FINALIZED


@dataclass(frozen=True)
class OtherMeeting:
    """A meeting of the year that was not held: cancelled, or still to come."""

    kind: MeetingKind
    number: int | None
    date: dt.date
    status: MeetingStatus
    reason: str  # why it was cancelled

    @property
    def title(self) -> str:
        return meeting_title(self.kind, self.number)


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
class YearResolution:
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
    overdue: bool
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


@dataclass(frozen=True)
class AgencyCompletion:
    """An agency's resolutions of the year, as lead or collaborator."""

    agency_id: int
    name: str
    resolutions: int
    as_lead: int
    done: int
    overdue: int
    cancelled: int

    @property
    def counted(self) -> int:
        """The resolutions the rate is over: cancelled ones are left out, as on the dashboard."""
        return self.resolutions - self.cancelled

    @property
    def rate(self) -> float:
        return self.done / self.counted if self.counted else 0.0


@dataclass(frozen=True)
class YearbookData:
    council: CouncilRecord
    year: int
    start: dt.date
    end: dt.date
    today: dt.date  # the day overdue is counted on
    meetings: tuple[HeldMeeting, ...]  # held, by date
    not_held: tuple[OtherMeeting, ...]  # cancelled or still to come, by date
    resolutions: tuple[YearResolution, ...]  # by meeting, then number
    attendance: tuple[AgencyAttendance, ...]  # worst first
    completion: tuple[AgencyCompletion, ...]  # worst first
    deadline_changes: int = 0
    meeting_titles: dict[int, tuple[str, dt.date]] = field(
        default_factory=dict
    )  # of the resolutions' meetings

    # -- the summary's figures ---------------------------------------------------

    @property
    def meetings_by_kind(self) -> dict[MeetingKind, int]:
        counts = Counter(meeting.kind for meeting in self.meetings)
        return {kind: counts[kind] for kind in MeetingKind if counts[kind]}

    @property
    def by_status(self) -> dict[ResolutionStatus, int]:
        counts = Counter(resolution.status for resolution in self.resolutions)
        return {status: counts[status] for status in ResolutionStatus}

    @property
    def overdue(self) -> int:
        return sum(1 for resolution in self.resolutions if resolution.overdue)

    @property
    def followups(self) -> int:
        return sum(len(resolution.followups) for resolution in self.resolutions)

    @property
    def completion_counted(self) -> int:
        return len(self.resolutions) - self.by_status[ResolutionStatus.CANCELLED]

    @property
    def invited(self) -> int:
        return sum(meeting.invited for meeting in self.meetings)

    @property
    def present(self) -> int:
        return sum(meeting.present for meeting in self.meetings)

    def resolutions_by_meeting(self) -> list[tuple[int, list[YearResolution]]]:
        """The resolutions grouped by meeting, in order (a meeting without any: none listed)."""
        groups: dict[int, list[YearResolution]] = {}
        for resolution in self.resolutions:
            groups.setdefault(resolution.meeting_id, []).append(resolution)
        return list(groups.items())


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of Jalali ``year``."""
    return jalali.from_jalali(year, 1, 1), jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)


def gather_yearbook(
    database: Database, year: int, run: ReportRun | None = None, *, share: float = 0.2
) -> YearbookData:
    """Everything the yearly report of Jalali ``year`` prints; a year without a meeting is refused.

    The progress goes from 0 to ``share`` while reading.
    """
    run = run or ReportRun()
    council = CouncilService(database).get()
    if council is None:
        raise NotFoundError(NO_COUNCIL)
    today = dt.date.today()
    with database.reading() as session:
        meetings, not_held, titles = _meetings(session, council, year)
    if not meetings and not not_held:
        raise DomainError(NO_MEETING.format(year=to_persian_digits(year)))
    start, end = year_bounds(year)
    run.advance(share * 0.2)
    with database.reading() as session:
        resolutions, changes = _resolutions(session, year, today, titles)
    run.advance(share * 0.8)
    attendance = AttendanceService(database).rates(start, end) if meetings else ()
    completion = _completion(resolutions)
    run.advance(share)
    return YearbookData(
        council=council,
        year=year,
        start=start,
        end=end,
        today=today,
        meetings=tuple(meetings),
        not_held=tuple(not_held),
        resolutions=tuple(resolutions),
        attendance=attendance,
        completion=tuple(completion),
        deadline_changes=changes,
        meeting_titles=titles,
    )


def _meetings(session, council: CouncilRecord, year: int):
    resolutions = (
        select(Resolution.meeting_id, func.count(Resolution.id).label("n"))
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(Meeting.jalali_year == year)
        .group_by(Resolution.meeting_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.kind,
            Meeting.number,
            Meeting.date,
            Agency.name,
            Meeting.venue,
            Meeting.status,
            Meeting.signed_at,
            Meeting.cancel_reason,
            func.coalesce(resolutions.c.n, 0),
        )
        .outerjoin(Agency, Agency.id == Meeting.host_agency_id)
        .outerjoin(resolutions, resolutions.c.meeting_id == Meeting.id)
        .where(Meeting.jalali_year == year)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    ).all()

    def times(*attendances: Attendance):
        return func.sum(case((Invitation.attendance.in_([a.value for a in attendances]), 1), else_=0))

    # Member agencies only: a guest is not counted, as for the quorum.
    counts = {
        row[0]: row[1:]
        for row in session.execute(
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
                Meeting.jalali_year == year,
                Meeting.status.in_(HELD_STATUSES),
                Invitation.agency_id.isnot(None),
            )
            .group_by(Invitation.meeting_id)
        )
    }
    held, not_held, titles = [], [], {}
    for meeting_id, kind, number, date, host, venue, status, signed_at, reason, resolution_count in rows:
        kind, status = MeetingKind(kind), MeetingStatus(status)
        titles[meeting_id] = (meeting_title(kind, number), date)
        if status.value in HELD_STATUSES:
            invited, present, late, absent, excused, unknown = counts.get(meeting_id, (0, 0, 0, 0, 0, 0))
            held.append(
                HeldMeeting(
                    id=meeting_id,
                    kind=kind,
                    number=number,
                    date=date,
                    host_name=host or "",
                    venue=venue or "",
                    status=status,
                    signed=signed_at is not None,
                    invited=invited,
                    present=present or 0,
                    late=late or 0,
                    absent=absent or 0,
                    excused=excused or 0,
                    unrecorded=unknown or 0,
                    quorum_required=council.quorum_required(invited),
                    resolutions=resolution_count,
                )
            )
        else:
            not_held.append(OtherMeeting(kind, number, date, status, reason or ""))
    return held, not_held, titles


def _resolutions(
    session, year: int, today: dt.date, titles: dict[int, tuple[str, dt.date]]
) -> tuple[list[YearResolution], int]:
    in_year = and_(Meeting.id == Resolution.meeting_id, Meeting.jalali_year == year)
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
    steps: dict[int, list[tuple[dt.datetime, DeadlineStep, str]]] = defaultdict(list)
    for resolution_id, field_name, original, amended, reason, recorded_at in session.execute(
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
        if field_name == "resolution_text":
            texts[resolution_id] = (amended, recorded_at.date())
        else:
            due, next_meeting = _amended_due(amended)
            steps[resolution_id].append(
                (
                    recorded_at,
                    DeadlineStep(recorded_at.date(), due, next_meeting, reason, amendment=True),
                    original,
                )
            )
    changes = 0
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
        changes += 1
        previous_text = (
            jalali.format_short(previous, persian_digits=False)
            if previous
            else (NEXT_MEETING_LABEL if previous_next else "")
        )
        steps[resolution_id].append(
            (
                changed_at,
                DeadlineStep(changed_at.date(), new_due, False, reason, amendment=False),
                previous_text,
            )
        )

    followups: dict[int, list[FollowUpEntry]] = defaultdict(list)
    for resolution_id, date, kind, note, progress in session.execute(
        select(FollowUp.resolution_id, FollowUp.date, FollowUp.kind, FollowUp.note, FollowUp.progress)
        .join(Resolution, Resolution.id == FollowUp.resolution_id)
        .join(Meeting, in_year)
        .order_by(FollowUp.resolution_id, FollowUp.date, FollowUp.id)
    ):
        followups[resolution_id].append(FollowUpEntry(date, FollowUpKind(kind), note or "", progress))

    resolutions = []
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
            first_due, first_next = _amended_due(history[0][2])
        else:
            first_due, first_next = due, bool(due_next)
        text_in_force = texts.get(resolution_id)
        status = ResolutionStatus(status)
        late = is_overdue(status.value, due, today)
        resolutions.append(
            YearResolution(
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
                days_overdue=(today - due).days if late else 0,
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
    return resolutions, changes


def _amended_due(text: str) -> tuple[dt.date | None, bool]:
    """A deadline as an amendment keeps it: «1404/08/28», «تا جلسه بعد», or empty."""
    if not text:
        return None, False
    if text == NEXT_MEETING_LABEL:
        return None, True
    try:
        return jalali.parse(text), False
    except jalali.JalaliDateError:
        return None, False


def _completion(resolutions: list[YearResolution]) -> list[AgencyCompletion]:
    """Each agency's resolutions as lead or collaborator, worst first: the lowest
    completion rate, then the most overdue, then the name in Persian order."""
    names: dict[int, str] = {}
    counts: dict[int, Counter] = defaultdict(Counter)
    for resolution in resolutions:
        if resolution.lead_id is not None:
            names[resolution.lead_id] = resolution.lead_name
            counts[resolution.lead_id]["lead"] += 1
        for agency_id, name in resolution.collaborators:
            names[agency_id] = name
        for agency_id in set(resolution.agency_ids):
            tally = counts[agency_id]
            tally["all"] += 1
            tally["done"] += resolution.status is ResolutionStatus.DONE
            tally["cancelled"] += resolution.status is ResolutionStatus.CANCELLED
            tally["overdue"] += resolution.overdue
    rows = [
        AgencyCompletion(
            agency_id,
            names[agency_id],
            tally["all"],
            tally["lead"],
            tally["done"],
            tally["overdue"],
            tally["cancelled"],
        )
        for agency_id, tally in counts.items()
    ]
    rows.sort(key=lambda row: (_rate_key(row), -row.overdue, sort_key(row.name), row.agency_id))
    return rows


def _rate_key(row: AgencyCompletion) -> Fraction:
    """The completion rate, exact (equal rates sort as equals); an agency whose
    resolutions were all cancelled has no rate and comes last."""
    return Fraction(row.done, row.counted) if row.counted else Fraction(2)
