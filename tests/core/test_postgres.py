"""The same services on PostgreSQL, for offices that share one database.

Runs when SECRETARIAT_TEST_POSTGRES_URL names an empty database the tests may
wipe (for example postgresql+psycopg://council:council@127.0.0.1:5432/council_test,
with `pip install -e '.[postgres]'`; `tools/postgres.sh run` starts a throwaway
server and sets it); skipped otherwise. .ci/run sets
SECRETARIAT_TEST_POSTGRES_REQUIRED=1, so that there they fail instead of
being skipped when the URL went missing.
"""

import os

import pytest

from tests.support import files

URL = os.environ.get("SECRETARIAT_TEST_POSTGRES_URL")
REQUIRED = os.environ.get("SECRETARIAT_TEST_POSTGRES_REQUIRED") == "1"
pytestmark = pytest.mark.skipif(not URL and not REQUIRED, reason="SECRETARIAT_TEST_POSTGRES_URL is not set")


@pytest.fixture
def pg_database():
    from sqlalchemy import create_engine, text

    from secretariat.database import open_database

    assert URL, "SECRETARIAT_TEST_POSTGRES_URL is not set, but SECRETARIAT_TEST_POSTGRES_REQUIRED=1"
    wipe = create_engine(URL)
    with wipe.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    wipe.dispose()
    database = open_database(URL)
    yield database
    database.close()


@pytest.fixture
def pg(pg_database):
    """The secretariat on the PostgreSQL database."""
    from secretariat.core import Secretariat

    return Secretariat(pg_database)


def test_demo_sorts_in_persian_order_with_the_icu_collation(pg):
    from secretariat.demo.council import build_demo
    from secretariat.members.agencies import AgencyQuery, AgencySort
    from secretariat.persian import collation

    build_demo(pg)
    names = [r.name for r in pg.agencies.page(AgencyQuery(include_inactive=True), limit=None)]
    assert names == collation.sorted_persian(names)
    managers = [r.pr_manager for r in pg.agencies.page(AgencyQuery(sort=AgencySort.PR_MANAGER), limit=None)]
    assert managers == collation.sorted_persian(managers)
    people = [p.full_name for p in pg.people.page(limit=None)]
    assert people == collation.sorted_persian(people)


def test_numbers_in_names_sort_by_value_as_on_sqlite(pg):
    from secretariat.members.agencies import AgencyDraft, AgencyQuery

    for name in ["شهرداری منطقه 10", "شهرداری منطقه ۲", "شهرداری منطقه 1", "شهرداری منطقه ۱۱"]:
        pg.agencies.add(AgencyDraft(name=name))
    names = [r.name for r in pg.agencies.page(AgencyQuery(), limit=None)]
    assert names == ["شهرداری منطقه 1", "شهرداری منطقه ۲", "شهرداری منطقه 10", "شهرداری منطقه ۱۱"]
    descending = [r.name for r in pg.agencies.page(AgencyQuery(descending=True), limit=None)]
    assert descending == names[::-1]


def test_a_user_without_the_right_to_create_opens_a_database_made_before(pg_database):
    """The Persian collation is made once, by whoever opens the database first."""
    from sqlalchemy import create_engine, make_url, text

    from secretariat.core import Secretariat
    from secretariat.database import open_database
    from secretariat.members.agencies import AgencyDraft, AgencyQuery

    Secretariat(pg_database).agencies.add(AgencyDraft(name="شهرداری منطقه 10"))
    Secretariat(pg_database).agencies.add(AgencyDraft(name="شهرداری منطقه 2"))
    with pg_database.engine.begin() as connection:
        connection.execute(text("DROP ROLE IF EXISTS council_clerk"))
        connection.execute(text("CREATE ROLE council_clerk LOGIN PASSWORD 'clerk'"))
        connection.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
        connection.execute(text("GRANT USAGE ON SCHEMA public TO council_clerk"))
        connection.execute(
            text("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO council_clerk")
        )
        connection.execute(text("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO council_clerk"))
    clerk_url = make_url(URL).set(username="council_clerk", password="clerk")
    clerk = open_database(clerk_url.render_as_string(hide_password=False))
    try:
        names = [r.name for r in Secretariat(clerk).agencies.page(AgencyQuery(), limit=None)]
        assert names == ["شهرداری منطقه 2", "شهرداری منطقه 10"]
    finally:
        clerk.close()
        cleanup = create_engine(URL)
        with cleanup.begin() as connection:
            connection.execute(text("DROP OWNED BY council_clerk"))
            connection.execute(text("DROP ROLE council_clerk"))
        cleanup.dispose()


