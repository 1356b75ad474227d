"""The look of the printed page: type sizes, spacing and the few colours.

One place for them, so that every report looks the work of the same careful
office. Persian needs more leading than Latin: Vazirmatn's letters reach
well above and below the line (the ascender of آ, the descender of ی, the
dots and marks), so the leading is about 1.8 times the size.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from secretariat.reports.fonts import BOLD, MEDIUM, REGULAR

INK = colors.HexColor("#1b1f23")
ACCENT = colors.HexColor("#1f3b4d")  # the app's colour for signed minutes
MUTED = colors.HexColor("#5b6670")
RULE = colors.HexColor("#8d99a3")
HEADER_FILL = colors.HexColor("#e4e9ed")
ZEBRA_FILL = colors.HexColor("#f5f7f8")
WATERMARK = colors.HexColor("#9aa4ab")
DRAFT_RED = colors.HexColor("#a3312a")

BODY = ParagraphStyle(
    "body",
    fontName=REGULAR,
    fontSize=10.5,
    leading=19,
    alignment=TA_RIGHT,
    textColor=INK,
    spaceAfter=3,
)
# An office letter's prose, justified as a letter typed in Word is (the text
# engine lays it out; one that does not justify yet sets it right-aligned).
LETTER_BODY = ParagraphStyle("letter_body", parent=BODY, leading=21, spaceAfter=5, alignment=TA_JUSTIFY)
TITLE = ParagraphStyle(
    "title",
    parent=BODY,
    fontName=BOLD,
    fontSize=15,
    leading=27,
    alignment=TA_CENTER,
    textColor=ACCENT,
    spaceBefore=2,
    spaceAfter=4,
)
SUBTITLE = ParagraphStyle(
    "subtitle",
    parent=BODY,
    fontName=MEDIUM,
    fontSize=11,
    leading=20,
    alignment=TA_CENTER,
    spaceAfter=8,
)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=12,
    leading=22,
    textColor=ACCENT,
    spaceBefore=12,
    spaceAfter=4,
)
ITEM_TITLE = ParagraphStyle(
    "item_title",
    parent=BODY,
    fontName=MEDIUM,
    fontSize=10.5,
    leading=19,
    spaceBefore=4,
    spaceAfter=1,
    keepWithNext=1,
)
NOTE = ParagraphStyle("note", parent=BODY, fontSize=9.5, leading=17, textColor=MUTED, spaceBefore=3)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=16.5, spaceAfter=0)
# Over a resolution's text in the minutes: its code.
CELL_CODE = ParagraphStyle(
    "cell_code", parent=CELL, fontName=MEDIUM, fontSize=9, leading=15.5, textColor=ACCENT
)
# Under a cell's main text: who carries a resolution out, by when, and with whom.
CELL_DETAIL = ParagraphStyle(
    "cell_detail", parent=CELL, fontSize=9, leading=15.5, textColor=MUTED, spaceBefore=2
)
CELL_CENTER = ParagraphStyle("cell_center", parent=CELL, alignment=TA_CENTER)
HEADER_CELL = ParagraphStyle("header_cell", parent=CELL, fontName=BOLD, alignment=TA_CENTER)
LABEL_CELL = ParagraphStyle("label_cell", parent=CELL, fontName=MEDIUM)
LABEL_CELL_CENTER = ParagraphStyle("label_cell_center", parent=LABEL_CELL, alignment=TA_CENTER)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=14, textColor=MUTED, spaceAfter=0)
SMALL_CENTER = ParagraphStyle("small_center", parent=SMALL, alignment=TA_CENTER)
# «(ادامه)» under a row's number where the row goes on from the page before.
CONTINUED = ParagraphStyle("continued", parent=SMALL_CENTER, fontSize=7.5, leading=12)
