"""The date a new meeting is proposed for, before the secretary picks one.

A council meets on a rhythm: its regular meetings fall on the same weekday,
about once a month (extraordinary meetings come when needed and set no
rhythm). A secretary planning the next meeting expects that rhythm kept: the
weekday of the last regular meeting, four weeks on (four weeks, not a
calendar month, so the weekday stays). When that day is too near for the
invitations to go out a week ahead, or already past (the council skipped a
month), the same weekday a week later, and so on. With no regular meeting yet,
a week from today. Never a Friday, the weekly holiday, nor a day that already
has a meeting: the next working day instead. The secretary can change it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Container

FRIDAY = 4  # date.weekday()
RHYTHM = dt.timedelta(weeks=4)
INVITATION_NOTICE = dt.timedelta(weeks=1)
_WEEK = dt.timedelta(weeks=1)
_DAY = dt.timedelta(days=1)


def proposed_date(last_regular: dt.date | None, today: dt.date, taken: Container[dt.date] = ()) -> dt.date:
    """The day to propose, after the last regular meeting (planned or held) on ``last_regular``;
    ``taken`` are the days that already have a meeting."""
    earliest = today + INVITATION_NOTICE
    if last_regular is None:
        day = earliest
    else:
        day = last_regular + RHYTHM
        if day < earliest:  # whole weeks on, keeping the weekday
            day += math.ceil((earliest - day) / _WEEK) * _WEEK
    while day.weekday() == FRIDAY or day in taken:
        day += _DAY
    return day
