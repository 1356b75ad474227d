"""0005: the database itself refuses two held meetings with one number.

Before 0005 a meeting's number was read before the save took the write
lock, so meetings held at the same moment (two PCs, or three commands run
together) could get the same number («نخستین جلسه کارگروه» three times).
This revision first renumbers such duplicates: in each series, the held
meetings keep their order (by number, then by date for those that share
one) and each takes the first free number from there on, so a number that
is not a duplicate, and every meeting before the first duplicate, keeps its
number. The same is done for the number in the Jalali year; the planned
meetings of a renumbered series are numbered after its held ones again, and
the codes of the renumbered meetings' resolutions («1404-02-01») follow.
What was renumbered is put in the Alembic config's attributes under
``renumbered`` (see ``db.schema.upgrade``), for the app to tell the user.

Then it makes the partial unique indexes: (series, number) and (series,
jalali_year, year_number) of held and finalized meetings. Planned meetings
are left out: their numbers follow the calendar and are handed out again,
within one save, whenever a meeting is held, planned or moved.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FROZEN = "status IN ('held', 'finalized')"
UPCOMING = ("planned", "postponed")
# As secretariat.meetings.kinds.resolution_code wrote them when this revision was made.
SERIES_PREFIX = {"council": "", "general_assembly": "م", "working_group": "ک"}

log = logging.getLogger(__name__)


def upgrade() -> None:
    connection = op.get_bind()
    renumbered = _renumber_duplicates(connection)
    if renumbered:
        context.config.attributes.setdefault("renumbered", []).extend(renumbered)
        log.warning("0005 renumbered %d meetings that shared a number: %s", len(renumbered), renumbered)
    for name, columns in (
        ("uq_meeting_series_number", ["series", "number"]),
        ("uq_meeting_series_year_number", ["series", "jalali_year", "year_number"]),
    ):
        op.create_index(
            name,
            "meeting",
            columns,
            unique=True,
            sqlite_where=sa.text(FROZEN),
            postgresql_where=sa.text(FROZEN),
        )


def downgrade() -> None:
    op.drop_index("uq_meeting_series_year_number", table_name="meeting")
    op.drop_index("uq_meeting_series_number", table_name="meeting")


def _renumber_duplicates(connection: sa.Connection) -> list[dict[str, Any]]:
    meetings = [
        dict(row._mapping)
        for row in connection.execute(
            sa.text(
                "SELECT id, kind, series, status, number, year_number, jalali_year, date, start_time "
                "FROM meeting WHERE status != 'cancelled'"
            )
        )
    ]
    by_series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for meeting in meetings:
        meeting["old_number"], meeting["old_year_number"] = meeting["number"], meeting["year_number"]
        by_series[meeting["series"]].append(meeting)
    changed: list[dict[str, Any]] = []
    for series_meetings in by_series.values():
        frozen = [m for m in series_meetings if m["status"] not in UPCOMING]
        if not _has_duplicates(frozen):
            continue
        _number_on(frozen, "number")
        for year in {m["jalali_year"] for m in frozen}:
            _number_on([m for m in frozen if m["jalali_year"] == year], "year_number")
        _number_upcoming(series_meetings, frozen)
        changed.extend(
            m
            for m in series_meetings
            if (m["number"], m["year_number"]) != (m["old_number"], m["old_year_number"])
        )
    for meeting in changed:
        connection.execute(
            sa.text("UPDATE meeting SET number = :number, year_number = :year_number WHERE id = :id"),
            {"number": meeting["number"], "year_number": meeting["year_number"], "id": meeting["id"]},
        )
    held = [m for m in changed if m["status"] not in UPCOMING]
    codes = _recode_resolutions(connection, [m for m in held if m["number"] != m["old_number"]])
    return [
        {
            "meeting_id": m["id"],
            "kind": m["kind"],
            "series": m["series"],
            "date": str(m["date"]),
            "old_number": m["old_number"],
            "new_number": m["number"],
            "old_year_number": m["old_year_number"],
            "new_year_number": m["year_number"],
            "resolution_codes": codes.get(m["id"], 0),
        }
        for m in held
    ]


def _order(meeting: dict[str, Any]) -> tuple[str, str, int]:
    return (str(meeting["date"]), str(meeting["start_time"] or ""), meeting["id"])


def _has_duplicates(frozen: list[dict[str, Any]]) -> bool:
    numbers = [m["number"] for m in frozen]
    year_numbers = [(m["jalali_year"], m["year_number"]) for m in frozen]
    return len(set(numbers)) < len(numbers) or len(set(year_numbers)) < len(year_numbers)


def _number_on(meetings: list[dict[str, Any]], column: str) -> None:
    """Each meeting, in the order of its number then its date, takes the first free number from there."""
    last = 0
    for meeting in sorted(meetings, key=lambda m: (m[column] or 0, *_order(m))):
        meeting[column] = max(meeting[column] or 0, last + 1)
        last = meeting[column]


def _number_upcoming(series_meetings: list[dict[str, Any]], frozen: list[dict[str, Any]]) -> None:
    """As ``secretariat.meetings.numbering.renumber``: the planned ones after the held ones, by date."""
    last = max((m["number"] for m in frozen), default=0)
    year_last: dict[int, int] = defaultdict(int)
    for meeting in frozen:
        year_last[meeting["jalali_year"]] = max(year_last[meeting["jalali_year"]], meeting["year_number"])
    for meeting in sorted((m for m in series_meetings if m["status"] in UPCOMING), key=_order):
        last += 1
        meeting["number"] = last
        year_last[meeting["jalali_year"]] += 1
        meeting["year_number"] = year_last[meeting["jalali_year"]]


def _recode_resolutions(connection: sa.Connection, meetings: list[dict[str, Any]]) -> dict[int, int]:
    """The codes of the renumbered meetings' resolutions, in two steps (codes are unique)."""
    if not meetings:
        return {}
    resolutions = [
        (row.id, row.meeting_id, row.number)
        for row in connection.execute(
            sa.text("SELECT id, meeting_id, number FROM resolution WHERE meeting_id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True)
            ),
            {"ids": [m["id"] for m in meetings]},
        )
    ]
    for resolution_id, _, _ in resolutions:
        connection.execute(
            sa.text("UPDATE resolution SET code = :code WHERE id = :id"),
            {"code": f"0005-{resolution_id}", "id": resolution_id},
        )
    by_id = {m["id"]: m for m in meetings}
    counts: dict[int, int] = defaultdict(int)
    for resolution_id, meeting_id, number in resolutions:
        meeting = by_id[meeting_id]
        prefix = SERIES_PREFIX.get(meeting["series"], "")
        code = f"{meeting['jalali_year']}-{prefix}{meeting['number']:02d}-{number:02d}"
        connection.execute(
            sa.text("UPDATE resolution SET code = :code WHERE id = :id"), {"code": code, "id": resolution_id}
        )
        counts[meeting_id] += 1
    return dict(counts)
