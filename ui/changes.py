"""What changed, announced once so that every view refreshes what it shows.

A dialog that saves says what it changed; views listen for the kinds of
change that touch them instead of being reset by whoever made the change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    agency_changed = Signal(int)  # added, edited, (de)activated or deleted
    person_changed = Signal(int)  # added or edited
    roles_changed = Signal(int)  # appointments, ends of roles, decrees at this agency
    council_changed = Signal()
    # A meeting planned, edited, postponed or cancelled, or its agenda,
    # invitees, attendance, files or status changed.
    meeting_changed = Signal(int)
    # The resolutions of this meeting: added, edited, removed or amended.
    resolutions_changed = Signal(int)
    # A resolution followed up: an entry logged, its status or its deadline changed.
    followup_changed = Signal(int)
