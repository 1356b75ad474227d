"""Choosing a file to open or a place to save, in one place.

Tests replace these functions to answer without a person at the keyboard.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from ui import messages


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    if messages.headless:
        return None
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str = "") -> str | None:
    if messages.headless:
        return None
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None
