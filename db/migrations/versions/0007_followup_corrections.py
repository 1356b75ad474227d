"""0007: a follow-up entry can be corrected or voided, with who, when and why (``follow_up_correction``).

A table of its own rather than columns on ``follow_up``: the entries stay as
they were recorded, a correction is a record of its own (as an amendment of
the minutes is), and a database taken back to 0006 only loses this table.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("follow_up_id", sa.Integer(), nullable=False),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_up.id"],
            name=op.f("fk_follow_up_correction_follow_up_id_follow_up"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replacement_id"],
            ["follow_up.id"],
            name=op.f("fk_follow_up_correction_replacement_id_follow_up"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_correction")),
        sa.UniqueConstraint("follow_up_id", name=op.f("uq_follow_up_correction_follow_up_id")),
        sa.UniqueConstraint("replacement_id", name=op.f("uq_follow_up_correction_replacement_id")),
    )


def downgrade() -> None:
    op.drop_table("follow_up_correction")
