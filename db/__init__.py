"""Persistence: SQLAlchemy models, the engine, migrations. No Qt, no rules.

May import: SQLAlchemy and Alembic; nothing of ``secretariat`` or ``ui``."""
