"""The year at a glance: every agency × the twelve Jalali months, and the home page's line.

A cell is one of:
- ``on_time``: the report in force was received by the due day;
- ``late``: received after it (by so many days);
- ``missing``: nothing received and the due day has passed;
- ``not_due``: nothing received, and it is not due yet;
- ``exempt``: the agency owes nothing for that month: exempted with a reason,
  a month that began before the agency joined the council, or an agency no
  longer active (shown only in the years it sent something).
A report in force counts even for a month that was exempted.

The matrix reads one year's reports and exemptions (two indexed queries)
and the agencies; the states are worked out here, so that the window, the
command line and the reports agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Agency, MonthlyExemption, MonthlyReport
from secretariat import clock
from secretariat.council_settings import read_due_day
from secretariat.database import Database
from secretariat.monthly.months import Month, months_of
from secretariat.persian import jalali

BEFORE_JOINING = "پیش از عضویت (عضو از {date})"
INACTIVE = "دستگاه دیگر عضو فعال نیست"


class CellState(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"
    EXEMPT = "exempt"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def received(self) -> bool:
        return self in (CellState.ON_TIME, CellState.LATE)


STATE_LABELS = {
    CellState.ON_TIME: "به‌موقع",
    CellState.LATE: "با تأخیر",
    CellState.MISSING: "نرسیده",
    CellState.NOT_DUE: "هنوز موعد نرسیده",
    CellState.EXEMPT: "معاف",
}


@dataclass(frozen=True)
class Cell:
    month: Month
    state: CellState
    late_days: int | None = None  # late only
    report_id: int | None = None
    received_on: dt.date | None = None
    reason: str = ""  # exempt only: why


@dataclass(frozen=True)
class MatrixRow:
    agency_id: int
    agency: str
    category: str
    cells: tuple[Cell, ...]  # the twelve months, فروردین first

    def count(self, *states: CellState) -> int:
        return sum(1 for cell in self.cells if cell.state in states)

    @property
    def has_missing(self) -> bool:
        return any(cell.state is CellState.MISSING for cell in self.cells)


@dataclass(frozen=True)
class MonthCount:
    """One month's column: how many agencies owed a report and what became of them."""

    month: Month
    due_date: dt.date
    expected: int  # not exempt
    on_time: int
    late: int
    missing: int
    not_due: int

    @property
    def received(self) -> int:
        return self.on_time + self.late


@dataclass(frozen=True)
class YearMatrix:
    year: int
    due_day: int
    today: dt.date
    rows: tuple[MatrixRow, ...]  # Persian alphabetical order of agency
    columns: tuple[MonthCount, ...]


@dataclass(frozen=True)
class MatrixQuery:
    year: int
    category: str | None = None
    only_missing: bool = False  # only agencies with a missing report


@dataclass(frozen=True)
class MonthSummary:
    """The home page's line: «گزارش‌های ماهانه مهر: ۱۷ از ۲۵ رسیده»."""

    month: Month
    due_date: dt.date
    expected: int
    received: int
    late: int

    @property
    def past_due(self) -> bool:
        return clock.today() > self.due_date


def cell_state(
    month: Month,
    *,
    due_day: int,
    today: dt.date,
    received_on: dt.date | None,
    report_id: int | None = None,
    exemption: str | None = None,
) -> Cell:
    """The state of one agency's month from what was received and whether it is exempt."""
    due = _due_date(month, due_day)
    if received_on is not None:
        if received_on <= due:
            return Cell(month, CellState.ON_TIME, report_id=report_id, received_on=received_on)
        return Cell(month, CellState.LATE, (received_on - due).days, report_id, received_on)
    if exemption is not None:
        return Cell(month, CellState.EXEMPT, reason=exemption)
    return Cell(month, CellState.MISSING if today > due else CellState.NOT_DUE)


class MonthlyMatrixService:
    def __init__(self, database: Database):
        self._db = database

    def year(self, query: MatrixQuery) -> YearMatrix:
        with self._db.reading() as session:
            return year_matrix(session, self._db, query)

    def month_summary(self, month: Month | None = None) -> MonthSummary:
        """The last month that has ended (or ``month``): how many of the agencies that owe it sent it."""
        month = month or Month.of(clock.today()).previous()
        with self._db.reading() as session:
            return month_summary(session, month)

    def years(self) -> tuple[int, ...]:
        """The years reports were recorded for, and this year: the matrix's choice of year."""
        with self._db.reading() as session:
            recorded = session.scalars(select(MonthlyReport.year).distinct()).all()
        return tuple(sorted({*recorded, jalali.jalali_year(clock.today())}, reverse=True))


