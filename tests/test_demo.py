"""The demo council is realistic and obeys the rules it demonstrates."""

import pytest

from secretariat.agencies import AgencyQuery, AgencyService
from secretariat.council import CouncilService
from secretariat.demo import AGENCIES, create_demo_database
from secretariat.people import PeopleService, PersonQuery


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    yield database
    database.close()


def test_demo_is_a_county_council_of_about_25_agencies(demo):
    council = CouncilService(demo).get()
    assert council.is_demo and "پردیس" in council.name
    agencies = AgencyService(demo)
    assert 20 <= agencies.count(AgencyQuery()) <= 30
    assert agencies.count(AgencyQuery(include_inactive=True)) == len(AGENCIES)


def test_every_active_agency_has_a_current_pr_manager(demo):
    rows = AgencyService(demo).page(AgencyQuery(), limit=None)
    assert all(row.pr_manager for row in rows)


def test_names_typed_with_arabic_letters_are_stored_in_persian(demo):
    typed_arabic = [a for a in AGENCIES if any("ي" in m[0] or "ك" in m[0] for m in a.managers)]
    assert typed_arabic, "the demo should show names typed with Arabic ي/ك"
    people = PeopleService(demo).page(PersonQuery(), limit=None)
    assert not any("ي" in p.full_name or "ك" in p.full_name for p in people)
    # ...and found when searched the way they were typed.
    assert PeopleService(demo).count(PersonQuery(search="علي اكبر كريمي")) == 1


def test_manager_changes_are_kept_as_history(demo):
    agencies = AgencyService(demo)
    agency = agencies.find_by_name("اداره آموزش و پرورش شهرستان پردیس")
    history = PeopleService(demo).history(agency.id)
    managers = [rep for rep in history if rep.role.value == "pr_manager"]
    assert [rep.is_current for rep in managers] == [True, False]
    assert managers[1].end_date == managers[0].start_date
    assert all(rep.decrees for rep in managers)
