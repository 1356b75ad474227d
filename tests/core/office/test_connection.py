"""The saved shared connection: its address in ``connection.json``, its password in the keyring
(a fake one here: the real keyring is never touched), never in plain text."""

from __future__ import annotations

import json
import sys

import pytest
from sqlalchemy import make_url

from secretariat import paths
from secretariat.office import connection
from secretariat.office.connection import (
    NO_KEYRING,
    PASSWORD_VARIABLE,
    ConnectionFailed,
    ConnectionSettingError,
    PasswordPlace,
)
from tests.support import keyrings
from tests.support.backends import needs_postgres, postgres_url

SECRET = "s3cret:p@ss/w%rd"
URL = "postgresql://council:s3cret%3Ap%40ss%2Fw%25rd@db.office.local:5433/council"  # SECRET, quoted
KEY = "council@db.office.local:5433/council"


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    return tmp_path / "data"


@pytest.fixture
def memory_keyring():
    with keyrings.using(keyrings.memory()) as backend:
        yield backend


@pytest.fixture
def no_keyring():
    with keyrings.using(keyrings.none()) as backend:
        yield backend


def stored_text() -> str:
    return paths.connection_path().read_text(encoding="utf-8")


def test_the_password_goes_to_the_keyring_and_never_into_the_file(memory_keyring):
    saved = connection.save(URL)
    assert saved.place is PasswordPlace.KEYRING and saved.notice == ""
    assert memory_keyring.passwords == {("CouncilSecretariat", KEY): SECRET}
    text = stored_text()
    for fragment in (SECRET, "s3cret", "%40ss"):
        assert fragment not in text
    assert json.loads(text) == {
        "url": "postgresql+psycopg://council@db.office.local:5433/council",
        "password": "keyring",
    }

    loaded = connection.load()
    assert loaded is not None and not loaded.needs_password
    url = make_url(loaded.url)
    assert (url.drivername, url.username, url.password, url.host, url.port, url.database) == (
        "postgresql+psycopg",
        "council",
        SECRET,
        "db.office.local",
        5433,
        "council",
    )
    for shown in (loaded.describe(), connection.describe(), repr(loaded), loaded.address.shown):
        assert "s3cret" not in shown
    assert "keyring" in connection.describe()


def test_forget_takes_out_the_address_and_the_password(memory_keyring):
    connection.save(URL)
    assert connection.exists()
    assert connection.forget() is True
    assert not paths.connection_path().exists()
    assert memory_keyring.passwords == {}
    assert connection.load() is None and not connection.exists()
    assert connection.forget() is False
    assert "ذخیره نشده" in connection.describe()


def test_a_new_connection_takes_the_old_password_out_of_the_keyring(memory_keyring):
    connection.save(URL)
    connection.save("postgresql://other:pw@10.0.0.5/council")
    assert memory_keyring.passwords == {("CouncilSecretariat", "other@10.0.0.5:5432/council"): "pw"}
    connection.save("postgresql://trusted@10.0.0.5/council")  # a server that asks for no password
    assert memory_keyring.passwords == {}
    loaded = connection.load()
    assert loaded is not None and loaded.place is PasswordPlace.NONE and not loaded.needs_password
    assert make_url(loaded.url).password is None


def test_without_a_keyring_the_password_is_kept_nowhere_and_asked_at_start(no_keyring, monkeypatch):
    saved = connection.save(URL)
    assert saved.place is PasswordPlace.ASKED and saved.notice == NO_KEYRING
    assert PASSWORD_VARIABLE in saved.notice
    assert "s3cret" not in stored_text() and json.loads(stored_text())["password"] == "asked"

    loaded = connection.load()
    assert loaded is not None and loaded.needs_password
    assert make_url(loaded.url).password is None
    assert make_url(loaded.with_password("typed").url).password == "typed"
    assert "پرسیده" in loaded.describe()

    monkeypatch.setenv(PASSWORD_VARIABLE, "from-the-environment")
    loaded = connection.load()
    assert loaded is not None and not loaded.needs_password
    assert make_url(loaded.url).password == "from-the-environment"


