"""``connection set|show|forget``, and the commands opening the saved shared database when no
``--db`` is given. The keyring is a fake one (``tests.support.keyrings``)."""

from __future__ import annotations

import json

import pytest

from secretariat import paths
from secretariat.cli import main
from secretariat.office.connection import PASSWORD_VARIABLE
from tests.support import keyrings
from tests.support.backends import needs_postgres
from tests.support.postgres_databases import empty_postgres

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
NOBODY_ANSWERS = "postgresql://council@127.0.0.1:1/council"  # port 1: refused at once


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv(PASSWORD_VARIABLE, "db-secret")
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def memory_keyring():
    with keyrings.using(keyrings.memory()) as backend:
        yield backend


def show(capsys) -> dict[str, object]:
    capsys.readouterr()
    assert main(["connection", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_set_show_and_forget(capsys, memory_keyring):
    assert show(capsys) == {"saved": False}
    assert main(["connection", "set", "--url", NOBODY_ANSWERS, "--no-check"]) == 0
    out = capsys.readouterr().out
    assert "اتصال ذخیره شد" in out and "db-secret" not in out
    assert memory_keyring.passwords == {("CouncilSecretariat", "council@127.0.0.1:1/council"): "db-secret"}
    assert "db-secret" not in paths.connection_path().read_text(encoding="utf-8")

    shown = show(capsys)
    assert shown == {
        "saved": True,
        "url": "postgresql+psycopg://council@127.0.0.1:1/council",
        "host": "127.0.0.1",
        "port": 1,
        "database": "council",
        "user": "council",
        "password": "keyring",
        "password_in_keyring": True,
        "password_known": True,
    }
    assert main(["connection", "show"]) == 0
    out = capsys.readouterr().out
    assert "council@127.0.0.1:1/council" in out and "keyring" in out and "db-secret" not in out

    assert main(["connection", "forget"]) == 0
    assert "فراموش شد" in capsys.readouterr().out
    assert memory_keyring.passwords == {} and show(capsys) == {"saved": False}


def test_a_connection_that_fails_its_check_is_not_saved(capsys):
    assert main(["connection", "set", "--url", NOBODY_ANSWERS]) == 2
    error = capsys.readouterr().err
    assert error.startswith("خطا: ") and "پاسخ نداد" in error and "ذخیره نشد" in error
    assert "Traceback" not in error
    assert not paths.connection_path().exists()


@pytest.mark.parametrize(
    "url",
    ["sqlite:///council.sqlite3", "mysql://u@host/db", "postgresql://host/db", "council.sqlite3"],
)
def test_an_address_that_is_not_postgresql_is_refused(url, capsys):
    assert main(["connection", "set", "--url", url, "--no-check"]) == 2
    assert "postgresql://" in capsys.readouterr().err
    assert not paths.connection_path().exists()


def test_a_password_in_the_address_is_refused(capsys, memory_keyring):
    assert main(["connection", "set", "--url", "postgresql://council:typed@host/db", "--no-check"]) == 2
    error = capsys.readouterr().err
    assert PASSWORD_VARIABLE in error and "typed" not in error
    assert not paths.connection_path().exists() and memory_keyring.passwords == {}


def test_without_a_terminal_or_the_variable_the_password_is_refused(capsys, monkeypatch):
    monkeypatch.delenv(PASSWORD_VARIABLE)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["connection", "set", "--url", NOBODY_ANSWERS, "--no-check"]) == 2
    assert PASSWORD_VARIABLE in capsys.readouterr().err
    assert not paths.connection_path().exists()


def test_without_a_keyring_the_password_is_not_saved_and_that_is_said(capsys):
    with keyrings.using(keyrings.none()):
        assert main(["connection", "set", "--url", NOBODY_ANSWERS, "--no-check"]) == 0
        captured = capsys.readouterr()
        assert "keyring" in captured.err and PASSWORD_VARIABLE in captured.err
        assert "db-secret" not in paths.connection_path().read_text(encoding="utf-8")
        shown = show(capsys)
    assert shown["password"] == "asked" and shown["password_in_keyring"] is False
    assert shown["password_known"] is True  # the variable is set in this test


def test_without_db_the_commands_open_the_saved_connection(tmp_path, capsys):
    local = tmp_path / "council.sqlite3"
    assert main(["--db", str(local), "init", "--council", COUNCIL]) == 0
    assert main(["connection", "set", "--url", NOBODY_ANSWERS, "--no-check"]) == 0
    capsys.readouterr()
    assert main(["agencies", "list"]) == 2  # the saved server, out of reach
    error = capsys.readouterr().err
    assert "council@127.0.0.1:1/council" in error and "connection forget" in error and "--db" in error
    assert "db-secret" not in error and "Traceback" not in error
    assert main(["--db", str(local), "agencies", "list", "--json"]) == 0  # --db still wins
    assert main(["restore", str(local)]) == 2  # a restore into the shared server: refused
    assert "SQLite" in capsys.readouterr().err


@needs_postgres
def test_the_saved_connection_opens_the_shared_council(capsys, monkeypatch):
    from sqlalchemy import make_url

    with empty_postgres("secretariat_connection_cli") as url:
        parsed = make_url(url)
        monkeypatch.setenv(PASSWORD_VARIABLE, parsed.password or "")
        typed = parsed.set(password=None).render_as_string(hide_password=False)
        assert main(["connection", "set", "--url", typed]) == 0
        assert "اتصال برقرار شد" in capsys.readouterr().out
        assert main(["init", "--council", COUNCIL]) == 0
        assert main(["agencies", "add", "--name", "اداره کل فرهنگ و ارشاد اسلامی"]) == 0
        capsys.readouterr()
        assert main(["agencies", "list", "--json"]) == 0
        assert [row["name"] for row in json.loads(capsys.readouterr().out)] == [
            "اداره کل فرهنگ و ارشاد اسلامی"
        ]
        assert main(["connection", "forget"]) == 0
