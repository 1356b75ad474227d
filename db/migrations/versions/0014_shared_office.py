"""0014: the shared office: user accounts, the audit trail, the desks' news, record versions.

- ``user_account``: who signs in, with a role and a slow salted password hash;
  a council without accounts works as before, on one PC, anonymously;
- ``audit_entry``: every change to the records from now on, append-only (the
  changes before this revision were not recorded: nothing is made up);
- ``desk_change``: what each save changed, for the other desks on the same
  database to refresh within seconds;
- ``version`` on ``agency``, ``person``, ``meeting`` and ``resolution``: a save
  from a window that read an older version is refused instead of written over.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

VERSIONED = ("agency", "person", "meeting", "resolution")


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("retry_after", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('secretary', 'expert', 'viewer')", name=op.f("ck_user_account_role_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record", sa.String(length=100), nullable=False),
        sa.Column("about_kind", sa.String(length=40), nullable=False),
        sa.Column("about", sa.String(length=100), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_record", "audit_entry", ["kind", "record"], unique=False)
    op.create_index("ix_audit_entry_about", "audit_entry", ["about_kind", "about"], unique=False)
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"], unique=False)
    op.create_index("ix_audit_entry_username", "audit_entry", ["username"], unique=False)
    op.create_table(
        "desk_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("desk", sa.String(length=40), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_change")),
    )
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    # Native on SQLite (3.35+) and PostgreSQL: no copy of tables other rows reference.
    for table in VERSIONED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
    op.drop_table("desk_change")
    op.drop_index("ix_audit_entry_username", table_name="audit_entry")
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_index("ix_audit_entry_about", table_name="audit_entry")
    op.drop_index("ix_audit_entry_record", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_table("user_account")
