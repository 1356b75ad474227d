"""Persian text: what is stored (normalize), what is searched (fold), digits.

Expected values are written by hand from shared/PERSIAN.md; Arabic and
invisible characters are spelled with escapes so that a reader can see
exactly which code point each test is about.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretariat.persian.text import (
    NumberFormatError,
    fold,
    format_int,
    matches,
    normalize,
    normalize_line,
    parse_int,
    search_terms,
    to_latin_digits,
    to_persian_digits,
)

ZWNJ = "\u200c"
ARABIC_YEH = "\u064a"  # ي
ARABIC_KAF = "\u0643"  # ك
PERSIAN_YEH = "\u06cc"  # ی
PERSIAN_KAF = "\u06a9"  # ک
TATWEEL = "\u0640"  # ـ

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

# The characters the app meets: Persian letters, the Arabic variants people
# type or paste, diacritics, tatweel, ZWNJ and other invisible marks, the
# three digit scripts, Latin, punctuation, every kind of space and the
# Arabic presentation forms that come out of PDFs and old fonts.
PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
VARIANTS = "يكىئةۀہەأإٱؤء"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"
INVISIBLE = ZWNJ + "\u200d\u200e\u200f\u202b\u202c" + TATWEEL
SPACES = " \t\n\r\u00a0\u2009\u202f"
OTHERS = "abcXYZ@.-/()«»،؛؟!:٬,"
realistic_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            PERSIAN_LETTERS
            + VARIANTS
            + MARKS
            + INVISIBLE
            + SPACES
            + OTHERS
            + PERSIAN_DIGITS
            + ARABIC_DIGITS
            + LATIN_DIGITS
        ),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),  # presentation forms A
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC),  # presentation forms B
    )
)


# -- normalize: the stored form -----------------------------------------


def test_normalize_turns_arabic_yeh_and_kaf_into_persian():
    assert normalize("علي كريمي") == "علی کریمی"
    assert normalize(ARABIC_YEH + ARABIC_KAF) == PERSIAN_YEH + PERSIAN_KAF


def test_normalize_trims_the_ends_and_collapses_runs_of_spaces():
    assert normalize("   اداره   کل \t ارشاد  ") == "اداره کل ارشاد"
    # No-break and thin spaces pasted from Word count as spaces too.
    assert normalize("اداره\u00a0\u00a0کل\u2009ارشاد") == "اداره کل ارشاد"


def test_normalize_keeps_lines_but_tidies_each_one():
    assert normalize("  سطر یک  \r\n   سطر   دو  ") == "سطر یک\nسطر دو"


def test_normalize_keeps_the_zero_width_non_joiner():
    assert normalize("روابط" + ZWNJ + "عمومی") == "روابط" + ZWNJ + "عمومی"
    assert normalize("می" + ZWNJ + "شود") == "می" + ZWNJ + "شود"


@pytest.mark.parametrize(
    "text",
    [
        "مُدیرِ کُلّ",  # diacritics
        "مدیـــر",  # tatweel
        "مدرسة",  # teh marbuta
        "خانهٔ ما",  # heh + hamza above
        "أحمد إمامی",  # alef with hamza
        "آبادان",  # alef with madda stays آ
        "جلسه ١٢ و ۱۲ و 12",  # digits of every script stay as typed
        "pr@pardis.ir (۰۹۱۲-۱۲۳۴۵۶۷)",  # Latin and punctuation
        "روابط" + ZWNJ + "عمومی",
    ],
)
def test_normalize_changes_nothing_else(text):
    assert normalize(text) == text


def test_normalize_of_nothing_is_empty():
    assert normalize(None) == ""
    assert normalize("") == ""
    assert normalize(" \t\n ") == ""


def test_normalize_line_makes_one_line():
    assert normalize_line(" اداره کل\nارشاد \r\n اسلامی ") == "اداره کل ارشاد اسلامی"


# -- fold: the search form ------------------------------------------------


def test_fold_makes_arabic_and_persian_letters_alike():
    assert fold("مدير") == fold("مدیر")
    assert fold("كارشناس") == fold("کارشناس")
    assert fold("ى") == fold("ی")  # alef maksura


def test_fold_ignores_space_zwnj_and_nothing_between_words():
    spaced = fold("روابط عمومی")
    assert spaced == fold("روابط" + ZWNJ + "عمومی")
    assert spaced == fold("روابطعمومی")
    assert spaced == fold("  روابط   عمومی ")


def test_fold_ignores_tatweel():
    assert fold("مدیـــــر") == fold("مدیر")
    assert fold("روابط" + TATWEEL + "عمومی") == fold("روابطعمومی")


def test_fold_ignores_diacritics():
    assert fold("مُدیرِ کُلّ") == fold("مدیر کل")
    assert fold("عِلْم") == fold("علم")
    assert fold("تحقیقاً") == fold("تحقیقا")


def test_fold_makes_the_forms_of_final_heh_alike():
    plain = fold("مدرسه")
    assert fold("مدرسة") == plain  # teh marbuta
    assert fold("مدرسۀ") == plain  # heh with yeh above, one code point
    assert fold("مدرسهٔ") == plain  # heh + hamza above, two code points


def test_fold_makes_the_forms_of_alef_alike():
    plain = fold("احمد")
    assert fold("أحمد") == plain
    assert fold("إحمد") == plain
    assert fold("آحمد") == plain


@pytest.mark.parametrize("twelve", ["۱۲", "١٢", "12"])
def test_fold_makes_every_digit_script_alike(twelve):
    assert fold(twelve) == fold("12")
    assert fold(f"جلسه {twelve}") == fold("جلسه ۱۲")


def test_fold_keeps_different_words_apart():
    assert fold("مدیر") != fold("مدیران")
    assert fold("پارس") != fold("بارس")
    assert fold("۱۲") != fold("۲۱")
    assert fold("کار") != fold("گار")


def test_fold_ignores_latin_case():
    assert fold("PR@Pardis.IR") == fold("pr@pardis.ir")


def test_fold_of_nothing_is_empty():
    assert fold(None) == ""
    assert fold("") == ""


# -- search ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("مدیر", "مدير روابط عمومی"),
        ("مدير", "مدیر روابط عمومی"),
        ("روابط عمومی", "اداره روابط" + ZWNJ + "عمومی"),
        ("روابط" + ZWNJ + "عمومی", "اداره روابط عمومی"),
        ("روابط عمومی", "روابطعمومی"),
        ("كل", "اداره کل"),
        ("۰۹۱۲", "09121234567"),
        ("0912", "۰۹۱۲۱۲۳۴۵۶۷"),
        ("١٤٠٣", "۱۴۰۳/۰۲/۲۷"),
        ("مدرسه", "مدرسة"),
        ("احمد", "أحمد"),
        ("مدیر", "مُدیـــر"),
        ("  ", "هرچه"),  # an empty query matches everything
    ],
)
def test_matches_finds_text_in_any_spelling(query, text):
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("مدیر", "معاون روابط عمومی"),
        ("روابط مدیر", "روابط عمومی"),  # every term must be there
        ("۱۲", "جلسه ۲۱"),
        ("پارس", "بارس"),
    ],
)
def test_matches_refuses_text_that_lacks_a_term(query, text):
    assert not matches(query, text)


def test_matches_every_term_in_any_order():
    assert matches("عمومی روابط", "روابط عمومی استانداری")


def test_search_terms_split_at_spaces_and_zwnj_and_fold_each():
    assert search_terms("  مدير   روابط" + ZWNJ + "عمومی ") == ["مدیر", "روابط", "عمومی"]
    assert search_terms("جلسه ١٢") == ["جلسه", "12"]
    assert search_terms("") == []
    assert search_terms(None) == []
    assert search_terms(" " + ZWNJ + " ") == []


# -- digits ---------------------------------------------------------------


def test_to_persian_digits():
    assert to_persian_digits("1403/02/27") == "۱۴۰۳/۰۲/۲۷"
    assert to_persian_digits("١٤٠٣") == "۱۴۰۳"
    assert to_persian_digits(125) == "۱۲۵"
    assert to_persian_digits("pr@pardis.ir") == "pr@pardis.ir"


def test_to_latin_digits():
    assert to_latin_digits("۱۴۰۳/۰۲/۲۷") == "1403/02/27"
    assert to_latin_digits("١٤٠٣/٠٢/٢٧") == "1403/02/27"
    assert to_latin_digits("جلسه ۷") == "جلسه 7"


def test_format_int_uses_persian_digits_and_the_persian_thousands_separator():
    assert format_int(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert format_int(0) == "۰"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("۱۲۳", 123),
        ("١٢٣", 123),
        ("123", 123),
        ("  ۴۵  ", 45),
        ("۱٬۲۳۴", 1234),
        ("1,234", 1234),
        ("-۵", -5),
        ("+7", 7),
        ("۰", 0),
        ("۱2٣", 123),  # mixed scripts, as a person may type them
    ],
)
def test_parse_int_reads_any_digits(typed, value):
    assert parse_int(typed) == value


@pytest.mark.parametrize("typed", [None, "", "   "])
def test_parse_int_refuses_nothing_in_persian(typed):
    with pytest.raises(NumberFormatError) as error:
        parse_int(typed)
    assert str(error.value) == "عددی وارد نشده است."


@pytest.mark.parametrize("typed", ["دوازده", "۱۲الف", "۱.۵", "12a", "--3", "\u0967\u0968"])
def test_parse_int_refuses_what_is_not_an_integer_quoting_it_in_persian(typed):
    with pytest.raises(NumberFormatError) as error:
        parse_int(typed)
    message = str(error.value)
    assert f"«{typed}»" in message
    assert "عدد صحیح نیست" in message


# -- properties -------------------------------------------------------------


@settings(max_examples=500)
@given(realistic_text)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(st.one_of(st.text(), realistic_text))
def test_normalize_changes_only_yeh_kaf_and_whitespace(text):
    def visible(s):
        return "".join(c for c in s if not c.isspace())

    stored = normalize(text)
    expected = text.replace(ARABIC_YEH, PERSIAN_YEH).replace(ARABIC_KAF, PERSIAN_KAF)
    assert visible(stored) == visible(expected)
    assert ARABIC_YEH not in stored and ARABIC_KAF not in stored
    assert stored == stored.strip()
    assert "  " not in stored


@given(st.one_of(st.text(), realistic_text))
def test_folding_the_stored_form_is_folding_the_typed_form(text):
    assert fold(normalize(text)) == fold(text)


@given(st.one_of(st.text(), realistic_text))
def test_digit_conversions_round_trip(text):
    assert to_latin_digits(to_persian_digits(text)) == to_latin_digits(text)
    assert to_persian_digits(to_latin_digits(text)) == to_persian_digits(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_round_trip_through_persian_digits(number):
    assert int(to_latin_digits(to_persian_digits(number))) == number
    assert parse_int(to_persian_digits(number)) == number
    assert parse_int(format_int(number)) == number


@given(st.one_of(st.text(min_size=1), realistic_text.filter(bool)))
def test_any_text_matches_itself(text):
    assert matches(text, text)


@given(realistic_text, realistic_text, realistic_text)
def test_a_part_of_a_text_is_found_in_it(before, part, after):
    assert matches(part, before + " " + part + " " + after)


def test_a_number_of_thousands_of_digits_is_refused_in_persian_not_crashed_on():
    from secretariat.persian.text import NumberFormatError, parse_int

    with pytest.raises(NumberFormatError, match="بزرگ"):
        parse_int("۹" * 5_000)
    assert parse_int("000000000000000000000042") == 42  # leading zeros are not size
