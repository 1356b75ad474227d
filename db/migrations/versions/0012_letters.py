"""0012: the secretariat's letter register (``letter``, ``letter_resolution``, ``letter_document``).

Every letter the secretariat issues or receives gets a number from the
council's pattern, with a sequence per direction that restarts each Jalali
year (unique: two desks issuing at once never share a number); a letter is
voided, never deleted. The letters printed before this revision were not
registered: nothing is made up for them.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("party", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.Column("concerns", sa.String(length=20), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("report_year", sa.Integer(), nullable=True),
        sa.Column("report_month", sa.Integer(), nullable=True),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("their_number", sa.String(length=100), nullable=False),
        sa.Column("their_date", sa.Date(), nullable=True),
        sa.Column("answers_letter_id", sa.Integer(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("voided_reason", sa.Text(), nullable=False),
        sa.Column("voided_by", sa.String(length=200), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("direction IN ('out', 'in')", name=op.f("ck_letter_direction_known")),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_letter_agency_id_agency"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["answers_letter_id"],
            ["letter.id"],
            name=op.f("fk_letter_answers_letter_id_letter"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_letter_meeting_id_meeting"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
        sa.UniqueConstraint("direction", "year", "seq", name="uq_letter_sequence"),
        sa.UniqueConstraint("number", name=op.f("uq_letter_number")),
    )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letter_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index("ix_letter_source", ["source_key"], unique=False)
        batch_op.create_index("ix_letter_year_date", ["year", "date"], unique=False)

    op.create_table(
        "letter_document",
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id"], ["letter.id"], name=op.f("fk_letter_document_letter_id_letter"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("letter_id", name=op.f("pk_letter_document")),
    )
    op.create_table(
        "letter_resolution",
        sa.Column("letter_id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["letter.id"],
            name=op.f("fk_letter_resolution_letter_id_letter"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_letter_resolution_resolution_id_resolution"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("letter_id", "resolution_id", name=op.f("pk_letter_resolution")),
    )
    with op.batch_alter_table("letter_resolution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_letter_resolution_resolution_id"), ["resolution_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("letter_resolution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_resolution_resolution_id"))

    op.drop_table("letter_resolution")
    op.drop_table("letter_document")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_index("ix_letter_year_date")
        batch_op.drop_index("ix_letter_source")
        batch_op.drop_index(batch_op.f("ix_letter_agency_id"))

    op.drop_table("letter")
