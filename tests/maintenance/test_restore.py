"""Restoring a backup: a wrong, damaged or newer file is refused and nothing
changes (every file compared byte for byte, the app's -wal included); a good
one comes back, with the database it replaced kept beside it."""

import os
import random
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from db import schema
from db.models import Agency
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.maintenance.backup_check import BackupKind, inspect_backup
from secretariat.maintenance.restore import RestoreError, restore
from secretariat.members.agencies import AgencyDraft
from tests.support.backup import (
    agency_names,
    folder_state,
    make_backup,
    make_council_database,
    make_foreign_database,
    make_old_database,
    stamp,
)

ROOT = Path(__file__).resolve().parents[2]
NOW = ["اداره پست", "اداره گاز", "شهرداری پردیس"]
THEN = ["اداره پست"]


@pytest.fixture
def current(tmp_path):
    """The app's database, with saved rows, some of them still in its -wal."""
    return make_council_database(tmp_path / "data" / "council.sqlite3", NOW)


def make_bad_file(incoming: Path, kind: str) -> Path:
    incoming.mkdir(parents=True, exist_ok=True)
    if kind == "text":
        path = incoming / "backup.sqlite3"
        path.write_text("صورتجلسه هفتمین جلسه شورا\n", encoding="utf-8")
    elif kind == "truncated":
        good = make_backup(incoming, THEN, "whole.sqlite3")
        path = incoming / "backup.sqlite3"
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
        good.unlink()
    elif kind == "damaged":
        path = incoming / "backup.sqlite3"
        path.write_bytes(b"SQLite format 3\x00" + random.Random(27).randbytes(16384))
    elif kind == "foreign":
        path = make_foreign_database(incoming / "contacts.db")
    elif kind == "newer":
        path = stamp(make_backup(incoming, THEN), "9999")
    elif kind == "empty-sqlite":
        path = incoming / "blank.sqlite3"
        with closing(sqlite3.connect(path)) as blank:
            blank.execute("PRAGMA user_version = 7")
    elif kind == "missing":
        path = incoming / "no such backup.sqlite3"
    elif kind == "folder":
        path = incoming / "backups.sqlite3"
        path.mkdir()
    return path


REFUSALS = {
    "text": "SQLite نیست",
    "truncated": "آسیب دیده یا ناقص",
    "damaged": "آسیب دیده یا ناقص",
    "foreign": "برنامه دیگری",
    "newer": "تازه‌تری",
    "empty-sqlite": "خالی",
    "missing": "پیدا نشد",
    "folder": "پوشه",
}


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_a_bad_backup_is_refused_and_nothing_changes_while_the_app_is_open(tmp_path, current, kind):
    bad = make_bad_file(tmp_path / "incoming", kind)
    with Secretariat.open(current) as secretariat:  # the app has it open, with rows in the -wal
        secretariat.agencies.add(AgencyDraft(name="اداره برق"))
        assert (tmp_path / "data" / "council.sqlite3-wal").stat().st_size > 0
        before = folder_state(tmp_path)
        with pytest.raises(RestoreError) as error:
            restore(current, bad)
        assert (
            folder_state(tmp_path) == before
        )  # the database, its -wal and -shm, the backup: all as they were
        assert REFUSALS[kind] in error.value.message
        assert "دست نخورد" in error.value.message
        assert len(secretariat.agencies.page(limit=None)) == 4


@pytest.mark.parametrize("kind", list(REFUSALS))
def test_a_bad_backup_is_refused_for_a_closed_database_byte_for_byte(tmp_path, current, kind):
    bad = make_bad_file(tmp_path / "incoming", kind)
    before = folder_state(tmp_path)
    with pytest.raises(RestoreError):
        restore(current, bad)
    assert folder_state(tmp_path) == before
    assert agency_names(current) == sorted(NOW)


