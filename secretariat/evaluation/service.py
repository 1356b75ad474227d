"""Setting up a year's evaluation, scoring it, ranking, publishing and amending.

A year's evaluation starts from last year's criteria and tiers (or the
default set), and takes part every active member agency except those
excluded with a reason. While it is a draft the computed scores follow the
records and the jury's scores are entered and changed freely; publishing
freezes every score with where it came from, and a published evaluation
never changes: a correction is an amendment with its reason, and the
original stays beside it. Publishing is refused while a jury score is missing.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Agency,
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    Indicator,
    JuryScore,
)
from secretariat import validation
from secretariat.changes import note_changes
from secretariat.database import Database
from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.evaluation import sources
from secretariat.evaluation.criteria import (
    DEFAULT_CRITERIA,
    DEFAULT_TIERS,
    CriterionDraft,
    Source,
    format_score,
    formula,
)
from secretariat.evaluation.ranking import Tier, competition_ranks, rounded, tier_of
from secretariat.persian.text import fold, to_latin_digits, to_persian_digits

DRAFT, PUBLISHED = "draft", "published"
JURY_RULES = {"mean": "میانگین", "median": "میانه"}

NO_EVALUATION = "ارزیابی سال {year} هنوز ساخته نشده است."
ALREADY_EXISTS = "ارزیابی سال {year} پیش‌تر ساخته شده است."
PUBLISHED_REFUSAL = "ارزیابی سال {year} منتشر شده است و تغییر نمی‌کند؛ برای اصلاح یک امتیاز، اصلاحیه ثبت کنید."
NOT_PUBLISHED = "ارزیابی سال {year} هنوز منتشر نشده است؛ امتیاز را خود ثبت یا تغییر دهید."
COMPUTED_REFUSAL = "«{name}» از سوابق حساب می‌شود و امتیاز دستی نمی‌گیرد."
ABOVE_MAX = "امتیاز «{name}» باید میان ۰ و {max} باشد."
NOT_A_SCORE = "«{typed}» امتیاز نیست؛ عددی مانند ۱۲ یا ۱۲٫۵ بنویسید."
EXCLUDED = "«{agency}» در ارزیابی سال {year} شرکت ندارد."
MISSING_SCORES = (
    "{count} امتیاز داوری هنوز ثبت نشده است؛ جدول امتیازها نشان می‌دهد کدام‌ها. پیش از انتشار آن‌ها را ثبت کنید."
)
BY_REQUIRED = "نام ارزیاب را بنویسید."
REASON_REQUIRED = "دلیل را بنویسید."
NO_CRITERIA = "ارزیابی بی‌معیار منتشر نمی‌شود؛ دست‌کم یک معیار بیفزایید."


@dataclass(frozen=True)
class CriterionRecord:
    id: int
    group: str
    name: str
    max_score: float
    source: Source
    indicator_id: int | None
    indicator: str  # activity: the indicator's name
    position: int
    formula: str


@dataclass(frozen=True)
class Exclusion:
    agency_id: int
    agency: str
    reason: str


@dataclass(frozen=True)
class EvaluationRecord:
    id: int
    year: int
    status: str
    jury_rule: str
    rank_by_category: bool
    published_at: dt.datetime | None
    published_by: str
    criteria: tuple[CriterionRecord, ...]
    tiers: tuple[Tier, ...]  # highest threshold first
    exclusions: tuple[Exclusion, ...]

    @property
    def published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def total_max(self) -> float:
        return sum(criterion.max_score for criterion in self.criteria)

    def criterion(self, id_or_name: int | str) -> CriterionRecord:
        """A criterion by its id or its name in any spelling."""
        for criterion in self.criteria:
            if str(criterion.id) == to_latin_digits(str(id_or_name)).strip() or fold(criterion.name) == fold(
                str(id_or_name)
            ):
                return criterion
        raise NotFoundError(f"معیار «{id_or_name}» در ارزیابی سال {to_persian_digits(self.year)} نیست.")


@dataclass(frozen=True)
class JuryEntry:
    evaluator: str
    score: float
    note: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class AmendmentRecord:
    agency_id: int
    criterion_id: int
    previous_score: float
    score: float
    reason: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class ScoreCell:
    """An agency's score on one criterion: where it came from, the jury's entries, an amendment."""

    criterion_id: int
    score: float | None  # None: a jury score still missing
    explanation: str
    jury: tuple[JuryEntry, ...] = ()
    original: float | None = None  # published and amended: the score first published
    amendments: tuple[AmendmentRecord, ...] = ()


@dataclass(frozen=True)
class Standing:
    agency_id: int
    agency: str
    category: str
    cells: Mapping[int, ScoreCell]  # criterion id -> score
    total: float
    rank: int
    tier: str
    previous_rank: int | None = None
    category_rank: int | None = None

    @property
    def missing(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.score is None)


@dataclass(frozen=True)
class Ranking:
    evaluation: EvaluationRecord
    standings: tuple[Standing, ...] = field(default_factory=tuple)  # by rank, ties in Persian order

    @property
    def missing(self) -> int:
        return sum(standing.missing for standing in self.standings)


def parse_score(typed: str | float, name: str, max_score: float) -> float:
    text = to_latin_digits(str(typed)).strip().replace("٫", ".").replace("/", ".")
    try:
        value = float(text)
    except ValueError:
        raise ValidationError({"score": NOT_A_SCORE.format(typed=str(typed).strip())}) from None
    if not 0 <= value <= max_score or value != value:
        raise ValidationError({"score": ABOVE_MAX.format(name=name, max=format_score(max_score))})
    return value


class EvaluationService:
    def __init__(self, database: Database):
        self._db = database

    # -- setting up ---------------------------------------------------------

    def create(self, year: int, *, copy_from: int | None = None) -> EvaluationRecord:
        """The year's evaluation, with last year's criteria and tiers (``copy_from``) or the defaults."""
        with self._db.transaction() as session:
            if session.scalar(select(Evaluation.id).where(Evaluation.year == year)) is not None:
                raise DomainError(ALREADY_EXISTS.format(year=to_persian_digits(year)))
            evaluation = Evaluation(year=year, status=DRAFT, jury_rule="mean", rank_by_category=False)
            session.add(evaluation)
            session.flush()
            if copy_from is not None:
                source = _by_year(session, copy_from)
                evaluation.jury_rule, evaluation.rank_by_category = source.jury_rule, source.rank_by_category
                for criterion in _criteria(session, source.id):
                    session.add(
                        EvaluationCriterion(
                            evaluation_id=evaluation.id,
                            group_name=criterion.group_name,
                            name=criterion.name,
                            name_key=criterion.name_key,
                            max_score=criterion.max_score,
                            source=criterion.source,
                            indicator_id=criterion.indicator_id,
                            position=criterion.position,
                        )
                    )
                for tier in session.scalars(
                    select(EvaluationTier).where(EvaluationTier.evaluation_id == source.id)
                ):
                    session.add(
                        EvaluationTier(evaluation_id=evaluation.id, name=tier.name, min_score=tier.min_score)
                    )
            else:
                total = self._add_defaults(session, evaluation.id)
                for name, share in DEFAULT_TIERS:
                    session.add(
                        EvaluationTier(evaluation_id=evaluation.id, name=name, min_score=share * total)
                    )
            session.flush()
            return _evaluation_record(session, evaluation)

    @staticmethod
    def _add_defaults(session: Session, evaluation_id: int) -> float:
        total = 0.0
        for position, default in enumerate(DEFAULT_CRITERIA, start=1):
            indicator_id = None
            if default.source is Source.ACTIVITY:
                indicator_id = session.scalar(
                    select(Indicator.id).where(Indicator.name_key == fold(default.indicator_name))
                )
                if indicator_id is None:  # the council renamed or deleted it: leave the criterion out
                    continue
            session.add(
                EvaluationCriterion(
                    evaluation_id=evaluation_id,
                    group_name=default.group,
                    name=default.name,
                    name_key=fold(default.name),
                    max_score=default.max_score,
                    source=default.source.value,
                    indicator_id=indicator_id,
                    position=position,
                )
            )
            total += default.max_score
        return total

    def get(self, year: int) -> EvaluationRecord:
        with self._db.reading() as session:
            return _evaluation_record(session, _by_year(session, year))

    def years(self) -> tuple[int, ...]:
        with self._db.reading() as session:
            return tuple(session.scalars(select(Evaluation.year).order_by(Evaluation.year.desc())))

    def add_criterion(self, year: int, draft: CriterionDraft) -> CriterionRecord:
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            values = _checked_criterion(session, evaluation.id, draft, criterion_id=None)
            last = session.scalar(
                select(func.max(EvaluationCriterion.position)).where(
                    EvaluationCriterion.evaluation_id == evaluation.id
                )
            )
            criterion = EvaluationCriterion(evaluation_id=evaluation.id, position=(last or 0) + 1, **values)
            session.add(criterion)
            _flush_criterion(session, str(values["name"]))
            return _criterion_record(session, criterion, year, evaluation.jury_rule)

    def update_criterion(self, criterion_id: int, draft: CriterionDraft) -> CriterionRecord:
        with self._db.transaction() as session:
            criterion = _criterion(session, criterion_id)
            evaluation = _draft(session, _year_of(session, criterion))
            values = _checked_criterion(session, evaluation.id, draft, criterion_id=criterion_id)
            if values["source"] != criterion.source:
                session.execute(delete(JuryScore).where(JuryScore.criterion_id == criterion_id))
            elif (new_max := float(str(values["max_score"]))) < criterion.max_score:
                above = session.scalar(
                    select(func.count(JuryScore.id)).where(
                        JuryScore.criterion_id == criterion_id, JuryScore.score > new_max
                    )
                )
                if above:
                    raise ValidationError(
                        {"max_score": f"{to_persian_digits(above)} امتیاز داوری از این بیشینه بیشتر است."}
                    )
            for key, value in values.items():
                setattr(criterion, key, value)
            _flush_criterion(session, str(values["name"]))
            return _criterion_record(session, criterion, evaluation.year, evaluation.jury_rule)

    def remove_criterion(self, criterion_id: int) -> None:
        with self._db.transaction() as session:
            criterion = _criterion(session, criterion_id)
            _draft(session, _year_of(session, criterion))
            session.delete(criterion)

    def move_criterion(self, criterion_id: int, offset: int) -> None:
        """Move one place up (-1) or down (+1) in the criteria's order (the score card's order)."""
        with self._db.transaction() as session:
            criterion = _criterion(session, criterion_id)
            _draft(session, _year_of(session, criterion))
            order = _criteria(session, criterion.evaluation_id)
            index = next(i for i, row in enumerate(order) if row.id == criterion_id)
            target = index + offset
            if not 0 <= target < len(order):
                return
            order.insert(target, order.pop(index))
            for position, row in enumerate(order, start=1):
                row.position = position

    def set_tiers(self, year: int, tiers: Sequence[tuple[str, str | float]]) -> tuple[Tier, ...]:
        """The tiers by name and threshold (any digits); a threshold above the total is refused."""
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            total = sum(c.max_score for c in _criteria(session, evaluation.id))
            errors = validation.FieldErrors()
            parsed = []
            for index, (name, threshold) in enumerate(tiers):
                name = validation.text(
                    errors, "EvaluationService.set_tiers", "name", name, required="نام رده را بنویسید."
                )
                try:
                    value = parse_score(threshold, name, total)
                except ValidationError as error:
                    errors.check(f"tier:{index}", False, error.errors["score"])
                    continue
                parsed.append(Tier(name, value))
            names = [fold(tier.name) for tier in parsed]
            errors.check("tiers", len(set(names)) == len(names), "نام دو رده یکی است.")
            if errors:
                raise ValidationError(errors)
            session.execute(delete(EvaluationTier).where(EvaluationTier.evaluation_id == evaluation.id))
            session.add_all(
                EvaluationTier(evaluation_id=evaluation.id, name=t.name, min_score=t.min_score)
                for t in parsed
            )
            return tuple(sorted(parsed, key=lambda t: -t.min_score))

    def set_rules(
        self, year: int, *, jury_rule: str | None = None, rank_by_category: bool | None = None
    ) -> None:
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            if jury_rule is not None:
                if jury_rule not in JURY_RULES:
                    raise DomainError("قاعده جمع امتیاز داوران میانگین (mean) یا میانه (median) است.")
                evaluation.jury_rule = jury_rule
            if rank_by_category is not None:
                evaluation.rank_by_category = rank_by_category

    def exclude(self, year: int, agency_id: int, *, reason: str) -> None:
        """Leave an active member out of the year's evaluation, with why."""
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            errors = validation.FieldErrors()
            reason = validation.text(
                errors, "EvaluationService.exclude", "reason", reason, required=REASON_REQUIRED
            )
            if errors:
                raise ValidationError(errors)
            _agency(session, agency_id)
            session.add(EvaluationExclusion(evaluation_id=evaluation.id, agency_id=agency_id, reason=reason))
            try:
                session.flush()
            except IntegrityError as error:
                raise DomainError("این دستگاه پیش‌تر کنار گذاشته شده است.") from error

    def include(self, year: int, agency_id: int) -> None:
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            session.execute(
                delete(EvaluationExclusion).where(
                    EvaluationExclusion.evaluation_id == evaluation.id,
                    EvaluationExclusion.agency_id == agency_id,
                )
            )
            note_changes(session, evaluations=True)  # a bulk delete flushes nothing to announce

    # -- scoring ------------------------------------------------------------

    def score(
        self, year: int, agency_id: int, criterion: int | str, score: str | float, *, by: str, note: str = ""
    ) -> ScoreCell:
        """An evaluator's score of an agency on a jury criterion (replacing that evaluator's earlier one)."""
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            record = _evaluation_record(session, evaluation)
            found = record.criterion(criterion)
            if found.source.computed:
                raise DomainError(COMPUTED_REFUSAL.format(name=found.name))
            agency = _agency(session, agency_id)
            if agency_id not in _participants(session, evaluation):
                raise DomainError(EXCLUDED.format(agency=agency.name, year=to_persian_digits(year)))
            errors = validation.FieldErrors()
            by = validation.text(errors, "EvaluationService.score", "by", by, required=BY_REQUIRED)
            note = validation.text(errors, "EvaluationService.score", "note", note)
            value: float | None = None
            try:
                value = parse_score(score, found.name, found.max_score)
            except ValidationError as error:
                errors.update(error.errors)
            if errors:
                raise ValidationError(errors)
            assert value is not None
            existing = session.scalar(
                select(JuryScore).where(
                    JuryScore.criterion_id == found.id,
                    JuryScore.agency_id == agency_id,
                    JuryScore.evaluator_key == fold(by),
                )
            )
            if existing is None:
                existing = JuryScore(criterion_id=found.id, agency_id=agency_id, evaluator_key=fold(by))
                session.add(existing)
            existing.evaluator, existing.score, existing.note = by, value, note
            existing.recorded_at = dt.datetime.now()
            session.flush()
            entries = _jury(session, [found.id]).get((found.id, agency_id), [])
            return _jury_cell(found, entries, evaluation.jury_rule)

    def ranking(self, year: int) -> Ranking:
        """Every taking-part agency's scores, total, rank, tier and last year's rank; by rank."""
        with self._db.reading() as session:
            evaluation = _by_year(session, year)
            current = _ranking(session, self._db, evaluation)
            previous = session.scalar(select(Evaluation).where(Evaluation.year == year - 1))
            if previous is None:
                return current
            before = {s.agency_id: s.rank for s in _ranking(session, self._db, previous).standings}
            return Ranking(
                current.evaluation,
                tuple(
                    _with(standing, previous_rank=before.get(standing.agency_id))
                    for standing in current.standings
                ),
            )

    def standing(self, year: int, agency_id: int) -> Standing:
        for standing in self.ranking(year).standings:
            if standing.agency_id == agency_id:
                return standing
        raise NotFoundError("این دستگاه در این ارزیابی نیست.")

    # -- publishing ---------------------------------------------------------

    def publish(self, year: int, *, by: str) -> EvaluationRecord:
        """Freeze every score with where it came from; refused while a jury score is missing."""
        with self._db.transaction() as session:
            evaluation = _draft(session, year)
            errors = validation.FieldErrors()
            by = validation.text(
                errors, "EvaluationService.publish", "by", by, required="نام منتشرکننده را بنویسید."
            )
            if errors:
                raise ValidationError(errors)
            ranking = _ranking(session, self._db, evaluation)
            if not ranking.evaluation.criteria:
                raise DomainError(NO_CRITERIA)
            if ranking.missing:
                raise DomainError(MISSING_SCORES.format(count=to_persian_digits(ranking.missing)))
            for standing in ranking.standings:
                for cell in standing.cells.values():
                    session.add(
                        EvaluationResult(
                            criterion_id=cell.criterion_id,
                            agency_id=standing.agency_id,
                            score=cell.score or 0.0,
                            explanation=cell.explanation,
                        )
                    )
            evaluation.status, evaluation.published_by, evaluation.published_at = (
                PUBLISHED,
                by,
                dt.datetime.now(),
            )
            session.flush()
            return _evaluation_record(session, evaluation)

    def amend(
        self, year: int, agency_id: int, criterion: int | str, score: str | float, *, reason: str, by: str
    ) -> AmendmentRecord:
        """Correct a published score; the original stays beside the amendment."""
        with self._db.transaction() as session:
            evaluation = _by_year(session, year)
            if evaluation.status != PUBLISHED:
                raise DomainError(NOT_PUBLISHED.format(year=to_persian_digits(year)))
            found = _evaluation_record(session, evaluation).criterion(criterion)
            result = session.scalar(
                select(EvaluationResult).where(
                    EvaluationResult.criterion_id == found.id, EvaluationResult.agency_id == agency_id
                )
            )
            if result is None:
                raise NotFoundError("این دستگاه در این ارزیابی نیست.")
            errors = validation.FieldErrors()
            reason = validation.text(
                errors, "EvaluationService.amend", "reason", reason, required=REASON_REQUIRED
            )
            by = validation.text(errors, "EvaluationService.amend", "by", by, required=BY_REQUIRED)
            value: float | None = None
            try:
                value = parse_score(score, found.name, found.max_score)
            except ValidationError as error:
                errors.update(error.errors)
            if errors:
                raise ValidationError(errors)
            assert value is not None
            previous = _amended_scores(session, [found.id]).get((found.id, agency_id))
            previous_score = previous[-1].score if previous else result.score
            if rounded(previous_score) == rounded(value):
                raise ValidationError({"score": "امتیاز تازه با امتیاز کنونی یکی است."})
            amendment = EvaluationAmendment(
                criterion_id=found.id,
                agency_id=agency_id,
                previous_score=previous_score,
                score=value,
                reason=reason,
                amended_by=by,
                amended_at=dt.datetime.now(),
            )
            session.add(amendment)
            session.flush()
            return _amendment_record(amendment)


