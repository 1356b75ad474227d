"""Temporary files of killed backups are removed when the database is next opened;
fresh ones (a backup still being written) and anybody else's files are left alone."""

from __future__ import annotations

import os
import sys
import time

import pytest

from secretariat.cli import main
from secretariat.database import open_database
from secretariat.maintenance import backup, leftovers

AN_HOUR_AGO = time.time() - 3600


def _age(path, when=AN_HOUR_AGO):
    """``path`` (made empty if missing) last written at ``when``."""
    path.touch(exist_ok=True)
    os.utime(path, (when, when))
    return path


def _killed_backup_leftover(target):
    """What a backup killed before its rename leaves: the staged copy, named as the app names it."""
    staged = backup._new_temporary(target)
    staged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    return staged


@pytest.fixture
def council(tmp_path):
    path = tmp_path / "council.sqlite3"
    open_database(path).close()
    return path


def test_a_stale_part_file_is_removed_at_the_next_start(council):
    folder = council.parent
    stale = [
        _age(_killed_backup_leftover(council)),  # a restore's staging
        _age(_killed_backup_leftover(backup.beside_name(council, "before-upgrade"))),
        _age(folder / ".settings.json.k3_9xq2a.part"),
    ]
    (folder / "backups").mkdir()
    stale.append(_age(_killed_backup_leftover(folder / "backups" / "council-1405-09-04.sqlite3")))
    journal = stale[0].with_name(stale[0].name + "-journal")
    journal.write_bytes(b"journal")
    stale.append(_age(journal))

    open_database(council).close()

    assert [path for path in stale if path.exists()] == []


def test_fresh_part_files_and_other_files_are_left_alone(council):
    folder = council.parent
    fresh = _killed_backup_leftover(council)  # a backup another window is writing now
    foreign = [
        _age(folder / "notes.part"),
        _age(folder / ".council.sqlite3.part"),  # no random part: not a name the app makes
        _age(folder / ".other.sqlite3.1a2b3c4d.part"),  # another database's
        _age(folder / ".councilor.sqlite3.1a2b3c4d.part"),
        _age(folder / "council.sqlite3.1a2b3c4d.part"),  # not hidden
        _age(folder / ".council.sqlite3.1a2b3c4d.partial"),
    ]
    (folder / "subfolder").mkdir()
    nested = _age(_killed_backup_leftover(folder / "subfolder" / "council.sqlite3"))
    (folder / ".council.sqlite3.9f9f9f9f.part").mkdir()

    open_database(council).close()

    assert fresh.exists() and nested.exists()
    assert all(path.exists() for path in foreign)
    assert (folder / ".council.sqlite3.9f9f9f9f.part").is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_with_the_apps_naming_is_not_followed_or_removed(council, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "precious.txt"
    elsewhere.write_text("کسی دیگر")
    link = council.parent / ".council.sqlite3.1a2b3c4d.part"
    link.symlink_to(elsewhere)
    os.utime(link, (AN_HOUR_AGO, AN_HOUR_AGO), follow_symlinks=False)
    open_database(council).close()
    assert link.is_symlink() and elsewhere.read_text() == "کسی دیگر"


def test_the_command_line_clears_them_too(council, capsys):
    stale = _age(_killed_backup_leftover(council))
    assert main(["--db", str(council), "agencies", "list"]) == 2  # no council yet: still opened
    assert not stale.exists()


def test_the_limit_is_a_few_minutes(council):
    staged = _killed_backup_leftover(council)
    now = time.time()
    _age(staged, now - leftovers.STALE_AFTER + 30)
    assert leftovers.remove_leftovers(council, now=now) == []
    _age(staged, now - leftovers.STALE_AFTER - 30)
    assert leftovers.remove_leftovers(council, now=now) == [staged]
