"""Persian alphabetical order, in Python and in the database.

The expected orders are those of a Persian dictionary (shared/PERSIAN.md),
written out by hand; several are chosen because code-point order gets
them wrong.
"""

import random
from functools import cmp_to_key

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import column, select, table, text

from secretariat.database import open_database
from secretariat.persian import collation

ALPHABET = "آ ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی".split()

# One word for each letter, in the order of the alphabet.
WORDS = [
    "آب",
    "اسب",
    "باران",
    "پدر",
    "تهران",
    "ثروت",
    "جنگل",
    "چای",
    "حافظ",
    "خانه",
    "دریا",
    "ذرت",
    "رود",
    "زمین",
    "ژاله",
    "سعدی",
    "شیراز",
    "صبح",
    "ضامن",
    "طلا",
    "ظهر",
    "علم",
    "غذا",
    "فردا",
    "قلم",
    "کتاب",
    "گل",
    "لاله",
    "ماه",
    "نان",
    "ورزش",
    "هوا",
    "یزد",
]

ZWNJ = "\u200c"


def persian_sorted(items):
    return sorted(items, key=collation.sort_key)


def shuffled(items, seed=1403):
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def test_the_words_start_with_the_letters_of_the_alphabet():
    # Guards the fixture itself: WORDS must follow ALPHABET letter by letter.
    assert [word[0] for word in WORDS] == ALPHABET
    assert "".join(ALPHABET) == collation.PERSIAN_ALPHABET


def test_single_letters_sort_in_persian_order():
    assert persian_sorted(shuffled(ALPHABET)) == ALPHABET
    assert persian_sorted(reversed(ALPHABET)) == ALPHABET


def test_words_sort_in_persian_order():
    assert persian_sorted(shuffled(WORDS)) == WORDS
    assert persian_sorted(reversed(WORDS)) == WORDS


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("پ", "ت"),
        ("چ", "ح"),
        ("ژ", "س"),
        ("گ", "ل"),
        ("و", "ه"),
        ("پاک", "تاک"),
        ("چرم", "حرم"),
        ("ژاله", "ساله"),
        ("گرد", "لرد"),
        ("وزن", "هزار"),
        ("گلپایگان", "لاهیجان"),
        ("ورامین", "همدان"),
    ],
)
def test_letters_that_code_points_misplace(first, second):
    # Code-point order gets each pair backwards ...
    assert sorted([first, second]) == [second, first]
    # ... the Persian order does not.
    assert persian_sorted([second, first]) == [first, second]
    assert collation.compare(first, second) == -1
    assert collation.compare(second, first) == 1


@pytest.mark.parametrize(
    ("expected"),
    [
        ["قلم", "كتاب", "گل"],  # Arabic kaf sorts as ک
        ["کاوه", "كيان"],  # ... also against Persian letters after it
        ["یاسر", "يوسف"],  # Arabic yeh sorts as ی
        ["هوا", "يزد"],
        ["ابراهیم", "أحمد", "إسماعیل", "اصغر"],  # أ and إ sort as ا
        ["مدرس", "مدرسة", "مدرسی"],  # ة sorts as ه
        ["مدرس", "مدرسۀ", "مدرسی"],  # ۀ too
    ],
)
def test_arabic_variants_sort_with_their_persian_letters(expected):
    assert persian_sorted(reversed(expected)) == expected
    assert persian_sorted(shuffled(expected)) == expected


def test_alef_with_madda_is_its_own_letter_before_alef():
    assert persian_sorted(["ابر", "آبان", "احمد", "آرش"]) == ["آبان", "آرش", "ابر", "احمد"]


def test_numbers_sort_by_value_whatever_their_script():
    assert persian_sorted(["12", "۲"]) == ["۲", "12"]
    assert persian_sorted(["١٠٠", "۹۹", "3", "١١"]) == ["3", "١١", "۹۹", "١٠٠"]
    assert persian_sorted(["جلسه ۱۰", "جلسه 9", "جلسه ٢", "جلسه ۱۰۰"]) == [
        "جلسه ٢",
        "جلسه 9",
        "جلسه ۱۰",
        "جلسه ۱۰۰",
    ]