# -- reading the evaluation ------------------------------------------------------


def _by_year(session: Session, year: int) -> Evaluation:
    evaluation = session.scalar(select(Evaluation).where(Evaluation.year == year))
    if evaluation is None:
        raise NotFoundError(NO_EVALUATION.format(year=to_persian_digits(year)))
    return evaluation


def _draft(session: Session, year: int) -> Evaluation:
    evaluation = _by_year(session, year)
    if evaluation.status == PUBLISHED:
        raise DomainError(PUBLISHED_REFUSAL.format(year=to_persian_digits(year)))
    return evaluation


def _criterion(session: Session, criterion_id: int) -> EvaluationCriterion:
    criterion = session.get(EvaluationCriterion, criterion_id)
    if criterion is None:
        raise NotFoundError("این معیار در فهرست نیست.")
    return criterion


def _year_of(session: Session, criterion: EvaluationCriterion) -> int:
    evaluation = session.get(Evaluation, criterion.evaluation_id)
    assert evaluation is not None
    return evaluation.year


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise NotFoundError("این دستگاه در فهرست نیست.")
    return agency


def _criteria(session: Session, evaluation_id: int) -> list[EvaluationCriterion]:
    return list(
        session.scalars(
            select(EvaluationCriterion)
            .where(EvaluationCriterion.evaluation_id == evaluation_id)
            .order_by(EvaluationCriterion.position, EvaluationCriterion.id)
        )
    )


