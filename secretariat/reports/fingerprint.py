"""The seal of a finalized document: a short document code and a QR code.

A finalized document (signed minutes, for one) carries a code and a QR
code holding that code and a SHA-256 fingerprint of the document's
content. The fingerprint is of the content, computed from the records, not
of the PDF's bytes: a reprint of the same records has the same code, and
an archive check recomputes the fingerprint from the database alone and
compares it with the one read off a scanned copy.

Format, version 1:

- content: a JSON value built by the report module from the records (for
  the minutes: ``secretariat.reports.minutes_data.minutes_content``, of
  finalized minutes as kept on finalizing, with the names of that day:
  ``secretariat.meetings.snapshot``). Strings as
  stored, dates ISO Gregorian («2025-06-08»), times «09:00», numbers as
  integers, lists in the printed order. Never the print date or anything
  of the layout.
- canonical JSON: the object ``{"content": ..., "format": "council-secretariat/1",
  "kind": "<kind>"}`` written with sorted keys, no spaces (separators ``,``
  and ``:``), non-ASCII characters as themselves (not ``\\u`` escapes), no
  NaN, encoded as UTF-8.
- fingerprint: the SHA-256 of those bytes, 64 lowercase hex digits.
- document code: ``<prefix><reference>-<first 8 hex digits of the
  fingerprint, upper case>``, Latin so that it can be read out and typed
  anywhere; for the minutes of the 7th council meeting of 1404:
  ``M1404-07-9F3A1C2B``.
- QR payload: ``CSEC1:<document code>:<fingerprint in upper case>``. Every
  character is in the QR code's alphanumeric set (digits, A-Z, ``-``,
  ``:``), which packs it into a smaller code (33 modules a side) that a
  phone reads off paper more easily.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

FORMAT = "council-secretariat/1"
PAYLOAD_PREFIX = "CSEC1"
CODE_DIGEST_LENGTH = 8
QR_QUIET_ZONE = 4  # modules of white around the code, as the standard asks
_PAYLOAD = re.compile(rf"^{PAYLOAD_PREFIX}:([A-Z0-9-]+):([0-9A-F]{{64}})$")


def canonical_json(kind: str, content: Any) -> bytes:
    """The bytes that are hashed; raises ``TypeError`` for anything not plain JSON."""
    document = {"format": FORMAT, "kind": kind, "content": content}
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def fingerprint(kind: str, content: Any) -> str:
    """The SHA-256 of the canonical JSON of ``content``, in hex."""
    return hashlib.sha256(canonical_json(kind, content)).hexdigest()


def document_code(prefix: str, reference: str, digest: str) -> str:
    """«M1404-07-9F3A1C2B»: what the document is, and the start of its fingerprint."""
    return f"{prefix}{reference}-{digest[:CODE_DIGEST_LENGTH].upper()}"


@dataclass(frozen=True)
class Seal:
    """A finalized document's code and fingerprint."""

    code: str
    sha256: str

    @property
    def payload(self) -> str:
        """What the QR code holds."""
        return f"{PAYLOAD_PREFIX}:{self.code}:{self.sha256.upper()}"


def seal(kind: str, content: Any, *, prefix: str, reference: str) -> Seal:
    digest = fingerprint(kind, content)
    return Seal(document_code(prefix, reference, digest), digest)


def parse_payload(payload: str) -> Seal | None:
    """The seal a QR code read back holds, or None if it is not one of ours."""
    match = _PAYLOAD.match(payload.strip().upper())
    return Seal(match.group(1), match.group(2).lower()) if match else None


@lru_cache(maxsize=64)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` (error correction M) as rows of dark/light modules."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(row, column)) for column in range(count)) for row in range(count))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as a ``size``-point square with its lower left corner at ``x``, ``y``.

    Drawn module by module on the canvas, each row's dark runs as one
    rectangle (reportlab's ``QrCodeWidget`` encodes twice and draws a shape
    per module: ten times slower for the same picture). The quiet zone of
    four modules around it is part of ``size``.
    """
    modules = qr_modules(payload)
    count = len(modules) + 2 * QR_QUIET_ZONE
    module = size / count
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    for row_index, row in enumerate(modules):
        top = y + size - (row_index + QR_QUIET_ZONE + 1) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            # A hair wider than the run, so that neighbouring rows leave no seams.
            canvas.rect(
                x + (start + QR_QUIET_ZONE) * module,
                top,
                (column - start) * module + 0.05,
                module + 0.05,
                stroke=0,
                fill=1,
            )
    canvas.restoreState()
