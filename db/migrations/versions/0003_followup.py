"""0003: following resolutions up - the follow-up log, the deadline history,
the resolution lifecycle columns, and the index behind the register's search.

The search index holds the core's folded text (resolution.search_text) and
answers substring searches (LIKE '%term%'): on SQLite an FTS5 table with the
trigram tokenizer, kept in step with every write by triggers; on PostgreSQL
a pg_trgm GIN index on the column itself. A later migration that recreates
the resolution table (SQLite batch mode) must create the triggers again.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE resolution_search USING fts5("
    "search_text, content='resolution', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER resolution_search_insert AFTER INSERT ON resolution BEGIN "
    "INSERT INTO resolution_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER resolution_search_delete AFTER DELETE ON resolution BEGIN "
    "INSERT INTO resolution_search(resolution_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER resolution_search_update AFTER UPDATE OF search_text ON resolution BEGIN "
    "INSERT INTO resolution_search(resolution_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO resolution_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO resolution_search(resolution_search) VALUES ('rebuild')",
)


def upgrade() -> None:
    op.create_table(
        "deadline_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("previous_due", sa.Date(), nullable=True),
        sa.Column("previous_next_meeting", sa.Boolean(), nullable=False),
        sa.Column("new_due", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_deadline_change_resolution_id_resolution"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_change")),
    )
    with op.batch_alter_table("deadline_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadline_change_resolution_id"), ["resolution_id"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "progress IS NULL OR (progress >= 0 AND progress <= 100)",
            name=op.f("ck_follow_up_progress_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_follow_up_attachment_id_attachment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_follow_up_resolution_id_resolution"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_resolution_date", ["resolution_id", "date"], unique=False)

    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deferred_to_meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("completion_evidence", sa.Text(), nullable=False, server_default=sa.text("''"))
        )
        batch_op.add_column(sa.Column("status_note", sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.create_foreign_key(
            batch_op.f("fk_resolution_deferred_to_meeting_id_meeting"),
            "meeting",
            ["deferred_to_meeting_id"],
            ["id"],
            ondelete="SET NULL",
        )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_SEARCH_INDEX:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_resolution_search_trgm ON resolution USING gin (search_text gin_trgm_ops)"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("resolution_search_insert", "resolution_search_delete", "resolution_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS resolution_search")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_resolution_search_trgm")
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_resolution_deferred_to_meeting_id_meeting"), type_="foreignkey"
        )
        batch_op.drop_column("status_note")
        batch_op.drop_column("completion_evidence")
        batch_op.drop_column("closed_on")
        batch_op.drop_column("deferred_to_meeting_id")

    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_resolution_date")

    op.drop_table("follow_up")
    with op.batch_alter_table("deadline_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadline_change_resolution_id"))

    op.drop_table("deadline_change")
