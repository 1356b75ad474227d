"""A form field for an optional file: its name in a read-only line, «انتخاب...» and «برداشتن».

The file is only named here; the core reads it when the form is saved, so a
file that has gone missing in between is refused then, beside this field.
``set_path`` chooses a file without the file dialog (tests, screenshots).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from ui import strings
from ui.rtl import align_right
from ui.widgets import file_choice


class FileField(QWidget):
    changed = Signal(str)  # the chosen path, "" once cleared

    def __init__(
        self,
        dialog_title: str,
        *,
        filters: str = strings.ALL_FILES_FILTER,
        placeholder: str = "",
        clear_tip: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._dialog_title = dialog_title
        self._filters = filters
        self._path = ""
        self.name = align_right(QLineEdit())
        self.name.setReadOnly(True)
        self.name.setPlaceholderText(placeholder)
        self.choose_button = QPushButton(strings.CHOOSE_FILE)
        self.clear_button = QPushButton(strings.CLEAR_FILE)
        for button in (self.choose_button, self.clear_button):
            # Enter in the form saves: these are pressed, never the dialog's default.
            button.setAutoDefault(False)
        self.clear_button.setToolTip(clear_tip)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self._show()

    def path(self) -> str:
        return self._path

    def set_path(self, path: str | Path) -> None:
        self._path = str(path) if str(path).strip() else ""
        self._show()
        self.changed.emit(self._path)

    def choose(self) -> None:
        chosen = file_choice.open_file(self, self._dialog_title, self._filters)
        if chosen is not None:
            self.set_path(chosen)

    def clear(self) -> None:
        self.set_path("")

    def _show(self) -> None:
        # The name is what a person recognises; the whole path is in the tooltip.
        self.name.setText(Path(self._path).name if self._path else "")
        self.name.setToolTip(self._path)
        self.clear_button.setEnabled(bool(self._path))
