"""Opening the council's database: create, migrate, refuse, and transactions.

A file that is refused must be left exactly as it was: the checks compare
the bytes (and the folder's listing) before and after.
"""

import random
import re
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, inspect, literal, select, text
from sqlalchemy.exc import IntegrityError

from db import engine as db_engine
from db import schema
from db.models import Agency, Person, Representation
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DatabaseOpenError
from secretariat.members.agencies import AgencyDraft, AgencyQuery
from tests.support.backends import BACKENDS, database_location, fresh_postgres, needs_postgres

PERSIAN_LETTERS = re.compile("[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]")
APP_TABLES = {"council", "agency", "person", "representation", "membership_decree", "alembic_version"}


def snapshot(folder):
    """Every file under ``folder`` with its bytes."""
    return {p.relative_to(folder): (p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")}


def assert_persian(message: str):
    assert len(PERSIAN_LETTERS.findall(message)) >= 10, message


def refuse(path, *, create=True) -> str:
    with pytest.raises(DatabaseOpenError) as error:
        open_database(path, create=create)
    assert_persian(error.value.message)
    assert str(error.value) == error.value.message
    return error.value.message


# -- a new database -----------------------------------------------------------


def test_head_revision_is_alembics_head():
    assert schema.HEAD_REVISION == schema.alembic_head()
    assert schema.HEAD_REVISION in schema.known_revisions()


def test_a_new_file_is_created_and_migrated_to_the_head(tmp_path):
    path = tmp_path / "folder that does not exist yet" / "council.sqlite3"
    database = open_database(path)
    try:
        assert path.is_file()
        assert path.read_bytes()[:16] == b"SQLite format 3\x00"
        with database.engine.connect() as connection:
            assert schema.current_revision(connection) == schema.HEAD_REVISION
            assert APP_TABLES <= set(inspect(connection).get_table_names())
        assert schema.state(database.engine) is schema.SchemaState.CURRENT
    finally:
        database.close()


def test_a_missing_file_is_not_created_when_asked_not_to(tmp_path):
    path = tmp_path / "council.sqlite3"
    message = refuse(path, create=False)
    assert "پیدا نشد" in message
    assert not path.exists()


def test_sqlite_settings_are_in_force_on_every_connection(database):
    for _ in range(2):
        with database.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("foreign_keys") == 1
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") == db_engine.BUSY_TIMEOUT_MS
            assert pragma("busy_timeout") >= 1000
        database.engine.dispose()  # the second round uses a fresh connection


def test_foreign_keys_are_enforced(database):
    with pytest.raises(IntegrityError):
        with database.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO representation (agency_id, person_id, role, title, start_date) "
                    "VALUES (999, 999, 'pr_manager', '', '2024-05-16')"
                )
            )
    with database.reading() as session:
        assert session.scalar(select(func.count(Representation.id))) == 0


def test_the_database_itself_refuses_a_second_current_pr_manager(database, secretariat):
    # Guards the rule even against a second PC writing at the same moment.
    agency = secretariat.agencies.add(AgencyDraft(name="اداره بهزیستی"))
    insert = text(
        "INSERT INTO representation (agency_id, person_id, role, title, start_date) "
        "VALUES (:agency, :person, 'pr_manager', '', '2024-05-16')"
    )
    with database.transaction() as session:
        first, second = Person(full_name="الف", search_text=""), Person(full_name="ب", search_text="")
        session.add_all([first, second])
        session.flush()
        session.execute(insert, {"agency": agency.id, "person": first.id})
    with pytest.raises(IntegrityError):
        with database.transaction() as session:
            session.execute(insert, {"agency": agency.id, "person": second.id})


def test_reopening_keeps_the_data_and_makes_no_backup(tmp_path):
    path = tmp_path / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        agency_id = secretariat.agencies.add(AgencyDraft(name="اداره کل ارشاد اسلامی")).id

    with Secretariat.open(path, create=False) as reopened:
        assert reopened.agencies.get(agency_id).name == "اداره کل ارشاد اسلامی"
        with reopened.database.engine.connect() as connection:
            assert schema.current_revision(connection) == schema.HEAD_REVISION
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == ["council.sqlite3"]


