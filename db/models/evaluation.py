"""The yearly evaluation of the member agencies' PR units (ارزیابی عملکرد روابط عمومی‌ها).

Persistence only; the rules (computed criteria, averaging, ranking, tiers,
publishing and amending) live in secretariat/evaluation/.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Timestamped


class Evaluation(Timestamped, Base):
    """One Jalali year's evaluation: a draft being scored, then published and never changed."""

    __tablename__ = "evaluation"
    __table_args__ = (CheckConstraint("status IN ('draft', 'published')", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)  # Jalali
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # How several evaluators' scores of one criterion become one: mean | median
    jury_rule: Mapped[str] = mapped_column(String(20), default="mean")
    # Rank within each agency category too (universities, banks, …).
    rank_by_category: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(200), default="")


class EvaluationCriterion(Base):
    """A criterion with its maximum score, its group, and where its score comes from."""

    __tablename__ = "evaluation_criterion"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "name_key", name="uq_evaluation_criterion_name"),
        CheckConstraint("max_score > 0", name="max_score_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    group_name: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    max_score: Mapped[float] = mapped_column(Float)
    # attendance | resolutions | monthly_reports | activity | manual
    source: Mapped[str] = mapped_column(String(30))
    # activity: the indicator whose year total is compared with the best agency's.
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)


class EvaluationTier(Base):
    """A tier (ممتاز، برتر، …): the agencies whose total reaches ``min_score``."""

    __tablename__ = "evaluation_tier"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    min_score: Mapped[float] = mapped_column(Float)


class EvaluationExclusion(Base):
    """An active member left out of the year's evaluation, and why."""

    __tablename__ = "evaluation_exclusion"
    __table_args__ = (UniqueConstraint("evaluation_id", "agency_id", name="uq_evaluation_exclusion_agency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text)


class JuryScore(Base):
    """One evaluator's score of one agency on one hand-scored criterion (changed freely until publishing)."""

    __tablename__ = "jury_score"
    __table_args__ = (
        UniqueConstraint("criterion_id", "agency_id", "evaluator_key", name="uq_jury_score_evaluator"),
        CheckConstraint("score >= 0", name="score_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_criterion.id", ondelete="CASCADE"), index=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    evaluator: Mapped[str] = mapped_column(String(200))
    evaluator_key: Mapped[str] = mapped_column(String(200))
    score: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)


class EvaluationResult(Base):
    """A published score, frozen: what the agency got on the criterion and where it came from.

    Written once, when the evaluation is published, so that later changes to
    the records (a late attendance sheet, a corrected report) never change a
    published result; a correction is an ``EvaluationAmendment``.
    """

    __tablename__ = "evaluation_result"
    __table_args__ = (UniqueConstraint("criterion_id", "agency_id", name="uq_evaluation_result_agency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_criterion.id", ondelete="CASCADE"), index=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text, default="")


class EvaluationAmendment(Base):
    """A published score corrected, with why and by whom; the original stays beside it."""

    __tablename__ = "evaluation_amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_criterion.id", ondelete="CASCADE"), index=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"))
    previous_score: Mapped[float] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    amended_by: Mapped[str] = mapped_column(String(200))
    amended_at: Mapped[dt.datetime] = mapped_column(DateTime)
