"""What the archive tests share: the yearly report's stand-in while it is not
written yet, rewriting a ZIP with one change (or with other records, its
manifest made to agree), and a snapshot of a database."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import sqlite3
import types
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from secretariat.archive import verify_archive

RECORDS = "data/records.json"

YEARBOOK = "secretariat.reports.yearbook"
STAND_IN_PDF = b"%PDF-1.4\n% the yearly report's stand-in\n%%EOF\n"


@contextlib.contextmanager
def yearbook_available() -> Iterator[None]:
    """The real ``render_yearbook`` if it exists; until it does, a stand-in that
    reports progress and honours cancelling as a report does."""
    try:
        importlib.import_module(YEARBOOK)
    except ModuleNotFoundError as error:
        if error.name != YEARBOOK:
            raise
    else:
        yield
        return

    def render_yearbook(
        secretariat, year, *, printed_on=None, progress=None, cancelled=None, archived_at=None
    ) -> bytes:
        for done in (0, 50, 100):
            if cancelled is not None and cancelled():
                from secretariat.reports.progress import ReportCancelled

                raise ReportCancelled()
            if progress is not None:
                progress(done, 100)
        return STAND_IN_PDF

    stand_in = types.ModuleType(YEARBOOK)
    stand_in.render_yearbook = render_yearbook
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(__import__("sys").modules, YEARBOOK, stand_in)
        import secretariat.reports as reports

        patch.setattr(reports, "yearbook", stand_in, raising=False)
        yield


def rewrite_zip(
    source: Path,
    target: Path,
    *,
    change: Callable[[str, bytes], bytes | None] = lambda _n, d: d,
    add: dict[str, bytes] | None = None,
) -> None:
    """Copy a ZIP entry by entry: ``change(name, data)`` gives the new bytes, or None to leave it out."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the SQLite file at ``path``."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def tampered(archive: Path, out: Path, data: dict, files: dict[str, bytes] | None = None) -> Path:
    """The archive with ``data`` as its records (and ``files`` added), its manifest made to agree."""
    new = {RECORDS: json.dumps(data).encode("utf-8"), **(files or {})}
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
    for path, content in new.items():
        entry = {"path": path, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        listed = [e for e in manifest["files"] if e["path"] == path]
        if listed:
            listed[0].update(entry)
        else:
            manifest["files"].append(entry)

    def change(name: str, content: bytes) -> bytes:
        if name == "manifest.json":
            return json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        return new.pop(name) if name in new else content

    rewrite_zip(archive, out, change=change, add={k: v for k, v in new.items() if k != RECORDS})
    assert verify_archive(out).ok  # only the values are wrong: the manifest check passes
    return out


def import_in_year(monkeypatch: pytest.MonkeyPatch, year: int) -> None:
    """Imports made from now on are made (and entered in the trail) on the second day of Jalali
    ``year``: after the years archived, so that an archive exported again holds the same trail."""
    import datetime as dt

    from secretariat import clock
    from secretariat.persian import jalali

    moment = dt.datetime.combine(jalali.from_jalali(year, 1, 2), dt.time(10, 0)).astimezone()
    monkeypatch.setattr(clock, "now", lambda: moment)
