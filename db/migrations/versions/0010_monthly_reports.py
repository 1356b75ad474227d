"""0010: the monthly activity reports of the member agencies, and the council's settings.

Tables: ``indicator`` (the council's list of activity indicators, seeded here
with a default set for PR units, which the council edits), ``monthly_report``
(each version of an agency's report for a Jalali month; corrections and voids
keep the earlier versions), ``monthly_figure``, ``monthly_exemption``,
``report_file`` and its content, and ``council_setting`` (the due day of the
reports, and settings to come: key and value, so that a new setting needs no
migration).

The default indicators' folded keys are written out, not computed with the
app's folding, so that this migration gives the same rows whatever the app
becomes.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# name, its folded key, unit, kind, required
DEFAULT_INDICATORS = [
    ("اخبار و گزارش\u200cهای منتشرشده", "اخباروگزارشهایمنتشرشده", "خبر", "count", True),
    (
        "نشست\u200cهای خبری و مصاحبه\u200cهای رسانه\u200cای",
        "نشستهایخبریومصاحبههایرسانهای",
        "مورد",
        "count",
        True,
    ),
    ("برنامه\u200cهای ملاقات مردمی", "برنامههایملاقاتمردمی", "برنامه", "count", False),
    ("محتوای تولیدشده برای فضای مجازی", "محتوایتولیدشدهبرایفضایمجازی", "محتوا", "count", True),
    ("مراسم و مناسبت\u200cهای برگزارشده", "مراسمومناسبتهایبرگزارشده", "مراسم", "count", False),
    ("ساعت آموزش کارکنان روابط عمومی", "ساعتاموزشکارکنانروابطعمومی", "ساعت", "hours", False),
    ("گزارش\u200cهای پایش رسانه", "گزارشهایپایشرسانه", "گزارش", "count", False),
    ("پاسخ به شکایات و درخواست\u200cهای مردم", "پاسخبهشکایاتودرخواستهایمردم", "مورد", "count", False),
    ("به\u200cروزرسانی وبگاه دستگاه", "بهروزرسانیوبگاهدستگاه", "", "yesno", False),
]


def upgrade() -> None:
    op.create_table(
        "council_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_council_setting")),
    )
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("kind IN ('count', 'hours', 'yesno')", name=op.f("ck_indicator_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("name_key", name=op.f("uq_indicator_name_key")),
    )
    op.create_table(
        "report_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_file")),
    )
    op.create_table(
        "monthly_exemption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("month >= 1 AND month <= 12", name=op.f("ck_monthly_exemption_month_in_range")),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agency.id"],
            name=op.f("fk_monthly_exemption_agency_id_agency"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monthly_exemption")),
        sa.UniqueConstraint("agency_id", "year", "month", name="uq_monthly_exemption_agency_month"),
    )
    with op.batch_alter_table("monthly_exemption", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_exemption_year", ["year"], unique=False)

    op.create_table(
        "monthly_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("letter_number", sa.String(length=100), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("in_force", sa.Boolean(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("voided_reason", sa.Text(), nullable=False),
        sa.Column("voided_by", sa.String(length=200), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("month >= 1 AND month <= 12", name=op.f("ck_monthly_report_month_in_range")),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_monthly_report_agency_id_agency"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["report_file.id"],
            name=op.f("fk_monthly_report_file_id_report_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["monthly_report.id"],
            name=op.f("fk_monthly_report_replaces_id_monthly_report"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monthly_report")),
        sa.UniqueConstraint("replaces_id", name=op.f("uq_monthly_report_replaces_id")),
    )
    with op.batch_alter_table("monthly_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_monthly_report_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index("ix_monthly_report_year_agency", ["year", "agency_id"], unique=False)

    op.create_table(
        "report_file_content",
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["report_file.id"],
            name=op.f("fk_report_file_content_file_id_report_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("file_id", name=op.f("pk_report_file_content")),
    )
    op.create_table(
        "monthly_figure",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_monthly_figure_indicator_id_indicator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["monthly_report.id"],
            name=op.f("fk_monthly_figure_report_id_monthly_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", "indicator_id", name=op.f("pk_monthly_figure")),
    )
    with op.batch_alter_table("monthly_figure", schema=None) as batch_op:
        batch_op.create_index("ix_monthly_figure_indicator", ["indicator_id"], unique=False)
    # One version in force per agency and month; corrected and voided versions stay beside it.
    op.create_index(
        "uq_monthly_report_in_force",
        "monthly_report",
        ["agency_id", "year", "month"],
        unique=True,
        sqlite_where=sa.text("in_force"),
        postgresql_where=sa.text("in_force"),
    )
    indicator = sa.table(
        "indicator",
        sa.column("name", sa.String),
        sa.column("name_key", sa.String),
        sa.column("unit", sa.String),
        sa.column("kind", sa.String),
        sa.column("position", sa.Integer),
        sa.column("required", sa.Boolean),
        sa.column("retired", sa.Boolean),
    )
    op.bulk_insert(
        indicator,
        [
            {
                "name": name,
                "name_key": key,
                "unit": unit,
                "kind": kind,
                "position": position,
                "required": required,
                "retired": False,
            }
            for position, (name, key, unit, kind, required) in enumerate(DEFAULT_INDICATORS, start=1)
        ],
    )


def downgrade() -> None:
    op.drop_index("uq_monthly_report_in_force", table_name="monthly_report")
    with op.batch_alter_table("monthly_figure", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_figure_indicator")

    op.drop_table("monthly_figure")
    op.drop_table("report_file_content")
    with op.batch_alter_table("monthly_report", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_report_year_agency")
        batch_op.drop_index(batch_op.f("ix_monthly_report_agency_id"))

    op.drop_table("monthly_report")
    with op.batch_alter_table("monthly_exemption", schema=None) as batch_op:
        batch_op.drop_index("ix_monthly_exemption_year")

    op.drop_table("monthly_exemption")
    op.drop_table("report_file")
    op.drop_table("indicator")
    op.drop_table("council_setting")
