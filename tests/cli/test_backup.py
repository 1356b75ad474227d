"""``backup`` and ``restore`` on the command line: Persian output, exit 2 on a
refusal, and nothing changed by a refusal."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.cli import main
from secretariat.maintenance import settings
from secretariat.maintenance.backup_check import BackupKind, inspect_backup
from secretariat.persian import jalali
from tests.support.backup import agency_names, folder_state, make_foreign_database, stamp

ROOT = Path(__file__).resolve().parents[2]
PERSIAN_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "data" / "council.sqlite3"
    assert run(path, "init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس") == 0
    assert run(path, "agencies", "add", "--name", "اداره پست") == 0
    return path


def run(db_path, *args):
    return main(["--db", str(db_path), *args])


def test_backup_out_prints_the_path_and_the_size_in_persian_digits(db_path, tmp_path, capsys):
    target = tmp_path / "flash" / "council-backup.sqlite3"
    capsys.readouterr()
    assert run(db_path, "backup", "--out", str(target)) == 0
    out = capsys.readouterr().out
    assert str(target) in out
    assert "اندازه" in out and PERSIAN_DIGITS & set(out.split("اندازه")[1].splitlines()[0])
    assert inspect_backup(target).kind is BackupKind.SAME
    assert agency_names(target) == ["اداره پست"]


def test_backup_daily_once_a_day_in_the_backups_folder(db_path, tmp_path, capsys):
    settings.save(settings.Settings(backup_generations=2))
    capsys.readouterr()
    assert run(db_path, "backup", "--daily") == 0
    (made,) = (tmp_path / "data" / "backups").iterdir()
    assert (
        made.name
        == f"council-{jalali.format_short(jalali.today(), persian_digits=False).replace('/', '-')}.sqlite3"
    )
    assert str(made) in capsys.readouterr().out
    assert run(db_path, "backup", "--daily", "--keep", "۳") == 0
    assert "از پیش گرفته شده" in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "data" / "backups").iterdir()] == [made.name]


def test_keep_without_daily_is_refused(db_path, tmp_path, capsys):
    capsys.readouterr()
    assert run(db_path, "backup", "--out", str(tmp_path / "x.sqlite3"), "--keep", "3") == 2
    assert "خطا:" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


def test_restore_brings_the_backup_back_and_says_where_the_previous_one_is(db_path, tmp_path, capsys):
    backup = tmp_path / "backup.sqlite3"
    assert run(db_path, "backup", "--out", str(backup)) == 0
    assert run(db_path, "agencies", "add", "--name", "اداره گاز") == 0
    capsys.readouterr()

    assert run(db_path, "restore", str(backup)) == 0

    out = capsys.readouterr().out
    (previous,) = db_path.parent.glob("council.before-restore-*.sqlite3")
    assert str(previous) in out and "بازگردانده شد" in out
    assert agency_names(db_path) == ["اداره پست"]
    assert agency_names(previous) == ["اداره پست", "اداره گاز"]


def test_restore_onto_a_new_machine(db_path, tmp_path, capsys):
    backup = tmp_path / "backup.sqlite3"
    assert run(db_path, "backup", "--out", str(backup)) == 0
    fresh = tmp_path / "new machine" / "council.sqlite3"
    assert run(fresh, "restore", str(backup)) == 0
    assert agency_names(fresh) == ["اداره پست"]
    assert run(fresh, "agencies", "add", "--name", "اداره گاز") == 0


@pytest.mark.parametrize("kind", ["text", "foreign", "newer", "missing"])
def test_restore_refusals_exit_2_in_persian_and_change_nothing(db_path, tmp_path, capsys, kind):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    if kind == "text":
        bad = incoming / "backup.sqlite3"
        bad.write_text("not a backup\n")
    elif kind == "foreign":
        bad = make_foreign_database(incoming / "contacts.db")
    elif kind == "newer":
        bad = incoming / "backup.sqlite3"
        assert run(db_path, "backup", "--out", str(bad)) == 0
        stamp(bad, "9999")
    else:
        bad = incoming / "missing.sqlite3"
    before = folder_state(tmp_path)
    capsys.readouterr()

    assert run(db_path, "restore", str(bad)) == 2

    err = capsys.readouterr().err
    assert err.startswith("خطا: ") and "دست نخورد" in err
    assert folder_state(tmp_path) == before


def test_the_commands_run_as_a_module(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SECRETARIAT_DATA_DIR": str(tmp_path / "data")}
    database = tmp_path / "council.sqlite3"

    def module(*args):
        return subprocess.run(
            [sys.executable, "-m", "secretariat", "--db", str(database), *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )

    assert module("init", "--council", "شورای آزمون").returncode == 0
    made = module("backup", "--out", str(tmp_path / "copy.sqlite3"))
    assert made.returncode == 0 and "پشتیبان گرفته شد" in made.stdout
    (tmp_path / "notes.txt").write_text("x")
    refused = module("restore", str(tmp_path / "notes.txt"))
    assert refused.returncode == 2 and refused.stderr.startswith("خطا: ")
    assert module("restore", str(tmp_path / "copy.sqlite3")).returncode == 0
