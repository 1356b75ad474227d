"""The «پشتیبان و بایگانی» menu of the main window.

Each action loads its flow (and the core under it) the first time it is
used, so that the main window still shows before the database layer loads:
``ui.maintenance.backup_flow`` for backups, restoring and their settings,
``ui.maintenance.archive_flow`` for the yearly archive, checking it, checking a
printed document, and importing an archive. The flows see the window only
as a ``MaintenanceWindow``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui import strings

if TYPE_CHECKING:
    from secretariat.archive import ImportResult
    from secretariat.maintenance.backup import BackupRecord
    from secretariat.maintenance.restore import RestoreResult
    from secretariat.maintenance.settings import Settings
    from ui.maintenance.archive_dialog import ArchiveDialog
    from ui.maintenance.document_check_dialog import DocumentCheckDialog
    from ui.maintenance.maintenance_window import MaintenanceWindow
    from ui.widgets.result_dialog import ResultDialog


class BackupMenu(QObject):
    def __init__(self, window: MaintenanceWindow, menu: QMenu):
        super().__init__(window.window())
        self.window = window
        self.menu = menu
        self.backup_action = self._add(strings.ACTION_BACKUP, self.take_backup)
        self.restore_action = self._add(strings.ACTION_RESTORE, self.restore_backup)
        self.settings_action = self._add(strings.ACTION_BACKUP_SETTINGS, self.edit_settings)
        menu.addSeparator()
        self.archive_action = self._add(strings.ACTION_ARCHIVE_EXPORT, self.export_archive)
        self.verify_action = self._add(strings.ACTION_ARCHIVE_VERIFY, self.verify_archive)
        self.document_action = self._add(strings.ACTION_DOCUMENT_VERIFY, self.verify_document)
        menu.addSeparator()
        self.import_action = self._add(strings.ACTION_ARCHIVE_IMPORT, self.import_archive)
        self.actions = [
            self.backup_action,
            self.restore_action,
            self.settings_action,
            self.archive_action,
            self.verify_action,
            self.document_action,
            self.import_action,
        ]

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window.window())
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # -- backups ---------------------------------------------------------------------------

    def take_backup(self) -> BackupRecord | None:
        from ui.maintenance.backup_flow import take_backup

        return take_backup(self.window)

    def restore_backup(self) -> RestoreResult | None:
        from ui.maintenance.backup_flow import restore_backup

        return restore_backup(self.window)

    def edit_settings(self) -> Settings | None:
        from ui.maintenance.backup_flow import edit_backup_settings

        return edit_backup_settings(self.window)

    # -- the yearly archive ------------------------------------------------------------------

    def export_archive(self) -> ArchiveDialog:
        from ui.maintenance.archive_flow import export_archive

        return export_archive(self.window)

    def verify_archive(self) -> ResultDialog | None:
        from ui.maintenance.archive_flow import verify_archive

        return verify_archive(self.window)

    def verify_document(self) -> DocumentCheckDialog:
        from ui.maintenance.archive_flow import verify_document

        return verify_document(self.window)

    def import_archive(self) -> ImportResult | None:
        from ui.maintenance.archive_flow import import_archive

        return import_archive(self.window)
