"""Desks sharing one database: who sits at this one, and what the others saved.

Each committed save that changed something writes one ``DeskChange`` row:
this desk's id and the ``Changes`` as JSON, in the same transaction. Another
desk asks ``news`` every few seconds (one indexed read of the rows after the
last it saw: cheap on SQLite and on PostgreSQL alike) and publishes what the
other desks changed on its own ``ChangeFeed``, so that its open windows
refresh as they do for its own saves. Rows older than a day are pruned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from db.models import DeskChange
from secretariat import clock
from secretariat.changes import NOTHING, Changes
from secretariat.office.roles import SignedIn

KEEP = dt.timedelta(days=1)


class Desk:
    """This desk: its id among the desks, its signed-in user, and how far it has heard."""

    def __init__(self, accounts_exist: Callable[[], bool]) -> None:
        self.id = uuid.uuid4().hex
        self.user: SignedIn | None = None
        self._accounts_exist = accounts_exist
        self._known: bool | None = None
        self.heard = 0  # the last DeskChange id this desk has heard of

    @property
    def accounts_exist(self) -> bool:
        if self._known is None:
            self._known = self._accounts_exist()
        return self._known

    @accounts_exist.setter
    def accounts_exist(self, value: bool) -> None:
        self._known = value


def tell(session: Session, desk: Desk, changes: Changes) -> None:
    """Write what this save changed for the other desks (inside the save's transaction)."""
    if not changes:
        return
    now = clock.now().replace(tzinfo=None, microsecond=0)
    connection = session.connection()
    connection.execute(insert(DeskChange), [{"at": now, "desk": desk.id, "changes": to_json(changes)}])
    if now.minute == 0:  # once an hour or so is enough to keep the table small
        connection.execute(delete(DeskChange).where(DeskChange.at < now - KEEP))


def start_listening(session: Session, desk: Desk) -> None:
    """From now on: what was saved before this desk opened is not news."""
    desk.heard = session.scalar(select(func.max(DeskChange.id))) or 0


def news(session: Session, desk: Desk) -> Changes:
    """What the other desks saved since this one last asked (NOTHING, usually)."""
    rows = session.execute(
        select(DeskChange.id, DeskChange.desk, DeskChange.changes)
        .where(DeskChange.id > desk.heard)
        .order_by(DeskChange.id)
    ).all()
    found = NOTHING
    for row_id, author, text in rows:
        desk.heard = max(desk.heard, row_id)
        if author != desk.id:
            found = found | from_json(text)
    return found


def to_json(changes: Changes) -> str:
    values: dict[str, Any] = {}
    for field in dataclasses.fields(changes):
        value = getattr(changes, field.name)
        if value:
            values[field.name] = value if isinstance(value, bool) else sorted(value)
    return json.dumps(values)


def from_json(text: str) -> Changes:
    try:
        values = json.loads(text)
    except ValueError:
        return Changes(everything=True)
    known = {field.name: field for field in dataclasses.fields(Changes)}
    kept: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            return Changes(everything=True)  # a newer desk's news: refresh all rather than miss it
        kept[name] = value if isinstance(value, bool) else frozenset(value)
    return Changes(**kept)
