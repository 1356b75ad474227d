"""What the evaluation's printouts hold, read from the records, their shared words and their seals.

The ranking table (``evaluation_report``), the score cards (``scorecards``)
and the certificates (``certificates``) print one year's ``Ranking``
(``secretariat.evaluations.ranking``) under the council's name. A published
evaluation's printouts are sealed (see ``fingerprint``): the content of a
seal is built here from the ranking as published and amended, never from the
print date, so a reprint carries the same code until an amendment changes
the scores. A draft is printed as a draft and never sealed.

Document codes: «E1404-R-9F3A1C2B» the ranking of 1404; «E1404-S012-…» the
score card of agency 12; «E1404-C012-…» its certificate.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from secretariat.core import Secretariat
from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.ranking import rounded
from secretariat.evaluation.service import (
    AmendmentRecord,
    CriterionRecord,
    EvaluationRecord,
    Ranking,
    ScoreCell,
    Standing,
)
from secretariat.members.council import CouncilRecord
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from secretariat.reports.fingerprint import Seal, seal
from secretariat.reports.letter import council_of

KIND_RANKING = "evaluation-ranking"
KIND_SCORECARD = "evaluation-scorecard"
KIND_CERTIFICATE = "evaluation-certificate"
CODE_PREFIX = "E"

# -- the words the printouts share ------------------------------------------------------
PUBLISHED = "منتشرشده در {date} به دست {by}"
DRAFT = "پیش‌نویس — منتشر نشده"
DRAFT_NOTE = "امتیازها تا انتشار ارزیابی از روی سوابق و امتیاز داوران دوباره حساب می‌شوند."
SHARED = "مشترک"
RANK_OF = "{rank} از {count}"
MOVED_UP = "{steps} پله بالاتر"
MOVED_DOWN = "{steps} پله پایین‌تر"
UNCHANGED = "بی‌تغییر"
NEW_ENTRY = "رتبه‌ای نداشت"  # not ranked last year
OUT_OF = "{score} از {max}"
AMENDED_MARK = "*"


@dataclass(frozen=True)
class EvaluationPrint:
    """One year's evaluation as printed: the council, and the ranking with every score."""

    council: CouncilRecord
    ranking: Ranking

    @property
    def evaluation(self) -> EvaluationRecord:
        return self.ranking.evaluation

    @property
    def year(self) -> int:
        return self.ranking.evaluation.year

    @property
    def standings(self) -> tuple[Standing, ...]:
        return self.ranking.standings

    @property
    def shared_ranks(self) -> frozenset[int]:
        """The ranks held by more than one agency (ties)."""
        counts = Counter(standing.rank for standing in self.standings)
        return frozenset(rank for rank, count in counts.items() if count > 1)

    def amendments(self) -> list[tuple[Standing, CriterionRecord, AmendmentRecord]]:
        """Every amendment of a published score, by agency in rank order, then as recorded."""
        criteria = {criterion.id: criterion for criterion in self.evaluation.criteria}
        found = []
        for standing in self.standings:
            for criterion_id, cell in standing.cells.items():
                for amendment in cell.amendments:
                    found.append((standing, criteria[criterion_id], amendment))
        found.sort(key=lambda item: (item[0].rank, item[1].position, item[2].at))
        return found


def gather_evaluation(secretariat: Secretariat, year: int) -> EvaluationPrint:
    """The council and the year's ranking; refused if either is missing."""
    council = council_of(secretariat)
    return EvaluationPrint(council, secretariat.evaluations.ranking(year))


def status_text(evaluation: EvaluationRecord) -> str:
    """«منتشرشده در ۱۴۰۵/۰۲/۲۰ به دست ...», or «پیش‌نویس — منتشر نشده»."""
    if not evaluation.published or evaluation.published_at is None:
        return DRAFT
    return PUBLISHED.format(
        date=jalali.format_short(evaluation.published_at.date()), by=evaluation.published_by
    )


def rank_text(standing: Standing, data: EvaluationPrint) -> str:
    """«۲», with «مشترک» when another agency holds the same rank."""
    rank = format_int(standing.rank)
    return f"{rank} ({SHARED})" if standing.rank in data.shared_ranks else rank


def change_of(standing: Standing) -> int | None:
    """Places gained since last year (negative: lost); None if not ranked last year."""
    if standing.previous_rank is None:
        return None
    return standing.previous_rank - standing.rank


def change_text(standing: Standing) -> str:
    change = change_of(standing)
    if change is None:
        return NEW_ENTRY
    if change > 0:
        return MOVED_UP.format(steps=format_int(change))
    if change < 0:
        return MOVED_DOWN.format(steps=format_int(-change))
    return UNCHANGED