def _criterion_record(
    session: Session, criterion: EvaluationCriterion, year: int, rule: str
) -> CriterionRecord:
    source = Source(criterion.source)
    indicator = session.get(Indicator, criterion.indicator_id) if criterion.indicator_id is not None else None
    name = indicator.name if indicator is not None else ""
    return CriterionRecord(
        id=criterion.id,
        group=criterion.group_name,
        name=criterion.name,
        max_score=criterion.max_score,
        source=source,
        indicator_id=criterion.indicator_id,
        indicator=name,
        position=criterion.position,
        formula=formula(source, year=year, max_score=criterion.max_score, indicator=name, rule=rule),
    )


def _evaluation_record(session: Session, evaluation: Evaluation) -> EvaluationRecord:
    exclusions = session.execute(
        select(EvaluationExclusion.agency_id, Agency.name, EvaluationExclusion.reason)
        .join(Agency, Agency.id == EvaluationExclusion.agency_id)
        .where(EvaluationExclusion.evaluation_id == evaluation.id)
    )
    tiers = session.scalars(select(EvaluationTier).where(EvaluationTier.evaluation_id == evaluation.id))
    return EvaluationRecord(
        id=evaluation.id,
        year=evaluation.year,
        status=evaluation.status,
        jury_rule=evaluation.jury_rule,
        rank_by_category=evaluation.rank_by_category,
        published_at=evaluation.published_at,
        published_by=evaluation.published_by,
        criteria=tuple(
            _criterion_record(session, c, evaluation.year, evaluation.jury_rule)
            for c in _criteria(session, evaluation.id)
        ),
        tiers=tuple(sorted((Tier(t.name, t.min_score) for t in tiers), key=lambda t: -t.min_score)),
        exclusions=tuple(Exclusion(*row) for row in exclusions),
    )


