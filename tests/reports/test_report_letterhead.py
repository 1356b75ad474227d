"""The letterhead's council name: a long name shrinks, then takes a third line, and is never cut."""

import datetime as dt

import pytest
from reportlab.pdfbase import pdfmetrics

from secretariat.reports import page, styles, wording
from secretariat.reports.fingerprint import Seal
from secretariat.reports.fonts import BOLD, register_fonts
from secretariat.reports.page import (
    COUNCIL_NAME_WIDTH,
    NAME_FLOOR,
    PageSetup,
    build_pdf,
    council_name_layout,
    letterhead_rule_y,
)
from secretariat.reports.paragraph import RtlParagraph, text_width

SHORT = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
MIDDLE = "شورای هماهنگی روابط عمومی‌های دستگاه‌های اجرایی، نهادهای عمومی و شرکت‌های دولتی شهرستان پردیس"
LONG = (
    "شورای هماهنگی روابط عمومی‌های دستگاه‌های اجرایی، نهادهای عمومی غیردولتی، شرکت‌های دولتی "
    "و دانشگاه‌های شهرستان پردیس و بخش‌های بومهن و جاجرود، استان تهران، با همکاری اداره کل "
    "فرهنگ و ارشاد اسلامی تهران"
)
PRINTED_ON = dt.date(2025, 5, 17)
FIELDS = (("تاریخ", "۱۴۰۴/۰۲/۲۷"), ("شماره", "۱۲/ش/۱۴۰۴"), ("پیوست", "ندارد"))
SEAL = Seal("M1404-07-9F3A1C2B", "9f3a1c2b" + "0" * 56)


def test_a_usual_name_is_drawn_at_twelve_points_on_at_most_two_lines():
    layout = council_name_layout(SHORT)
    assert layout.size == 12 and 1 <= len(layout.lines) <= 2


def test_a_longer_name_shrinks_before_it_takes_a_third_line():
    layout = council_name_layout(MIDDLE)
    assert NAME_FLOOR <= layout.size < 12
    assert len(layout.lines) == 2
    assert layout.lines[0].split() + layout.lines[1].split() == MIDDLE.split()


@pytest.mark.parametrize("widest", [330.0, COUNCIL_NAME_WIDTH])
def test_a_name_of_two_hundred_characters_keeps_every_word_in_three_lines(widest):
    register_fonts()
    assert len(LONG) == 200  # the most the council's name may hold
    layout = council_name_layout(LONG, widest)
    assert len(layout.lines) == 3
    assert [word for line in layout.lines for word in line.split()] == LONG.split()
    assert all(
        text_width(line, BOLD, layout.size) <= max(widest, COUNCIL_NAME_WIDTH) for line in layout.lines
    )
    # Beside a letter's fields it stays at the floor; beside a QR code a little below, still legible.
    assert layout.size >= (NAME_FLOOR if widest > 300 else 7.5)


def drawn_letterhead(monkeypatch, **setup) -> list[tuple[float, float, str, str, float]]:
    """What the first page's letterhead draws: (x, y, text, font, size), in drawing order."""
    calls = []
    real = page.draw_text

    def record(canvas, x, y, text, *, font=page.REGULAR, size=9.0, align="right", mute=False):
        calls.append((x, y, text, font, size))
        real(canvas, x, y, text, font=font, size=size, align=align, mute=mute)

    monkeypatch.setattr(page, "draw_text", record)
    build_pdf(
        [RtlParagraph("متن نامه", styles.BODY)],
        PageSetup(council_name=LONG, title="نامه", printed_on=PRINTED_ON, **setup),
    )
    letterhead_bottom = page.PAGE_HEIGHT - page.TOP_MARGIN - page.LETTERHEAD_HEIGHT
    return [call for call in calls if call[1] > letterhead_bottom]  # not the footer, nor the watermark


def _ascent(font: str, size: float) -> float:
    return pdfmetrics.getFont(font).face.ascent * size / 1000


def _descent(font: str, size: float) -> float:
    return -pdfmetrics.getFont(font).face.descent * size / 1000


@pytest.mark.parametrize("setup", [{"letter_fields": FIELDS}, {"seal": SEAL}, {"draft": True}])
def test_the_drawn_letterhead_has_the_whole_name_clear_of_its_neighbours(monkeypatch, setup):
    calls = drawn_letterhead(monkeypatch, **setup)
    name = [call for call in calls if call[3] == BOLD and call[2] != wording.DRAFT]
    assert [word for call in name for word in call[2].split()] == LONG.split()
    god = next(call for call in calls if call[2] == wording.IN_THE_NAME_OF_GOD)
    secretariat = next(call for call in calls if call[2] == wording.SECRETARIAT)
    # Top to bottom, glyph boxes (marks, dots) apart: «بسمه تعالی», the name, «دبیرخانه», the rule.
    boxes = [(y + _ascent(font, size), y - _descent(font, size)) for _, y, _, font, size in [god, *name]]
    secretariat_top = secretariat[1] + _ascent(secretariat[3], secretariat[4])
    boxes.append((secretariat_top, secretariat[1] - _descent(secretariat[3], secretariat[4])))
    for (_, upper_bottom), (lower_top, _) in zip(boxes, boxes[1:], strict=False):
        assert upper_bottom >= lower_top - 0.01
    assert boxes[-1][1] > letterhead_rule_y()
    # Right-aligned beside the emblem, and clear of the left block's text (the date, the code).
    left_block = max(x for x, _, text, font, _ in calls if font != BOLD and x < page.PAGE_WIDTH / 2)
    for x, _, text, font, size in name:
        assert x - text_width(text, font, size) > left_block
