"""Figures: the yearly evaluation's ranking of every agency, in the core.

Set up in the run's copy of the database (the cached file is never opened):
the year before last, created from the default criteria, every taking-part
agency scored by three evaluators on the two jury criteria, published, one
score amended; and last year (a full year of records), copied from it, scored
the same way, a draft. Then, in turn:

- ``evaluations.ranking`` of the draft: every computed criterion from the
  year's records (attendance at its meetings, its resolutions, the monthly
  reports' matrix, two activity totals), the jury's means, the totals,
  ranks and tiers, and the published year's ranks beside them — target
  ≤ 1 s (issue 17); baseline: the year's records the criteria count, read
  bare (the same grouped queries, nothing worked out);
- ``evaluations.ranking`` of the published year (frozen results, the
  amendment) — target ≤ 1 s; baseline: its results read bare.

The jury's scores go in bulk (1,200 rows at 200 agencies; scoring them one
save each would take longer than the figures).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, insert, select

from bench.measure import Figure, Target, attempt, repeat, stopwatch
from db.models import (
    Assignment,
    Evaluation,
    EvaluationCriterion,
    EvaluationResult,
    Invitation,
    JuryScore,
    Meeting,
    MonthlyFigure,
    MonthlyReport,
    Resolution,
)
from secretariat import clock
from secretariat.changes import note_changes
from secretariat.database import Database
from secretariat.evaluation.service import EvaluationService
from secretariat.persian import jalali
from secretariat.persian.text import fold

RANKING_TARGET = Target(median=1000)
EVALUATORS = ("داور یکم", "داور دوم", "داور سوم")
SECRETARY = "دبیر شورا"


def evaluation_figures(secretariat: Any, runs: int) -> Iterator[Figure]:
    database, evaluations = secretariat.database, secretariat.evaluations
    draft = jalali.jalali_year(clock.today()) - 1
    published = draft - 1
    started = time.perf_counter()
    taking_part = _set_up(database, evaluations, published, draft)
    set_up = time.perf_counter() - started
    criteria = len(evaluations.get(draft).criteria)
    note = (
        f"{taking_part} agencies × {criteria} criteria, {draft} a draft beside {published} published "
        f"(set up, publishing included, in {set_up:.1f} s); baseline the year's records read bare"
    )
    yield attempt(
        Figure("evaluation: ranking, a draft", "ms", RANKING_TARGET, note=note),
        lambda f: repeat(
            f,
            lambda _run: stopwatch(lambda: evaluations.ranking(draft)),
            lambda _run: stopwatch(lambda: _bare_records(database, draft)),
            runs=runs,
        ),
    )
    yield attempt(
        Figure(
            "evaluation: ranking, published",
            "ms",
            RANKING_TARGET,
            note=f"{published}: the frozen results and an amendment; baseline its results read bare",
        ),
        lambda f: repeat(
            f,
            lambda _run: stopwatch(lambda: evaluations.ranking(published)),
            lambda _run: stopwatch(lambda: _bare_results(database, published)),
            runs=runs,
        ),
    )


def _set_up(database: Database, evaluations: EvaluationService, published: int, draft: int) -> int:
    """The two years' evaluations, scored; how many agencies take part."""
    evaluations.create(published)
    _score(database, evaluations, published)
    evaluations.publish(published, by=SECRETARY)
    standing = evaluations.ranking(published).standings[0]
    jury = next(c for c in evaluations.get(published).criteria if not c.source.computed)
    cell = standing.cells[jury.id]
    assert cell.score is not None
    evaluations.amend(
        published,
        standing.agency_id,
        jury.id,
        max(0.0, cell.score - 1),
        reason="امتیاز داور دوم اشتباه ثبت شده بود",
        by=SECRETARY,
    )
    evaluations.create(draft, copy_from=published)
    return _score(database, evaluations, draft)


def _score(database: Database, evaluations: EvaluationService, year: int) -> int:
    """Every taking-part agency scored by the three evaluators on each jury criterion, in bulk."""
    rng = random.Random(year)
    standings = evaluations.ranking(year).standings
    jury = [c for c in evaluations.get(year).criteria if not c.source.computed]
    now = clock.now().replace(tzinfo=None)
    rows = [
        {
            "criterion_id": criterion.id,
            "agency_id": standing.agency_id,
            "evaluator": evaluator,
            "evaluator_key": fold(evaluator),
            "score": round(rng.uniform(0.4, 1.0) * criterion.max_score * 2) / 2,
            "note": "",
            "recorded_at": now,
        }
        for standing in standings
        for criterion in jury
        for evaluator in EVALUATORS
    ]
    with database.transaction() as session:
        session.execute(insert(JuryScore), rows)
        note_changes(session, evaluations=True)
    return len(standings)


def _bare_records(database: Database, year: int) -> None:
    """What the computed criteria count, grouped by agency, nothing worked out."""
    with database.reading() as session:
        session.execute(
            select(Invitation.agency_id, func.count(Invitation.id), func.count(Invitation.attendance))
            .join(Meeting, Meeting.id == Invitation.meeting_id)
            .where(Meeting.jalali_year == year)
            .group_by(Invitation.agency_id)
        ).all()
        session.execute(
            select(Assignment.agency_id, func.count(Resolution.id))
            .join(Resolution, Resolution.id == Assignment.resolution_id)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(Meeting.jalali_year == year, Assignment.role == "lead")
            .group_by(Assignment.agency_id)
        ).all()
        session.execute(
            select(MonthlyReport.agency_id, MonthlyReport.month, MonthlyReport.received_on).where(
                MonthlyReport.year == year, MonthlyReport.in_force.is_(True)
            )
        ).all()
        session.execute(
            select(MonthlyReport.agency_id, MonthlyFigure.indicator_id, func.sum(MonthlyFigure.value))
            .join(MonthlyFigure, MonthlyFigure.report_id == MonthlyReport.id)
            .where(MonthlyReport.year == year, MonthlyReport.in_force.is_(True))
            .group_by(MonthlyReport.agency_id, MonthlyFigure.indicator_id)
        ).all()


def _bare_results(database: Database, year: int) -> None:
    with database.reading() as session:
        session.execute(
            select(EvaluationResult.agency_id, EvaluationResult.criterion_id, EvaluationResult.score)
            .join(EvaluationCriterion, EvaluationCriterion.id == EvaluationResult.criterion_id)
            .join(Evaluation, Evaluation.id == EvaluationCriterion.evaluation_id)
            .where(Evaluation.year == year)
        ).all()