def _checked_criterion(
    session: Session, evaluation_id: int, draft: CriterionDraft, *, criterion_id: int | None
) -> dict[str, object]:
    form = CriterionDraft
    errors = validation.FieldErrors()
    name = validation.text(errors, form, "name", draft.name, required="نام معیار را بنویسید.")
    group = validation.text(errors, form, "group_name", draft.group_name)
    source = Source.MANUAL
    try:
        source = Source.parse(draft.source)
    except ValueError as error:
        errors.check("source", False, str(error))
    max_text = to_latin_digits(str(draft.max_score)).strip().replace("٫", ".")
    max_score = 0.0
    try:
        max_score = float(max_text)
    except ValueError:
        errors.check("max_score", False, "بیشینه امتیاز را به عدد بنویسید، مثلاً ۲۰.")
    errors.check("max_score", 0 < max_score <= 1000, "بیشینه امتیاز باید بیش از ۰ و تا ۱٬۰۰۰ باشد.")
    indicator_id = draft.indicator_id if source is Source.ACTIVITY else None
    if source is Source.ACTIVITY:
        errors.check(
            "indicator_id",
            indicator_id is not None and session.get(Indicator, indicator_id) is not None,
            "شاخص فعالیتی را که جمع آن سنجیده می‌شود برگزینید.",
        )
    if "name" not in errors:
        clash = select(EvaluationCriterion.id).where(
            EvaluationCriterion.evaluation_id == evaluation_id, EvaluationCriterion.name_key == fold(name)
        )
        if criterion_id is not None:
            clash = clash.where(EvaluationCriterion.id != criterion_id)
        errors.check("name", session.scalar(clash) is None, f"معیار «{name}» پیش‌تر در این ارزیابی هست.")
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "name_key": fold(name),
        "group_name": group,
        "source": source.value,
        "max_score": max_score,
        "indicator_id": indicator_id,
    }


