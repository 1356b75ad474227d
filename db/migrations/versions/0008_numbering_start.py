"""0008: where each meeting series' numbers begin (table ``series_start``).

A council that numbered its earlier meetings on paper starts the app at, say,
its 30th meeting: per series (the council's meetings, the general assembly,
working groups) a row keeps the number of the series' first meeting in the
app, overall and in its Jalali year. No row is made here: a series without
one begins at 1 and 1, as every series was numbered until now, so no
number changes. (A table, not columns of ``council``: migration 0006 reads
the council through the app's own models, which must not name a column an
older database does not have yet.)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series_start",
        sa.Column("series", sa.String(length=30), nullable=False),
        sa.Column("first_number", sa.Integer(), nullable=False),
        sa.Column("first_year_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("first_number >= 1", name=op.f("ck_series_start_first_number_positive")),
        sa.CheckConstraint(
            "first_year_number >= 1 AND first_year_number <= first_number",
            name=op.f("ck_series_start_first_year_number_in_range"),
        ),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_series_start")),
    )


def downgrade() -> None:
    op.drop_table("series_start")
