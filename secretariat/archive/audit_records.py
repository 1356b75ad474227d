"""The year's audit trail as archive rows (schema version 5), and back into a database.

Every entry whose time falls in the archive's Jalali year, in the order it
was written, as the trail keeps it. The trail names records by the ids of
the database that wrote it (``record``, ``about``): they mean nothing in
another database, and there they could name another record of the same id.
So an import fences them off (``IMPORTED_SOURCE`` before them, as the
letters' source keys): the importing database's histories never take an
imported entry for one of their own records, and an export gives the ids
back as they were written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from secretariat.archive.letter_records import IMPORTED_SOURCE
from secretariat.office.audit import ACTION_LABELS, KIND_LABELS

_ROWS_PER_INSERT = 1000


def year_entries(session: Session, start: dt.date, end: dt.date) -> list[dict[str, object]]:
    """The trail from ``start`` to ``end`` (inclusive), as values by field of ``audit_entries``."""
    statement = (
        select(AuditEntry)
        .where(
            AuditEntry.at >= dt.datetime.combine(start, dt.time()),
            AuditEntry.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [
        {
            "at": entry.at.replace(microsecond=0),
            "username": entry.username,
            "user_name": entry.user_name,
            "action": entry.action,
            "action_label": ACTION_LABELS.get(entry.action, entry.action),
            "kind": entry.kind,
            "kind_label": KIND_LABELS.get(entry.kind, entry.kind),
            "record": entry.record.removeprefix(IMPORTED_SOURCE),
            "about_kind": entry.about_kind,
            "about": entry.about.removeprefix(IMPORTED_SOURCE),
            "changes": entry.changes,
        }
        for entry in session.scalars(statement)
    ]


def add_entries(session: Session, rows: list[dict[str, Any]]) -> None:
    """The archive's entries, in its order, their record ids fenced off (see the module)."""
    values = [
        {
            **row,
            "record": _fenced(row["record"]),
            "about": _fenced(row["about"]),
        }
        for row in rows
    ]
    for start in range(0, len(values), _ROWS_PER_INSERT):
        session.execute(insert(AuditEntry), values[start : start + _ROWS_PER_INSERT])


def _fenced(key: str) -> str:
    return IMPORTED_SOURCE + key if key else ""
