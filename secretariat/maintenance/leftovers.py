"""Temporary files left by writes that were killed, removed when the database is next opened.

Everything the app writes beside its data goes first to a hidden temporary
file, then is renamed into place (see ``backup``): a backup, a safety copy
or a restore is staged as ``.TARGET.1a2b3c4d.part`` (with SQLite's
``-journal`` beside it while it is written), the settings as
``.settings.json.XXXXXXXX.part``. A process killed in between leaves that
file behind, hidden, forever (a killed backup leaves a whole copy of the
database).

``remove_leftovers`` removes, in the database's folder and its ``backups``
folder beside it, only files with exactly that naming, whose target is the
database (or a copy of it: its name starts with the database's name) or the
settings, which are regular files (not links), and which nothing has
written to for ``STALE_AFTER``: a backup still being written by another
window is left alone. Nothing else is ever touched.
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

STALE_AFTER = 10 * 60  # seconds: longer than the slowest backup's check between two writes
SETTINGS_NAME = "settings.json"
# ``.`` TARGET ``.`` eight letters or digits (``secrets.token_hex(4)`` or ``mkstemp``) ``.part``
_TEMPORARY = re.compile(r"\.(?P<target>.+)\.[0-9a-z_]{8}\.part(?:-journal)?")


def remove_leftovers(database_path: Path, *, now: float | None = None) -> list[Path]:
    """Remove the stale temporary files of the app beside ``database_path``; returns what was removed."""
    folder = database_path.parent
    stems = (database_path.stem, SETTINGS_NAME)
    removed: list[Path] = []
    for place in (folder, folder / "backups"):
        removed.extend(_remove_in(place, stems, time.time() if now is None else now))
    return removed


def _remove_in(folder: Path, stems: tuple[str, ...], now: float) -> list[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no such folder, or not readable: nothing of ours to clear
        return []
    removed = []
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or not _is_ours(match["target"], stems):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(found.st_mode) or now - found.st_mtime < STALE_AFTER:
                continue
            os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to remove after all
        removed.append(Path(entry.path))
    return removed


def _is_ours(target: str, stems: tuple[str, ...]) -> bool:
    """The target is one of the stems, or a name made from it (``council.before-upgrade-...``)."""
    return any(target == stem or target.startswith((f"{stem}.", f"{stem}-")) for stem in stems)
