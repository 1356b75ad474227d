"""Where the user's data lives: the OS data folder, never the install folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "CouncilSecretariat"
APP_AUTHOR = "CouncilSecretariat"


def data_folder() -> Path:
    # SECRETARIAT_DATA_DIR lets tests and portable installs choose the folder.
    override = os.environ.get("SECRETARIAT_DATA_DIR")
    folder = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database_path() -> Path:
    return data_folder() / "council.sqlite3"


def demo_database_path() -> Path:
    return data_folder() / "demo.sqlite3"


def backups_folder() -> Path:
    """Where the daily backups go (made by the first backup, not here)."""
    return data_folder() / "backups"


def settings_path() -> Path:
    return data_folder() / "settings.json"


def connection_path() -> Path:
    """The shared database's address, without its password (``secretariat.office.connection``)."""
    return data_folder() / "connection.json"
