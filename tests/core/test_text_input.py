"""The one text boundary: what is removed, what is kept, and the limits."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.models import Base
from secretariat import text_input
from secretariat.errors import ValidationError
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import GuestDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import PersonDraft
from tests.support.meetings import Council

ZWNJ = "\u200c"
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Persian letters, ZWNJ, marks, spaces and breaks of every kind, controls,
# bidi controls, escape sequences: what a paste may bring, mixed.
_PIECES = st.one_of(
    st.text(),
    st.sampled_from(
        [
            "علی",
            "كريم",
            ZWNJ,
            "\u200e",
            "\u200f",
            "\u200d",
            "\u0640",
            " ",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "\u2028",
            "\x85",
            "\x00",
            "\x07",
            "\x1b",
            "\x1b[31m",
            "\x1b]0;title\x07",
            "\x9b",
            "\x7f",
            "\ufeff",
            *BIDI_CONTROLS,
        ]
    ),
)
TEXTS = st.lists(_PIECES, max_size=20).map("".join)


def _unwanted(text: str, *, multiline: bool) -> list[str]:
    allowed = {"\n"} if multiline else set()
    return [
        ch
        for ch in text
        if ch not in allowed
        and (unicodedata.category(ch) in ("Cc", "Cs") or ch in BIDI_CONTROLS or ch == "\ufeff")
    ]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.booleans())
def test_the_boundary_leaves_no_control_or_bidi_character_and_keeps_zwnj(text, multiline):
    cleaned = text_input.clean(text, multiline=multiline)
    assert _unwanted(cleaned, multiline=multiline) == []
    assert cleaned.count(ZWNJ) == text.count(ZWNJ)
    assert text_input.clean(cleaned, multiline=multiline) == cleaned
    if not multiline:
        assert "\n" not in cleaned


FIELDS = [(form, field) for form, fields in text_input.FIELD_LIMITS.items() for field in fields]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FIELDS), TEXTS, st.integers(min_value=-3, max_value=3))
def test_a_text_past_its_limit_is_refused_whole_never_cut(where, noise, around):
    spec = text_input.limit_of(*where)
    text = "ب" * (spec.limit + around) + noise
    value, message = text_input.accept(*where, text)
    assert value == text_input.clean(text, multiline=spec.multiline)  # never shortened
    if len(value) > spec.limit:
        assert message == text_input.too_long_message(spec.limit, len(value))
    else:
        assert message == ""


def test_what_a_paste_brings_is_removed_and_spelling_is_kept():
    assert text_input.clean("  علي\x00 \x07كريم\x1b[31m!\x1b[0m  ") == "علی کریم!"
    assert text_input.clean("\u202eروابط\u202c\u2067عمومی\u2069") == "روابطعمومی"
    assert text_input.clean(f"روابط{ZWNJ}عمومی \u200f(۳)") == f"روابط{ZWNJ}عمومی \u200f(۳)"
    assert text_input.clean("بند یک\r\nبند\tدو\u2028بند سه", multiline=True) == "بند یک\nبند دو\nبند سه"
    assert text_input.clean("بند یک\r\nبند دو") == "بند یک بند دو"


def test_the_message_counts_in_persian_digits():
    assert text_input.too_long_message(200, 5000) == "حداکثر ۲۰۰ نویسه؛ این متن ۵٬۰۰۰ نویسه است."


def test_the_table_is_read_by_the_drafts_names():
    assert text_input.limit_of(AgencyDraft, "name") == text_input.TextLimit(200)
    assert text_input.limit_of("ResolutionDraft", "text") == text_input.TextLimit(3000, multiline=True)
    assert "name" in text_input.limits_of(AgencyDraft)
    assert text_input.limits_of("NoSuchDraft") == {}


def test_no_limit_is_longer_than_the_column_it_is_stored_in():
    for where, (form, field) in text_input.COLUMN_FIELDS.items():
        table, column = where.split(".")
        spec = text_input.limit_of(form, field)
        length = getattr(Base.metadata.tables[table].c[column].type, "length", None)
        assert length is None or spec.limit <= length, where
        assert text_input.limit_of_column(table, column) == spec


# -- through the Drafts ----------------------------------------------------------------


def refused(call, *args, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.errors


@pytest.fixture
def council(secretariat):
    return Council(secretariat)


def test_a_5000_character_agency_name_is_refused_beside_the_name(secretariat):
    errors = refused(secretariat.agencies.add, AgencyDraft(name="ب" * 5000))
    assert errors == {"name": "حداکثر ۲۰۰ نویسه؛ این متن ۵٬۰۰۰ نویسه است."}
    assert secretariat.agencies.count() == 0


def test_an_agency_name_of_200_characters_is_kept_whole(secretariat):
    name = "ب" * 200
    assert secretariat.agencies.add(AgencyDraft(name=name)).name == name


def test_a_60000_character_resolution_text_is_refused_beside_the_text(council):
    lead = council.agency("آموزش و پرورش")
    meeting = council.hold(council.plan("1404/07/15").id)
    errors = refused(council.resolve, meeting.id, "مقرر شد " * 7500, lead)
    assert errors == {"text": "حداکثر ۳٬۰۰۰ نویسه؛ این متن ۵۹٬۹۹۹ نویسه است."}
    assert council.minutes.resolutions(meeting.id) == ()


def test_control_characters_pasted_into_names_are_removed(secretariat):
    agency = secretariat.agencies.add(AgencyDraft(name="آموزش\x00 و\x07 پرورش\x1b[0m", short_name="\x1bآپ"))
    assert (agency.name, agency.short_name) == ("آموزش و پرورش", "آپ")
    person = secretariat.people.add(PersonDraft(full_name="\u202eمریم\x00 احمدی\x07"))
    assert person.full_name == "مریم احمدی"


def test_every_draft_refuses_its_over_long_texts(council):
    errors = refused(
        council.secretariat.council.update,
        CouncilDraft(name="ش" * 201, city="پ" * 101),
    )
    assert set(errors) == {"name", "city"}
    errors = refused(council.people.add, PersonDraft(full_name="م" * 101, notes="ی" * 2001, email="a" * 250))
    assert set(errors) == {"full_name", "notes", "email"}
    meeting = council.plan("1404/07/15")
    errors = refused(council.agenda.add, meeting.id, AgendaItemDraft(title="ع" * 501))
    assert errors == {"title": "حداکثر ۵۰۰ نویسه؛ این متن ۵۰۱ نویسه است."}
    errors = refused(council.attendance.invite_guest, meeting.id, GuestDraft(name="م" * 101))
    assert set(errors) == {"name"}
    errors = refused(council.meetings.postpone, meeting.id, "1404/07/20", "د" * 2001)
    assert set(errors) == {"reason"}
