"""placeholder: replaced by the numbering migration

Only so that 0006 has its parent in this branch; the numbering work brings
the real 0005 (same revision id, same parent), and this file is dropped.

Revision ID: 0005
Revises: 0004
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