def test_without_the_keyring_library_the_password_is_kept_nowhere(monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring: ImportError
    assert not connection.keyring_available()
    saved = connection.save(URL)
    assert saved.place is PasswordPlace.ASKED and saved.notice == NO_KEYRING
    assert "s3cret" not in stored_text()


def test_a_keyring_that_fails_counts_as_none():
    class Broken(keyrings.MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("the Secret Service is locked")

    with keyrings.using(Broken()):
        saved = connection.save(URL)
    assert saved.place is PasswordPlace.ASKED
    assert "s3cret" not in stored_text()


@pytest.mark.parametrize(
    "url",
    [
        "",
        "council.sqlite3",
        "sqlite:///council.sqlite3",
        "mysql://council@host/council",
        "postgresql+psycopg2x://council@host/council",
        "postgresql://host/council",  # no user
        "postgresql://council@/council",  # no host
        "postgresql://council@host",  # no database
        "postgresql://council@host:99999/council",
        "postgresql://council@host:port/council",
    ],
)
def test_only_a_postgresql_address_is_saved(url, memory_keyring):
    with pytest.raises(ConnectionSettingError) as refused:
        connection.save(url)
    assert "postgresql://" in refused.value.message
    assert not paths.connection_path().exists() and memory_keyring.passwords == {}


def test_a_damaged_file_counts_as_no_connection(data_folder):
    data_folder.mkdir(parents=True, exist_ok=True)
    for text in ("{not json", "[]", '{"url": "sqlite:///x"}', '{"url": "postgresql://u@h/d", "password": 3}'):
        paths.connection_path().write_text(text, encoding="utf-8")
        assert connection.load() is None and not connection.exists()


def test_the_form_builds_the_address_from_its_fields():
    url = connection.build(host=" 192.168.1.10 ", port="", database="council", user="dabir", password="a b@c")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.username, parsed.password) == (
        "192.168.1.10",
        5432,
        "dabir",
        "a b@c",
    )
    for port in ("0", "70000", "۵۴۳۲x", "abc"):
        with pytest.raises(ConnectionSettingError):
            connection.build(host="h", port=port, database="d", user="u")
    with pytest.raises(ConnectionSettingError):
        connection.build(host="", port=5432, database="d", user="u")


def test_a_server_that_does_not_answer_is_said_in_persian():
    with pytest.raises(ConnectionFailed) as failed:
        connection.check("postgresql://council:pw@127.0.0.1:1/council")
    assert "پاسخ نداد" in failed.value.message and "Traceback" not in failed.value.message


@pytest.mark.parametrize(
    ("detail", "said"),
    [
        ('FATAL:  password authentication failed for user "council"', "گذرواژه کاربر «council» درست نیست"),
        ("fe_sendauth: no password supplied", "گذرواژه می‌خواهد"),
        ('FATAL:  database "council" does not exist', "پایگاه داده‌ای به نام «council»"),
        ('FATAL:  role "council" does not exist', "کاربری به نام «council»"),
        ("failed to resolve host 'db.office.local': [Errno -2] Name or service not known", "پیدا نشد"),
        ("connection to server at ... failed: Connection refused", "پاسخ نداد"),
        ("connection timeout expired", "در زمان مقرر"),
        ("no pg_hba.conf entry for host", "pg_hba.conf"),
    ],
)
def test_why_a_connection_failed_reads_in_persian(detail, said):
    address, _ = connection.parse(URL)
    assert said in connection.failure_reason(detail, address)
    assert connection.connection_reason("this app's database is newer", address) is None


@needs_postgres
def test_a_real_server_answers_and_a_missing_database_is_named():
    url = postgres_url()
    assert connection.check(url).startswith("اتصال برقرار شد")
    missing = make_url(url).set(database="no_such_council_db").render_as_string(hide_password=False)
    with pytest.raises(ConnectionFailed) as failed:
        connection.check(missing)
    assert "«no_such_council_db»" in failed.value.message
