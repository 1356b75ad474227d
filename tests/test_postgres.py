"""The same services on PostgreSQL, for offices that share one database.

Runs when SECRETARIAT_TEST_POSTGRES_URL names an empty database the tests may
wipe (for example postgresql+psycopg://council:council@127.0.0.1:5432/council_test,
with `pip install -e '.[postgres]'`); skipped otherwise.
"""

import os

import pytest

URL = os.environ.get("SECRETARIAT_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="SECRETARIAT_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_database():
    from sqlalchemy import create_engine, text

    from secretariat.database import open_database

    wipe = create_engine(URL)
    with wipe.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    wipe.dispose()
    database = open_database(URL)
    yield database
    database.close()


def test_demo_sorts_in_persian_order_with_the_icu_collation(pg_database):
    from secretariat import collation
    from secretariat.agencies import AgencyQuery, AgencyService, AgencySort
    from secretariat.demo import build_demo
    from secretariat.people import PeopleService

    build_demo(pg_database)
    names = [r.name for r in AgencyService(pg_database).page(AgencyQuery(include_inactive=True), limit=None)]
    assert names == collation.sorted_persian(names)
    managers = [r.pr_manager for r in AgencyService(pg_database).page(AgencyQuery(sort=AgencySort.PR_MANAGER), limit=None)]
    assert managers == collation.sorted_persian(managers)
    people = [p.full_name for p in PeopleService(pg_database).page(limit=None)]
    assert people == collation.sorted_persian(people)


def test_search_and_duplicates_behave_as_on_sqlite(pg_database):
    from secretariat.agencies import AgencyDraft, AgencyQuery, AgencyService
    from secretariat.errors import ValidationError

    agencies = AgencyService(pg_database)
    agencies.add(AgencyDraft(name="مدیریت روابط‌عمومی شهرداری پردیس", phones="021-76255050"))
    assert agencies.count(AgencyQuery(search="مدير روابط عمومي")) == 1
    assert agencies.count(AgencyQuery(search="۷۶۲۵۵")) == 1
    with pytest.raises(ValidationError) as refused:
        agencies.add(AgencyDraft(name="مديريت روابط عمومی  شهرداري پرديس"))
    assert "name" in refused.value.errors
    assert agencies.count(AgencyQuery()) == 1


def test_a_newer_schema_is_refused(pg_database):
    from sqlalchemy import text

    from secretariat.database import open_database
    from secretariat.errors import DatabaseOpenError

    with pg_database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseOpenError, match="تازه‌تر"):
        open_database(URL)
