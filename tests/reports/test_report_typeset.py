"""The text engine of the PDFs: one bidi pass per paragraph, HarfBuzz shaping, the text layer.

What is drawn is read back glyph by glyph (``text_runs``: each glyph's text
where it is drawn); what a reader copies is read back with pypdf
(``logical_text``) and, where poppler is installed, with ``pdftotext``.
"""

import io
import re
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from secretariat.reports import styles
from secretariat.reports.bidi import paragraph_levels, resolved_levels
from secretariat.reports.fonts import REGULAR, persian_font
from secretariat.reports.page import PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph, text_width, wrap_text
from secretariat.reports.shaping import shape_run
from secretariat.reports.textlayer import reading_segments
from secretariat.reports.typeset import Line, break_lines, set_line
from tests.support.reports import PRINTED_ON, logical_text, readable, rtl, text_runs

SIZE = 10.5
MARGIN = 50.0
RIGHT = A4[0] - MARGIN - 6.0  # SimpleDocTemplate's frame padding
LEFT = MARGIN + 6.0
SETUP = PageSetup(
    council_name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس", title="آزمون", printed_on=PRINTED_ON
)


def build(flowables) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN
    ).build(flowables)
    return buffer.getvalue()


def drawn_lines(text: str, style=styles.BODY) -> list[str]:
    return [readable(run.text) for page in text_runs(build([RtlParagraph(text, style)])) for run in page]


# -- one bidi pass per paragraph ----------------------------------------------------------


def test_a_percentage_reads_the_same_at_the_start_of_a_wrapped_line_as_in_its_middle():
    """«۲۵٪» has its sign at the number's right everywhere, as on screen: at the start of a
    paragraph, at the start of a wrapped line, in the middle of one."""
    filler = "مقرر شد گزارش عملکرد روابط عمومی دستگاه‌ها با افزایش"
    width = text_width(filler, REGULAR, SIZE) + 2  # the filler fills the first line exactly
    text = f"{filler} ۲۵٪ و کاهش ۳۰٪ هزینه‌ها ارسال شود"
    lines = break_lines(text, width, REGULAR, SIZE)
    assert lines[1].text.startswith("۲۵٪")  # the case: the percentage opens the second line
    pdf = build(
        [RtlParagraph(text, ParagraphStyle("fit", parent=styles.BODY, rightIndent=RIGHT - LEFT - width))]
    )
    drawn = [readable(run.text) for run in text_runs(pdf)[0]]
    assert drawn[1].endswith(" ۲۵٪")  # at the line's start (its right end)
    assert " ۳۰٪ " in drawn[1]  # in the middle of the same line: the same
    line_alone = [
        readable(run.text) for run in text_runs(build([RtlParagraph("۲۵٪ و کاهش", styles.BODY)]))[0]
    ]
    assert line_alone == [rtl("و کاهش") + " ۲۵٪"]  # a paragraph that opens with it


def test_levels_are_resolved_on_the_whole_paragraph():
    text = "مصوبه ۲۵٪ و pr@pardis.ir"
    levels = paragraph_levels(text)
    assert levels[text.index("٪")] == levels[text.index("۲")] == 2  # the number and its sign: one run
    assert levels[text.index("p")] == 2
    assert resolved_levels("abc") == [2, 2, 2]


def test_a_long_link_keeps_its_order_on_every_line():
    url = "https://www.example-governorate-portal.ir/news/council?id=123456&ref=council-secretariat"
    text = f"گزارش جلسه در نشانی {url} منتشر شد."
    lines = wrap_text(text, 150, REGULAR, SIZE)
    pieces = [line for line in lines if re.search("[a-z]", line)]
    assert "".join(piece.split(" ")[-1] if "https" in piece else piece.split(" ")[0] for piece in pieces)
    drawn = drawn_lines(text, ParagraphStyle("narrow", parent=styles.BODY, rightIndent=RIGHT - LEFT - 150))
    latin = "".join(re.sub("[^\x21-\x7e]", "", line) for line in drawn)
    assert latin.replace(".", "", 1).startswith(url.replace(".", "", 1)[:20])  # left to right, in order
    assert url in re.sub(r"\s", "", logical_text(build([RtlParagraph(text, styles.BODY)])))


def test_a_trailing_dot_after_a_link_stays_at_the_end_of_the_sentence():
    text = "نشانی pr@pardis.ir."
    (line,) = drawn_lines(text)
    assert line == ".pr@pardis.ir " + rtl("نشانی")  # drawn at the left end, where the sentence ends


# -- shaping ---------------------------------------------------------------------------------


