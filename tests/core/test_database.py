"""Opening the council's database: create, migrate, refuse, and transactions.

A file that is refused must be left exactly as it was: the checks compare
the bytes (and the folder's listing) before and after.
"""

import random
import re
import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from db import engine as db_engine
from db import schema
from db.models import Agency, Person, Representation
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DatabaseOpenError
from secretariat.members.agencies import AgencyDraft, AgencyQuery

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
