"""What a file is, by its content: the formats a scanner or a phone produces.

``detect_media_type`` names the format only when the whole file looks like
it, not just its first bytes: a PDF must have its ``%PDF-1.x`` header, a
``startxref`` pointing inside the file and ``%%EOF`` near its end; a PNG its
``IHDR`` first and ``IEND`` last; a JPEG its segments up to the image data
and an end marker after it; a TIFF a first directory inside the file. An
executable that merely starts with ``%PDF-`` is therefore not a PDF.
``claimed_media_type`` is what the first bytes alone say (for a message
that names what the file pretends to be).

``safe_name`` is the name a stored document is written under to be opened
by another program: control and bidirectional characters (U+202E shows
``letterexe.pdf`` for a file ending in ``.exe``) and path separators removed,
and the extension that of the detected content, whatever the stored name
said. ``private_folder`` is where such copies go: one folder for the
session, readable by its owner only.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", TIFF: ".tif"}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# Leading bytes of each format.
_SIGNATURES = (
    (b"%PDF-", PDF),
    (_PNG_SIGNATURE, PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)
# How far from the end ``%%EOF`` may be (writers add line ends, some a little padding).
_PDF_TAIL = 1024
_PDF_VERSION = re.compile(rb"%PDF-[12]\.\d")
_PDF_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_PDF_XREF_TARGET = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_PDF_TRAILER = re.compile(rb"trailer\s*<<.*>>", re.DOTALL)


def claimed_media_type(data: bytes) -> str | None:
    """The format the first bytes announce, checked no further."""
    return next((media for magic, media in _SIGNATURES if data.startswith(magic)), None)


def detect_media_type(data: bytes) -> str | None:
    """The format of the whole content, or None when it is none of them or only pretends to be."""
    media = claimed_media_type(data)
    checks = {PDF: _is_pdf, PNG: _is_png, JPEG: _is_jpeg, TIFF: _is_tiff}
    return media if media is not None and checks[media](data) else None


def _is_pdf(data: bytes) -> bool:
    """The version header, ``%%EOF`` at the end, and a trailer: ``startxref`` pointing at the
    cross-reference (a table or a stream object), or at least a ``trailer`` dictionary."""
    if not _PDF_VERSION.match(data):
        return False
    tail = data[-_PDF_TAIL:]
    if not tail.rstrip(b"\x00\t\n\f\r ").endswith(b"%%EOF"):
        return False
    matches = list(_PDF_STARTXREF.finditer(tail))
    if not matches:
        return _PDF_TRAILER.search(tail) is not None and b" obj" in data
    offset = int(matches[-1].group(1))
    return 0 < offset < len(data) and _PDF_XREF_TARGET.match(data, offset) is not None


def _is_png(data: bytes) -> bool:
    return data[12:16] == b"IHDR" and data.endswith(_PNG_END)


def _is_jpeg(data: bytes) -> bool:
    """Marker segments from the start up to the image data (SOS), then an end marker (EOI) after it."""
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if length < 2:
            return False
        position += 2 + length
        if marker == 0xDA:  # start of scan: the image data follows, then EOI
            return position <= len(data) and data.find(b"\xff\xd9", position) != -1
    return False


def _is_tiff(data: bytes) -> bool:
    offset = int.from_bytes(data[4:8], "little" if data.startswith(b"II") else "big")
    return 8 <= offset <= len(data) - 2


# -- opening a stored document ---------------------------------------------------

# Characters a name must not carry onto the disk: the bidirectional controls
# (they reorder what is shown), the other format and control characters, and
# the separators and reserved characters of a path on any system.
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
ZWNJ = "\u200c"  # a format character, but part of Persian spelling (نیم‌فاصله): kept
_RESERVED = set('<>:"/\\|?*')
_NAME_LIMIT = 100
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL"} | {f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)}
DEFAULT_STEM = "document"


def _clean(name: str) -> str:
    """``name`` with only characters safe to show and to write, spaces collapsed, no dots at the ends."""
    kept = "".join(
        " " if character.isspace() else character
        for character in unicodedata.normalize("NFC", name)
        if character == ZWNJ
        or (unicodedata.category(character) not in _UNSAFE_CATEGORIES and character not in _RESERVED)
    )
    return " ".join(kept.split()).strip(" .")


def _shortened(stem: str) -> str:
    stem = stem[:_NAME_LIMIT].strip(" .")
    if stem.split(".")[0].upper() in _DEVICE_NAMES:  # names Windows keeps for devices
        stem = f"_{stem}"
    return stem or DEFAULT_STEM


def safe_stem(name: str) -> str:
    """The stored name without its extension (the content gives the new one), safe to show and to write."""
    stem = _clean(name)
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return _shortened(stem.strip(" ."))


def safe_save_name(name: str) -> str:
    """The name offered when a copy is saved: the stored one cleaned as ``safe_stem`` does, its
    extension kept (the person sees it, and chooses)."""
    cleaned = _clean(name)
    stem, dot, extension = cleaned.rpartition(".")
    if not dot:
        return _shortened(cleaned)
    return f"{_shortened(stem.strip(' .'))}.{extension[:_NAME_LIMIT]}"


def safe_name(name: str, data: bytes) -> str | None:
    """The name to open the document under, or None when its content is not one of the known formats."""
    media = detect_media_type(data)
    if media is None:
        return None
    return safe_stem(name) + EXTENSIONS[media]


_session_folder: Path | None = None


def private_folder() -> Path:
    """This session's folder for documents being opened: made once, readable by its owner only."""
    global _session_folder
    if _session_folder is None or not _session_folder.is_dir():
        _session_folder = Path(tempfile.mkdtemp(prefix="secretariat-documents-"))  # mode 0700
    return _session_folder


def write_private_copy(name: str, data: bytes) -> Path | None:
    """A read-only copy of ``data`` in ``private_folder`` under ``safe_name``; None if the content is unknown.

    Each copy has a folder of its own inside the private folder: the same
    name opened twice, or a copy still held open by its viewer, never collide.
    """
    file_name = safe_name(name, data)
    if file_name is None:
        return None
    folder = Path(tempfile.mkdtemp(dir=private_folder()))
    path = folder / file_name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return path