def test_a_mark_is_placed_by_the_font_over_its_letter():
    glyphs = shape_run("تَشکیل", True, REGULAR)
    fatha = next(glyph for glyph in glyphs if persian_font(REGULAR).text_of(ord(glyph.code)) == "\u064e")
    teh = next(glyph for glyph in glyphs if glyph.index == 0)
    assert fatha.advance == 0 and fatha.y_offset > 50  # raised above the letter, taking no room
    assert glyphs.index(fatha) == glyphs.index(teh) - 1  # drawn at the same place as its letter


def test_a_bracket_in_a_right_to_left_run_is_drawn_as_its_mirror_image():
    font = persian_font(REGULAR)
    glyphs = shape_run("(۳ نفر)", True, REGULAR)
    leftmost, rightmost = glyphs[0], glyphs[-1]
    assert font.text_of(ord(leftmost.code)) == ")" and font.text_of(ord(rightmost.code)) == "("
    assert font.face.charToGlyph[ord(leftmost.code)] == font.face.charToGlyph[ord("(")]  # its shape


def test_the_allah_word_ligature_is_off_and_lam_alef_is_on():
    font = persian_font(REGULAR)
    assert len([g for g in shape_run("عبدالله", True, REGULAR) if g.advance]) == 7  # letter by letter
    lam_alef = [g for g in shape_run("لا", True, REGULAR) if g.advance]
    assert len(lam_alef) == 1  # one glyph
    texts = [font.text_of(ord(g.code)) for g in shape_run("لا", True, REGULAR)]
    assert sorted(texts) == ["ا", "ل"]  # that reads as its two letters


def test_zwnj_and_direction_marks_draw_nothing():
    plain = set_line(Line.of("می شود"), REGULAR, SIZE).width
    joined = set_line(Line.of("می‌شود"), REGULAR, SIZE).width
    assert joined < plain  # the ZWNJ takes no room, a space does
    assert (
        set_line(Line.of("\u200fمصوبه\u200e"), REGULAR, SIZE).width
        == set_line(Line.of("مصوبه"), REGULAR, SIZE).width
    )


# -- the text layer ---------------------------------------------------------------------------

_LINES = st.lists(
    st.sampled_from(
        "مقرر شد گزارش روابط‌عمومی‌ها «هفته» (۳ روز) ۱۴۰۵/۰۲/۲۷ ۲۵٪ تا دبیرخانه، اداره؛ کل. "
        "pr@pardis.ir 09121234567 ۱۴۰۴-۰۷-۰۳ عبدالله تَشکیل لا".split()
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=60, deadline=None)
@given(words=_LINES)
def test_pypdf_reads_back_each_line_as_typed(words):
    text = " ".join(words)
    pdf = build_pdf([RtlParagraph("بسمه تعالی", styles.BODY), RtlParagraph(text, styles.BODY)], SETUP)
    assert " ".join(text.split()) in logical_text(pdf)


def test_the_text_layer_holds_no_presentation_forms_and_no_private_codes():
    pdf = build_pdf([RtlParagraph("بسمه تعالی. لا اله عبدالله (۳) تَشکیل می‌شود", styles.BODY)], SETUP)
    text = logical_text(pdf)
    assert "بسمه تعالی" in text and "تعالی بسمه" not in text
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff\U000f0000-\U000fffff]", text)