def _flush_criterion(session: Session, name: str) -> None:
    try:
        session.flush()
    except IntegrityError as error:
        raise ValidationError({"name": f"معیار «{name}» پیش‌تر در این ارزیابی هست."}) from error


def _participants(session: Session, evaluation: Evaluation) -> list[int]:
    """Published: the agencies that have results; a draft: the active members not excluded."""
    if evaluation.status == PUBLISHED:
        criteria = select(EvaluationCriterion.id).where(EvaluationCriterion.evaluation_id == evaluation.id)
        return list(
            session.scalars(
                select(EvaluationResult.agency_id)
                .where(EvaluationResult.criterion_id.in_(criteria))
                .distinct()
            )
        )
    excluded = select(EvaluationExclusion.agency_id).where(EvaluationExclusion.evaluation_id == evaluation.id)
    return list(session.scalars(select(Agency.id).where(Agency.active.is_(True), Agency.id.not_in(excluded))))


def _jury(session: Session, criterion_ids: list[int]) -> dict[tuple[int, int], list[JuryEntry]]:
    entries: dict[tuple[int, int], list[JuryEntry]] = defaultdict(list)
    rows = session.scalars(
        select(JuryScore).where(JuryScore.criterion_id.in_(criterion_ids)).order_by(JuryScore.evaluator_key)
    )
    for row in rows:
        entries[(row.criterion_id, row.agency_id)].append(
            JuryEntry(row.evaluator, row.score, row.note, row.recorded_at)
        )
    return entries


