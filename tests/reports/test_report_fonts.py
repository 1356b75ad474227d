"""The bundled Vazirmatn faces, found from the source tree and from a frozen app."""

import shutil
import sys

from reportlab.pdfbase import pdfmetrics

from secretariat.reports import fonts


def test_the_three_faces_are_registered():
    fonts.register_fonts()
    fonts.register_fonts()  # once is enough; again is harmless
    for face in (fonts.REGULAR, fonts.MEDIUM, fonts.BOLD):
        assert pdfmetrics.getFont(face).face.name
    assert fonts.has_glyph("پ") and fonts.has_glyph("\u200c") and fonts.has_glyph("۱")


def test_a_frozen_app_finds_the_fonts_it_unpacked(tmp_path, monkeypatch):
    shutil.copytree(fonts.resource_dir() / "fonts", tmp_path / "resources" / "fonts")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_path(fonts.BOLD) == tmp_path / "resources" / "fonts" / "Vazirmatn-Bold.ttf"
    assert fonts.font_path(fonts.BOLD).is_file()


def test_outside_a_frozen_app_the_fonts_are_the_repositorys(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert (fonts.resource_dir() / "fonts" / "OFL.txt").is_file()
