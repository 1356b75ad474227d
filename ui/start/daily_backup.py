"""The daily backup taken when the app opens, in the background.

Once the window shows the council, ``start_daily_backup`` runs the core's
``daily_backup`` (today's copy in the backups folder unless there is one,
the oldest beyond the chosen number of generations deleted) in a worker
thread, so that start-up is not slowed. It says so in the status bar when a
backup was taken, and warns there, without a message box, when it failed:
nobody should have to click something away before starting work.

Not on PostgreSQL (the server's tools back it up) and not for the
screenshot and start-up-probe runs (``ui/app.py`` returns before this).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from secretariat import paths
from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.backup import BackupRecord, daily_backup
from ui import strings
from ui.worker import Worker

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

DONE_MESSAGE_MS = 10000


class DailyBackup(Worker):
    """Today's backup of the window's database; the outcome goes to the window's status bar."""

    def __init__(self, window: MainWindow, *, folder: Path, keep: int, today: dt.date | None = None):
        database = window.services.database
        super().__init__(
            lambda _progress, _cancelled: daily_backup(database, folder, keep=keep, today=today), window
        )
        self._window = window
        self.record: BackupRecord | None = None
        self.error: str | None = None
        self.done = False  # the outcome is in (and shown)
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)
        self.finished.connect(self.deleteLater)

    def _on_succeeded(self, record: BackupRecord | None) -> None:
        self.record, self.done = record, True
        if record is not None:  # None: today's backup was already there
            self._window.show_message(strings.DAILY_BACKUP_DONE, DONE_MESSAGE_MS)

    def _on_failed(self, text: str) -> None:
        self.error, self.done = text, True
        self._window.show_message(strings.DAILY_BACKUP_FAILED.format(reason=text), 0)  # stays until the next


def start_daily_backup(
    window: MainWindow,
    *,
    folder: Path | None = None,
    today: dt.date | None = None,
    settings_path: Path | None = None,
) -> DailyBackup | None:
    """Start today's backup of the window's database; None when there is nothing to do here."""
    if not window.database_host.is_file():
        return None
    keep = settings_store.load(settings_path).backup_generations
    worker = DailyBackup(window, folder=folder or paths.backups_folder(), keep=keep, today=today)
    worker.start()
    return worker
