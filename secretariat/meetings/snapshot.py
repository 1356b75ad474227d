"""Finalized minutes, frozen: what the printed minutes show, kept as they were.

The printed minutes name agencies (invitees, host, presenters, leads and
collaborators), people (who came, who stood in for whom), the council and
its secretary, the chair, the quorum of the council's rule; read live, a
renamed agency would change every earlier printed copy, and their
fingerprint (see ``secretariat.reports.fingerprint``) would no longer
verify. So finalizing takes a snapshot of all of it, in the finalize's own
transaction, into ``meeting.minutes_snapshot``.

The snapshot is JSON of the very records the minutes are printed from
(``MinutesSources``: the council's record, the meeting's detail, and who
was each agency's PR manager on the day, to tell a stand-in), field by
field as the records name them: one encoder and one decoder for every
record, so nothing of what the minutes print can be left out of it, and
the minutes read back from it are the records they were printed from.
Left out: the amendments and the attached files, recorded after
finalizing and read live (the minutes print the amendments after the
minutes as finalized), and the day the scan was signed. The resolutions'
deadlines are kept as finalized (an amendment changes the record's).

``minutes_sources`` reads a finalized meeting's minutes from its snapshot
(plus the amendments), and a draft's live. A finalized meeting without a
snapshot (one imported from an archive, which does not carry snapshots) is
read live, each deadline as it was before the follow-up moved it: as the
exporting app printed it, unless a name changed between finalizing and
exporting.

Format, version 1: ``{"version": 1, "council": {...}, "detail": {...},
"pr_managers": {"<agency id>": <person id>}}``; records as objects of their
fields, tuples as lists, enums as their values, dates, times and
date-times in ISO form. A field added to a record later reads, from an
older snapshot, as its default.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from dataclasses import MISSING, dataclass, fields, is_dataclass, replace
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DeadlineChange, Meeting
from secretariat.database import Database
from secretariat.meetings.attachments import meeting_files
from secretariat.meetings.deadline import parse_kept_deadline
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import meeting_amendments, meeting_detail
from secretariat.meetings.records import MeetingDetail, ResolutionRecord
from secretariat.meetings.store import attachment_record, get_meeting
from secretariat.members.council import CouncilRecord, council_of
from secretariat.members.roles import pr_manager_terms

VERSION = 1


@dataclass(frozen=True)
class MinutesSources:
    """What the printed minutes are made of."""

    council: CouncilRecord | None  # None before the council is made
    detail: MeetingDetail
    # Each member agency present: who was its PR manager on the meeting's day (person id).
    pr_managers: dict[int, int]
    frozen: bool = False  # read from the snapshot taken on finalizing (never stored)


class MinutesSnapshotService:
    def __init__(self, database: Database):
        self._db = database

    def minutes_sources(self, meeting_id: int) -> MinutesSources:
        """The minutes as printed: as finalized (with the amendments since), or a draft's as of now."""
        with self._db.reading() as session:
            return minutes_sources(session, get_meeting(session, meeting_id))


# -- reading ------------------------------------------------------------------------------


def minutes_sources(session: Session, meeting: Meeting) -> MinutesSources:
    if meeting.status != MeetingStatus.FINALIZED.value:
        return live_sources(session, meeting)
    if meeting.minutes_snapshot is None:
        return _deadlines_as_finalized(session, live_sources(session, meeting))
    frozen = loads(meeting.minutes_snapshot)
    amendments = meeting_amendments(session, meeting.id)
    detail = frozen.detail
    detail = replace(
        detail,
        meeting=replace(detail.meeting, status=MeetingStatus(meeting.status), signed_at=meeting.signed_at),
        resolutions=tuple(
            replace(r, amendments=tuple(a for a in amendments if a.resolution_id == r.id))
            for r in detail.resolutions
        ),
        amendments=amendments,
        attachments=tuple(attachment_record(a) for a in session.scalars(meeting_files(meeting.id))),
    )
    return replace(frozen, detail=detail, frozen=True)


