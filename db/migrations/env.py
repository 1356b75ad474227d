"""Alembic environment: runs on the connection the app hands over."""

from alembic import context
from sqlalchemy.schema import SchemaItem

from db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes one
    raise RuntimeError("migrations run through db.schema.upgrade(engine)")

# Indexes that only migrations declare (see db/models/register.py), so that
# autogenerate does not propose dropping them.
MIGRATION_ONLY_INDEXES = {
    "uq_representation_current_manager",
    "uq_meeting_series_number",
    "uq_meeting_series_year_number",
    "ix_resolution_due_order",
    "uq_monthly_report_in_force",
}


def include_object(
    obj: SchemaItem, name: str | None, type_: str, reflected: bool, compare_to: SchemaItem | None
) -> bool:
    return not (type_ == "index" and name in MIGRATION_ONLY_INDEXES)


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