def score_text(cell: ScoreCell | None) -> str:
    """A cell's score in Persian digits, «*» after an amended one, «—» if missing."""
    if cell is None or cell.score is None:
        return format_score(None)
    return format_score(cell.score) + (AMENDED_MARK if cell.amendments else "")


def out_of(score: float | None, maximum: float) -> str:
    return OUT_OF.format(score=format_score(score), max=format_score(maximum))


def groups(criteria: Iterable[CriterionRecord]) -> list[tuple[str, list[CriterionRecord]]]:
    """The criteria by group, in the order each group first appears (a criterion without one alone)."""
    grouped: dict[str, list[CriterionRecord]] = {}
    for criterion in sorted(criteria, key=lambda c: c.position):
        grouped.setdefault(criterion.group or criterion.name, []).append(criterion)
    return list(grouped.items())


def subtotal(standing: Standing, criteria: Iterable[CriterionRecord]) -> float:
    return sum(score for c in criteria if (score := _score(standing.cells.get(c.id))) is not None)


def _score(cell: ScoreCell | None) -> float | None:
    return None if cell is None else cell.score


# -- the seals -----------------------------------------------------------------------


def _number(value: float | None) -> str | None:
    """A score as the seal's content holds it: two decimals, as printed rounded."""
    return None if value is None else f"{rounded(value):.2f}"


def _moment(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _evaluation_head(data: EvaluationPrint) -> dict[str, Any]:
    evaluation = data.evaluation
    return {
        "council": data.council.name,
        "year": evaluation.year,
        "published_at": _moment(evaluation.published_at),
        "published_by": evaluation.published_by,
        "criteria": [
            {
                "group": c.group,
                "name": c.name,
                "max_score": _number(c.max_score),
                "source": c.source.value,
                "formula": c.formula,
            }
            for c in evaluation.criteria
        ],
        "tiers": [{"name": t.name, "min_score": _number(t.min_score)} for t in evaluation.tiers],
    }


def _standing_content(data: EvaluationPrint, standing: Standing, *, explained: bool) -> dict[str, Any]:
    scores = []
    for criterion in data.evaluation.criteria:
        cell = standing.cells.get(criterion.id)
        entry: dict[str, Any] = {"criterion": criterion.name, "score": _number(_score(cell))}
        if explained:
            entry["explanation"] = cell.explanation if cell else ""
        if cell is not None and cell.amendments:
            entry["original"] = _number(cell.original)
            entry["amendments"] = [
                {"score": _number(a.score), "reason": a.reason, "by": a.by, "at": _moment(a.at)}
                for a in cell.amendments
            ]
        scores.append(entry)
    return {
        "agency": standing.agency,
        "rank": standing.rank,
        "previous_rank": standing.previous_rank,
        "total": _number(standing.total),
        "tier": standing.tier,
        "scores": scores,
    }


def ranking_content(data: EvaluationPrint) -> dict[str, Any]:
    """The ranking table's content as plain JSON values: what its fingerprint is of."""
    return {
        **_evaluation_head(data),
        "standings": [_standing_content(data, s, explained=False) for s in data.standings],
    }


def ranking_seal(data: EvaluationPrint) -> Seal:
    return seal(KIND_RANKING, ranking_content(data), prefix=CODE_PREFIX, reference=f"{data.year}-R")


def scorecard_content(data: EvaluationPrint, standing: Standing) -> dict[str, Any]:
    """One agency's score card: the evaluation's criteria, and its scores with where each came from."""
    return {
        **_evaluation_head(data),
        "participants": len(data.standings),
        "standing": _standing_content(data, standing, explained=True),
    }


def scorecard_seal(data: EvaluationPrint, standing: Standing) -> Seal:
    reference = f"{data.year}-S{standing.agency_id:03d}"
    return seal(KIND_SCORECARD, scorecard_content(data, standing), prefix=CODE_PREFIX, reference=reference)


def certificate_content(
    data: EvaluationPrint, standing: Standing, *, recipient: str, honour: str
) -> dict[str, Any]:
    """A certificate: who is honoured, for what (``honour``: "rank" or "tier"), and who signs it."""
    return {
        "council": data.council.name,
        "year": data.year,
        "published_at": _moment(data.evaluation.published_at),
        "agency": standing.agency,
        "recipient": recipient,
        "honour": honour,
        "rank": standing.rank,
        "tier": standing.tier,
        "total": _number(standing.total),
        "chair": data.council.chair,
        "secretary": data.council.secretary,
    }


def certificate_seal(data: EvaluationPrint, standing: Standing, *, recipient: str, honour: str) -> Seal:
    reference = f"{data.year}-C{standing.agency_id:03d}"
    content = certificate_content(data, standing, recipient=recipient, honour=honour)
    return seal(KIND_CERTIFICATE, content, prefix=CODE_PREFIX, reference=reference)