def test_a_backup_comes_back_and_the_replaced_database_is_kept(tmp_path, current):
    backup = make_backup(tmp_path / "incoming", THEN)
    backup_bytes = backup.read_bytes()

    result = restore(current, backup)

    assert result.database == current and not result.migrated
    assert result.backup.kind is BackupKind.SAME
    assert agency_names(current) == THEN
    assert result.previous.parent == current.parent
    assert result.previous.name.startswith("council.before-restore-") and result.previous.suffix == ".sqlite3"
    assert agency_names(result.previous) == sorted(NOW)
    assert inspect_backup(result.previous).kind is BackupKind.SAME
    assert backup.read_bytes() == backup_bytes  # the backup itself is left as it was
    assert sorted(p.name for p in current.parent.iterdir()) == sorted([current.name, result.previous.name])
    with Secretariat.open(current, create=False) as secretariat:
        assert [row.name for row in secretariat.agencies.page(limit=None)] == THEN
        secretariat.agencies.add(AgencyDraft(name="اداره برق"))  # and the app goes on


def test_an_older_backup_is_migrated_after_it_is_restored(tmp_path, current):
    old = make_old_database(tmp_path / "incoming" / "old.sqlite3", agency="اداره بهزیستی")
    assert inspect_backup(old).kind is BackupKind.OLDER

    result = restore(current, old)

    assert result.migrated and result.backup.revision == "0001"
    database = open_database(current, create=False)
    try:
        with database.reading() as session:
            assert schema.current_revision(session.connection()) == schema.HEAD_REVISION
            assert inspect(session.connection()).has_table("meeting")
            assert list(session.scalars(select(Agency.name))) == ["اداره بهزیستی"]
    finally:
        database.close()
    (before_upgrade,) = current.parent.glob("council.before-upgrade-*.sqlite3")
    assert inspect_backup(before_upgrade).revision == "0001"
    assert agency_names(result.previous) == sorted(NOW)


def test_a_backup_is_restored_where_no_database_exists_yet(tmp_path):
    backup = make_backup(tmp_path / "usb stick", THEN)
    target = tmp_path / "new machine" / "data" / "council.sqlite3"
    result = restore(target, backup)
    assert result.previous is None
    assert agency_names(target) == THEN
    assert [p.name for p in target.parent.iterdir()] == ["council.sqlite3"]


def test_a_database_still_open_is_not_replaced(tmp_path, current):
    backup = make_backup(tmp_path / "incoming", THEN)
    with Secretariat.open(current) as secretariat:
        secretariat.agencies.add(AgencyDraft(name="اداره برق"))
        names = sorted(p.name for p in tmp_path.rglob("*"))
        with pytest.raises(RestoreError) as error:
            restore(current, backup)
        assert "باز است" in error.value.message and "ببندید" in error.value.message
        assert sorted(p.name for p in tmp_path.rglob("*")) == names  # no safety copy, no temporary file
        assert len(secretariat.agencies.page(limit=None)) == 4
    assert agency_names(current) == sorted([*NOW, "اداره برق"])


def test_the_rows_left_in_the_wal_by_a_crash_are_in_the_safety_copy(tmp_path, current):
    # The app was killed: its last saved rows are only in the -wal beside the database.
    script = (
        "import os, sys\n"
        "from secretariat.core import Secretariat\n"
        "from secretariat.members.agencies import AgencyDraft\n"
        "secretariat = Secretariat.open(sys.argv[1])\n"
        "secretariat.agencies.add(AgencyDraft(name='اداره برق'))\n"
        "os._exit(0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(current)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert Path(f"{current}-wal").stat().st_size > 0

    result = restore(current, make_backup(tmp_path / "incoming", THEN))

    assert agency_names(result.previous) == sorted([*NOW, "اداره برق"])
    assert agency_names(current) == THEN
    assert not Path(f"{current}-wal").exists()


def test_a_damaged_database_is_kept_as_it_was_and_replaced(tmp_path):
    current = tmp_path / "council.sqlite3"
    damaged = b"SQLite format 3\x00" + random.Random(3).randbytes(8192)
    current.write_bytes(damaged)
    result = restore(current, make_backup(tmp_path / "incoming", THEN))
    assert result.previous.read_bytes() == damaged
    assert agency_names(current) == THEN


def test_a_backup_is_not_restored_onto_itself(tmp_path, current):
    before = folder_state(tmp_path)
    with pytest.raises(RestoreError) as error:
        restore(current, current)
    assert "همان" in error.value.message
    assert folder_state(tmp_path) == before
