"""The other desks' saves, asked for every few seconds, so that open views follow them.

On a database shared by several PCs (PostgreSQL, or a SQLite file two windows
have open), each desk's committed saves are noted in the database
(``secretariat.office.desks``). ``DeskNews`` asks ``Database.news()`` on a timer:
one small indexed read, nothing when nobody else saved. What the others changed is
published on the database's ``ChangeFeed``, the one the window already listens
to (``ui.changes``), so every open view and window refreshes as it does for this
desk's own saves. A busy database (another desk writing a large import) is
asked again at the next tick.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from secretariat.database import Database
from secretariat.errors import DomainError

INTERVAL_MS = 3000


class DeskNews(QObject):
    def __init__(self, database: Database, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._database = database
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.ask)

    def start(self) -> None:
        """From now on: what was saved before is already shown."""
        try:
            self._database.start_listening()
        except DomainError:
            pass  # busy: the first tick's news is then all since the last check, which is harmless
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def ask(self) -> None:
        try:
            self._database.news()  # published on the database's feed: the views refresh
        except DomainError:
            pass  # the database is busy: ask again next time
