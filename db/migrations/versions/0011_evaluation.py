"""0011: the yearly evaluation of the member agencies' PR units.

Tables: ``evaluation`` (one per Jalali year: draft, then published),
``evaluation_criterion`` (maximum score, group, where the score comes from),
``evaluation_tier``, ``evaluation_exclusion``, ``jury_score`` (each
evaluator's hand score), ``evaluation_result`` (the scores frozen when the
evaluation is published) and ``evaluation_amendment`` (a published score
corrected, with its reason).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("jury_rule", sa.String(length=20), nullable=False),
        sa.Column("rank_by_category", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'published')", name=op.f("ck_evaluation_status_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
        sa.UniqueConstraint("year", name=op.f("uq_evaluation_year")),
    )
    op.create_table(
        "evaluation_criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("max_score > 0", name=op.f("ck_evaluation_criterion_max_score_positive")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_criterion_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_evaluation_criterion_indicator_id_indicator"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_criterion")),
        sa.UniqueConstraint("evaluation_id", "name_key", name="uq_evaluation_criterion_name"),
    )
    with op.batch_alter_table("evaluation_criterion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_criterion_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "evaluation_exclusion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_evaluation_exclusion_agency_id_agency"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_exclusion_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_exclusion")),
        sa.UniqueConstraint("evaluation_id", "agency_id", name="uq_evaluation_exclusion_agency"),
    )
    with op.batch_alter_table("evaluation_exclusion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_exclusion_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "evaluation_tier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("min_score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_tier_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_tier")),
    )
    with op.batch_alter_table("evaluation_tier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_tier_evaluation_id"), ["evaluation_id"], unique=False)

    op.create_table(
        "evaluation_amendment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("previous_score", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("amended_by", sa.String(length=200), nullable=False),
        sa.Column("amended_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_evaluation_amendment_agency_id_agency"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["evaluation_criterion.id"],
            name=op.f("fk_evaluation_amendment_criterion_id_evaluation_criterion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_amendment")),
    )
    with op.batch_alter_table("evaluation_amendment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_amendment_criterion_id"), ["criterion_id"], unique=False
        )

    op.create_table(
        "evaluation_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_evaluation_result_agency_id_agency"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["evaluation_criterion.id"],
            name=op.f("fk_evaluation_result_criterion_id_evaluation_criterion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_result")),
        sa.UniqueConstraint("criterion_id", "agency_id", name="uq_evaluation_result_agency"),
    )
    with op.batch_alter_table("evaluation_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_result_criterion_id"), ["criterion_id"], unique=False)

    op.create_table(
        "jury_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("evaluator", sa.String(length=200), nullable=False),
        sa.Column("evaluator_key", sa.String(length=200), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("score >= 0", name=op.f("ck_jury_score_score_not_negative")),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_jury_score_agency_id_agency"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["evaluation_criterion.id"],
            name=op.f("fk_jury_score_criterion_id_evaluation_criterion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jury_score")),
        sa.UniqueConstraint("criterion_id", "agency_id", "evaluator_key", name="uq_jury_score_evaluator"),
    )
    with op.batch_alter_table("jury_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jury_score_criterion_id"), ["criterion_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("jury_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jury_score_criterion_id"))

    op.drop_table("jury_score")
    with op.batch_alter_table("evaluation_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_result_criterion_id"))

    op.drop_table("evaluation_result")
    with op.batch_alter_table("evaluation_amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_amendment_criterion_id"))

    op.drop_table("evaluation_amendment")
    with op.batch_alter_table("evaluation_tier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_tier_evaluation_id"))

    op.drop_table("evaluation_tier")
    with op.batch_alter_table("evaluation_exclusion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_exclusion_evaluation_id"))

    op.drop_table("evaluation_exclusion")
    with op.batch_alter_table("evaluation_criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_criterion_evaluation_id"))

    op.drop_table("evaluation_criterion")
    op.drop_table("evaluation")