def test_diacritics_tatweel_and_zwnj_do_not_move_a_name():
    names = ["روابط عمومی", "مُدیر", "مدیـــران", "نان"]
    # Each sorts where its plain spelling would.
    assert persian_sorted(["مدیرکل", "مُدیر", "مدیران", "مداد"]) == ["مداد", "مُدیر", "مدیران", "مدیرکل"]
    assert persian_sorted(["مدیری", "مدیـــران", "مدیر"]) == ["مدیر", "مدیـــران", "مدیری"]
    zwnj = "روابط" + ZWNJ + "عمومی"
    assert persian_sorted([zwnj, "روابطه", "روابط"]) == ["روابط", zwnj, "روابطه"]
    assert persian_sorted(shuffled(names)) == ["روابط عمومی", "مُدیر", "مدیـــران", "نان"]


def test_names_compare_word_by_word():
    # A shorter first word comes first, as in a dictionary.
    assert persian_sorted(["آبادان", "آب سرد", "آب"]) == ["آب", "آب سرد", "آبادان"]


def test_spellings_of_one_name_are_neighbours_and_still_in_a_fixed_order():
    spellings = ["علی کریمی", "علي كريمي", "علی" + ZWNJ + "کریمی"]
    others = ["علیرضا", "عباس", "غلامی"]
    result = persian_sorted(shuffled(spellings + others))
    positions = sorted(result.index(s) for s in spellings)
    assert positions == list(range(positions[0], positions[0] + 3))
    assert result == persian_sorted(reversed(spellings + others))


def test_empty_and_none_sort_first():
    assert persian_sorted(["ب", "", "آ"]) == ["", "آ", "ب"]
    assert collation.compare(None, "آ") == -1
    assert collation.compare(None, "") == 0


def test_characters_at_the_end_of_unicode_still_sort():
    # Private-use characters of the last plane once made the key overflow.
    last = ["\U0010ffff", "\U0010f000", "\U000fffff"]
    assert persian_sorted(["ب"] + last + ["آ"]) == ["آ", "ب", "\U000fffff", "\U0010f000", "\U0010ffff"]


def test_sorted_persian_sorts_by_a_key():
    rows = [{"name": name} for name in shuffled(WORDS)]
    assert [row["name"] for row in collation.sorted_persian(rows, key=lambda row: row["name"])] == WORDS


# -- order properties --------------------------------------------------------

names = st.text(
    alphabet=st.sampled_from(
        "".join(ALPHABET)
        + "يكةۀأإئؤء"
        + "\u064e\u0650\u0651\u0654"
        + ZWNJ
        + "\u0640"
        + " ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789abcXYZ-."
    ),
    max_size=12,
)
any_text = st.one_of(names, st.text(max_size=12))


@given(any_text, any_text)
def test_compare_is_antisymmetric(a, b):
    assert collation.compare(a, b) == -collation.compare(b, a)


@given(any_text, any_text)
def test_compare_says_equal_only_for_equal_texts(a, b):
    assert (collation.compare(a, b) == 0) == (a == b)


@given(any_text, any_text)
def test_compare_agrees_with_sort_key(a, b):
    ka, kb = collation.sort_key(a), collation.sort_key(b)
    assert collation.compare(a, b) == (ka > kb) - (ka < kb)


@given(st.lists(any_text, max_size=20))
def test_sort_key_and_compare_give_one_total_order(items):
    by_key = sorted(items, key=collation.sort_key)
    by_compare = sorted(items, key=cmp_to_key(collation.compare))
    assert by_key == by_compare
    for left, right in zip(by_key, by_key[1:], strict=False):
        assert collation.compare(left, right) <= 0
    # The order does not depend on the order things came in.
    assert sorted(reversed(items), key=collation.sort_key) == by_key


@given(any_text, any_text, any_text)
def test_compare_is_transitive(a, b, c):
    x, y, z = sorted([a, b, c], key=cmp_to_key(collation.compare))
    assert collation.compare(x, y) <= 0
    assert collation.compare(y, z) <= 0
    assert collation.compare(x, z) <= 0


# -- the SQLite collation ----------------------------------------------------

names_table = table("names", column("name"))


@pytest.fixture(scope="module")
def names_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("collation") / "council.sqlite3")
    with db.transaction() as session:
        session.execute(text("CREATE TABLE names (name TEXT)"))
    yield db
    db.close()


def _fill(db, items):
    with db.transaction() as session:
        session.execute(text("DELETE FROM names"))
        if items:
            session.execute(text("INSERT INTO names (name) VALUES (:name)"), [{"name": n} for n in items])


