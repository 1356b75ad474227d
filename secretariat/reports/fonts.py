"""The bundled Vazirmatn faces, registered with reportlab once.

Resources live in ``resources/`` at the top of the repository; a PyInstaller
build unpacks them under ``sys._MEIPASS`` (the rule ``ui.resources``
follows, kept here without Qt so that reports print from the command line
and from a worker thread alike).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "Vazirmatn"
MEDIUM = "Vazirmatn-Medium"
BOLD = "Vazirmatn-Bold"
FONT_FILES = {
    REGULAR: "Vazirmatn-Regular.ttf",
    MEDIUM: "Vazirmatn-Medium.ttf",
    BOLD: "Vazirmatn-Bold.ttf",
}

_lock = threading.Lock()
_registered: list[bool] = []


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        bundled = Path(bundle) / "resources"
        if bundled.is_dir():
            return bundled
    return Path(__file__).resolve().parent.parent.parent / "resources"


def font_path(face: str) -> Path:
    return resource_dir() / "fonts" / FONT_FILES[face]


def register_fonts() -> None:
    """Register the three faces (once, from any thread); a missing file raises."""
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for face in FONT_FILES:
            path = font_path(face)
            if not path.is_file():
                raise FileNotFoundError(f"قلم گزارش‌ها پیدا نشد: {path}")
            pdfmetrics.registerFont(TTFont(face, str(path)))
        # <b> in a reportlab string and Table's font lookups find the bold face.
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _registered.append(True)


def has_glyph(char: str, face: str = REGULAR) -> bool:
    """Does the face draw ``char`` (rather than an empty box)?"""
    register_fonts()
    return ord(char) in pdfmetrics.getFont(face).face.charToGlyph