def test_search_and_duplicates_behave_as_on_sqlite(pg):
    from secretariat.errors import ValidationError
    from secretariat.members.agencies import AgencyDraft, AgencyQuery

    agencies = pg.agencies
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


def test_a_meeting_goes_from_plan_to_signed_minutes(pg, tmp_path):
    from secretariat.meetings.attendance import AttendanceEntry
    from secretariat.meetings.minutes import ResolutionDraft
    from secretariat.meetings.planning import MeetingDraft
    from secretariat.members.agencies import AgencyDraft
    from secretariat.members.council import CouncilDraft

    pg.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس"))
    lead = pg.agencies.add(AgencyDraft(name="فرمانداری پردیس"))
    other = pg.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    meetings = pg.meetings
    meeting = meetings.plan(
        MeetingDraft(date="1404/02/27", start_time="۱۰:۰۰", host_agency_id=lead.id)
    ).meeting
    attendance = pg.attendance
    attendance.record(
        meeting.id, [AttendanceEntry(i.id, "present") for i in attendance.invitations(meeting.id)]
    )
    minutes = pg.minutes
    resolution = minutes.add_resolution(
        meeting.id,
        ResolutionDraft("مقرر شد گزارش ماهانه ارسال شود.", lead.id, (other.id,), due_date="1404/03/31"),
    )
    minutes.finalize(meeting.id, by="دبیر شورا")
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(files.pdf())  # a whole PDF: the content is checked to its end
    attached = pg.attachments.attach(meeting.id, scan, signed_minutes=True)
    detail = meetings.detail(meeting.id)
    assert detail.meeting.title == "نخستین جلسه" and detail.meeting.signed
    assert detail.quorum.met and detail.resolutions[0].code == resolution.code == "1404-01-01"
    assert pg.attachments.content(attached.id) == scan.read_bytes()
    assert [row.title for row in meetings.month(1404, 2)] == ["نخستین جلسه"]


def test_the_resolution_register_searches_and_filters_on_postgresql(pg):
    from secretariat.followup.register import ResolutionQuery
    from secretariat.meetings.attendance import AttendanceEntry
    from secretariat.meetings.minutes import ResolutionDraft
    from secretariat.meetings.planning import MeetingDraft
    from secretariat.members.agencies import AgencyDraft
    from secretariat.members.council import CouncilDraft

    pg.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس"))
    lead = pg.agencies.add(AgencyDraft(name="فرمانداری پردیس"))
    meeting = pg.meetings.plan(MeetingDraft(date="1404/02/27")).meeting
    attendance = pg.attendance
    attendance.record(
        meeting.id, [AttendanceEntry(i.id, "present") for i in attendance.invitations(meeting.id)]
    )
    pg.minutes.add_resolution(
        meeting.id,
        ResolutionDraft(
            "مقرر شد دوره آموزشی خبرنویسی برای روابط‌عمومی‌ها برگزار شود.", lead.id, due_date="1404/03/01"
        ),
    )
    register = pg.register
    assert register.count(ResolutionQuery(search="روابط عمومي ها خبرنويسي")) == 1
    assert register.count(ResolutionQuery(search="جشنواره")) == 0
    assert [row.overdue for row in register.page(ResolutionQuery(agency_id=lead.id))] == [True]


def test_a_backup_of_postgresql_is_left_to_the_servers_tools(pg_database, tmp_path):
    from secretariat.maintenance.backup import BackupError, backup_to, daily_backup

    with pytest.raises(BackupError) as error:
        backup_to(pg_database, tmp_path / "copy.sqlite3")
    assert "pg_dump" in error.value.message
    assert daily_backup(pg_database, tmp_path / "backups", keep=3) is None
    assert list(tmp_path.iterdir()) == []


def test_the_dashboard_counts_what_the_register_lists(pg):
    from tests.support.followup import followup_world

    world = followup_world(pg)
    board = world["dashboard"].load()
    register = world["register"]
    assert (board.still_open, board.overdue, board.due_soon, board.done_this_year) == (6, 3, 1, 1)
    assert register.count(board.still_open_query()) == board.still_open
    assert register.count(board.done_this_year_query()) == board.done_this_year
    assert board.worst_agencies[0].agency_id == world["town"]
    for agency in board.worst_agencies:
        assert register.count(agency.query()) == agency.overdue
