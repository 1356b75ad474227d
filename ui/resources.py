"""Where the bundled resources are, and loading them: fonts, icons, style.

Resources live in ``resources/`` at the top of the repository; a PyInstaller
build unpacks them under ``sys._MEIPASS``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon

FONT_FAMILY = "Vazirmatn"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Medium.ttf", "Vazirmatn-Bold.ttf")
_ICON_URL = re.compile(r"url\(icons/([\w.-]+\.svg)\)")


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        bundled = Path(bundle) / "resources"
        if bundled.is_dir():
            return bundled
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


_loaded_family: list[str | None] = []


def load_fonts() -> str | None:
    """Register the bundled Vazirmatn faces (once); the family name, or None if none loaded."""
    if _loaded_family:
        return _loaded_family[0]
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    _loaded_family.append(family)
    return family


def style_sheet() -> str:
    """The style sheet, its ``url(icons/...)`` made absolute (Qt reads them from the working folder)."""
    path = resource_path("style.qss")
    if not path.exists():
        return ""
    icons = resource_path("icons").as_posix()
    return _ICON_URL.sub(lambda match: f'url("{icons}/{match.group(1)}")', path.read_text(encoding="utf-8"))


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon (empty if the file is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
