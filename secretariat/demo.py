"""The demo council, built in code (filled in below)."""

from __future__ import annotations

from pathlib import Path

from secretariat.database import Database, open_database


def create_demo_database(path: Path) -> Database:
    raise NotImplementedError
