"""The Nth meeting of its series and of its Jalali year.

A held meeting keeps its numbers for good: they are printed on its minutes
and in its resolutions' codes. Meetings still planned are numbered after the
last held one in the order of their dates, so that planning an earlier
meeting, or postponing one past another, keeps the numbers in calendar
order. A cancelled meeting gives its number up.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import Meeting
from secretariat.changes import note_changes
from secretariat.meetings.kinds import MeetingStatus

_FROZEN = [MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value]
_UPCOMING = [MeetingStatus.PLANNED.value, MeetingStatus.POSTPONED.value]


def hold(session: Session, meeting: Meeting) -> None:
    """Freeze ``meeting`` as held with the numbers after the last held ones.

    Held meetings run on without gaps, even when an earlier-dated meeting is
    still only planned: that one follows, like every planned meeting.
    """
    frozen = (Meeting.series == meeting.series, Meeting.status.in_(_FROZEN), Meeting.id != meeting.id)
    meeting.number = (session.scalar(select(func.max(Meeting.number)).where(*frozen)) or 0) + 1
    meeting.year_number = (
        session.scalar(
            select(func.max(Meeting.year_number)).where(*frozen, Meeting.jalali_year == meeting.jalali_year)
        )
        or 0
    ) + 1
    meeting.status = MeetingStatus.HELD.value
    session.flush()
    renumber(session, meeting.series)


def renumber(session: Session, series: str) -> None:
    """Number the series' upcoming meetings after its held ones, by date."""
    last = (
        session.scalar(
            select(func.max(Meeting.number)).where(Meeting.series == series, Meeting.status.in_(_FROZEN))
        )
        or 0
    )
    year_last = dict(
        session.execute(
            select(Meeting.jalali_year, func.max(Meeting.year_number))
            .where(Meeting.series == series, Meeting.status.in_(_FROZEN))
            .group_by(Meeting.jalali_year)
        ).all()
    )
    cancelled = (Meeting.series == series, Meeting.status == MeetingStatus.CANCELLED.value)
    # A bulk update flushes no objects: the meetings whose numbers it drops are announced by hand.
    note_changes(
        session,
        meetings=session.scalars(select(Meeting.id).where(*cancelled, Meeting.number.is_not(None))).all(),
    )
    session.execute(update(Meeting).where(*cancelled).values(number=None, year_number=None))
    upcoming = session.scalars(
        select(Meeting)
        .where(Meeting.series == series, Meeting.status.in_(_UPCOMING))
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    ).all()
    for meeting in upcoming:
        last += 1
        meeting.number = last
        year_last[meeting.jalali_year] = (year_last.get(meeting.jalali_year) or 0) + 1
        meeting.year_number = year_last[meeting.jalali_year]
    session.flush()
