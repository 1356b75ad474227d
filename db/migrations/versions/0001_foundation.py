"""0001: the foundation - council, agencies, people, representations, decrees.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("parent_ministry", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("phones", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
        sa.UniqueConstraint("name_key", name=op.f("uq_agency_name_key")),
    )
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.create_index("ix_agency_active", ["active"], unique=False)

    op.create_table(
        "council",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("chair", sa.String(length=200), nullable=False),
        sa.Column("secretary", sa.String(length=200), nullable=False),
        sa.Column("quorum_rule", sa.String(length=20), nullable=False),
        sa.Column("quorum_count", sa.Integer(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("honorific", sa.String(length=50), nullable=False),
        sa.Column("mobile", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "representation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_representation_dates_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_representation_agency_id_agency"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_representation_person_id_person"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_representation")),
    )
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_representation_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(
            "ix_representation_agency_role", ["agency_id", "role", "end_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_representation_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "uq_representation_current_manager",
            ["agency_id"],
            unique=True,
            sqlite_where=sa.text("role = 'pr_manager' AND end_date IS NULL"),
            postgresql_where=sa.text("role = 'pr_manager' AND end_date IS NULL"),
        )

    op.create_table(
        "membership_decree",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("representation_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=200), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint(
            "term_end IS NULL OR term_end >= issued_on", name=op.f("ck_membership_decree_term_after_issue")
        ),
        sa.ForeignKeyConstraint(
            ["representation_id"],
            ["representation.id"],
            name=op.f("fk_membership_decree_representation_id_representation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_decree")),
    )
    with op.batch_alter_table("membership_decree", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_decree_representation_id"), ["representation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("membership_decree", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_decree_representation_id"))

    op.drop_table("membership_decree")
    with op.batch_alter_table("representation", schema=None) as batch_op:
        batch_op.drop_index("uq_representation_current_manager")
        batch_op.drop_index(batch_op.f("ix_representation_person_id"))
        batch_op.drop_index("ix_representation_agency_role")
        batch_op.drop_index(batch_op.f("ix_representation_agency_id"))

    op.drop_table("representation")
    op.drop_table("person")
    op.drop_table("council")
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.drop_index("ix_agency_active")

    op.drop_table("agency")
