"""The year's evaluation as archive rows (schema version 4).

The evaluation whose year is the archive's, if there is one: its rules, its
criteria (an activity criterion names its indicator, which the indicators
table carries), tiers, exclusions, every evaluator's score, and once
published the frozen results and their amendments. Rows refer to agencies
and indicators by archive keys and to criteria by «C01», their place in the
evaluation's order; amendments keep the order they were recorded in (to the
second, as the archive writes times), so that an import gives them ids in
that order and a re-export the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Agency,
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    JuryScore,
)
from secretariat.archive.layout import certificates_path, ranking_path
from secretariat.evaluation.service import PUBLISHED
from secretariat.persian.collation import sort_key

JsonRow = dict[str, object]


@dataclass
class EvaluationYear:
    """The year's evaluation as the database holds it, read in the export's session."""

    evaluation: Evaluation | None
    criteria: list[EvaluationCriterion]  # in their order
    tiers: list[EvaluationTier]
    exclusions: list[EvaluationExclusion]
    jury: list[JuryScore]
    results: list[EvaluationResult]
    amendments: list[EvaluationAmendment]
    participants: set[int]  # a draft: the active members not excluded, who take part as it stands

    @classmethod
    def read(cls, session: Session, year: int) -> EvaluationYear:
        evaluation = session.scalar(select(Evaluation).where(Evaluation.year == year))
        if evaluation is None:
            return cls(None, [], [], [], [], [], [], set())
        criteria = list(
            session.scalars(
                select(EvaluationCriterion)
                .where(EvaluationCriterion.evaluation_id == evaluation.id)
                .order_by(EvaluationCriterion.position, EvaluationCriterion.id)
            )
        )
        of_criteria = select(EvaluationCriterion.id).where(EvaluationCriterion.evaluation_id == evaluation.id)
        exclusions = list(
            session.scalars(
                select(EvaluationExclusion).where(EvaluationExclusion.evaluation_id == evaluation.id)
            )
        )
        participants: set[int] = set()
        if evaluation.status != PUBLISHED:
            excluded = {exclusion.agency_id for exclusion in exclusions}
            participants = set(session.scalars(select(Agency.id).where(Agency.active.is_(True)))) - excluded
        return cls(
            evaluation=evaluation,
            criteria=criteria,
            tiers=list(
                session.scalars(select(EvaluationTier).where(EvaluationTier.evaluation_id == evaluation.id))
            ),
            exclusions=exclusions,
            jury=list(session.scalars(select(JuryScore).where(JuryScore.criterion_id.in_(of_criteria)))),
            results=list(
                session.scalars(
                    select(EvaluationResult).where(EvaluationResult.criterion_id.in_(of_criteria))
                )
            ),
            amendments=list(
                session.scalars(
                    select(EvaluationAmendment).where(EvaluationAmendment.criterion_id.in_(of_criteria))
                )
            ),
            participants=participants,
        )

    @property
    def agency_ids(self) -> set[int]:
        """Every agency the evaluation names, and a draft's participants."""
        named = {row.agency_id for row in self.exclusions} | {row.agency_id for row in self.jury}
        named |= {row.agency_id for row in self.results} | {row.agency_id for row in self.amendments}
        return named | self.participants

    @property
    def indicator_ids(self) -> set[int]:
        return {c.indicator_id for c in self.criteria if c.indicator_id is not None}

    @property
    def published(self) -> bool:
        return self.evaluation is not None and self.evaluation.status == PUBLISHED

    def rows(
        self, agency_key: Mapping[int, str], indicator_key: Mapping[int, str]
    ) -> dict[str, list[dict[str, object]]]:
        """The evaluation's tables as ``{table: [values by field]}``, in the schema's orders."""
        evaluation = self.evaluation
        if evaluation is None:
            return dict.fromkeys(
                (
                    "evaluations",
                    "evaluation_criteria",
                    "evaluation_tiers",
                    "evaluation_exclusions",
                    "jury_scores",
                    "evaluation_results",
                    "evaluation_amendments",
                ),
                [],
            )
        criterion_key = {c.id: f"C{rank:02d}" for rank, c in enumerate(self.criteria, start=1)}
        criterion_rank = {c.id: rank for rank, c in enumerate(self.criteria)}

        def of_cell(row: JuryScore | EvaluationResult) -> tuple[int, str]:
            return criterion_rank[row.criterion_id], agency_key[row.agency_id]

        year = evaluation.year
        return {
            "evaluations": [
                {
                    "year": year,
                    "status": evaluation.status,
                    "jury_rule": evaluation.jury_rule,
                    "rank_by_category": bool(evaluation.rank_by_category),
                    "published_at": evaluation.published_at,
                    "published_by": evaluation.published_by,
                    "ranking_file": ranking_path(year),
                    "certificates_file": certificates_path(year) if self.published and self.results else "",
                }
            ],
            "evaluation_criteria": [
                {
                    "key": criterion_key[c.id],
                    "group_name": c.group_name,
                    "name": c.name,
                    "max_score": c.max_score,
                    "source": c.source,
                    "indicator": None if c.indicator_id is None else indicator_key[c.indicator_id],
                    "position": c.position,
                }
                for c in self.criteria
            ],
            "evaluation_tiers": [
                {"name": t.name, "min_score": t.min_score}
                for t in sorted(self.tiers, key=lambda t: (-t.min_score, sort_key(t.name), t.id))
            ],
            "evaluation_exclusions": [
                {"agency": agency_key[e.agency_id], "reason": e.reason}
                for e in sorted(self.exclusions, key=lambda e: agency_key[e.agency_id])
            ],
            "jury_scores": [
                {
                    "criterion": criterion_key[j.criterion_id],
                    "agency": agency_key[j.agency_id],
                    "evaluator": j.evaluator,
                    "score": j.score,
                    "note": j.note,
                    "recorded_at": j.recorded_at,
                }
                for j in sorted(self.jury, key=lambda j: (*of_cell(j), j.evaluator_key, j.id))
            ],
            "evaluation_results": [
                {
                    "criterion": criterion_key[r.criterion_id],
                    "agency": agency_key[r.agency_id],
                    "score": r.score,
                    "explanation": r.explanation,
                }
                for r in sorted(self.results, key=lambda r: (*of_cell(r), r.id))
            ],
            "evaluation_amendments": [
                {
                    "criterion": criterion_key[a.criterion_id],
                    "agency": agency_key[a.agency_id],
                    "previous_score": a.previous_score,
                    "score": a.score,
                    "reason": a.reason,
                    "amended_by": a.amended_by,
                    "amended_at": a.amended_at,
                }
                for a in sorted(self.amendments, key=lambda a: (a.amended_at.replace(microsecond=0), a.id))
            ],
        }
