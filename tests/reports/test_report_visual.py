"""One line of Persian in drawing order: shaped, reordered, mirrored.

The expected strings are built by hand: a Persian run is drawn with its
characters right to left (``rtl``), numbers and Latin keep their order.
``readable`` turns the shaped glyphs back into plain letters.
"""

import glob
import re

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.meetings.kinds import display_code
from secretariat.reports import visual
from secretariat.reports.fonts import has_glyph
from secretariat.reports.visual import MIRRORED, resolved_levels, shape, visual_line
from tests.support.reports import readable, rtl

ZWNJ = "\u200c"
REFERENCE_FILES = sorted(glob.glob("/work/shared/reference/*.txt"))


def drawn(text: str) -> str:
    return readable(visual_line(text))


def test_persian_words_are_drawn_from_the_right():
    assert drawn("روابط عمومی شهرستان") == rtl("روابط عمومی شهرستان")
    assert drawn("روابط عمومی شهرستان") == "ناتسرهش یمومع طباور"


def test_a_bracketed_number_is_mirrored_and_keeps_its_place():
    line = drawn("مصوبه (۳) تصویب شد")
    assert line == rtl("تصویب شد") + " (۳) " + rtl("مصوبه")
    assert ")۳(" not in line  # reversed without mirroring


def test_brackets_and_guillemets_of_every_kind_are_mirrored():
    assert drawn("«خبرنویسی و عکاسی خبری»") == "«" + rtl("خبرنویسی و عکاسی خبری") + "»"
    assert drawn("کمیته امداد امام خمینی (ره) شهرستان") == rtl("شهرستان") + " (" + rtl("ره") + ") " + rtl(
        "کمیته امداد امام خمینی"
    )
    assert drawn("بند [۲] و {۳} و <۴>") == "<۴> " + rtl("و") + " {۳} " + rtl("و") + " [۲] " + rtl("بند")


def test_brackets_inside_a_latin_run_stay_as_typed():
    assert drawn("تابع f(x) است") == rtl("است") + " f(x) " + rtl("تابع")


def test_python_bidi_alone_does_not_mirror():
    """The trap this module exists for: python-bidi 0.6 reorders but leaves «(» as «(»."""
    assert ")۳(" in readable(get_display(shape("مصوبه (۳) تصویب شد"), base_dir="R"))


def test_dates_and_numbers_keep_their_digits_in_order():
    assert drawn("تاریخ ۱۴۰۳/۰۲/۲۷ ثبت شد") == rtl("ثبت شد") + " ۱۴۰۳/۰۲/۲۷ " + rtl("تاریخ")
    assert drawn("۲۴ عضو از ۲۶ عضو") == rtl("عضو") + " ۲۶ " + rtl("عضو از") + " ۲۴"
    assert drawn("ساعت ۰۹:۳۰ تا ۱۱:۰۰") == "۱۱:۰۰ " + rtl("تا") + " ۰۹:۳۰ " + rtl("ساعت")


def test_email_and_phone_stay_left_to_right():
    line = drawn("رایانامه pr@pardis.ir و تلفن 09121234567")
    assert line == "09121234567 " + rtl("و تلفن") + " pr@pardis.ir " + rtl("رایانامه")


@pytest.mark.parametrize("number", ["۱۴۰۴-۰۷-۰۳", "021-76251001", "۱۴۰۳-۰۲-۲۷"])
def test_numbers_joined_by_hyphens_stay_in_order(number):
    assert drawn(f"مصوبه {number} ابلاغ شد") == rtl("ابلاغ شد") + f" {number} " + rtl("مصوبه")


def test_a_resolution_code_on_screen_reads_the_same_on_paper():
    assert drawn(f"کد {display_code('1404-07-03')} ثبت شد") == rtl("ثبت شد") + " ۱۴۰۴-۰۷-۰۳ " + rtl("کد")
    assert drawn(f"کد {display_code('1404-م02-01')}") == "۱۴۰۴-م۰۲-۰۱ " + rtl("کد")


def test_direction_controls_are_not_drawn():
    line = visual_line(f"کد {display_code('1404-07-03')} و \u200fنام\u200e")
    assert not re.search("[\u200e\u200f\u2066-\u2069\u202a-\u202e]", line)


