"""Backups: consistent snapshots of the running database, daily generations,
and what a backup file is (``inspect_backup``)."""

import datetime as dt
import hashlib
import json
import random
import sqlite3
from contextlib import closing
from types import SimpleNamespace

import pytest

from db import schema
from secretariat import paths
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import ValidationError
from secretariat.maintenance import backup as backups
from secretariat.maintenance import settings
from secretariat.maintenance.backup import BackupError, backup_to, daily_backup, daily_name, format_size
from secretariat.maintenance.backup_check import BackupInfo, BackupKind, inspect_backup
from secretariat.members.agencies import AgencyDraft
from secretariat.persian import jalali
from tests.support.backup import (
    agency_names,
    folder_state,
    make_backup,
    make_council_database,
    make_foreign_database,
    make_old_database,
    stamp,
)

NAMES = ["اداره پست", "شهرداری پردیس", "اداره کل بهزیستی"]


def assert_single_file_backup(path):
    """A whole, self-contained SQLite file: integrity ok, DELETE journal, nothing beside it."""
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert not list(path.parent.glob(path.name + "-*"))
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not list(path.parent.glob(path.name + "-*"))
    assert not list(path.parent.glob(".*.part"))


# -- backup_to ------------------------------------------------------------------


def test_a_backup_of_the_running_app_holds_every_saved_row_including_the_wal(database, secretariat, tmp_path):
    service = secretariat.agencies
    for name in NAMES:
        service.add(AgencyDraft(name=name))
    wal = tmp_path / "council.sqlite3-wal"
    assert wal.exists() and wal.stat().st_size > 0  # the saved rows are still in the -wal

    started = dt.datetime.now()
    record = backup_to(database, tmp_path / "copies" / "council-copy.sqlite3")

    assert record.path == tmp_path / "copies" / "council-copy.sqlite3"
    assert_single_file_backup(record.path)
    assert agency_names(record.path) == sorted(NAMES)
    assert record.size == record.path.stat().st_size
    assert record.sha256 == hashlib.sha256(record.path.read_bytes()).hexdigest()
    assert record.revision == schema.HEAD_REVISION
    assert started <= record.taken_at <= dt.datetime.now()
    assert inspect_backup(record.path).kind is BackupKind.SAME
    service.add(AgencyDraft(name="اداره گاز"))  # the app goes on as before
    assert len(service.page(limit=None)) == 4


