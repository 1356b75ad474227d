"""``manifest.json``: what the archive holds, each file with its size and SHA-256.

Written last into the ZIP (once every file's digest is known) and read
first by a check or an import. A manifest of another program, or of a newer
schema version, is refused with a Persian message.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from secretariat.archive.schema import SCHEMA_NAME, SCHEMA_VERSION
from secretariat.errors import DomainError
from secretariat.persian.text import to_persian_digits

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    year: int
    council: str
    created_at: str
    app_version: str
    counts: dict[str, int]  # rows by table
    files: tuple[ManifestEntry, ...]

    def to_json(self) -> bytes:
        document = {
            "schema": SCHEMA_NAME,
            "version": SCHEMA_VERSION,
            "year": self.year,
            "council": self.council,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "counts": self.counts,
            "files": [
                {"path": e.path, "size": e.size, "sha256": e.sha256}
                for e in sorted(self.files, key=lambda e: e.path)
            ],
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class NewerArchiveError(DomainError):
    pass


def check_schema(document: object, what: str) -> dict[str, Any]:
    """``document`` if it is ours in a version this app reads; else a Persian refusal."""
    if not isinstance(document, dict) or document.get("schema") != SCHEMA_NAME:
        raise DomainError(f"{what} بایگانی دبیرخانه نیست (نشانه «{SCHEMA_NAME}» را ندارد).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DomainError(f"نسخه طرح {what} خوانا نیست.")
    if version > SCHEMA_VERSION:
        raise NewerArchiveError(
            f"این بایگانی را نسخه تازه‌تری از برنامه ساخته است (نسخه طرح {to_persian_digits(version)}؛ "
            f"این برنامه تا نسخه {to_persian_digits(SCHEMA_VERSION)} را می‌خواند). برنامه را به‌روز کنید."
        )
    return document


def parse_manifest(data: bytes) -> Manifest:
    """The manifest read from its bytes; DomainError (Persian) if it is not one."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError("فهرست بایگانی (manifest.json) خوانا نیست؛ بایگانی آسیب دیده است.") from error
    check_schema(document, "فهرست این پرونده")
    files = document.get("files")
    if not isinstance(files, list):
        raise DomainError("فهرست بایگانی (manifest.json) فهرست پرونده‌ها را ندارد؛ بایگانی آسیب دیده است.")
    entries = []
    for entry in files:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
            and _SHA256.match(entry["sha256"])
        ):
            raise DomainError("سطری از فهرست بایگانی (manifest.json) خوانا نیست؛ بایگانی آسیب دیده است.")
        entries.append(ManifestEntry(entry["path"], entry["size"], entry["sha256"]))
    year = document.get("year")
    return Manifest(
        year=year if isinstance(year, int) else 0,
        council=str(document.get("council", "")),
        created_at=str(document.get("created_at", "")),
        app_version=str(document.get("app_version", "")),
        counts=document.get("counts") if isinstance(document.get("counts"), dict) else {},
        files=tuple(entries),
    )