def test_zwnj_is_kept_and_stops_the_join():
    assert shape("می‌شود") == "\ufee3\ufbfd" + ZWNJ + "\ufeb7\ufeee\ufea9"  # ی final, ش initial
    assert shape("میشود")[1] == "\ufbff"  # without it, ی joins on: medial
    assert drawn("روابط‌عمومی") == rtl("روابط‌عمومی")
    assert ZWNJ in visual_line("روابط‌عمومی")


def test_diacritics_are_kept_just_before_the_letter_they_sit_on():
    # Drawing order: final dal, shadda, medial meem (the shadda's letter), medial hah, initial meem.
    assert visual_line("محمّد") == "\ufeaa\u0651\ufee4\ufea4\ufee3"
    assert "\u0654" in visual_line("خانهٔ من")


def test_lam_alef_is_one_glyph_and_allah_is_spelled_out():
    assert "\ufefc" in visual_line("اطلاعات")
    assert drawn("اطلاعات") == rtl("اطلاعات")
    assert "\ufdf2" not in visual_line("عبدالله")
    assert drawn("عبدالله") == rtl("عبدالله")


def test_spaces_around_the_line_do_not_move_words():
    assert drawn("  مصوبه شورا  ").strip() == rtl("مصوبه شورا")


def test_mirrored_pairs_are_pairs():
    assert all(MIRRORED[MIRRORED[char]] == char for char in MIRRORED)


def test_levels_follow_the_bidi_algorithm():
    text = shape("مصوبه pr@pardis.ir")
    assert resolved_levels(text) == [1] * 6 + [2] * len("pr@pardis.ir")


def test_a_changed_python_bidi_printout_fails_loudly(monkeypatch):
    monkeypatch.setattr(visual, "get_display", lambda *args, **kwargs: "BidiInfo { }")
    with pytest.raises(RuntimeError, match="python-bidi"):
        resolved_levels("مصوبه")


def _reference_lines(limit_per_file: int = 12) -> list[str]:
    lines = []
    for path in REFERENCE_FILES:
        with open(path, encoding="utf-8") as handle:
            text = [line.strip() for line in handle if line.strip()]
        lines += [line[:160].rsplit(" ", 1)[0] for line in text[:limit_per_file]]
    return lines


@pytest.mark.skipif(not REFERENCE_FILES, reason="the shared reference articles are not here")
def test_the_order_is_python_bidis_but_for_mirroring():
    """Rules L1 and L2 done here give python-bidi's order; only the brackets differ."""
    canonical = str.maketrans({char: "|" for char in MIRRORED})
    checked = 0
    for line in _reference_lines():
        if re.search(r"\d[-\u2010\u2011\u2013]\d", line):
            continue  # those runs are isolated on purpose (see visual.py)
        expected = get_display(shape(line), base_dir="R")
        expected = re.sub("[\u200e\u200f\u2066-\u2069]", "", expected)
        assert visual_line(line).translate(canonical) == expected.translate(canonical)
        checked += 1
    assert checked > 20


@pytest.mark.skipif(not REFERENCE_FILES, reason="the shared reference articles are not here")
def test_vazirmatn_draws_every_character_of_the_reference_articles():
    for line in _reference_lines(limit_per_file=1000):
        missing = {char for char in visual_line(line) if not has_glyph(char)}
        assert not missing, (line, missing)


@pytest.mark.skipif(not REFERENCE_FILES, reason="the shared reference articles are not here")
def test_a_sentence_typed_with_arabic_letters_is_drawn_in_order():
    sentence = "مدير كل روابط عمومي استانداري ايلام خواستار تقويت روابط عمومي ها شد"
    assert drawn(sentence) == rtl(sentence)


# Letters (with presentation forms' sources), ZWNJ, marks, tatweel, spaces,
# punctuation, brackets, the direction marks that resolve to the right, and
# the weak separators and terminators that only numbers make work.
_RIGHT_TO_LEFT_ONLY = (
    "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإؤئء"
    + ZWNJ
    + "\u064b\u064e\u0650\u0651\u0654\u0640"
    + " \u00a0\t.،؛:!؟«»()[]{}<>-+/%٪#*\"'…—\u200f\u061c"
)


@given(st.text(alphabet=_RIGHT_TO_LEFT_ONLY, max_size=60))
@settings(max_examples=400, deadline=None)
def test_a_line_without_numbers_or_latin_is_drawn_as_the_algorithm_draws_it(text):
    """The short cut for a right-to-left-only line gives the full algorithm's result."""
    shaped = shape(text)
    assert visual_line(text) == visual.by_the_algorithm(shaped)
