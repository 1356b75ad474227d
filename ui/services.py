"""The core as the window holds it: the secretariat on the open database, and its changes as Qt signals."""

from __future__ import annotations

from secretariat.core import Secretariat
from secretariat.database import Database
from ui.changes import Changes


class Services(Secretariat):
    """Every core service (see ``secretariat.core``), plus ``changes``: what the core saved, as signals."""

    def __init__(self, database: Database):
        super().__init__(database)
        self.changes = Changes()

    @classmethod
    def for_database(cls, database: Database) -> Services:
        return cls(database)
