"""0006: finalized minutes keep what they print (``meeting.minutes_snapshot``).

The printed minutes' fingerprint was computed from the agencies' and
people's names read live, so renaming an agency after finalizing made every
earlier printed copy fail its check. Finalizing now keeps, with the
meeting, a JSON snapshot of what the minutes print (see
``secretariat.meetings.snapshot``).

The minutes finalized before this revision get their snapshot here, with
the names as they are now (at the upgrade): the names of their day were not
kept anywhere, so this is the best available; their code and fingerprint
stay what they are today, and from now on a rename no longer changes them.
The snapshot is taken by the app's own reading of the minutes, so that it
is exactly what a print would have shown just before the upgrade.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# The columns the app's models have that later revisions add, which reading the minutes through
# those models here needs (0014's ``version``); the later revision adds them only where missing.
LATER_COLUMNS = tuple((table, "version") for table in ("agency", "person", "meeting", "resolution"))


def upgrade() -> None:
    op.add_column("meeting", sa.Column("minutes_snapshot", sa.Text(), nullable=True))
    present = sa.inspect(op.get_bind())
    for table, column in LATER_COLUMNS:
        if column not in {c["name"] for c in present.get_columns(table)}:
            op.add_column(table, sa.Column(column, sa.Integer(), server_default="1", nullable=False))
    from secretariat.meetings.snapshot import snapshot_finalized

    # The session joins the migration's transaction: it commits (or not) with it.
    with Session(bind=op.get_bind(), join_transaction_mode="rollback_only") as session:
        snapshot_finalized(session)
        session.commit()


def downgrade() -> None:
    # Native on SQLite (3.35+) and PostgreSQL: no copy of the meeting table, whose rows
    # the agenda, invitations and resolutions reference with ON DELETE CASCADE.
    op.execute("ALTER TABLE meeting DROP COLUMN minutes_snapshot")
