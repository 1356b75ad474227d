"""Finding meetings by words (``MeetingQuery.search``), in the database, on SQLite and PostgreSQL:
by number in any digits or in words, by the title's words, the host agency, the hall, the occasion,
the agenda items and the resolution codes, spelling variants folded, together with the list's filters.
"""

from __future__ import annotations

import pytest

from secretariat.core import Secretariat
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.kinds import MeetingKind, MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.members.agencies import AgencyDraft
from tests.support.backends import BACKENDS, database_location
from tests.support.meetings import Council

ZWNJ = "\u200c"


@pytest.fixture(params=BACKENDS)
def council(request, tmp_path):
    with Secretariat.open(database_location(request.param, tmp_path)) as secretariat:
        yield Council(secretariat)


@pytest.fixture
def meetings(council):
    """Four council meetings, numbered 1-4 in date order (the first two held), three of them
    in 1404, and a general assembly; name -> id."""
    ershad = council.agencies.add(AgencyDraft(name="اداره کل فرهنگ و ارشاد اسلامی", short_name="ارشاد")).id
    post = council.agency("اداره پست پردیس")
    first = council.plan("1403/11/20", host_agency_id=post, venue="سالن شهید بهشتی")
    second = council.plan(
        "1404/02/25", host_agency_id=ershad, venue="تالار فجر", occasion=f"روز ارتباطات و روابط{ZWNJ}عمومی"
    )
    third = council.plan("1404/05/10", kind="extraordinary", host_agency_id=post)
    fourth = council.plan("1404/08/01", host_agency_id=ershad)
    assembly = council.plan("1404/09/01", kind="general_assembly")
    council.agenda.add(third.id, AgendaItemDraft(title="برنامۀ هفته کتاب و کتابخوانی"))
    council.agenda.add(fourth.id, AgendaItemDraft(title="گزارش عملکرد مدیران روابط عمومی"))
    council.hold(first.id)
    council.hold(second.id)
    council.resolve(second.id, "مقرر شد شبکه خبرنگاران افتخاری تشکیل شود.", post)
    return {
        "first": first.id,
        "second": second.id,
        "third": third.id,
        "fourth": fourth.id,
        "assembly": assembly.id,
    }


def found(council, search: str, **filters) -> set[int]:
    query = MeetingQuery(search=search, **filters)
    rows = council.meetings.page(query, limit=None)
    assert council.meetings.count(query) == len(rows)
    return {row.id for row in rows}


def test_a_number_in_any_digits_or_in_words_finds_that_meeting(council, meetings):
    assert [row.number for row in council.meetings.page(MeetingQuery(), limit=None)] == [1, 4, 3, 2, 1]
    for search in ("۳", "3", "٣", "جلسه ۳", "سومین جلسه", "جلسه سوم", "  جلسه   سوم "):
        assert found(council, search) == {meetings["third"]}, search
    # «نخستین جلسه»: the council's first meeting and the general assembly's first.
    assert found(council, "نخستین جلسه") == {meetings["first"], meetings["assembly"]}
    assert found(council, "جلسه ۲۱") == set()


def test_the_words_of_a_title_or_kind_find_meetings_of_that_kind(council, meetings):
    assert found(council, "فوق‌العاده") == {meetings["third"]}
    assert found(council, "فوق العاده") == {meetings["third"]}
    assert found(council, "مجمع عمومی") == {meetings["assembly"]}
    assert found(council, "جلسه") == set(meetings.values())


def test_the_host_agency_is_found_by_its_name_or_short_name_in_any_spelling(council, meetings):
    both = {meetings["second"], meetings["fourth"]}
    assert found(council, "ارشاد") == both
    assert found(council, "فرهنگ ارشاد") == both  # every word, not the phrase
    assert found(council, "اداره كل فرهنگ") == both  # ك typed on an Arabic keyboard
    assert found(council, "پست") == {meetings["first"], meetings["third"]}


def test_the_hall_the_occasion_and_agenda_items_are_folded_as_they_are_read(council, meetings):
    assert found(council, "تالار فجر") == {meetings["second"]}
    assert found(council, "بهشتي") == {meetings["first"]}  # ي for ی
    # Stored with a ZWNJ, typed with a space; stored with ۀ, typed with ه.
    assert found(council, "روابط عمومی") == {meetings["second"], meetings["fourth"]}
    assert found(council, "برنامه هفته") == {meetings["third"]}
    assert found(council, "مديران") == {meetings["fourth"]}


def test_a_resolution_code_finds_its_meeting(council, meetings):
    assert found(council, "۱۴۰۴-۰۲-۰۱") == {meetings["second"]}
    assert found(council, "1404-02") == {meetings["second"]}
    assert found(council, "۱۴۰۴-۰۳") == set()


def test_every_word_must_match_and_wildcards_are_plain_characters(council, meetings):
    assert found(council, "ارشاد ۴") == {meetings["fourth"]}
    assert found(council, "ارشاد پست") == set()
    assert found(council, "%") == set()
    assert found(council, "_") == set()


def test_the_search_works_together_with_the_year_kind_and_status(council, meetings):
    assert found(council, "ارشاد", jalali_year=1404, status=MeetingStatus.HELD) == {meetings["second"]}
    assert found(council, "پست", status=MeetingStatus.HELD) == {meetings["first"]}
    assert found(council, "پست", jalali_year=1404) == {meetings["third"]}
    assert found(council, "پست", kind=MeetingKind.REGULAR) == {meetings["first"]}
    assert found(council, "جلسه", kind=MeetingKind.GENERAL_ASSEMBLY) == {meetings["assembly"]}


def test_the_matches_are_paged_newest_first(council, meetings):
    query = MeetingQuery(search="جلسه")
    first_page = council.meetings.page(query, offset=0, limit=2)
    second_page = council.meetings.page(query, offset=2, limit=2)
    assert [row.id for row in first_page] == [meetings["assembly"], meetings["fourth"]]
    assert [row.id for row in second_page] == [meetings["third"], meetings["second"]]
    assert council.meetings.count(query) == 5
