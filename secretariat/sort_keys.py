"""The register's Persian sort keys, kept beside what they sort.

Sorting 120,000 resolutions by their text or by their lead agency's name
through the Persian collation calls Python for every comparison. Instead the
core stores each resolution's keys (``collation.index_key``: bytes whose
plain order is the Persian order) and the database sorts on their indexes,
on SQLite and PostgreSQL alike:

- ``resolution.text_key``: of the resolution's text (as the minutes have it);
- ``resolution.lead_key``: of its lead agency's name; empty without a lead.

Every write that changes one of them calls here: a resolution written or
edited in the minutes, a yearly archive imported, an agency renamed.
Migration 0009 filled them for the resolutions written before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from db.models import Agency, Assignment, Resolution
from secretariat.persian.collation import index_key

# ``AssignmentRole.LEAD`` as stored (``secretariat.meetings.kinds``; this module sits below it,
# as the agencies' module that calls it does).
LEAD_ROLE = "lead"

text_key = index_key


def lead_key(session: Session, agency_id: int | None) -> bytes:
    """The key of the lead agency ``agency_id``: of its name."""
    agency = session.get(Agency, agency_id) if agency_id is not None else None
    return index_key(agency.name) if agency is not None else b""


# Resolutions a statement of ``refresh_lead_keys`` names: well below SQLite's limit of bound values.
_BATCH = 1000


def refresh_lead_keys(session: Session, resolution_ids: Iterable[int]) -> None:
    """Store the lead key of each of these resolutions from its lead assignment, as it stands."""
    ids = sorted(set(resolution_ids))
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        leads: dict[int, str] = {
            resolution_id: name
            for resolution_id, name in session.execute(
                select(Assignment.resolution_id, Agency.name)
                .join(Agency, Agency.id == Assignment.agency_id)
                .where(Assignment.resolution_id.in_(batch), Assignment.role == LEAD_ROLE)
            )
        }
        # On the table, not the ORM class: a bulk update by key of the mapped class needs each row's
        # version, and a sort key brought up to date is no change a person made.
        table = cast(Table, Resolution.__table__)
        session.execute(
            update(table).where(table.c.id == bindparam("resolution_id")).values(lead_key=bindparam("key")),
            [{"resolution_id": i, "key": index_key(leads.get(i))} for i in batch],
        )


def agency_renamed(session: Session, agency_id: int, name: str) -> None:
    """The resolutions the agency leads sort by its new name."""
    led = select(Assignment.resolution_id).where(
        Assignment.agency_id == agency_id, Assignment.role == LEAD_ROLE
    )
    session.execute(
        update(Resolution).where(Resolution.id.in_(led)).values(lead_key=index_key(name)),
        execution_options={"synchronize_session": False},
    )


def refresh_all_lead_keys(session: Session) -> None:
    """Every resolution's lead key, an agency at a time: after resolutions are written in bulk."""
    for agency_id, name in session.execute(select(Agency.id, Agency.name)).all():
        agency_renamed(session, agency_id, name)
