"""Handing a file to the desktop: open it with the program the system uses for its kind.

Tests replace ``open_in_default_app`` so that no viewer is started; a run
without anyone watching (``messages.headless``) starts none either.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ui import messages


def open_in_default_app(path: str | Path) -> bool:
    """True if the system took the file (it says nothing of whether the program then opened it)."""
    if messages.headless:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))
