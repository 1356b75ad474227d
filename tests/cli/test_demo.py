"""``demo --force`` replaces only the demo's own database, and keeps a copy of what it replaces."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from secretariat.cli import main

REAL_COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان دماوند"


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_demo_force_refuses_a_real_councils_database_and_leaves_it_alone(tmp_path, capsys):
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", REAL_COUNCIL]) == 0
    assert main(["--db", str(path), "agencies", "add", "--name", "شهرداری دماوند"]) == 0
    before = snapshot(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(path), "demo", "--force"]) == 2
    err = capsys.readouterr().err
    assert REAL_COUNCIL in err and "نه پایگاه نمونه" in err and "تغییر داده نشد" in err
    assert snapshot(tmp_path) == before


def test_demo_force_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    path.write_text("یادداشت‌های جلسه، نه پایگاه داده", encoding="utf-8")
    before = snapshot(tmp_path)
    assert main(["--db", str(path), "demo", "--force"]) == 2
    assert "نمونه نیست" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_demo_without_force_refuses_an_existing_file(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(b"")
    assert main(["--db", str(path), "demo"]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == b""


def test_demo_force_rebuilds_the_demo_and_keeps_a_copy_of_the_old_one(demo_copy, capsys):
    folder = demo_copy.parent
    with closing(sqlite3.connect(demo_copy)) as connection:
        connection.execute("UPDATE agency SET name = 'دستگاه نشان‌دار' WHERE id = 1")
        connection.commit()
    assert main(["--db", str(demo_copy), "demo", "--force"]) == 0
    out = capsys.readouterr().out
    [safety] = [p for p in folder.iterdir() if ".before-demo-" in p.name]
    assert str(safety) in out
    with closing(sqlite3.connect(safety)) as connection:
        assert connection.execute("SELECT name FROM agency WHERE id = 1").fetchone() == ("دستگاه نشان‌دار",)
    with closing(sqlite3.connect(demo_copy)) as connection:
        assert connection.execute("SELECT is_demo FROM council").fetchall() == [(1,)]
        assert connection.execute("SELECT name FROM agency WHERE id = 1").fetchone() != ("دستگاه نشان‌دار",)
