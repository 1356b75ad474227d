"""What the core saved, as Qt signals: the one place where the window hears of changes.

The database announces every committed unit of work (``secretariat.changes``),
whoever made it: a dialog, a tab, a worker, a call straight into the core.
``Changes`` listens to that announcement and emits it here, so a view open
anywhere refreshes from what was saved; nobody announces a change by hand.

``changed`` carries the whole ``secretariat.changes.Changes``, once per
commit: a view that shows several kinds of record, or one record, looks at
it once. The per-kind signals carry each id touched (0 when everything
changed: a restore, an import) for a view that needs only one kind.

The database announces on the thread that wrote. On the GUI thread the
signals are emitted at once, so a view is up to date when the save
returns; from a worker they are queued to the GUI thread, where the views
live, and emitted there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance

from secretariat import changes as core
from secretariat.changes import ChangeFeed


class Changes(QObject):
    changed = Signal(object)  # a secretariat.changes.Changes: all that one commit changed

    agency_changed = Signal(int)  # added, edited, (de)activated or deleted
    person_changed = Signal(int)  # added or edited
    roles_changed = Signal(int)  # appointments, ends of roles, decrees at this agency
    council_changed = Signal()
    # A yearly evaluation changed: created, its criteria, tiers, rules or exclusions, a jury score,
    # publishing, an amendment.
    evaluations_changed = Signal()
    # A meeting planned, edited, renumbered, postponed or cancelled, or its
    # agenda, invitees, attendance, minutes, files or status changed.
    meeting_changed = Signal(int)
    # A resolution's text, deadline, responsible agencies, status or amendments changed.
    resolutions_changed = Signal(int)
    # A resolution followed up: an entry logged, its deadline moved.
    followup_changed = Signal(int)
    # An agency's monthly reports or exemptions changed: recorded, corrected, voided, exempted.
    monthly_changed = Signal(int)
    # The council's indicators of activity changed (added, edited, reordered, retired, deleted).
    indicators_changed = Signal()

    # What another thread heard, on its way to the GUI thread.
    _heard_elsewhere = Signal(object)

    def __init__(self, feed: ChangeFeed | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._home = threading.get_ident()  # the thread this object (and the views) live on
        self._heard_elsewhere.connect(self._announce, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = feed.subscribe(self._hear) if feed else None

    def stop(self) -> None:
        """Hear no more from the database (it is being closed or replaced)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _hear(self, changes: core.Changes) -> None:
        # Called by the database on the thread that committed.
        if threading.get_ident() == self._home:
            self._announce(changes)
        else:
            self._heard_elsewhere.emit(changes)

    def _announce(self, changes: core.Changes) -> None:
        if self._unsubscribe is None or not changes:
            return  # stopped: what was still on its way from a worker is for views now gone
        self.changed.emit(changes)
        if changes.evaluations or changes.everything:
            self.evaluations_changed.emit()
        if changes.council or changes.everything:
            self.council_changed.emit()
        if changes.indicators or changes.everything:
            self.indicators_changed.emit()
        for signal, ids in (
            (self.agency_changed, changes.agencies),
            (self.person_changed, changes.people),
            (self.roles_changed, changes.roles),
            (self.meeting_changed, changes.meetings),
            (self.resolutions_changed, changes.resolutions),
            (self.followup_changed, changes.followups),
            (self.monthly_changed, changes.monthly),
        ):
            _emit_each(signal, ids, everything=changes.everything)


def _emit_each(signal: SignalInstance, ids: Iterable[int], *, everything: bool) -> None:
    if everything:
        signal.emit(0)  # 0: not one record, any of them
        return
    for record_id in sorted(ids):
        signal.emit(record_id)
