"""The home page's four figures and its line of monthly reports, read at start-up before the
database layer has loaded.

Loading SQLAlchemy, the models and the services is most of the app's start
(half a second of CPU on a laptop); the home page's four figures are two
small queries, and its line of last month's reports three more.
``first_look(path)`` reads them, with the council's name, straight from a
SQLite file with Python's own ``sqlite3`` and nothing else of
the core, so the window can show them while the database is opened the
usual way behind it.

It only reads, through a read-only connection that makes nothing beside the
file (``read_only_uri``): the file is still checked (``PRAGMA quick_check``),
migrated or refused by ``open_database`` afterwards, before anything is
written. It answers only for a database this version opens as it is: at the
head revision, with a council that has held a meeting (a new council's home
page shows the first-run guide, which waits for the core). For anything else
(an older or newer schema, a new council, another program's file, a damaged
or locked one) it gives None, and the app opens the database first.

The figures are those of ``DashboardService.load`` (the same conditions,
counted the same way), and the line of last month's reports that of
``monthly.matrix.month_summary``; a test checks that both give the same numbers.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db.schema import HEAD_REVISION
from secretariat import clock
from secretariat.followup.status import DUE_SOON_DAYS, RUNNING, STILL_OPEN, ResolutionStatus
from secretariat.maintenance.backup_check import SQLITE_HEADER, read_only_uri
from secretariat.meetings.kinds import MeetingStatus
from secretariat.monthly.months import DEFAULT_DUE_DAY, MAX_DUE_DAY, Month
from secretariat.persian import jalali

# A file another program holds locked is left to the opening, which waits and says so.
TIMEOUT_SECONDS = 0.5


@dataclass(frozen=True)
class MonthlyLine:
    """Last month's reports as ``monthly.matrix.MonthSummary`` counts them."""

    month: Month
    due_date: dt.date
    expected: int
    received: int
    late: int


@dataclass(frozen=True)
class FirstLook:
    council_name: str
    is_demo: bool
    today: dt.date
    still_open: int
    overdue: int
    due_soon: int
    done_this_year: int
    monthly: MonthlyLine

    @property
    def jalali_year(self) -> int:
        return jalali.jalali_year(self.today)


def _in(values: tuple[str, ...]) -> str:
    """A SQL list of the app's own status names (constants, never input)."""
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


_REVISION = "SELECT version_num FROM alembic_version"
_COUNCIL = "SELECT name, is_demo FROM council ORDER BY id LIMIT 1"
_HELD_ONE = (
    "SELECT EXISTS (SELECT 1 FROM meeting WHERE status IN "
    + _in((MeetingStatus.HELD.value, MeetingStatus.FINALIZED.value))
    + ")"
)
# As DashboardService.load: the open side through the status index, this year's done through
# the closing day's.
_OPEN_FIGURES = (
    "SELECT count(*),"
    f" count(CASE WHEN status IN {_in(RUNNING)} AND due_date < :today THEN 1 END),"
    f" count(CASE WHEN status IN {_in(RUNNING)} AND due_date BETWEEN :today AND :soon THEN 1 END)"
    f" FROM resolution WHERE status IN {_in(STILL_OPEN)}"
)
_DONE_THIS_YEAR = (
    f"SELECT count(CASE WHEN status = '{ResolutionStatus.DONE.value}' THEN 1 END)"
    " FROM resolution WHERE closed_on BETWEEN :year_start AND :year_end"
)

# As council_settings.read_due_day (its key) and monthly.matrix.month_summary: the agencies that
# owe the month (``owing``), and every report in force for it, counting those from the agencies
# that owed none as expected too.
_DUE_DAY = "SELECT value FROM council_setting WHERE key = 'monthly.due_day'"
_OWING = (
    "a.active = 1 AND (a.joined_on IS NULL OR a.joined_on <= :first_day) AND NOT EXISTS"
    " (SELECT 1 FROM monthly_exemption e WHERE e.agency_id = a.id AND e.year = :year AND e.month = :month)"
)
_MONTHLY_EXPECTED = f"SELECT count(*) FROM agency a WHERE {_OWING}"
_MONTHLY_RECEIVED = (
    "SELECT count(*), count(CASE WHEN r.received_on > :due THEN 1 END),"
    f" count(CASE WHEN NOT ({_OWING}) THEN 1 END)"
    " FROM monthly_report r JOIN agency a ON a.id = r.agency_id"
    " WHERE r.year = :year AND r.month = :month AND r.in_force = 1"
)


def first_look(path: Path, today: dt.date | None = None) -> FirstLook | None:
    """The council's name and the home page's four figures, or None (see the module's note)."""
    today = today or clock.today()
    try:
        with path.open("rb") as handle:
            if not handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                return None
        # Read-only: the URI names the file (sqlite3.connect types its first argument as a path).
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=TIMEOUT_SECONDS)
        with closing(connection):
            return _read(connection, today)
    except (OSError, sqlite3.Error):
        return None


def _read(connection: sqlite3.Connection, today: dt.date) -> FirstLook | None:
    revision = connection.execute(_REVISION).fetchone()
    if revision is None or revision[0] != HEAD_REVISION:
        return None
    council = connection.execute(_COUNCIL).fetchone()
    if council is None or not connection.execute(_HELD_ONE).fetchone()[0]:
        return None
    year = jalali.jalali_year(today)
    # Dates are stored as ISO text (as SQLAlchemy stores a Date in SQLite).
    still_open, overdue, due_soon = connection.execute(
        _OPEN_FIGURES,
        {"today": today.isoformat(), "soon": (today + dt.timedelta(days=DUE_SOON_DAYS)).isoformat()},
    ).fetchone()
    (done_this_year,) = connection.execute(
        _DONE_THIS_YEAR,
        {
            "year_start": jalali.from_jalali(year, 1, 1).isoformat(),
            "year_end": (jalali.from_jalali(year + 1, 1, 1) - dt.timedelta(days=1)).isoformat(),
        },
    ).fetchone()
    return FirstLook(
        council_name=council[0],
        is_demo=bool(council[1]),
        today=today,
        still_open=still_open,
        overdue=overdue,
        due_soon=due_soon,
        done_this_year=done_this_year,
        monthly=_monthly(connection, Month.of(today).previous()),
    )


def _monthly(connection: sqlite3.Connection, month: Month) -> MonthlyLine:
    stored = connection.execute(_DUE_DAY).fetchone()
    due_day = DEFAULT_DUE_DAY
    if stored is not None and stored[0].isdigit() and 1 <= int(stored[0]) <= MAX_DUE_DAY:
        due_day = int(stored[0])
    due = month.due_date(due_day)
    values = {"year": month.year, "month": month.month, "first_day": month.first_day.isoformat()}
    (expected,) = connection.execute(_MONTHLY_EXPECTED, values).fetchone()
    received, late, owed_none = connection.execute(
        _MONTHLY_RECEIVED, {**values, "due": due.isoformat()}
    ).fetchone()
    return MonthlyLine(month, due, expected + owed_none, received, late)
