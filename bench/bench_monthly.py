"""Figures: the monthly reports' year at a glance and the home page's line, in the core.

- the year's matrix (``MonthlyMatrixService.year``: every agency × the
  twelve months, each cell's state worked out, the columns counted) —
  target <= 50 ms; each run a different year in turn (this year, half
  reported; last year; the oldest), beside a bare query of the same
  year's reports in force;
- the home page's line (``month_summary``: last month's reports among
  the agencies that owe one, how many late) — part of the home page, whose
  reload stays <= 200 ms; each run a month in turn, beside a bare count of
  the month's reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from bench.measure import Figure, Target, attempt, cycle, repeat, stopwatch
from db.models import MonthlyReport
from secretariat import clock
from secretariat.database import Database
from secretariat.monthly.matrix import MatrixQuery
from secretariat.monthly.months import Month

MATRIX_TARGET = Target(median=50)
LINE_TARGET = Target(median=200)


def _bare_year(database: Database, year: int) -> None:
    with database.reading() as session:
        session.execute(
            select(MonthlyReport.agency_id, MonthlyReport.month, MonthlyReport.received_on).where(
                MonthlyReport.year == year, MonthlyReport.in_force.is_(True)
            )
        ).all()


def _bare_month(database: Database, month: Month) -> None:
    with database.reading() as session:
        session.scalar(
            select(func.count(MonthlyReport.id)).where(
                MonthlyReport.year == month.year,
                MonthlyReport.month == month.month,
                MonthlyReport.in_force.is_(True),
            )
        )


def monthly_figures(secretariat: Any, runs: int) -> Iterator[Figure]:
    database, matrix = secretariat.database, secretariat.monthly_matrix
    recorded = matrix.years()  # newest first, this year included
    years = [recorded[0], recorded[min(1, len(recorded) - 1)], recorded[-1]]
    rows = len(matrix.year(MatrixQuery(years[1])).rows)
    figure = Figure(
        "monthly: the year's matrix",
        "ms",
        MATRIX_TARGET,
        note=(
            f"{rows} agencies × 12 months, the years {', '.join(map(str, years))} in turn; "
            "baseline the year's reports in force, bare"
        ),
    )
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: stopwatch(lambda: matrix.year(MatrixQuery(cycle(years, run)))),
            lambda run: stopwatch(lambda: _bare_year(database, cycle(years, run))),
            runs=runs,
        ),
    )
    last = Month.of(clock.today()).previous()
    months = [last, last.previous(), Month(years[-1], 6)]
    summary = matrix.month_summary(last)
    figure = Figure(
        "monthly: home page line",
        "ms",
        LINE_TARGET,
        note=(
            f"last month's line ({summary.received} of {summary.expected} received, {summary.late} late), "
            "and two other months in turn; baseline a bare count of the month's reports"
        ),
    )
    yield attempt(
        figure,
        lambda f: repeat(
            f,
            lambda run: stopwatch(lambda: matrix.month_summary(cycle(months, run))),
            lambda run: stopwatch(lambda: _bare_month(database, cycle(months, run))),
            runs=runs,
        ),
    )