DATABASE_NAMES = WORDS + [
    "كتاب",
    "يزد",
    "مدرسة",
    "أحمد",
    "آبادان",
    "جلسه ۱۰",
    "جلسه 9",
    "جلسه ٢",
    "روابط عمومی",
    "روابط" + ZWNJ + "عمومی",
    "روابطعمومی",
    "مُدیر",
    "مدیـــر",
    "Pardis",
    "pardis",
    "۲",
    "12",
    "\U0010ffff",
]


def test_sqlite_orders_by_the_persian_collation(names_db):
    _fill(names_db, shuffled(DATABASE_NAMES))
    statement = select(names_table.c.name).order_by(names_db.persian_order(names_table.c.name))
    with names_db.reading() as session:
        in_database = list(session.scalars(statement))
    assert in_database == persian_sorted(DATABASE_NAMES)
    # The database really did the sorting: its plain order is different.
    with names_db.reading() as session:
        plain = list(session.scalars(select(names_table.c.name).order_by(names_table.c.name)))
    assert plain != in_database


def test_sqlite_collation_in_raw_sql_and_descending(names_db):
    _fill(names_db, shuffled(DATABASE_NAMES, seed=7))
    raw = names_db.engine.raw_connection()
    try:
        ascending = [r[0] for r in raw.execute("SELECT name FROM names ORDER BY name COLLATE persian")]
        descending = [r[0] for r in raw.execute("SELECT name FROM names ORDER BY name COLLATE persian DESC")]
    finally:
        raw.close()
    assert ascending == persian_sorted(DATABASE_NAMES)
    assert descending == list(reversed(ascending))


def test_every_connection_has_the_collation(names_db):
    # The pool may hand out a new connection; each must know «persian».
    _fill(names_db, ["ی", "پ", "آ"])
    connections = [names_db.engine.raw_connection() for _ in range(3)]
    try:
        for connection in connections:
            rows = connection.execute("SELECT name FROM names ORDER BY name COLLATE persian").fetchall()
            assert [r[0] for r in rows] == ["آ", "پ", "ی"]
    finally:
        for connection in connections:
            connection.close()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(any_text.filter(lambda s: "\x00" not in s), max_size=25))
def test_sqlite_order_equals_the_python_order(names_db, items):
    _fill(names_db, items)
    statement = select(names_table.c.name).order_by(names_db.persian_order(names_table.c.name))
    with names_db.reading() as session:
        assert list(session.scalars(statement)) == sorted(items, key=collation.sort_key)


def test_alef_with_a_combining_madda_sorts_as_alef_madda():
    from secretariat.persian.collation import sort_key

    decomposed = "\u0627\u0653رش"  # ا + combining madda + رش, as some keyboards type آرش
    assert sort_key("احمد") > sort_key(decomposed) > sort_key("آ")


# -- the stored key ------------------------------------------------------------------


def _primary(text):
    return collation.sort_key(text).partition("\x00")[0]


stored_text = any_text.filter(lambda s: "\x00" not in s)  # as a database keeps text


@given(stored_text, stored_text)
def test_the_stored_key_orders_as_the_key_does(a, b):
    # Byte order of the stored keys is the Persian order of the texts, up to what folding makes
    # equal (ي and ی, a ZWNJ and a space), where the stored keys tie.
    ka, kb = collation.index_key(a), collation.index_key(b)
    pa, pb = _primary(a), _primary(b)
    assert (ka < kb) == (pa < pb) and (ka == kb) == (pa == pb)


@given(st.lists(stored_text, max_size=20))
def test_sorting_by_the_stored_key_then_the_text_is_the_persian_order(items):
    by_stored = sorted(items, key=lambda t: (collation.index_key(t), collation.sort_key(t)))
    assert by_stored == sorted(items, key=collation.sort_key)


def test_the_stored_key_is_short_and_one_byte_a_persian_letter():
    assert collation.index_key("") == collation.index_key(None) == b""
    assert len(collation.index_key("پرچم گلستان")) == len("پرچم گلستان")
    long_text = "مقرر شد " * 200
    assert len(collation.index_key(long_text)) == collation.INDEX_KEY_BYTES
    # Texts that differ only past the key's length tie (the register then keeps the order of entry).
    assert collation.index_key(long_text) == collation.index_key(long_text + "ی")
    # What the dictionary order asks of it, in bytes too.
    keys = [collation.index_key(word) for word in WORDS]
    assert keys == sorted(keys)
    assert collation.index_key("منطقه ۲") < collation.index_key("منطقه 10")
    assert collation.index_key("\U000fffff") > collation.index_key("ی") > collation.index_key("۱")