# -- refusals -----------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "council.sqlite3"
    open_database(path).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    before = snapshot(tmp_path)

    message = refuse(path)
    assert "تازه" in message  # made by a newer version
    assert "به" in message and "روز کنید" in message  # update the app
    assert "تغییر داده نشد" in message
    assert snapshot(tmp_path) == before
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]


def test_a_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("صورتجلسه هفتمین جلسه شورا\n", encoding="utf-8")
    before = snapshot(tmp_path)
    message = refuse(path)
    assert "notes.txt" in message
    assert "پایگاه داده این برنامه نیست" in message
    assert snapshot(tmp_path) == before


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / "council.sqlite3"
    path.write_bytes(random.Random(1403).randbytes(8192))
    before = snapshot(tmp_path)
    message = refuse(path)
    assert "پایگاه داده این برنامه نیست" in message
    assert snapshot(tmp_path) == before


def test_a_damaged_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "council.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(27).randbytes(8192))
    before = snapshot(tmp_path)
    message = refuse(path)
    assert "آسیب" in message
    assert snapshot(tmp_path) == before


def test_a_folder_is_refused_untouched(tmp_path):
    folder = tmp_path / "council.sqlite3"
    folder.mkdir()
    message = refuse(folder)
    assert "پوشه" in message
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["council.sqlite3"]


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_another_programs_sqlite_database_is_refused_untouched(tmp_path, journal_mode):
    path = tmp_path / "contacts.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA journal_mode={journal_mode}")
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('علی کریمی', '09121234567')")
        connection.commit()
    before = snapshot(tmp_path)

    message = refuse(path)
    assert "برنامه دیگری" in message
    assert "تغییر داده نشد" in message
    assert snapshot(tmp_path) == before
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"contacts"}


def _council_file(tmp_path):
    """A closed council database with some rows (the WAL folded back into the file)."""
    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    secretariat = Secretariat(database)
    for number in range(40):
        secretariat.agencies.add(AgencyDraft(name=f"اداره کل شماره {number} استان"))
    database.close()
    assert not (tmp_path / "council.sqlite3-wal").exists()
    return path


@pytest.mark.parametrize("read_only", [False, True])
def test_a_database_cut_short_is_refused_untouched(tmp_path, read_only):
    path = _council_file(tmp_path)
    path.write_bytes(path.read_bytes()[:-1000])
    before = snapshot(tmp_path)
    message = refuse(path, create=True) if not read_only else _refuse_read_only(path)
    assert "آسیب دیده یا ناقص" in message and "تغییر داده نشد" in message
    assert snapshot(tmp_path) == before


def test_a_database_cut_at_a_page_boundary_is_refused_by_its_page_count(tmp_path):
    path = _council_file(tmp_path)
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    path.write_bytes(path.read_bytes()[: -2 * page_size])
    before = snapshot(tmp_path)
    assert "آسیب دیده یا ناقص" in refuse(path)
    assert snapshot(tmp_path) == before


