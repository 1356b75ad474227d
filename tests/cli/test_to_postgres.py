"""``migrate-to-postgres --url``: the demo council (built by ``demo``) copied to an empty PostgreSQL
database and read back the same; refusals exit 2 in Persian. Runs against the real server
(``tools/postgres.sh run``)."""

from __future__ import annotations

import json

import pytest

from secretariat.cli import main
from tests.support.backends import needs_postgres, table_rows
from tests.support.office_accounts import add_accounts_to, password
from tests.support.postgres_databases import empty_postgres


@pytest.fixture
def target():
    with empty_postgres("council_copy_cli") as url:
        yield url


@pytest.fixture
def demo(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def listing(db, capsys, *args):
    capsys.readouterr()
    assert main(["--db", str(db), *args, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


@needs_postgres
def test_the_demo_moves_to_postgresql_and_reads_the_same_there(demo, target, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo), "migrate-to-postgres", "--url", target]) == 0
    out = capsys.readouterr().out
    assert "شورا به پایگاه داده PostgreSQL رونوشت شد" in out
    assert "شمار سطرهای هر جدول در دو پایگاه یکی است" in out
    assert "داده‌های بایگانی سالانه در هر دو پایگاه یکی است (سال‌های ۱۴۰۴، ۱۴۰۵)" in out

    for command in (
        ["meetings", "list"],
        ["resolutions", "list"],
        ["agencies", "list", "--all"],
        ["letters", "list"],
    ):
        assert listing(target, capsys, *command) == listing(demo, capsys, *command), command
    assert main(["--db", target, "agencies", "add", "--name", "اداره تازه‌ساز"]) == 0
    assert "اداره تازه‌ساز" in [row["name"] for row in listing(target, capsys, "agencies", "list")]

    assert main(["--db", str(demo), "migrate-to-postgres", "--url", target]) == 2
    assert "خالی نیست" in capsys.readouterr().err


@needs_postgres
def test_only_the_secretary_moves_the_council_and_the_accounts_come_along(demo, target, monkeypatch, capsys):
    add_accounts_to(demo)
    monkeypatch.setenv("SECRETARIAT_PASSWORD", password("karshenas"))
    assert main(["--db", str(demo), "--user", "karshenas", "migrate-to-postgres", "--url", target]) == 2
    assert "«بازگرداندن پشتیبان و ورود بایگانی» در اختیار نقش «کارشناس» نیست" in capsys.readouterr().err
    assert table_rows(target) == {}

    monkeypatch.setenv("SECRETARIAT_PASSWORD", password("dabir"))
    assert main(["--db", str(demo), "--user", "dabir", "migrate-to-postgres", "--url", target]) == 0
    capsys.readouterr()
    assert main(["--db", target, "agencies", "list"]) == 2  # the council there has accounts too
    assert main(["--db", target, "--user", "dabir", "users", "list", "--json"]) == 0
    assert [row["username"] for row in json.loads(capsys.readouterr().out)] == ["dabir", "karshenas", "nazer"]


def test_a_url_that_is_not_postgresql_or_not_reachable_is_refused(demo, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo), "migrate-to-postgres", "--url", "mysql://u@127.0.0.1/council"]) == 2
    assert "پایگاه داده PostgreSQL نیست" in capsys.readouterr().err
    assert (
        main(["--db", str(demo), "migrate-to-postgres", "--url", "postgresql://u@127.0.0.1:1/council"]) == 2
    )
    error = capsys.readouterr().err
    assert "وصل نشد" in error and "پرونده SQLite دست نخورد" in error and "Traceback" not in error