def live_sources(session: Session, meeting: Meeting) -> MinutesSources:
    """The minutes' sources read now: the names as they are today."""
    detail = meeting_detail(session, meeting)
    present = {
        i.agency_id for i in detail.invitations if i.agency_id is not None and i.attendance.counts_as_present
    }
    managers: dict[int, int] = {}
    if present:
        terms = pr_manager_terms(meeting.date)
        rows = session.execute(
            select(terms.c.agency_id, terms.c.person_id).where(terms.c.agency_id.in_(present))
        ).all()
        managers = {agency_id: person_id for agency_id, person_id in sorted(rows)}
    return MinutesSources(council_of(session), detail, managers)


def _deadlines_as_finalized(session: Session, sources: MinutesSources) -> MinutesSources:
    """Finalized minutes without a snapshot (imported from an archive): read live, but each
    deadline moved since by the follow-up as it was before its first move, as the minutes
    printed it (one amended is printed from its amendment: see ``original_due``)."""
    ids = [r.id for r in sources.detail.resolutions]
    first: dict[int, tuple[dt.date | None, bool]] = {}
    changes = select(DeadlineChange).where(DeadlineChange.resolution_id.in_(ids))
    for change in session.scalars(changes.order_by(DeadlineChange.changed_at, DeadlineChange.id)):
        first.setdefault(change.resolution_id, (change.previous_due, change.previous_next_meeting))
    if not first:
        return sources
    resolutions = tuple(
        replace(r, due_date=first[r.id][0], due_next_meeting=first[r.id][1]) if r.id in first else r
        for r in sources.detail.resolutions
    )
    return replace(sources, detail=replace(sources.detail, resolutions=resolutions))


# -- taking the snapshot ------------------------------------------------------------------


def take_snapshot(session: Session, meeting: Meeting) -> None:
    """Keep what the minutes print now with the meeting (when finalizing, in its transaction)."""
    session.flush()
    meeting.minutes_snapshot = dumps(_as_finalized(live_sources(session, meeting)))


def snapshot_finalized(session: Session) -> int:
    """Snapshot every finalized meeting that has none yet, as its names read now; how many."""
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.status == MeetingStatus.FINALIZED.value, Meeting.minutes_snapshot.is_(None))
        .order_by(Meeting.id)
    ).all()
    for meeting in meetings:
        take_snapshot(session, meeting)
    session.flush()
    return len(meetings)


def _as_finalized(sources: MinutesSources) -> MinutesSources:
    """Without what is recorded after finalizing, and each deadline as it was finalized."""
    detail = sources.detail
    return replace(
        sources,
        detail=replace(
            detail,
            meeting=replace(detail.meeting, signed_at=None),
            resolutions=tuple(_resolution_as_finalized(r) for r in detail.resolutions),
            amendments=(),
            attachments=(),
        ),
    )


def _resolution_as_finalized(resolution: ResolutionRecord) -> ResolutionRecord:
    first_change = next((a for a in resolution.amendments if a.field == "due_date"), None)
    if first_change is not None:
        due, next_meeting = parse_kept_deadline(first_change.original)
        resolution = replace(resolution, due_date=due, due_next_meeting=next_meeting)
    return replace(resolution, amendments=())


# -- the JSON -------------------------------------------------------------------------------


def dumps(sources: MinutesSources) -> str:
    content = {
        "version": VERSION,
        "council": _encode(sources.council),
        "detail": _encode(sources.detail),
        "pr_managers": _encode(sources.pr_managers),
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> MinutesSources:
    content = json.loads(text)
    if content.get("version") != VERSION:
        raise ValueError(f"unknown minutes snapshot version {content.get('version')!r}")
    return MinutesSources(
        council=_decode(CouncilRecord | None, content["council"]),
        detail=_decode(MeetingDetail, content["detail"]),
        pr_managers=_decode(dict[int, int], content["pr_managers"]),
    )


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot keep {type(value).__name__} in a minutes snapshot")


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _decode(inner, value)
    if origin is tuple:
        return tuple(_decode(get_args(hint)[0], v) for v in value)
    if origin is dict:
        key, item = get_args(hint)
        return {_decode(key, k): _decode(item, v) for k, v in value.items()}
    if isinstance(hint, type) and is_dataclass(hint):
        hints = _hints(hint)
        given = {
            f.name: _decode(hints[f.name], value[f.name])
            for f in fields(hint)
            if f.name in value or (f.default is MISSING and f.default_factory is MISSING)
        }
        return hint(**given)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is dt.time:
        return dt.time.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is int and isinstance(value, str):  # a dictionary's key
        return int(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)
