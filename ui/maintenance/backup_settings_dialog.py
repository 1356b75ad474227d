"""«تنظیمات پشتیبان‌گیری»: how many daily backups are kept, and where they are.

The number is saved in the settings file (``secretariat.maintenance.settings``); the
folder is the backups folder of the user's data folder, shown with a button
that opens it in the system's file manager.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget

from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.settings import Settings
from ui import desktop, strings
from ui.widgets.form_dialog import FormDialog

GENERATIONS_RANGE = (1, 60)


class BackupSettingsDialog(FormDialog):
    """``saved`` is the ``Settings`` written."""

    def __init__(
        self,
        current: Settings,
        folder: Path,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
        on_file: bool = True,
    ):
        super().__init__(strings.BACKUP_SETTINGS_TITLE, parent)
        self._current = current
        self._settings_path = settings_path
        self.folder = folder
        self.set_intro(strings.BACKUP_SETTINGS_INTRO if on_file else strings.BACKUP_SETTINGS_SERVER)
        low, high = GENERATIONS_RANGE
        self.generations = QSpinBox()
        self.generations.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        # A larger number kept from before (the settings allow it) is not lowered by opening this.
        self.generations.setRange(low, max(high, current.backup_generations))
        self.generations.setValue(current.backup_generations)
        self.generations.setSuffix(strings.BACKUP_GENERATIONS_SUFFIX)
        self.generations.setMaximumWidth(140)
        self.form.add_field(
            "backup_generations",
            strings.BACKUP_GENERATIONS,
            self.generations,
            changed=self.generations.valueChanged,
        )

        self.folder_line = QLineEdit(str(folder))
        self.folder_line.setReadOnly(True)
        self.folder_line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.folder_line.setCursorPosition(0)
        self.folder_line.setToolTip(str(folder))
        self.open_folder_button = QPushButton(strings.BACKUP_OPEN_FOLDER)
        self.open_folder_button.clicked.connect(self.open_folder)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder_line, 1)
        row_layout.addWidget(self.open_folder_button)
        self.form.add_field("folder", strings.BACKUP_FOLDER, row)
        self.setMinimumWidth(620)

    def open_folder(self) -> bool:
        """The backups folder in the file manager (made first: the first backup has not made it yet)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.form.set_errors(
                {"folder": strings.BACKUP_FOLDER_FAILED.format(reason=error.strerror or error)}
            )
            return False
        return desktop.open_in_default_app(self.folder)

    def save(self) -> Settings:
        chosen = replace(self._current, backup_generations=self.generations.value())
        settings_store.save(chosen, self._settings_path)
        return chosen
