"""Persistence: SQLAlchemy models, the engine, migrations. No Qt, no rules."""