def test_a_backup_skips_what_another_connection_has_not_committed_and_does_not_block_it(
    database, secretariat, tmp_path
):
    secretariat.agencies.add(AgencyDraft(name="اداره پست"))
    with closing(sqlite3.connect(tmp_path / "council.sqlite3", isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute(
            "INSERT INTO agency (name, name_key, short_name, category, parent_ministry, address, phones,"
            " email, website, active, search_text) VALUES ('نیمه‌کاره', 'نیمهکاره', '', 'other', '', '', '',"
            " '', '', 1, '')"
        )
        record = backup_to(database, tmp_path / "copy.sqlite3")
        other.execute("COMMIT")  # the writer was not held up by the backup
    assert agency_names(record.path) == ["اداره پست"]
    assert sorted(row.name for row in secretariat.agencies.page(limit=None)) == ["اداره پست", "نیمه‌کاره"]
    assert_single_file_backup(record.path)


def test_a_backup_opens_as_the_council_database(database, secretariat, tmp_path):
    secretariat.agencies.add(AgencyDraft(name="اداره پست"))
    record = backup_to(database, tmp_path / "copy.sqlite3")
    with Secretariat.open(record.path, create=False) as reopened:
        assert [row.name for row in reopened.agencies.page(limit=None)] == ["اداره پست"]


def test_an_existing_target_is_replaced_whole(database, secretariat, tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_text("an older file")
    secretariat.agencies.add(AgencyDraft(name="اداره پست"))
    backup_to(database, target)
    assert agency_names(target) == ["اداره پست"]
    assert_single_file_backup(target)


def test_a_backup_that_fails_its_check_leaves_the_target_and_no_temporary_file(
    database, tmp_path, monkeypatch
):
    target = tmp_path / "copies" / "copy.sqlite3"
    target.parent.mkdir()
    target.write_text("yesterday's backup")
    monkeypatch.setattr(
        backups, "inspect_backup", lambda path: BackupInfo(path, BackupKind.DAMAGED, "آسیب دیده است")
    )
    with pytest.raises(BackupError) as error:
        backup_to(database, target)
    assert "ذخیره نشد" in error.value.message
    assert [p.name for p in target.parent.iterdir()] == ["copy.sqlite3"]
    assert target.read_text() == "yesterday's backup"


@pytest.mark.parametrize("where", ["itself", "folder"])
def test_a_backup_onto_the_database_itself_or_onto_a_folder_is_refused(database, tmp_path, where):
    target = tmp_path / "council.sqlite3" if where == "itself" else tmp_path
    with pytest.raises(BackupError) as error:
        backup_to(database, target)
    assert ("خود پایگاه داده" if where == "itself" else "پوشه") in error.value.message
    assert not list(tmp_path.glob(".*.part"))


def test_a_postgresql_database_is_sent_to_the_servers_own_tools(tmp_path):
    server = SimpleNamespace(engine=SimpleNamespace(dialect=SimpleNamespace(name="postgresql")), path=None)
    with pytest.raises(BackupError) as error:
        backup_to(server, tmp_path / "copy.sqlite3")
    assert "PostgreSQL" in error.value.message and "pg_dump" in error.value.message
    assert daily_backup(server, tmp_path / "backups", keep=3) is None
    assert list(tmp_path.iterdir()) == []


# -- daily backups ----------------------------------------------------------------


def test_one_daily_backup_a_day_named_by_the_jalali_day(database, secretariat, tmp_path):
    folder = tmp_path / "backups"
    day = jalali.from_jalali(1405, 9, 4)
    secretariat.agencies.add(AgencyDraft(name="اداره پست"))

    first = daily_backup(database, folder, keep=7, today=day)
    assert first is not None and first.path == folder / "council-1405-09-04.sqlite3"
    assert_single_file_backup(first.path)
    state = folder_state(folder)

    secretariat.agencies.add(AgencyDraft(name="اداره گاز"))
    assert daily_backup(database, folder, keep=7, today=day) is None  # the same day: nothing
    assert folder_state(folder) == state

    second = daily_backup(database, folder, keep=7, today=day + dt.timedelta(days=1))
    assert second.path.name == "council-1405-09-05.sqlite3"
    assert agency_names(second.path) == ["اداره پست", "اداره گاز"]
    assert agency_names(first.path) == ["اداره پست"]


def test_retention_deletes_only_the_oldest_of_its_own_files(database, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    foreign = {
        "notes.txt": b"\xd9\x86\xd8\xa7\xd9\x85\xd9\x87",
        "council-1400-01-01.sqlite3.bak": b"kept by hand",
        "council-1400-01-01-copy.sqlite3": b"kept by hand",
        "demo-1400-01-01.sqlite3": b"another database's backup",
        "council-1400-13-01.sqlite3": b"not a Jalali day",
        "council-latest.sqlite3": b"a name of the user's",
        "Council-1400-01-02.sqlite3x": b"",
    }
    for name, content in foreign.items():
        (folder / name).write_bytes(content)
    (folder / "council-1400-01-03.sqlite3").mkdir()  # a folder with our pattern is not a backup
    foreign_state = folder_state(folder)

    start = jalali.from_jalali(1405, 9, 1)
    for offset in range(6):
        daily_backup(database, folder, keep=3, today=start + dt.timedelta(days=offset))

    ours = sorted(p.name for p in folder.iterdir() if p.name not in foreign and p.is_file())
    assert ours == ["council-1405-09-04.sqlite3", "council-1405-09-05.sqlite3", "council-1405-09-06.sqlite3"]
    assert {k: v for k, v in folder_state(folder).items() if k in foreign_state} == foreign_state


def test_retention_counts_by_day_not_by_file_time_and_keeps_todays(database, tmp_path):
    folder = tmp_path / "backups"
    for day in (
        jalali.from_jalali(1404, 12, 29),
        jalali.from_jalali(1405, 1, 1),
        jalali.from_jalali(1403, 5, 5),
    ):
        daily_backup(database, folder, keep=10, today=day)
    daily_backup(database, folder, keep=2, today=jalali.from_jalali(1405, 1, 2))
    assert sorted(p.name for p in folder.iterdir()) == [
        "council-1405-01-01.sqlite3",
        "council-1405-01-02.sqlite3",
    ]


def test_daily_backups_are_named_after_the_database(tmp_path):
    database = open_database(tmp_path / "demo.sqlite3")
    try:
        record = daily_backup(database, tmp_path / "backups", keep=1, today=dt.date(2026, 11, 25))
    finally:
        database.close()
    assert record.path.name == "demo-1405-09-04.sqlite3" == daily_name("demo", dt.date(2026, 11, 25))


def test_keeping_fewer_than_one_generation_is_refused(database, tmp_path):
    with pytest.raises(BackupError):
        daily_backup(database, tmp_path / "backups", keep=0)
    assert not (tmp_path / "backups").exists()


def test_the_backups_folder_is_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    assert paths.backups_folder() == tmp_path / "data" / "backups"
    assert paths.settings_path() == tmp_path / "data" / "settings.json"


# -- the number of generations: a setting -----------------------------------------


def test_settings_default_when_missing_damaged_or_wrong(tmp_path):
    path = tmp_path / "settings.json"
    assert settings.load(path).backup_generations == 7
    for content in (
        "not json {",
        "[1, 2]",
        '{"backup_generations": "ten"}',
        '{"backup_generations": 0}',
        '{"backup_generations": true}',
    ):
        path.write_text(content, encoding="utf-8")
        assert settings.load(path) == settings.Settings(), content


def test_settings_are_saved_whole_and_keep_keys_of_newer_versions(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", "backup_generations": 3}', encoding="utf-8")
    assert settings.load(path).backup_generations == 3
    settings.save(settings.Settings(backup_generations=30), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "theme": "dark",
        "backup_generations": 30,
        "last_folder": "",
    }
    assert settings.load(path).backup_generations == 30
    with pytest.raises(ValidationError) as error:
        settings.save(settings.Settings(backup_generations=0), path)
    assert "backup_generations" in error.value.errors
    assert settings.load(path).backup_generations == 30
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_sizes_are_shown_in_persian_digits():
    assert format_size(56_344_576) == "۵۳٫۷ مگابایت"
    assert format_size(233_472) == "۲۲۸٫۰ کیلوبایت"
    assert format_size(900) == "۹۰۰ بایت"


# -- what a file is ----------------------------------------------------------------


def test_inspect_tells_every_kind_of_file_and_changes_none(tmp_path):
    incoming = tmp_path / "incoming"
    good = make_backup(incoming, NAMES, "good.sqlite3")
    (incoming / "notes.txt").write_text("صورتجلسه هفتمین جلسه شورا\n", encoding="utf-8")
    (incoming / "empty.sqlite3").write_bytes(b"")
    (incoming / "half.sqlite3").write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with closing(sqlite3.connect(good)) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'council'").fetchone()[0]
    scribbled = bytearray(good.read_bytes())
    start = 4096 * (root - 1)
    scribbled[start : start + 4096] = random.Random(6).randbytes(4096)  # the council table's page
    (incoming / "scribbled.sqlite3").write_bytes(bytes(scribbled))
    (incoming / "noise.sqlite3").write_bytes(b"SQLite format 3\x00" + random.Random(5).randbytes(8192))
    make_foreign_database(incoming / "contacts.db")
    make_foreign_database(incoming / "alembic-app.db", alembic_revision="ae1027a6acf")
    with closing(sqlite3.connect(incoming / "blank.sqlite3")) as blank:
        blank.execute("PRAGMA user_version = 1")  # a SQLite file with no tables
    stamp(make_backup(incoming, NAMES, "newer.sqlite3"), "9999")
    make_old_database(incoming / "old.sqlite3")
    (incoming / "a folder").mkdir()
    before = folder_state(incoming)

    expected = {
        "good.sqlite3": BackupKind.SAME,
        "old.sqlite3": BackupKind.OLDER,
        "newer.sqlite3": BackupKind.NEWER,
        "notes.txt": BackupKind.NOT_SQLITE,
        "empty.sqlite3": BackupKind.NOT_SQLITE,
        "half.sqlite3": BackupKind.DAMAGED,
        "scribbled.sqlite3": BackupKind.DAMAGED,
        "noise.sqlite3": BackupKind.DAMAGED,
        "contacts.db": BackupKind.FOREIGN,
        "alembic-app.db": BackupKind.FOREIGN,
        "blank.sqlite3": BackupKind.EMPTY,
        "a folder": BackupKind.FOLDER,
        "missing.sqlite3": BackupKind.MISSING,
    }
    for name, kind in expected.items():
        info = inspect_backup(incoming / name)
        assert info.kind is kind, (name, info)
        assert info.usable == (kind in (BackupKind.SAME, BackupKind.OLDER)), name
        if info.usable:
            assert info.message == ""
        else:
            assert len(info.message) > 20 and any("\u0600" <= c <= "\u06ff" for c in info.message), name
    assert folder_state(incoming) == before

    good_info = inspect_backup(good)
    assert good_info.revision == schema.HEAD_REVISION and good_info.size == good.stat().st_size
    assert good_info.council_name == "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
    assert inspect_backup(incoming / "old.sqlite3").revision == "0001"
    assert "تازه‌تر" in inspect_backup(incoming / "newer.sqlite3").message


def test_inspect_reads_the_saved_changes_of_a_wal_file_with_its_wal_beside_it(tmp_path):
    # A live database copied with its -wal (another PC's folder): the -wal's rows count.
    with Secretariat.open(tmp_path / "live.sqlite3") as secretariat:
        secretariat.agencies.add(AgencyDraft(name="اداره پست"))
        assert (tmp_path / "live.sqlite3-wal").stat().st_size > 0
        info = inspect_backup(tmp_path / "live.sqlite3")
    assert info.kind is BackupKind.SAME


def test_the_before_upgrade_copy_is_made_by_the_same_backup(tmp_path):
    path = make_old_database(tmp_path / "council.sqlite3")
    open_database(path).close()
    (copy,) = tmp_path.glob("council.before-upgrade-*.sqlite3")
    assert_single_file_backup(copy)
    assert inspect_backup(copy).kind is BackupKind.OLDER


def test_a_council_database_made_by_the_app_is_a_usable_backup(tmp_path):
    path = make_council_database(tmp_path / "council.sqlite3", NAMES)
    assert inspect_backup(path).kind is BackupKind.SAME


def test_another_program_using_alembic_is_foreign_not_newer_when_opened(tmp_path):
    from secretariat.errors import DatabaseOpenError

    path = make_foreign_database(tmp_path / "other.db", alembic_revision="ae1027a6acf")
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseOpenError) as error:
        open_database(path)
    assert "برنامه دیگری" in error.value.message
    assert folder_state(tmp_path) == before
