"""What a saved unit of work changed, announced once it is committed.

Every write goes through ``Database.transaction``. While it runs, the rows
the session flushes are read here and turned into a ``Changes`` (which
agencies, people, meetings, resolutions, follow-ups); when the transaction
commits, the database's ``ChangeFeed`` publishes it. A transaction that
fails announces nothing. The window turns the announcement into Qt signals
in one place (``ui.changes``), so a view open anywhere refreshes from what
the core did, whoever did it.

Bulk statements (``update()``/``delete()`` run on the session) flush no
objects: the service that runs one says what it touched with
``note_changes``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy.orm import Session

from db.models import (
    Agency,
    AgendaItem,
    Amendment,
    Assignment,
    Attachment,
    AttachmentContent,
    Council,
    CouncilSetting,
    DeadlineChange,
    Evaluation,
    EvaluationAmendment,
    EvaluationCriterion,
    EvaluationExclusion,
    EvaluationResult,
    EvaluationTier,
    FollowUp,
    FollowUpCorrection,
    Indicator,
    Invitation,
    JuryScore,
    Letter,
    LetterDocument,
    LetterResolution,
    Meeting,
    MembershipDecree,
    MonthlyExemption,
    MonthlyFigure,
    MonthlyReport,
    Person,
    Postponement,
    ReportFile,
    ReportFileContent,
    Representation,
    Resolution,
    SeriesStart,
)

_INFO_KEY = "secretariat.changes"


@dataclass(frozen=True)
class Changes:
    """The records one committed unit of work touched, by id."""

    council: bool = False
    agencies: frozenset[int] = field(default_factory=frozenset)
    people: frozenset[int] = field(default_factory=frozenset)
    # Agencies whose roles changed: an appointment, the end of a role, a decree.
    roles: frozenset[int] = field(default_factory=frozenset)
    # A meeting planned, edited, renumbered, postponed or cancelled, or its
    # agenda, invitees, attendance, minutes, files or status.
    meetings: frozenset[int] = field(default_factory=frozenset)
    # Resolutions whose text, deadline, responsible agencies, status or
    # amendments changed.
    resolutions: frozenset[int] = field(default_factory=frozenset)
    # Resolutions followed up: an entry logged, a deadline moved.
    followups: frozenset[int] = field(default_factory=frozenset)
    # Agencies whose monthly reports or exemptions changed (recorded, corrected, voided, exempted).
    monthly: frozenset[int] = field(default_factory=frozenset)
    # The council's indicators of activity changed (added, renamed, reordered, retired).
    indicators: bool = False
    # A yearly evaluation changed: criteria, tiers, exclusions, scores, publishing, amendments.
    evaluations: bool = False
    # The letter register changed: a letter issued, received or voided.
    letters: bool = False
    # The whole database was replaced or filled (a restore, an import).
    everything: bool = False

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, Any] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (mine or theirs) if isinstance(mine, bool) else mine | theirs
        return Changes(**merged)

    def touches(self, *kinds: str) -> bool:
        """Whether any of these kinds (field names: ``"agencies"``, ``"meetings"``, …) or
        everything changed."""
        return self.everything or any(getattr(self, kind) for kind in kinds)

    def touches_meeting(self, meeting_id: int) -> bool:
        return self.everything or meeting_id in self.meetings

    def touches_resolution(self, resolution_id: int) -> bool:
        return self.everything or resolution_id in self.resolutions or resolution_id in self.followups


NOTHING = Changes()
EVERYTHING = Changes(everything=True)

Listener = Callable[[Changes], None]


class ChangeFeed:
    """Who hears of committed changes. Listeners are called on the writing thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every commit that changed something; returns the unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changes)


def _ids(*values: int | None) -> frozenset[int]:
    return frozenset(value for value in values if value is not None)


def _changes_of(session: Session, record: object) -> Changes:
    """What writing one record means to the people looking at it."""
    match record:
        case Council() | SeriesStart() | CouncilSetting():
            return Changes(council=True)
        case Agency():
            return Changes(agencies=_ids(record.id))
        case Person():
            return Changes(people=_ids(record.id))
        case Representation():
            return Changes(
                roles=_ids(record.agency_id), people=_ids(record.person_id), agencies=_ids(record.agency_id)
            )
        case MembershipDecree():
            held = session.get(Representation, record.representation_id)
            if held is None:
                return NOTHING
            return Changes(roles=_ids(held.agency_id), people=_ids(held.person_id))
        case Meeting():
            return Changes(meetings=_ids(record.id))
        case Postponement() | AgendaItem() | Invitation() | Attachment():
            return Changes(meetings=_ids(record.meeting_id))
        case Resolution():
            return Changes(resolutions=_ids(record.id), meetings=_ids(record.meeting_id))
        case Assignment():
            return Changes(resolutions=_ids(record.resolution_id))
        case Amendment():
            return Changes(resolutions=_ids(record.resolution_id), meetings=_ids(record.meeting_id))
        case FollowUp():
            return Changes(followups=_ids(record.resolution_id))
        case FollowUpCorrection():
            # A void writes only this row: its entry says which resolution's log changed.
            entry = session.get(FollowUp, record.follow_up_id)
            return Changes(followups=_ids(entry.resolution_id)) if entry is not None else NOTHING
        case DeadlineChange():
            return Changes(followups=_ids(record.resolution_id), resolutions=_ids(record.resolution_id))
        case MonthlyReport() | MonthlyExemption():
            return Changes(monthly=_ids(record.agency_id))
        case Indicator():
            return Changes(indicators=True)
        case (
            Evaluation()
            | EvaluationCriterion()
            | EvaluationTier()
            | EvaluationExclusion()
            | JuryScore()
            | EvaluationResult()
            | EvaluationAmendment()
        ):
            return Changes(evaluations=True)
        case Letter() | LetterDocument():
            return Changes(letters=True)
        case LetterResolution():
            # A resolution communicated or answered: its follow-up window shows the letter.
            return Changes(letters=True, followups=_ids(record.resolution_id))
        case AttachmentContent() | MonthlyFigure() | ReportFile() | ReportFileContent():
            return NOTHING  # written with their attachment or report, which says what changed
    return NOTHING


def collect_flushed(session: Session, _flush_context: object) -> None:
    """``after_flush`` hook: add what this flush wrote to the transaction's changes."""
    found = NOTHING
    for record in (*session.new, *session.dirty, *session.deleted):
        found = found | _changes_of(session, record)
    if found:
        session.info[_INFO_KEY] = session.info.get(_INFO_KEY, NOTHING) | found


def note_changes(session: Session, **touched: Iterable[int] | bool) -> None:
    """Say what a bulk statement in this transaction touched (``meetings=[3, 4]``)."""
    values: dict[str, Any] = {
        name: value if isinstance(value, bool) else frozenset(value) for name, value in touched.items()
    }

    session.info[_INFO_KEY] = session.info.get(_INFO_KEY, NOTHING) | replace(NOTHING, **values)


def peek_changes(session: Session) -> Changes:
    """What the session's transaction has changed so far (kept for ``take_changes``)."""
    found: Changes = session.info.get(_INFO_KEY, NOTHING)
    return found


def take_changes(session: Session) -> Changes:
    """What the session's transaction changed, forgotten by the session."""
    changes: Changes = session.info.pop(_INFO_KEY, NOTHING)
    return changes
