"""The core as the window holds it: the secretariat on the open database, and its changes as Qt signals."""

from __future__ import annotations

from secretariat.core import Secretariat
from secretariat.database import Database
from ui.changes import Changes


class Services(Secretariat):
    """Every core service (see ``secretariat.core``), plus ``changes``: what the core saved, as signals."""

    def __init__(self, database: Database):
        super().__init__(database)
        # Every commit on this database, whoever made it, reaches the views through here.
        self.changes = Changes(database.changes)

    @classmethod
    def for_database(cls, database: Database) -> Services:
        return cls(database)

    def stop_listening(self) -> None:
        """Let go of the database's announcements: these services are being replaced (a restore)."""
        self.changes.stop()

    def close(self) -> None:
        self.stop_listening()
        super().close()