def _jury_cell(criterion: CriterionRecord, entries: Sequence[JuryEntry], rule: str) -> ScoreCell:
    if not entries:
        return ScoreCell(criterion.id, None, "امتیاز داوری ثبت نشده است")
    scores = [entry.score for entry in entries]
    value = statistics.median(scores) if rule == "median" else statistics.fmean(scores)
    listed = "، ".join(f"{entry.evaluator}: {format_score(entry.score)}" for entry in entries)
    explanation = (
        f"{JURY_RULES.get(rule, 'میانگین')} امتیاز {to_persian_digits(len(entries))} داور ({listed})"
    )
    return ScoreCell(criterion.id, value, explanation, tuple(entries))


def _amended_scores(
    session: Session, criterion_ids: list[int]
) -> dict[tuple[int, int], list[AmendmentRecord]]:
    found: dict[tuple[int, int], list[AmendmentRecord]] = defaultdict(list)
    rows = session.scalars(
        select(EvaluationAmendment)
        .where(EvaluationAmendment.criterion_id.in_(criterion_ids))
        .order_by(EvaluationAmendment.amended_at, EvaluationAmendment.id)
    )
    for row in rows:
        found[(row.criterion_id, row.agency_id)].append(_amendment_record(row))
    return found


def _amendment_record(row: EvaluationAmendment) -> AmendmentRecord:
    return AmendmentRecord(
        row.agency_id,
        row.criterion_id,
        row.previous_score,
        row.score,
        row.reason,
        row.amended_by,
        row.amended_at,
    )