def year_matrix(session: Session, database: Database, query: MatrixQuery) -> YearMatrix:
    due_day = read_due_day(session)
    today = clock.today()
    months = months_of(query.year)
    received = {
        (agency_id, month): (received_on, report_id)
        for agency_id, month, received_on, report_id in session.execute(
            select(
                MonthlyReport.agency_id, MonthlyReport.month, MonthlyReport.received_on, MonthlyReport.id
            ).where(MonthlyReport.year == query.year, MonthlyReport.in_force.is_(True))
        )
    }
    exempted = {
        (agency_id, month): reason
        for agency_id, month, reason in session.execute(
            select(MonthlyExemption.agency_id, MonthlyExemption.month, MonthlyExemption.reason).where(
                MonthlyExemption.year == query.year
            )
        )
    }
    recorded_agencies = {agency_id for agency_id, _month in (*received, *exempted)}
    agencies = select(Agency.id, Agency.name, Agency.category, Agency.joined_on, Agency.active).where(
        or_(Agency.active.is_(True), Agency.id.in_(recorded_agencies))
    )
    if query.category:
        agencies = agencies.where(Agency.category == query.category)
    agencies = agencies.order_by(database.persian_order(Agency.name), Agency.id)
    rows: list[MatrixRow] = []
    for agency_id, name, category, joined_on, active in session.execute(agencies):
        cells = []
        for month in months:
            report = received.get((agency_id, month.month))
            reason = exempted.get((agency_id, month.month)) or _standing_exemption(month, joined_on, active)
            cells.append(
                cell_state(
                    month,
                    due_day=due_day,
                    today=today,
                    received_on=report[0] if report else None,
                    report_id=report[1] if report else None,
                    exemption=reason,
                )
            )
        row = MatrixRow(agency_id, name, category, tuple(cells))
        if not query.only_missing or row.has_missing:
            rows.append(row)
    return YearMatrix(query.year, due_day, today, tuple(rows), _columns(months, rows, due_day))


def _standing_exemption(month: Month, joined_on: dt.date | None, active: bool) -> str | None:
    """Why an agency owes nothing for a month without anyone recording it: not a member yet, or no longer."""
    if not active:
        return INACTIVE
    if joined_on is not None and _first_day(month) < joined_on:
        return BEFORE_JOINING.format(date=jalali.format_short(joined_on))
    return None


# A year's matrix asks for each of its 2,400 cells (200 agencies) the month's due date and first
# day: converted from the Jalali calendar once each, not for every cell (most of its time, before).
@lru_cache(maxsize=256)
def _due_date(month: Month, due_day: int) -> dt.date:
    return month.due_date(due_day)


@lru_cache(maxsize=256)
def _first_day(month: Month) -> dt.date:
    return month.first_day


def _columns(months: Iterable[Month], rows: list[MatrixRow], due_day: int) -> tuple[MonthCount, ...]:
    columns = []
    for index, month in enumerate(months):
        states = [row.cells[index].state for row in rows]
        columns.append(
            MonthCount(
                month=month,
                due_date=month.due_date(due_day),
                expected=sum(1 for state in states if state is not CellState.EXEMPT),
                on_time=states.count(CellState.ON_TIME),
                late=states.count(CellState.LATE),
                missing=states.count(CellState.MISSING),
                not_due=states.count(CellState.NOT_DUE),
            )
        )
    return tuple(columns)


def owing(month: Month) -> tuple[ColumnElement[bool], ...]:
    """Conditions on ``Agency``: an active member that owes a report for ``month`` (joined
    by its first day, not exempted)."""
    exempted = (
        select(MonthlyExemption.id)
        .where(
            MonthlyExemption.agency_id == Agency.id,
            MonthlyExemption.year == month.year,
            MonthlyExemption.month == month.month,
        )
        .exists()
    )
    return (
        Agency.active.is_(True),
        or_(Agency.joined_on.is_(None), Agency.joined_on <= month.first_day),
        ~exempted,
    )


def month_summary(session: Session, month: Month) -> MonthSummary:
    """Counted in the database as the matrix counts the month's column: the agencies that owed
    the month, and every report in force for it, even from an agency that owed none (exempted,
    not a member yet, or no longer): the matrix shows that report as received too.

    ``secretariat.first_look`` counts the same in plain SQL at start-up: a change here is made
    there too (a test compares the two)."""
    due = month.due_date(read_due_day(session))
    expected = session.scalar(select(func.count(Agency.id)).where(*owing(month))) or 0
    received, late, owed_none = session.execute(
        select(
            func.count(MonthlyReport.id),
            func.count(case((MonthlyReport.received_on > due, 1))),
            func.count(case((~and_(*owing(month)), 1))),
        )
        .join(Agency, Agency.id == MonthlyReport.agency_id)
        .where(
            MonthlyReport.year == month.year,
            MonthlyReport.month == month.month,
            MonthlyReport.in_force.is_(True),
        )
    ).one()
    return MonthSummary(month, due, expected + int(owed_none), int(received), int(late))