def test_a_database_with_scribbled_pages_is_refused_untouched(tmp_path):
    path = _council_file(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    scribble = random.Random(12)
    for page in range(1, len(data) // page_size):  # every page but the first (the header)
        start = page * page_size
        data[start : start + 64] = scribble.randbytes(64)
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    message = refuse(path)
    assert "آسیب دیده یا ناقص" in message and "پشتیبان" in message
    assert snapshot(tmp_path) == before


def test_a_check_started_ahead_refuses_scribbled_pages_too_and_lets_a_sound_file_open(tmp_path):
    """Start-up starts the file's quick check before it imports the database layer (see
    ``secretariat.maintenance.quick_check``); the opening takes its verdict."""
    from secretariat.maintenance.quick_check import QuickCheck

    sound = _council_file(tmp_path / "sound")
    open_database(sound, check=QuickCheck(sound).start()).close()
    path = _council_file(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):
        data[page * page_size : page * page_size + 64] = random.Random(page).randbytes(64)
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    check = QuickCheck(path).start()
    with pytest.raises(DatabaseOpenError) as error:
        open_database(path, check=check)
    assert "آسیب دیده یا ناقص" in error.value.message
    assert check.passed() is False
    assert snapshot(tmp_path) == before


def _refuse_read_only(path) -> str:
    with pytest.raises(DatabaseOpenError) as error:
        open_database(path, read_only=True)
    assert_persian(error.value.message)
    return error.value.message


def test_read_only_refuses_a_missing_file_and_creates_nothing(tmp_path):
    path = tmp_path / "council.sqlite3"
    assert "پیدا نشد" in _refuse_read_only(path)
    assert list(tmp_path.iterdir()) == []


def test_read_only_refuses_a_zero_byte_file_and_leaves_it_empty(tmp_path):
    path = tmp_path / "council.sqlite3"
    path.write_bytes(b"")
    assert "خالی" in _refuse_read_only(path)
    assert path.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == ["council.sqlite3"]


def test_read_only_refuses_an_empty_sqlite_database_without_filling_it(tmp_path):
    path = tmp_path / "council.sqlite3"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA user_version = 1")  # a valid SQLite file without tables
    before = snapshot(tmp_path)
    assert "خالی" in _refuse_read_only(path)
    assert snapshot(tmp_path) == before


def test_read_only_opens_a_council_database_and_leaves_its_journal_mode(tmp_path):
    path = _council_file(tmp_path)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")  # as a backup copy is
    before = snapshot(tmp_path)
    database = open_database(path, read_only=True)
    try:
        assert Secretariat(database).agencies.count(AgencyQuery(include_inactive=True)) == 40
    finally:
        database.close()
    assert snapshot(tmp_path) == before


def test_a_zero_byte_file_still_becomes_a_new_database_when_not_read_only(tmp_path):
    path = tmp_path / "council.sqlite3"
    path.write_bytes(b"")
    open_database(path).close()
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


# -- transactions -------------------------------------------------------------


class Boom(Exception):
    pass


def test_a_failing_transaction_writes_nothing(database):
    with pytest.raises(Boom):
        with database.transaction() as session:
            session.add(Person(full_name="علی کریمی", search_text="علیکریمی"))
            session.add(Agency(name="شهرداری", name_key="شهرداری", category="municipality", search_text=""))
            session.flush()  # the rows are in the database's transaction ...
            assert session.scalar(select(func.count(Person.id))) == 1
            raise Boom  # ... and then the work fails
    with database.reading() as session:
        assert session.scalar(select(func.count(Person.id))) == 0
        assert session.scalar(select(func.count(Agency.id))) == 0


def test_a_failing_transaction_leaves_earlier_work_in_place(database):
    with database.transaction() as session:
        session.add(Person(full_name="مریم احمدی", search_text=""))
    with pytest.raises(Boom):
        with database.transaction() as session:
            person = session.scalar(select(Person))
            person.full_name = "نام دیگر"
            session.add(Person(full_name="علی کریمی", search_text=""))
            session.flush()
            raise Boom
    with database.reading() as session:
        assert list(session.scalars(select(Person.full_name))) == ["مریم احمدی"]


def test_a_transaction_that_succeeds_is_saved_for_the_next_connection(tmp_path):
    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    with database.transaction() as session:
        session.add(Person(full_name="مریم احمدی", search_text=""))
    database.close()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT full_name FROM person").fetchall() == [("مریم احمدی",)]


def test_an_older_database_is_backed_up_then_migrated(tmp_path):
    # A database as the first release left it: schema 0001, with an agency.
    from alembic import command

    path = tmp_path / "council.sqlite3"
    engine = db_engine.make_engine(db_engine.sqlite_url(path))
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO agency (name, name_key, short_name, category, parent_ministry, address, phones,"
                " email, website, active, search_text) VALUES ('اداره بهزیستی', 'ادارهبهزیستی', '', 'other',"
                " '', '', '', '', '', 1, '')"
            )
        )
    engine.dispose()

    migrated = open_database(path)
    with migrated.reading() as session:
        assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
        assert inspect(session.connection()).has_table("meeting")
        assert session.scalar(select(Agency.name)) == "اداره بهزیستی"
    migrated.close()

    backups = sorted(tmp_path.glob("council.before-upgrade-*.sqlite3"))
    assert len(backups) == 1
    with closing(sqlite3.connect(backups[0])) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT name FROM agency").fetchall() == [("اداره بهزیستی",)]
        assert not backup.execute("SELECT name FROM sqlite_master WHERE name = 'meeting'").fetchall()


# -- 0005: duplicate meeting numbers ---------------------------------------------------


def database_with_duplicate_numbers(location):
    """A 0004 database in which three working-group meetings held at one moment share the number 1.

    Built by the app, then brought back to what 0004 allowed: the unique
    indexes dropped and the numbers (and a code) as the race left them.
    ``location`` is a file, or the URL of a PostgreSQL database.
    """
    from tests.support.meetings import Council

    with Secretariat.open(location) as secretariat:
        council = Council(secretariat)
        agency = council.agency("اداره بهزیستی")
        first, second, third, fourth = (
            council.plan(date, kind="working_group").id
            for date in ("1403/01/05", "1403/01/10", "1403/01/15", "1403/01/20")
        )
        for meeting_id in (first, second, third, fourth):
            council.hold(meeting_id)
        planned = council.plan("1403/01/25", kind="working_group").id
        council.resolve(first, "مقرر شد گزارش نخست تهیه شود.", agency)
        council.resolve(fourth, "مقرر شد گزارش دوم تهیه شود.", agency)
        council.resolve(fourth, "مقرر شد گزارش سوم تهیه شود.", agency)
    statements = [
        ("DROP INDEX uq_meeting_series_number", {}),
        ("DROP INDEX uq_meeting_series_year_number", {}),
        ("ALTER TABLE meeting DROP COLUMN minutes_snapshot", {}),  # 0006's
        ("DROP TABLE follow_up_correction", {}),  # 0007's
        ("DROP TABLE series_start", {}),  # 0008's
        *((f"DROP TABLE {name}", {}) for name in TABLES_OF_0010),
        *((f"DROP INDEX {name}", {}) for name in INDEXES_OF_0009),
        ("ALTER TABLE resolution DROP COLUMN text_key", {}),
        ("ALTER TABLE resolution DROP COLUMN lead_key", {}),
        *((f"ALTER TABLE {name} DROP COLUMN version", {}) for name in VERSIONED_BY_0014),
        *(
            (
                "UPDATE meeting SET number = :number, year_number = :number WHERE id = :id",
                {"number": n, "id": i},
            )
            for i, n in ((first, 1), (second, 1), (third, 1), (fourth, 2), (planned, 2))
        ),
        ("UPDATE resolution SET code = '1403-ک02-0' || number WHERE meeting_id = :id", {"id": fourth}),
        ("UPDATE alembic_version SET version_num = '0004'", {}),
    ]
    if isinstance(location, str):  # PostgreSQL
        from sqlalchemy import create_engine

        engine = create_engine(location)
        with engine.begin() as connection:
            for statement, parameters in statements:
                connection.execute(text(statement), parameters)
        engine.dispose()
    else:
        with closing(sqlite3.connect(location)) as connection:
            for statement, parameters in [*SQLITE_STATEMENTS_OF_0009, *statements]:
                connection.execute(statement, parameters)
            connection.commit()
    return first, second, third, fourth, planned


VERSIONED_BY_0014 = ("agency", "person", "meeting", "resolution")
# What 0010 to 0014 add, children first: taken away to make a database of an earlier revision by hand.
TABLES_OF_0010 = (
    "desk_change",  # 0014's
    "audit_entry",
    "user_account",
    "letter_document",  # 0012's
    "letter_resolution",
    "letter",
    # 0011's: they refer to 0010's indicators
    "jury_score",
    "evaluation_result",
    "evaluation_amendment",
    "evaluation_tier",
    "evaluation_exclusion",
    "evaluation_criterion",
    "evaluation",
    "monthly_figure",
    "monthly_exemption",
    "monthly_report",
    "report_file_content",
    "report_file",
    "indicator",
    "council_setting",
)
# What 0009 adds: taken away to make a database of an earlier revision by hand.
INDEXES_OF_0009 = (
    "ix_resolution_text_key",
    "ix_resolution_lead_key",
    "ix_resolution_due_order",
    "ix_resolution_status_due",
)
SQLITE_STATEMENTS_OF_0009 = (
    *((f"DROP TRIGGER resolution_short_{event}", {}) for event in ("insert", "delete", "update")),
    ("DROP TABLE resolution_short", {}),
)


def test_migration_0005_renumbers_duplicate_meeting_numbers_in_date_order_and_says_so(tmp_path):
    path = tmp_path / "council.sqlite3"
    first, second, third, fourth, planned = database_with_duplicate_numbers(path)

    with Secretariat.open(path, create=False) as secretariat:
        with secretariat.database.reading() as session:
            assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
            numbers = dict(session.execute(text("SELECT id, number FROM meeting")).all())
            year_numbers = dict(session.execute(text("SELECT id, year_number FROM meeting")).all())
            codes = sorted(session.scalars(text("SELECT code FROM resolution")))
        notices = secretariat.meetings.renumbered_on_open()
        # The index now refuses a second held meeting with a number.
        with pytest.raises(IntegrityError), secretariat.database.engine.begin() as connection:
            connection.execute(text("UPDATE meeting SET number = 1 WHERE id = :id"), {"id": second})

    assert numbers == {first: 1, second: 2, third: 3, fourth: 4, planned: 5}
    assert year_numbers == numbers
    assert codes == ["1403-ک01-01", "1403-ک04-01", "1403-ک04-02"]
    assert len(notices) == 4  # the heading, then the three meetings renumbered
    assert all(PERSIAN_LETTERS.search(notice) for notice in notices)
    assert "«نخستین جلسه کارگروه» اکنون «دومین جلسه کارگروه» است" in notices[1]
    assert "«نخستین جلسه کارگروه» اکنون «سومین جلسه کارگروه» است" in notices[2]
    assert "«دومین جلسه کارگروه» اکنون «چهارمین جلسه کارگروه» است" in notices[3]
    assert "کد ۲ مصوبه" in notices[3]
    # The file as it was is kept beside it, and opening it again says nothing more.
    assert len(list(tmp_path.glob("council.before-upgrade-*.sqlite3"))) == 1
    with Secretariat.open(path, create=False) as again:
        assert again.meetings.renumbered_on_open() == ()


@needs_postgres
def test_migration_0005_renumbers_duplicate_numbers_and_makes_the_unique_indexes_on_postgresql():
    url = fresh_postgres()
    first, second, third, fourth, planned = database_with_duplicate_numbers(url)

    with Secretariat.open(url) as secretariat:
        with secretariat.database.reading() as session:
            assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
            numbers = dict(session.execute(text("SELECT id, number FROM meeting")).all())
            year_numbers = dict(session.execute(text("SELECT id, year_number FROM meeting")).all())
            codes = sorted(session.scalars(text("SELECT code FROM resolution")))
            indexes = dict(
                session.execute(
                    text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'meeting'")
                ).all()
            )
        notices = secretariat.meetings.renumbered_on_open()
        # The indexes refuse a second held meeting with a number, or with a number in its year...
        for column in ("number", "year_number"):
            with pytest.raises(IntegrityError), secretariat.database.engine.begin() as connection:
                connection.execute(text(f"UPDATE meeting SET {column} = 1 WHERE id = :id"), {"id": second})
        # ...and leave planned meetings out.
        with secretariat.database.engine.begin() as connection:
            connection.execute(text("UPDATE meeting SET number = 1 WHERE id = :id"), {"id": planned})

    assert numbers == {first: 1, second: 2, third: 3, fourth: 4, planned: 5}
    assert year_numbers == numbers
    assert codes == ["1403-ک01-01", "1403-ک04-01", "1403-ک04-02"]
    assert len(notices) == 4  # the heading, then the three meetings renumbered
    assert "«نخستین جلسه کارگروه» اکنون «دومین جلسه کارگروه» است" in notices[1]
    for name, columns in (
        ("uq_meeting_series_number", "(series, number)"),
        ("uq_meeting_series_year_number", "(series, jalali_year, year_number)"),
    ):
        assert indexes[name].startswith(f"CREATE UNIQUE INDEX {name} ON public.meeting USING btree {columns}")
        assert "WHERE" in indexes[name] and "'held'" in indexes[name] and "'finalized'" in indexes[name]
    with Secretariat.open(url) as again:
        assert again.meetings.renumbered_on_open() == ()


def test_the_command_line_tells_what_migration_0005_renumbered(tmp_path, capsys):
    from secretariat.cli import main

    path = tmp_path / "council.sqlite3"
    database_with_duplicate_numbers(path)
    assert main(["--db", str(path), "meetings", "list"]) == 0
    captured = capsys.readouterr()
    assert "یک شماره داشتند" in captured.err
    assert "«نخستین جلسه کارگروه» اکنون «سومین جلسه کارگروه» است" in captured.err
    assert main(["--db", str(path), "meetings", "list"]) == 0
    assert "یک شماره داشتند" not in capsys.readouterr().err


def test_the_upgrade_to_0006_snapshots_minutes_finalized_before_it(tmp_path):
    # Minutes finalized (and amended) by a version before 0006: the same database taken back
    # to 0005, which has no snapshot column. The upgrade snapshots them with the names of the
    # day of the upgrade, so their seal stays what it was, and from then on a rename keeps it.
    from alembic import command

    from secretariat.reports.minutes_data import gather_minutes, minutes_seal
    from tests.support.meetings import Council

    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    council = Council(database)
    lead = council.agency("اداره کل ارشاد اسلامی")
    meeting = council.plan("1404/07/15", host_agency_id=lead)
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد الف.", lead, due_date="1404/08/15")
    council.finalize(meeting.id)
    council.minutes.amend_resolution(resolution.id, due_date="1404/09/15", reason="تعطیلات", author="دبیر")
    core = council.secretariat
    seal = minutes_seal(gather_minutes(core, meeting.id))
    database.close()

    engine = db_engine.make_engine(db_engine.sqlite_url(path))
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        columns = {c["name"] for c in inspect(connection).get_columns("meeting")}
        assert "minutes_snapshot" not in columns
        assert connection.execute(text("SELECT count(*) FROM resolution")).scalar() == 1  # nothing cascaded
    engine.dispose()

    migrated = Secretariat(open_database(path))
    with migrated.database.reading() as session:
        assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
    data = gather_minutes(migrated, meeting.id)
    assert data.frozen and len(data.detail.amendments) == 1
    assert minutes_seal(data) == seal
    migrated.agencies.update(lead, AgencyDraft(name="اداره کل فرهنگ و ارشاد اسلامی"))
    data = gather_minutes(migrated, meeting.id)
    assert minutes_seal(data) == seal and data.meeting.host_agency_name == "اداره کل ارشاد اسلامی"
    migrated.close()


def test_0007_adds_the_corrections_beside_the_log_and_taking_it_back_loses_only_them(tmp_path):
    # A follow-up log written before 0007, then one entry corrected: downgraded to 0006 the
    # entries are all there (the correction too, as an entry), and upgraded again they all count.
    from alembic import command

    from secretariat.followup.corrections import CorrectionDraft
    from secretariat.followup.lifecycle import FollowUpDraft
    from tests.support.meetings import Council

    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    council = Council(database)
    lead = council.agency("اداره کل ارشاد اسلامی")
    meeting = council.plan("1404/07/15")
    council.hold(meeting.id)
    resolution = council.resolve(meeting.id, "مقرر شد الف.", lead)
    followup = council.secretariat.followup
    entry = followup.add(resolution.id, FollowUpDraft(date="1404/07/20", progress="40"))
    followup.correct(
        entry.id,
        CorrectionDraft(
            date="1404/07/20", kind="letter", progress="4", reason="صفر زیادی", recorded_by="دبیر"
        ),
    )
    database.close()

    engine = db_engine.make_engine(db_engine.sqlite_url(path))
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        assert not inspect(connection).has_table("follow_up_correction")
        assert connection.execute(text("SELECT count(*) FROM follow_up")).scalar() == 2
    engine.dispose()

    migrated = Secretariat(open_database(path))
    with migrated.database.reading() as session:
        assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
    assert [(e.progress, e.in_force) for e in migrated.followup.log(resolution.id)] == [(40, True), (4, True)]
    migrated.close()


def test_the_upgrade_to_0008_starts_every_series_at_one_and_keeps_every_number(tmp_path):
    # A council that used the app before 0008: its meetings numbered from 1. After the upgrade
    # every series begins at 1 and 1, so no number moves; a series with no held meeting can then
    # be given a start, and its planned meetings follow it.
    from alembic import command

    from secretariat.meetings.kinds import MeetingSeries
    from secretariat.meetings.numbering_start import NumberingStart, NumberingStartDraft
    from secretariat.members.council import CouncilDraft
    from tests.support.meetings import Council

    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    council = Council(database)
    held = council.hold(council.plan("1404/07/15").id)
    planned = council.plan("1404/08/15", kind="general_assembly")
    database.close()

    engine = db_engine.make_engine(db_engine.sqlite_url(path))
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
        assert not inspect(connection).has_table("series_start")
        assert connection.execute(text("SELECT count(*) FROM meeting")).scalar() == 2
    engine.dispose()

    migrated = Secretariat(open_database(path))
    with migrated.database.reading() as session:
        assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
    assert [state.start for state in migrated.council.numbering()] == [
        NumberingStart(series) for series in MeetingSeries
    ]
    assert migrated.meetings.get(held.id).number == 1
    assert migrated.meetings.get(planned.id).number == 1
    assembly_at_6 = NumberingStartDraft("general_assembly", "6", "2")
    migrated.council.update(CouncilDraft(name=council.council.name, numbering=(assembly_at_6,)))
    assert (migrated.meetings.get(planned.id).number, migrated.meetings.get(planned.id).year_number) == (6, 2)
    # The database itself refuses a start whose number in the year passes its number.
    with pytest.raises(IntegrityError), migrated.database.engine.begin() as connection:
        connection.execute(text("UPDATE series_start SET first_year_number = 7"))
    migrated.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_0009_fills_the_sort_keys_and_taking_it_back_leaves_the_rest(backend, tmp_path):
    # Resolutions written before 0009 (here: the same database taken back to 0008, a text then
    # edited by that version): the upgrade gives each its keys, so the register sorts them by
    # text and by lead in Persian order, and finds them by one letter, as if written since.
    from alembic import command

    from secretariat.followup.register import RegisterSort, ResolutionQuery
    from secretariat.persian.collation import sort_key
    from secretariat.persian.text import fold
    from tests.support.meetings import Council

    location = database_location(backend, tmp_path)
    with Secretariat.open(location) as secretariat:
        council = Council(secretariat)
        leads = [council.agency(name) for name in ("گمرک", "پست", "اداره ارشاد", "ژئوفیزیک")]
        meeting = council.plan("1404/01/15")
        council.hold(meeting.id)
        texts = ["مقرر شد گزارش تهیه شود.", "مقرر شد پایش انجام شود.", "چاپ نشریه", "آموزش خبرنگاران"]
        for text_, lead in zip(texts, leads, strict=True):
            council.resolve(meeting.id, text_, lead)
        rows_before = secretariat.register.count()

    engine = db_engine.make_engine(
        str(location) if backend == "postgresql" else db_engine.sqlite_url(location)
    )
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
        found = inspect(connection)
        assert not {"text_key", "lead_key"} & {c["name"] for c in found.get_columns("resolution")}
        assert not set(INDEXES_OF_0009) & {i["name"] for i in found.get_indexes("resolution")}
        assert not found.has_table("resolution_short")
        assert connection.execute(text("SELECT count(*) FROM resolution")).scalar() == rows_before
        connection.execute(
            text("UPDATE resolution SET text = :text, search_text = :folded WHERE text = 'چاپ نشریه'"),
            {"text": "ژاله‌ها", "folded": fold("ژاله‌ها")},
        )
    engine.dispose()
    texts[texts.index("چاپ نشریه")] = "ژاله‌ها"

    with Secretariat.open(location) as migrated:
        register = migrated.register
        with migrated.database.reading() as session:
            assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
            if backend == "sqlite":  # and statistics for the query planner
                tables = session.scalars(text("SELECT DISTINCT tbl FROM sqlite_stat1")).all()
                assert {"resolution", "assignment", "meeting"} <= set(tables)
        by_text = register.page(ResolutionQuery(sort=RegisterSort.TEXT, descending=False), limit=None)
        assert [row.text for row in by_text] == sorted(texts, key=sort_key)
        by_lead = register.page(ResolutionQuery(sort=RegisterSort.LEAD, descending=True), limit=None)
        names = [row.lead_agency_name for row in by_lead]
        assert names == sorted(names, key=sort_key, reverse=True) and len(names) == 4
        assert register.count(ResolutionQuery(search="ژ")) == 1
        assert register.count(ResolutionQuery(search="رش")) == 2  # گزارش، ارشاد: only the texts
        assert register.count(ResolutionQuery(search="مقرر")) == 2


def test_a_database_filled_since_it_was_made_gives_the_query_planner_its_statistics(tmp_path):
    # Made empty, the tables had no statistics to take; once filled and used, closing stores
    # them (PRAGMA optimize), so the next opening plans the register's queries on real numbers.
    from secretariat.followup.register import ResolutionQuery
    from tests.support.followup import followup_world

    path = tmp_path / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        followup_world(secretariat)
        secretariat.register.page(ResolutionQuery(still_open=True))
        with closing(sqlite3.connect(path)) as look:
            assert not look.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'resolution'").fetchall()
    with closing(sqlite3.connect(path)) as look:
        counted = dict(look.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'resolution'").fetchall())
    assert counted["ix_resolution_status"].split()[0] == "8"  # the eight resolutions of the world


# -- folding in the database ------------------------------------------------------------------

FOLDED_IN_THE_DATABASE = [
    "روابط\u200cعمومی",  # ZWNJ
    "مدير كل",  # Arabic ي and ك
    "جلسه ۳۰ و ٣١ و 32",  # every digit script
    "خانهٔ مؤسسه‌ی آموزشی",  # hamza above, ؤ
    "عـــلی\tرضا\u00a0احمدی",  # tatweel, a tab, a no-break space
    "\ufeb3\ufedf\ufe8e\ufee1",  # presentation forms (سلام as an old font or a PDF gives it)
    "مُحَمَّد PR",  # harakat, Latin capitals
    "",
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_database_folds_text_as_the_core_does(backend, tmp_path):
    """What the meeting search compares in the database (``Database.folded``) must be what
    ``fold`` makes of the words typed, on SQLite (the core's function) and PostgreSQL (a translation)."""
    from secretariat.persian.text import fold

    with Secretariat.open(database_location(backend, tmp_path)) as secretariat:
        database = secretariat.database
        with database.reading() as session:
            for sample in FOLDED_IN_THE_DATABASE:
                folded = session.scalar(select(database.folded(literal(sample))))
                assert folded == fold(sample), sample
