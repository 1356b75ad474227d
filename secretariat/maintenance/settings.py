"""The user's settings: typed, with their defaults here, stored as JSON.

The file is ``settings.json`` in the user data folder (``paths.settings_path``).
A missing or unreadable file, or a value of the wrong type, gives the
default: a bad settings file never stops the app. Keys this version does not
know are kept when the settings are saved, so an older version does not
erase a newer one's settings.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from secretariat import paths
from secretariat.errors import ValidationError
from secretariat.persian.text import to_persian_digits

MAX_BACKUP_GENERATIONS = 365
_MESSAGES = {
    "backup_generations": (
        f"شمار نسخه‌های پشتیبان روزانه باید میان ۱ و {to_persian_digits(MAX_BACKUP_GENERATIONS)} باشد."
    ),
}


@dataclass(frozen=True)
class Settings:
    # Daily backups kept in the backups folder (the oldest beyond this are deleted).
    backup_generations: int = 7
    # The folder a file was last opened from or saved to: where the next file dialog opens.
    last_folder: str = ""


def load(path: Path | None = None) -> Settings:
    stored = _read(path or paths.settings_path())
    settings = Settings()
    for field in fields(Settings):
        value = stored.get(field.name)
        if _valid(field.name, value):
            settings = replace(settings, **{field.name: value})  # type: ignore[arg-type]  # _valid checked it
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    """Write the settings whole or not at all; refuses a value out of range, field by field."""
    errors = {
        name: message for name, message in _MESSAGES.items() if not _valid(name, getattr(settings, name))
    }
    if errors:
        raise ValidationError(errors)
    path = path or paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = _read(path)
    stored.update(asdict(settings))
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(stored, file, ensure_ascii=False, indent=2)
            file.flush()
            os.fsync(file.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _valid(name: str, value: object) -> bool:
    if name == "backup_generations":
        return type(value) is int and 1 <= value <= MAX_BACKUP_GENERATIONS
    if name == "last_folder":
        return isinstance(value, str)
    return False


def _read(path: Path) -> dict[str, object]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}
