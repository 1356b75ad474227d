"""Persian number words and the ordinals of meeting titles («هفتمین جلسه»)."""

import pytest

from secretariat.persian.ordinals import cardinal, ordinal, ordinal_after, ordinal_title

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (2, "دومین"),
        (3, "سومین"),
        (4, "چهارمین"),
        (7, "هفتمین"),
        (10, "دهمین"),
        (11, "یازدهمین"),
        (12, "دوازدهمین"),
        (19, "نوزدهمین"),
        (20, "بیستمین"),
        (21, "بیست و یکمین"),
        (22, "بیست و دومین"),
        (23, "بیست و سومین"),
        (30, "سی" + ZWNJ + "امین"),
        (33, "سی و سومین"),
        (40, "چهلمین"),
        (99, "نود و نهمین"),
        (100, "صدمین"),
        (101, "صد و یکمین"),
        (102, "صد و دومین"),
        (130, "صد و سی" + ZWNJ + "امین"),
        (200, "دویستمین"),
        (1000, "هزارمین"),
        (1001, "هزار و یکمین"),
        (2000, "دو هزارمین"),
    ],
)
def test_ordinal(n, words):
    assert ordinal(n) == words


def test_thirtieth_keeps_the_zero_width_non_joiner():
    # «سی‌امین», not «سیامین» (one word, wrong) nor «سی امین» (two words).
    assert ZWNJ in ordinal(30)
    assert " " not in ordinal(30)


def test_first_is_nakhostin():
    assert ordinal(1) == "نخستین"


@pytest.mark.parametrize("n", [0, -1])
def test_ordinals_start_at_one(n):
    with pytest.raises(ValueError):
        ordinal(n)


def test_ordinal_title():
    assert ordinal_title(7) == "هفتمین جلسه"
    assert ordinal_title(21) == "بیست و یکمین جلسه"
    assert ordinal_title(30) == "سی" + ZWNJ + "امین جلسه"
    assert ordinal_title(100) == "صدمین جلسه"
    assert ordinal_title(3, "مجمع عمومی") == "سومین مجمع عمومی"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "صفر"),
        (1, "یک"),
        (2, "دو"),
        (10, "ده"),
        (13, "سیزده"),
        (15, "پانزده"),
        (21, "بیست و یک"),
        (100, "صد"),
        (110, "صد و ده"),
        (305, "سیصد و پنج"),
        (999, "نهصد و نود و نه"),
        (1000, "هزار"),
        (1403, "هزار و چهارصد و سه"),
        (2024, "دو هزار و بیست و چهار"),
        (12000, "دوازده هزار"),
        (1_000_000, "یک میلیون"),
        (2_500_000, "دو میلیون و پانصد هزار"),
        (1_000_000_000, "یک میلیارد"),
    ],
)
def test_cardinal(n, words):
    assert cardinal(n) == words


def test_negative_numbers_have_no_cardinal():
    with pytest.raises(ValueError):
        cardinal(-1)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "اول"),
        (2, "دوم"),
        (3, "سوم"),
        (4, "چهارم"),
        (21, "بیست و یکم"),
        (30, "سی" + ZWNJ + "ام"),
        (101, "صد و یکم"),
    ],
)
def test_the_ordinal_after_a_noun_as_a_rank_is_said(n, words):
    assert ordinal_after(n) == words
