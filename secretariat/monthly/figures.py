"""The figures of the monthly reports: what the agencies reported for each indicator in a year.

Counted in the database (``GROUP BY``), from the reports in force only: a
corrected report counts its last version, a voided one counts nothing.
- ``council_totals``: each indicator × month, the council's total (the sum
  of the agencies' figures);
- ``agency_totals``: each agency × indicator, the year's total;
- ``figure_rows``: every figure one by one (the Excel sheet's rows).

A yes/no figure is stored as 1 or 0, so its total is the number of
reports that said yes. The indicators of a year are those in use and the
retired ones that have a figure that year: a figure once recorded is
always shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Agency, Indicator, MonthlyFigure, MonthlyReport
from secretariat.database import Database
from secretariat.monthly.indicators import IndicatorRecord, list_indicators
from secretariat.monthly.months import Month

MONTHS = 12


@dataclass(frozen=True)
class IndicatorYear:
    """One indicator's council totals month by month (فروردین first); None: no figure that month."""

    indicator: IndicatorRecord
    months: tuple[float | None, ...]

    @property
    def total(self) -> float | None:
        given = [value for value in self.months if value is not None]
        return sum(given) if given else None


@dataclass(frozen=True)
class AgencyYear:
    """One agency's year totals, by indicator id (an indicator it gave no figure for is missing)."""

    agency_id: int
    agency: str
    totals: Mapping[int, float]


@dataclass(frozen=True)
class YearFigures:
    year: int
    indicators: tuple[IndicatorRecord, ...]  # in the council's order, the retired ones last
    council: tuple[IndicatorYear, ...]  # one per indicator, in the same order
    agencies: tuple[AgencyYear, ...]  # the agencies that gave a figure, in Persian order

    @property
    def empty(self) -> bool:
        return not self.agencies


@dataclass(frozen=True)
class FigureRow:
    """One figure of one report in force."""

    agency_id: int
    agency: str
    category: str
    month: Month
    indicator_id: int
    value: float


def council_totals(session: Session, year: int) -> dict[tuple[int, int], float]:
    """(indicator id, month) -> the sum of the figures the reports in force of ``year`` gave."""
    rows = session.execute(
        select(MonthlyFigure.indicator_id, MonthlyReport.month, func.sum(MonthlyFigure.value))
        .join(MonthlyReport, MonthlyReport.id == MonthlyFigure.report_id)
        .where(MonthlyReport.year == year, MonthlyReport.in_force.is_(True))
        .group_by(MonthlyFigure.indicator_id, MonthlyReport.month)
    )
    return {(indicator_id, month): float(total) for indicator_id, month, total in rows}


def agency_totals(session: Session, database: Database, year: int) -> list[tuple[int, str, int, float]]:
    """(agency id, agency, indicator id, the year's sum), the agencies in Persian order."""
    rows = session.execute(
        select(Agency.id, Agency.name, MonthlyFigure.indicator_id, func.sum(MonthlyFigure.value))
        .join(MonthlyReport, MonthlyReport.id == MonthlyFigure.report_id)
        .join(Agency, Agency.id == MonthlyReport.agency_id)
        .where(MonthlyReport.year == year, MonthlyReport.in_force.is_(True))
        .group_by(Agency.id, Agency.name, MonthlyFigure.indicator_id)
        .order_by(database.persian_order(Agency.name), Agency.id)
    )
    return [(agency_id, name, indicator_id, float(total)) for agency_id, name, indicator_id, total in rows]


def indicators_of_year(session: Session, year: int) -> tuple[IndicatorRecord, ...]:
    """The indicators in use, then the retired ones that have a figure in ``year``."""
    used = set(
        session.scalars(
            select(MonthlyFigure.indicator_id)
            .join(MonthlyReport, MonthlyReport.id == MonthlyFigure.report_id)
            .where(MonthlyReport.year == year, MonthlyReport.in_force.is_(True))
            .distinct()
        )
    )
    every = list_indicators(session, include_retired=True)
    return (
        *(indicator for indicator in every if not indicator.retired),
        *(indicator for indicator in every if indicator.retired and indicator.id in used),
    )


def year_figures(session: Session, database: Database, year: int) -> YearFigures:
    indicators = indicators_of_year(session, year)
    totals = council_totals(session, year)
    council = tuple(
        IndicatorYear(indicator, tuple(totals.get((indicator.id, month)) for month in range(1, MONTHS + 1)))
        for indicator in indicators
    )
    names: dict[int, str] = {}  # in Persian order, as the query gives them
    by_agency: dict[int, dict[int, float]] = {}
    for agency_id, name, indicator_id, total in agency_totals(session, database, year):
        names[agency_id] = name
        by_agency.setdefault(agency_id, {})[indicator_id] = total
    agencies = tuple(AgencyYear(agency_id, name, by_agency[agency_id]) for agency_id, name in names.items())
    return YearFigures(year, indicators, council, agencies)


def figure_rows(session: Session, database: Database, year: int) -> tuple[FigureRow, ...]:
    """Every figure of the reports in force of ``year``: by agency (Persian order), month, indicator."""
    rows = session.execute(
        select(
            Agency.id,
            Agency.name,
            Agency.category,
            MonthlyReport.month,
            MonthlyFigure.indicator_id,
            MonthlyFigure.value,
        )
        .join(MonthlyReport, MonthlyReport.id == MonthlyFigure.report_id)
        .join(Agency, Agency.id == MonthlyReport.agency_id)
        .join(Indicator, Indicator.id == MonthlyFigure.indicator_id)
        .where(MonthlyReport.year == year, MonthlyReport.in_force.is_(True))
        .order_by(
            database.persian_order(Agency.name),
            Agency.id,
            MonthlyReport.month,
            Indicator.position,
            Indicator.id,
        )
    )
    return tuple(
        FigureRow(agency_id, name, category, Month(year, month), indicator_id, float(value))
        for agency_id, name, category, month, indicator_id, value in rows
    )


class MonthlyFiguresService:
    def __init__(self, database: Database):
        self._db = database

    def year(self, year: int) -> YearFigures:
        """The council's totals per indicator and month, and each agency's year totals."""
        with self._db.reading() as session:
            return year_figures(session, self._db, year)

    def rows(self, year: int) -> tuple[FigureRow, ...]:
        """Every figure of the year, one by one."""
        with self._db.reading() as session:
            return figure_rows(session, self._db, year)
