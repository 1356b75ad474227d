"""The index types the item models share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
# The invisible root: the default parent in rowCount() and friends.
ROOT = QModelIndex()
