"""The Nth meeting of its series and of its Jalali year.

A held meeting keeps its numbers for good: they are printed on its minutes
and in its resolutions' codes. Meetings still planned are numbered after the
last held one in the order of their dates, so that planning an earlier
meeting, or postponing one past another, keeps the numbers in calendar
order. A cancelled meeting gives its number up.

Numbers are read and stored within one save that holds the numbering lock
of the series (``lock_numbering``), and the database refuses two held
meetings with one number (migration 0005): meetings held at the same moment
on two PCs get the next numbers, one after the other.

On PostgreSQL the lock is taken when the save comes to it, not when the
save begins, so a meeting read before it may have been held, cancelled or
renumbered meanwhile by the save it waited for: a save that changes a
meeting's status takes the lock with ``lock_meeting`` first, which reads the
meeting again once it holds it, and only then looks at its status. (Found
by the race test on PostgreSQL: a meeting loaded with its planned number 9,
renumbered to 10 by the other save meanwhile, was held as 9, and the ORM,
seeing 9 unchanged, kept the 10 in the database: a number skipped.)

A series need not begin at 1: a council that numbered its earlier meetings
on paper sets where the app's numbers begin (``numbering_start``). The
first meeting numbered in the app, held or planned, takes the start, and
the number in the year of the start for its year; the meetings after it
run on from there. Once a meeting of the series is held the start is fixed
(``change_start`` refuses), so the held numbers, which run on from the
first held one, never change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import Meeting
from secretariat.changes import note_changes
from secretariat.database import lock_numbering
from secretariat.errors import ValidationError
from secretariat.meetings.kinds import MeetingKind, MeetingStatus, meeting_title
from secretariat.meetings.numbering_start import (
    NumberingStart,
    field_key,
    first_held_title,
    start_of,
    write_start,
)
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

_FROZEN = [MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value]
_UPCOMING = [MeetingStatus.PLANNED.value, MeetingStatus.POSTPONED.value]


def hold(session: Session, meeting: Meeting) -> None:
    """Freeze ``meeting`` as held with the numbers after the last held ones.

    Held meetings run on without gaps, even when an earlier-dated meeting is
    still only planned: that one follows, like every planned meeting. The
    caller holds the series' lock since it last read ``meeting`` (``lock_meeting``).
    """
    lock_series(session, meeting.series)
    frozen = (Meeting.series == meeting.series, Meeting.status.in_(_FROZEN), Meeting.id != meeting.id)
    last = session.scalar(select(func.max(Meeting.number)).where(*frozen))
    year_last = session.scalar(
        select(func.max(Meeting.year_number)).where(*frozen, Meeting.jalali_year == meeting.jalali_year)
    )
    if last is None:  # the first held in the app: it takes the series' start
        start = start_of(session, meeting.series)
        last, year_last = start.number - 1, start.year_number - 1
    meeting.number = last + 1
    meeting.year_number = (year_last or 0) + 1
    meeting.status = MeetingStatus.HELD.value
    session.flush()
    renumber(session, meeting.series)


def renumber(session: Session, series: str) -> None:
    """Number the series' upcoming meetings after its held ones, by date."""
    lock_series(session, series)
    last = session.scalar(
        select(func.max(Meeting.number)).where(Meeting.series == series, Meeting.status.in_(_FROZEN))
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
    # Run only when there are some: every statement run is a line in the audit trail.
    dropped = session.scalars(select(Meeting.id).where(*cancelled, Meeting.number.is_not(None))).all()
    if dropped:
        note_changes(session, meetings=dropped)
        session.execute(update(Meeting).where(*cancelled).values(number=None, year_number=None))
    upcoming = session.scalars(
        select(Meeting)
        .where(Meeting.series == series, Meeting.status.in_(_UPCOMING))
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
        # As they are now, not as this save read them before it held the lock (see the module's note).
        .execution_options(populate_existing=True)
    ).all()
    if last is None:
        # None held yet: the first upcoming meeting is the series' first in the app, at its start.
        start = start_of(session, series)
        last = start.number - 1
        if upcoming:
            year_last[upcoming[0].jalali_year] = start.year_number - 1
    for meeting in upcoming:
        last += 1
        meeting.number = last
        year_last[meeting.jalali_year] = (year_last.get(meeting.jalali_year) or 0) + 1
        meeting.year_number = year_last[meeting.jalali_year]
    session.flush()


def change_start(session: Session, start: NumberingStart) -> None:
    """Begin ``start.series`` at ``start`` and renumber its planned meetings from there.

    Refused, under the series' field, once a meeting of the series is held:
    its number, printed on its minutes and in its resolutions' codes, stays.
    """
    lock_series(session, start.series)
    if start_of(session, start.series) == start:
        return
    first_held = first_held_title(session, start.series)
    if first_held is not None:
        raise ValidationError(
            {
                field_key(start.series): (
                    f"شماره‌گذاری {start.series.label} دیگر تغییر نمی‌کند: «{first_held}» برگزار شده و "
                    "شماره جلسه‌های برگزارشده ثابت است. چیزی ذخیره نشد."
                )
            }
        )
    write_start(session, start)
    session.flush()
    renumber(session, start.series)


def lock_series(session: Session, series: str) -> None:
    """Until the save ends, no other save numbers the meetings of ``series``."""
    lock_numbering(session, f"meeting-numbers:{series}")


def lock_meeting(session: Session, meeting: Meeting) -> None:
    """Take the numbering lock of ``meeting``'s series, then read the meeting again.

    Call it before looking at the status of a meeting whose status or
    numbers the save changes; ``meeting`` must have no unsaved changes.
    """
    while True:
        series = meeting.series
        lock_series(session, series)
        session.refresh(meeting)
        if meeting.series == series:
            return
        # Its kind changed while this save waited: its new series' lock (the old one is held on, harmlessly).


def renumbering_notices(renumbered: Sequence[Mapping[str, object]]) -> list[str]:
    """In Persian, what migration 0005 renumbered on open (see ``Database.renumbered``)."""
    if not renumbered:
        return []
    notices = ["چند جلسه برگزارشده یک شماره داشتند (ثبت هم‌زمان از دو جا)؛ شماره آن‌ها به ترتیب تاریخ درست شد:"]
    for row in renumbered:
        kind = MeetingKind(str(row["kind"]))
        date = dt.date.fromisoformat(str(row["date"]))
        old, new = row["old_number"], row["new_number"]
        notice = f"- جلسه {jalali.format_short(date)}: "
        if old != new:
            notice += f"«{meeting_title(kind, _int(old))}» اکنون «{meeting_title(kind, _int(new))}» است"
        else:
            notice += f"«{meeting_title(kind, _int(new))}»"
        if row["old_year_number"] != row["new_year_number"]:
            notice += (
                f"؛ شماره آن در سال {to_persian_digits(jalali.jalali_year(date))} "
                f"از {to_persian_digits(_int(row['old_year_number']) or 0)} "
                f"به {to_persian_digits(_int(row['new_year_number']) or 0)} تغییر کرد"
            )
        codes = _int(row["resolution_codes"]) or 0
        if codes:
            notice += f"؛ کد {to_persian_digits(codes)} مصوبه آن هم به شماره تازه تغییر کرد"
        notices.append(notice + ".")
    return notices


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None
