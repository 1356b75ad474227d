"""Archive keys: how the rows of an archive name each other without database ids.

A key is computed from the records alone, so that the same records give the
same keys in any database (an archive imported into an empty database and
exported again is the same). Meetings: «1404-07» (the 7th council meeting,
held in 1404), «1404-G01» (general assembly), «1404-W01» (working group),
the series letters of the minutes' document code; a meeting without a
number (cancelled) «1404-X01», counted in date order within the year.
Follow-up entries: «1404-07-03/2», the second entry of resolution
1404-07-03's log, as recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Meeting

SERIES_LETTER = {"council": "", "general_assembly": "G", "working_group": "W"}
UNNUMBERED = "X"
_MEETING_KEY = re.compile(r"^(\d{4})-([A-Z]?)(\d+)$")


def meeting_order(
    date: dt.date, start_time: dt.time | None, record_id: int
) -> tuple[dt.date, bool, dt.time, int]:
    """The order of a year's meetings: by day, a meeting without a start time first, then as recorded.

    Sorted here and not by the database: engines put a NULL time first or last.
    """
    return date, start_time is not None, start_time or dt.time.min, record_id


def meeting_keys(rows: Iterable[tuple[int, str, int | None, int, dt.date, dt.time | None]]) -> dict[int, str]:
    """``{id: key}`` for meetings given as ``(id, series, number, jalali_year, date, start_time)``."""
    ordered = sorted(rows, key=lambda row: meeting_order(row[4], row[5], row[0]))
    keys: dict[int, str] = {}
    used: set[str] = set()
    unnumbered: dict[int, int] = {}
    for record_id, series, number, year, _date, _time in ordered:
        if number is None:
            unnumbered[year] = unnumbered.get(year, 0) + 1
            key = f"{year}-{UNNUMBERED}{unnumbered[year]:02d}"
        else:
            key = f"{year}-{SERIES_LETTER.get(series, '')}{number:02d}"
        if key in used:  # not in a database kept by the app; stays unique all the same
            suffix = 2
            while f"{key}.{suffix}" in used:
                suffix += 1
            key = f"{key}.{suffix}"
        used.add(key)
        keys[record_id] = key
    return keys


def meeting_keys_of_years(session: Session, years: Iterable[int]) -> dict[int, str]:
    """The keys of every meeting of ``years`` in this database."""
    years = sorted(set(years))
    if not years:
        return {}
    rows = session.execute(
        select(
            Meeting.id, Meeting.series, Meeting.number, Meeting.jalali_year, Meeting.date, Meeting.start_time
        ).where(Meeting.jalali_year.in_(years))
    ).all()
    keys: dict[int, str] = {}
    for year in years:
        keys |= meeting_keys([row for row in rows if row.jalali_year == year])
    return keys


def follow_up_keys(resolution_codes: Iterable[str]) -> list[str]:
    """The keys of follow-up entries given, in the archive's order, by their resolutions' codes."""
    counted: dict[str, int] = {}
    keys = []
    for code in resolution_codes:
        counted[code] = counted.get(code, 0) + 1
        keys.append(f"{code}/{counted[code]}")
    return keys


def year_of_meeting_key(key: str) -> int | None:
    match = _MEETING_KEY.match(key.split(".")[0])
    return int(match.group(1)) if match else None
