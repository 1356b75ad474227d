"""0004: an index on the day a resolution was closed, for the dashboard's
«انجام‌شده امسال» and the register's filter by closing day (at 30,000
resolutions the count otherwise reads every done resolution).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_resolution_closed_on", "resolution", ["closed_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_resolution_closed_on", table_name="resolution")
