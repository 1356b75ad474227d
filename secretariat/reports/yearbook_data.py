"""What the yearly report (کارنامه سالانه) holds, read from the records of one Jalali year.

A year of a province is about 50 meetings, 1,500-2,000 resolutions and
10,000 follow-up entries: everything is read through the core's services
in a few queries over the year's meetings (never one query per
resolution), and the figures are counted from what was read, as the
register counts them:

- the meetings of the year (``MeetingService.page``): those held (held or
  finalized) with their attendance counted per meeting
  (``AttendanceService.by_meeting``: member agencies only, a late member
  present, as for the quorum) and their quorum; the cancelled ones and
  those still to come, for the summary;
- every resolution of the year's meetings (``RegisterService.histories``,
  the register's «سال جلسات» filter) with its whole story, in the order
  of the meetings and of the minutes (see ``secretariat.followup.history``);
- each member agency's attendance at the meetings held in the year
  (``AttendanceService.rates``, worst first) and its resolutions as lead or
  collaborator (done, overdue, completion rate, worst first).

Overdue is as of today, as the register and the dashboard count it: the
statuses are today's records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.errors import DomainError, NotFoundError
from secretariat.followup.history import ResolutionHistory
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.attendance import HELD_STATUSES, AgencyAttendance, MeetingAttendance
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.meetings.planning import MeetingQuery
from secretariat.meetings.records import MeetingRow
from secretariat.members.council import CouncilRecord
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


# A resolution of the year as the core's register tells its whole story.
YearResolution = ResolutionHistory


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
    secretariat: Secretariat, year: int, run: ReportRun | None = None, *, share: float = 0.2
) -> YearbookData:
    """Everything the yearly report of Jalali ``year`` prints; a year without a meeting is refused.

    The progress goes from 0 to ``share`` while reading.
    """
    run = run or ReportRun()
    council = secretariat.council.get()
    if council is None:
        raise NotFoundError(NO_COUNCIL)
    today = clock.today()
    start, end = year_bounds(year)
    rows = secretariat.meetings.page(MeetingQuery(jalali_year=year, newest_first=False), limit=None)
    if not rows:
        raise DomainError(NO_MEETING.format(year=to_persian_digits(year)))
    # Meetings of one day in the order they were held.
    rows.sort(key=lambda row: (row.date, row.start_time or dt.time.min, row.id))
    held = any(row.status.value in HELD_STATUSES for row in rows)
    attendance_by_meeting = secretariat.attendance.by_meeting(start, end) if held else {}
    meetings, not_held, titles = _meetings(rows, attendance_by_meeting, council)
    run.advance(share * 0.2)
    resolutions = secretariat.register.histories(year)
    run.advance(share * 0.8)
    attendance = secretariat.attendance.rates(start, end) if meetings else ()
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
        resolutions=resolutions,
        attendance=attendance,
        completion=tuple(completion),
        deadline_changes=sum(not step.amendment for r in resolutions for step in r.deadline_steps),
        meeting_titles=titles,
    )


def _meetings(
    rows: Iterable[MeetingRow], attendance: dict[int, MeetingAttendance], council: CouncilRecord
) -> tuple[list[HeldMeeting], list[OtherMeeting], dict[int, tuple[str, dt.date]]]:
    """The year's meetings split into those held (with their attendance) and the others."""
    held: list[HeldMeeting] = []
    not_held: list[OtherMeeting] = []
    titles: dict[int, tuple[str, dt.date]] = {}
    nobody = MeetingAttendance(0, 0, 0, 0, 0, 0, 0)
    for row in rows:
        titles[row.id] = (row.title, row.date)
        if row.status.value in HELD_STATUSES:
            counted = attendance.get(row.id, nobody)
            held.append(
                HeldMeeting(
                    id=row.id,
                    kind=row.kind,
                    number=row.number,
                    date=row.date,
                    host_name=row.host_agency_name,
                    venue=row.venue or "",
                    status=row.status,
                    signed=row.signed,
                    invited=counted.invited,
                    present=counted.present,
                    late=counted.late,
                    absent=counted.absent,
                    excused=counted.excused,
                    unrecorded=counted.unrecorded,
                    quorum_required=council.quorum_required(counted.invited),
                    resolutions=row.resolution_count,
                )
            )
        else:
            not_held.append(OtherMeeting(row.kind, row.number, row.date, row.status, row.cancel_reason))
    return held, not_held, titles


def _completion(resolutions: tuple[YearResolution, ...]) -> list[AgencyCompletion]:
    """Each agency's resolutions as lead or collaborator, worst first: the lowest
    completion rate, then the most overdue, then the name in Persian order."""
    names: dict[int, str] = {}
    counts: dict[int, Counter[str]] = defaultdict(Counter)
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
