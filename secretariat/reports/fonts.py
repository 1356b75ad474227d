"""The bundled Vazirmatn faces, registered with reportlab once.

Each face is a ``PersianFont``: reportlab's TrueType font (its parsing,
metrics and subsetting), embedded the way a Persian PDF needs it, which
reportlab does not do:
- as one composite font (Type0, two-byte codes, ``Identity-H``) per face
  and document, not as subsets of 256 characters: a line's glyphs never
  have to switch fonts midway, which would cut the run a text extractor
  reads (see ``textlayer``);
- a glyph the shaper chose (an initial ت, the لا ligature, a long final ی)
  has a code of its own (``PersianFont.code``), and the ToUnicode map gives
  that code the letters it stands for in plain logical Unicode (ت, لا, ی):
  copying, searching and text extraction give the text as typed, not
  presentation forms;
- each face's subset prefix (``ABCDEF+``) is its own: reportlab names the
  first subset of every face ``AAAAAA+``, which PDF/A and several viewers
  take for one font.

Resources live in ``resources/`` at the top of the repository; a PyInstaller
build unpacks them under ``sys._MEIPASS`` (the rule ``ui.resources``
follows, kept here without Qt so that reports print from the command line
and from a worker thread alike).
"""

from __future__ import annotations

import hashlib
import sys
import threading
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
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

# Codes of the glyphs that no character reaches as is (a supplementary
# private use plane: no text the app prints uses it).
_FIRST_PRIVATE_CODE = 0xF0000


class PersianFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A TrueType face whose glyphs are drawn by code, each code with the text it stands for."""

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name, path)
        self._codes: dict[tuple[int, str], str] = {}
        self._texts: dict[int, str] = {}
        self._next_private = _FIRST_PRIVATE_CODE
        self._code_lock = threading.Lock()
        self._documents: dict[Any, _Embedding] = {}
        # HarfBuzz positions glyphs in the face's units; reportlab keeps widths per 1000 of the size.
        self.units_per_em: int = self.face.unitsPerEm

    def code(self, glyph: int, text: str) -> str:
        """The character that draws ``glyph`` and reads as ``text`` in the PDF's text layer.

        The character itself where the font maps it to that glyph (a space,
        a digit, a Latin letter, a base Persian letter drawn as such);
        otherwise a private code, made once per glyph and text.
        """
        key = (glyph, text)
        found = self._codes.get(key)
        if found is not None:
            return found
        with self._code_lock:
            found = self._codes.get(key)
            if found is not None:
                return found
            face = self.face
            if len(text) == 1 and face.charToGlyph.get(ord(text)) == glyph:
                found = text
            else:
                code = self._next_private
                self._next_private += 1
                face.charToGlyph[code] = glyph
                face.glyphToChar.setdefault(glyph, []).append(code)
                face.charWidths[code] = face._pdfScale(face.hmetrics[glyph][0])
                self._texts[code] = text
                found = chr(code)
            self._codes[key] = found
            return found

    def text_of(self, code: int) -> str:
        """The text a code stands for (see ``code``)."""
        return self._texts.get(code, chr(code))

    def width_of(self, code: str) -> float:
        """The advance of the glyph a code draws, per 1000 of the size."""
        width: float = self.face.charWidths.get(ord(code), self.face.defaultWidth)
        return width

    # -- embedding (one composite font per document) ------------------------------

    def glyph_ids(self, codes: str, doc: Any) -> list[int]:
        """The ids (CIDs) that draw ``codes`` in ``doc``'s copy of the font, given on first use."""
        state = self._documents.get(doc)
        if state is None:
            state = self._documents[doc] = _Embedding()
            state.internal_name = f"F{len(doc.fontMapping) + 1}"
            doc.fontMapping[f"{self.fontName}/composite"] = "/" + state.internal_name
            doc.delayedFonts.append(self)
        ids = state.ids
        result = []
        for code in codes:
            found = ids.get(code)
            if found is None:
                state.codes.append(code)
                found = ids[code] = len(state.codes)
            result.append(found)
        return result

    def internal_name(self, doc: Any) -> str:
        """The font's resource name in ``doc`` (after ``glyph_ids``)."""
        return "/" + self._documents[doc].internal_name

    def addObjects(self, doc: Any) -> None:  # reportlab names the method
        """Write the font into ``doc``: reportlab's subsets if anything drew with it the
        reportlab way, and the composite font ``glyph_ids`` handed out."""
        if doc in self.state:
            super().addObjects(doc)
        state = self._documents.pop(doc, None)
        if state is None:
            return
        face = self.face
        name = f"{subset_prefix(self.fontName, 0)}+{face.name.decode('pdfdoc')}"
        # The subset's glyph 0 is .notdef, then one glyph per code in order: reportlab's
        # ``makeSubset`` numbers them so, each glyph once.
        subset = [0] + [ord(code) for code in state.codes]
        new_glyph: dict[int, int] = {0: 0}
        glyph_of_id = []
        for code in subset:  # as ``makeSubset`` does, even for code 0 (Vazirmatn maps it to .null)
            original = face.charToGlyph.get(code, 0)
            glyph_of_id.append(new_glyph.setdefault(original, len(new_glyph)))
        to_gid = pdfdoc.PDFStream(content=b"".join(glyph.to_bytes(2, "big") for glyph in glyph_of_id))
        to_unicode = pdfdoc.PDFStream(
            content=to_unicode_cmap(name, ["", *(self.text_of(ord(code)) for code in state.codes)])
        )
        for stream in (to_gid, to_unicode):
            if doc.compression:
                stream.filters = [pdfdoc.PDFZCompress]
        widths = [round(face.getCharWidth(code), 3) for code in subset[1:]]
        descendant = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("CIDFontType2"),
                "BaseFont": pdfdoc.PDFName(name),
                "CIDSystemInfo": pdfdoc.PDFDictionary(
                    {
                        "Registry": pdfdoc.PDFString("Adobe"),
                        "Ordering": pdfdoc.PDFString("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": face.addSubsetObjects(doc, name, subset),
                "DW": round(face.defaultWidth),
                "W": pdfdoc.PDFArray([1, pdfdoc.PDFArray(widths)]),
                "CIDToGIDMap": doc.Reference(to_gid, f"cidToGid:{name}"),
            }
        )
        font = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("Type0"),
                "BaseFont": pdfdoc.PDFName(name),
                "Encoding": pdfdoc.PDFName("Identity-H"),
                "DescendantFonts": pdfdoc.PDFArray([doc.Reference(descendant, f"cidFont:{name}")]),
                "ToUnicode": doc.Reference(to_unicode, f"toUnicodeCMap:{name}"),
            }
        )
        doc.idToObject["BasicFonts"].dict[state.internal_name] = doc.Reference(font, state.internal_name)


class _Embedding:
    """A face's codes in one document: each code's id is its place in ``codes`` (from 1)."""

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.ids: dict[str, int] = {}
        self.internal_name = ""


def subset_prefix(font_name: str, subset: int) -> str:
    """Six capital letters, the same for a face's subset in every document, different between them."""
    digest = hashlib.sha256(f"{font_name}/{subset}".encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap giving two-byte code ``i`` the text ``texts[i]`` (UTF-16, any length)."""
    entries = [
        f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in enumerate(texts) if text
    ]
    # A CMap lists at most 100 entries in one bfchar block.
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{name.replace('+', '-')}-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


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
            pdfmetrics.registerFont(PersianFont(face, str(path)))
        # <b> in a reportlab string and Table's font lookups find the bold face.
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _registered.append(True)


def persian_font(face: str) -> PersianFont:
    """A registered face (see ``FONT_FILES``)."""
    register_fonts()
    font: PersianFont = pdfmetrics.getFont(face)
    return font


def has_glyph(char: str, face: str = REGULAR) -> bool:
    """Does the face draw ``char`` (rather than an empty box)?"""
    register_fonts()
    return ord(char) in pdfmetrics.getFont(face).face.charToGlyph
