"""0006: finalized minutes keep what they print (``meeting.minutes_snapshot``).

The printed minutes' fingerprint was computed from the agencies' and
people's names read live, so renaming an agency after finalizing made every
earlier printed copy fail its check. Finalizing now keeps, with the
meeting, a JSON snapshot of what the minutes print (see
``secretariat.meetings.snapshot``).

The minutes finalized before this revision get their snapshot at the end
of the upgrade (``secretariat.database``, once every revision has run: the
app's reading of the minutes uses its models, which are the newest
revision's), with the names as they are then: the names of their day were not
kept anywhere, so this is the best available; their code and fingerprint
stay what they are today, and from now on a rename no longer changes them.
The snapshot is taken by the app's own reading of the minutes, so that it
is exactly what a print would have shown just before the upgrade.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meeting", sa.Column("minutes_snapshot", sa.Text(), nullable=True))


def downgrade() -> None:
    # Native on SQLite (3.35+) and PostgreSQL: no copy of the meeting table, whose rows
    # the agenda, invitations and resolutions reference with ON DELETE CASCADE.
    op.execute("ALTER TABLE meeting DROP COLUMN minutes_snapshot")