def test_each_reading_segment_starts_and_ends_with_its_own_letters():
    segments = reading_segments("نشانی pr@pardis.ir و (۳)")
    directions = [segment.direction for segment in segments]
    assert directions == ["R", "N", "L", "N", "R", "N"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_pdftotext_reads_the_persian_in_logical_order():
    text = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس جلسه اسلامی و لا و عبدالله را برگزار کرد."
    pdf = build_pdf([RtlParagraph(text, styles.BODY)], SETUP)
    read = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    read = " ".join(re.sub("[\u202a-\u202e\u200e\u200f]", "", read).split())
    assert " ".join(text.split()) in read


# -- justified text ---------------------------------------------------------------------------


def test_a_justified_paragraph_fills_its_lines_but_the_last_which_keeps_to_the_right():
    style = ParagraphStyle("letter", parent=styles.BODY, alignment=TA_JUSTIFY)
    text = " ".join(["همکاری روابط عمومی دستگاه‌های اجرایی در اطلاع‌رسانی"] * 8)
    runs = text_runs(build([RtlParagraph(text, style)]))[0]
    assert len(runs) >= 3
    assert all(abs(run.x - LEFT) < 0.5 and abs(run.right - RIGHT) < 0.5 for run in runs[:-1])
    assert abs(runs[-1].right - RIGHT) < 0.05 and runs[-1].x > LEFT + 20
    assert logical_text(build([RtlParagraph(text, style)])) == text


def test_the_fonts_are_embedded_whole_each_with_its_own_prefix():
    pdf = build_pdf([RtlParagraph("بسمه تعالی", styles.TITLE), RtlParagraph("متن", styles.BODY)], SETUP)
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            if font["/Subtype"] == "/Type0":
                descendant = font["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in descendant["/FontDescriptor"]
                fonts.append(str(font["/BaseFont"]))
    prefixes = [name.split("+")[0] for name in fonts]
    assert len(fonts) >= 2 and len(set(prefixes)) == len(prefixes)


def test_each_glyph_id_draws_the_glyph_the_shaper_chose():
    """The embedded font draws, under each id, a glyph HarfBuzz chose for the letters the id reads as."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    text = "بسمه تعالی تَشکیل (۳) لا pr@pardis.ir"
    pdf = build([RtlParagraph(text, styles.BODY)])  # only this text's glyphs
    original = persian_font(REGULAR).face
    font = next(
        reference.get_object()
        for page in PdfReader(io.BytesIO(pdf)).pages
        for reference in page["/Resources"]["/Font"].values()
        if str(reference.get_object()["/BaseFont"]).endswith("+Vazirmatn-Regular")
    )
    descendant = font["/DescendantFonts"][0].get_object()
    cmap = descendant["/CIDToGIDMap"].get_object().get_data()
    to_gid = [int.from_bytes(cmap[index : index + 2], "big") for index in range(0, len(cmap), 2)]
    subset = TTFontFile(io.BytesIO(descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()))

    def outline(face, glyph: int) -> bytes:  # without the padding the subset adds to each glyph
        return face.get_table("glyf")[face.glyphPos[glyph] : face.glyphPos[glyph + 1]].rstrip(b"\0")

    to_unicode = _cmap_texts(font["/ToUnicode"].get_object().get_data().decode())
    shaper = persian_font(REGULAR)
    by_text: dict[str, list[bytes]] = {}
    for word in text.split():
        for glyph in shape_run(word, "@" not in word, REGULAR):
            letters = shaper.text_of(ord(glyph.code))
            by_text.setdefault(letters, []).append(outline(original, original.charToGlyph[ord(glyph.code)]))
    checked = 0
    for cid, letters in to_unicode.items():
        data = outline(subset, to_gid[cid])
        if len(data) < 2 or int.from_bytes(data[:2], "big", signed=True) < 0 or letters not in by_text:
            continue  # empty, or a composite (its parts are renumbered in the subset)
        assert data in by_text[letters], letters  # the id draws a glyph chosen for its letters
        checked += 1
    assert checked > 8


def _cmap_texts(cmap: str) -> dict[int, str]:
    return {
        int(code, 16): bytes.fromhex(text).decode("utf-16-be")
        for code, text in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]*)>", cmap)
    }


# -- pages that read well ---------------------------------------------------------------------


def test_a_broken_address_leaves_no_stub_on_its_last_line():
    address = "pr@behdasht-pardis.ir"
    width = text_width("pr@behdasht-pardis.", REGULAR, SIZE) + 1  # «.ir» alone would fit after it
    assert wrap_text(address, width, REGULAR, SIZE) == ["pr@behdasht-", "pardis.ir"]


def test_a_wrapped_cell_of_the_yearly_report_keeps_its_paragraphs_order():
    from secretariat.reports.yearbook_flowables import TableColumns, Text, lay_row

    url = "https://www.example-governorate-portal.ir/news/council?id=123456&ref=council-secretariat"
    text = f"گزارش در {url} منتشر شد."
    row = lay_row([[Text(text)]], [(0.0, 160.0)], TableColumns(("الف", "ب", "ج")))
    lines = [piece.line for slot in row.slots for piece in slot]
    assert len(lines) > 2 and "".join(line.text.replace(" ", "") for line in lines) == text.replace(" ", "")
    levels = paragraph_levels(text)
    position = 0
    for line in lines:  # each line drawn from its slice of the paragraph's levels
        start = text.index(line.text, position)
        assert line.levels == levels[start : start + len(line.text)]
        position = start + len(line.text)


def test_a_short_row_moves_whole_and_its_heading_goes_with_it():
    from reportlab.platypus import Spacer

    from secretariat.reports.paragraph import heading, keep_headings_with_their_tables
    from secretariat.reports.table import Column, rtl_table

    row = " ".join(["متن مصوبه‌ای که چهار سطر می‌شود و نباید دو نیم شود"] * 4)
    table = rtl_table([Column("متن")], [[row]], width=300)
    filler = Spacer(
        1, A4[1] - 2 * MARGIN - 12 - 110
    )  # leaves room for the heading, the header, a line or two
    story = keep_headings_with_their_tables([filler, *heading("اصلاحیه‌ها", styles.HEADING), table])
    pdf = build(story)
    pages = [[readable(run.text) for run in page] for page in text_runs(pdf)]
    assert len(pages) == 2 and not pages[0]  # nothing on the first page: the heading went with the row
    assert rtl("اصلاحیه‌ها") in pages[1] and not any("ادامه" in line[::-1] for line in pages[1])