def _ranking(session: Session, database: Database, evaluation: Evaluation) -> Ranking:
    record = _evaluation_record(session, evaluation)
    participants = _participants(session, evaluation)
    agencies = {
        agency_id: (name, category)
        for agency_id, name, category in session.execute(
            select(Agency.id, Agency.name, Agency.category).where(Agency.id.in_(participants))
        )
    }
    criterion_ids = [criterion.id for criterion in record.criteria]
    cells: dict[int, dict[int, ScoreCell]] = {agency_id: {} for agency_id in agencies}
    if evaluation.status == PUBLISHED:
        amendments = _amended_scores(session, criterion_ids)
        jury = _jury(session, criterion_ids)
        for result in session.scalars(
            select(EvaluationResult).where(EvaluationResult.criterion_id.in_(criterion_ids))
        ):
            changes = tuple(amendments.get((result.criterion_id, result.agency_id), ()))
            cells[result.agency_id][result.criterion_id] = ScoreCell(
                result.criterion_id,
                changes[-1].score if changes else result.score,
                result.explanation,
                tuple(jury.get((result.criterion_id, result.agency_id), ())),
                original=result.score if changes else None,
                amendments=changes,
            )
    else:
        jury = _jury(session, criterion_ids)
        for criterion in record.criteria:
            if criterion.source.computed:
                computed = sources.compute(
                    session,
                    database,
                    criterion.source,
                    year=evaluation.year,
                    max_score=criterion.max_score,
                    agency_ids=agencies,
                    indicator_id=criterion.indicator_id,
                )
                for agency_id, found in computed.items():
                    cells[agency_id][criterion.id] = ScoreCell(criterion.id, found.score, found.explanation)
            else:
                for agency_id in agencies:
                    entries = jury.get((criterion.id, agency_id), [])
                    cells[agency_id][criterion.id] = _jury_cell(criterion, entries, evaluation.jury_rule)
    totals = {agency_id: sum(cell.score or 0.0 for cell in by.values()) for agency_id, by in cells.items()}
    ranked = competition_ranks(list(agencies), lambda a: totals[a], lambda a: agencies[a][0])
    category_ranks: dict[int, int] = {}
    if evaluation.rank_by_category:
        for category in {category for _name, category in agencies.values()}:
            members = [a for a in agencies if agencies[a][1] == category]
            for rank, agency_id in competition_ranks(members, lambda a: totals[a], lambda a: agencies[a][0]):
                category_ranks[agency_id] = rank
    standings = tuple(
        Standing(
            agency_id=agency_id,
            agency=agencies[agency_id][0],
            category=agencies[agency_id][1],
            cells=cells[agency_id],
            total=rounded(totals[agency_id]),
            rank=rank,
            tier=tier_of(totals[agency_id], record.tiers),
            category_rank=category_ranks.get(agency_id),
        )
        for rank, agency_id in ranked
    )
    return Ranking(record, standings)


def _with(standing: Standing, *, previous_rank: int | None) -> Standing:
    return replace(standing, previous_rank=previous_rank)
