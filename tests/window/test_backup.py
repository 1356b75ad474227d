"""Backups from the window: on demand, restoring one, the settings, and the daily backup on opening."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

import ui.app
import ui.start.daily_backup
from secretariat import paths
from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.backup import backup_to, daily_backups
from secretariat.maintenance.backup_check import inspect_backup
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from tests.support.backup import COUNCIL, make_council_database
from ui import desktop, strings
from ui.maintenance.backup_settings_dialog import BackupSettingsDialog
from ui.maintenance.document_check_dialog import DocumentCheckDialog
from ui.start.daily_backup import start_daily_backup
from ui.widgets import file_choice
from ui.widgets.result_dialog import ResultDialog
from ui.window.main_window import AGENCIES, MainWindow


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    """The user data folder (settings, backups) in the test's own folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def window(qtbot, services):
    services.council.create(CouncilDraft(name=COUNCIL, city="پردیس"))
    for name in ("شهرداری پردیس", "اداره پست پردیس"):
        services.agencies.add(AgencyDraft(name=name))
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main
    main.close()
    if main._services is not None and main.services.database is not services.database:
        main.services.database.close()  # the database a restore opened


def listed_agencies(window: MainWindow) -> list[str]:
    window.show_section(AGENCIES)
    model = window.agencies_view.model
    return sorted(model.row_object(row).name for row in range(model.rowCount()))


def results(window: MainWindow) -> list[ResultDialog]:
    return [dialog for dialog in window.findChildren(ResultDialog) if dialog.isVisible()]


def database_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


# -- a backup on demand ---------------------------------------------------------------------------


def test_a_backup_is_saved_where_chosen_and_is_a_whole_backup(window, monkeypatch, message_boxes, tmp_path):
    asked = []
    target = tmp_path / "copies" / "پشتیبان شورا"
    target.parent.mkdir()

    def save_file(_parent, title, suggested, filters=""):
        asked.append((title, suggested, filters))
        return str(target)

    monkeypatch.setattr(file_choice, "save_file", save_file)
    record = window.backup_menu.take_backup()

    [(title, suggested, filters)] = asked
    assert title == "ذخیره نسخه پشتیبان"
    name = Path(suggested).name
    assert name.startswith("پشتیبان-۱۴") and name.endswith(".sqlite3")  # today's Jalali date, Persian digits
    assert "*.sqlite3" in filters
    assert record.path == target.with_name("پشتیبان شورا.sqlite3")  # the suffix added
    info = inspect_backup(record.path)
    assert info.usable and info.council_name == COUNCIL
    assert message_boxes.shown == []
    [shown] = results(window)
    assert str(record.path) in shown.summary.text() and "اندازه:" in shown.summary.text()
    assert "ذخیره شد" in window.statusBar().currentMessage()


def test_a_backup_that_cannot_be_written_says_why(window, monkeypatch, message_boxes, tmp_path):
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(folder))
    assert window.backup_menu.take_backup() is None
    [(kind, text)] = message_boxes.shown
    assert kind == "error" and text.startswith("نسخه پشتیبان تهیه نشد") and "پوشه" in text


def test_on_a_server_the_backup_actions_point_to_the_servers_tools(window, monkeypatch, message_boxes):
    class OnServer:
        database = window.services.database

        def is_file(self) -> bool:
            return False

    window._host = OnServer()
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: pytest.fail("no file is asked for"))
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: pytest.fail("no file is asked for"))
    assert window.backup_menu.take_backup() is None
    assert window.backup_menu.restore_backup() is None
    assert [kind for kind, _text in message_boxes.shown] == ["warn", "warn"]
    assert all("PostgreSQL" in text and "pg_dump" in text for _kind, text in message_boxes.shown)


# -- restoring ------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    window, monkeypatch, message_boxes, tmp_path
):
    database_folder = window.services.database.path.parent
    text_file = tmp_path / "elsewhere" / "نامه.txt"
    text_file.parent.mkdir()
    text_file.write_text("این یک نامه است، نه پشتیبان.\n" * 20, encoding="utf-8")
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(text_file))
    database = window.services.database
    before = database_files(database_folder)

    assert window.backup_menu.restore_backup() is None

    [(kind, text)] = message_boxes.shown
    assert kind == "warn"
    assert "«نامه.txt» پشتیبان پایگاه داده این برنامه نیست" in text
    assert "پایگاه داده کنونی دست نخورد" in text
    after = database_files(database_folder)
    assert after.keys() == before.keys()  # no copy set aside, nothing new
    assert after["council.sqlite3"] == before["council.sqlite3"]
    assert window.services.database is database  # still the same database, still shown
    assert listed_agencies(window) == ["اداره پست پردیس", "شهرداری پردیس"]


def test_declining_the_restore_changes_nothing(window, monkeypatch, message_boxes, tmp_path):
    backup = backup_to(window.services.database, tmp_path / "backup.sqlite3").path
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(backup))
    message_boxes.answer = False
    database = window.services.database
    assert window.backup_menu.restore_backup() is None
    assert [kind for kind, _text in message_boxes.shown] == ["confirm"]
    assert window.services.database is database
    assert not list(database.path.parent.glob("*before-restore*"))


def test_restoring_a_backup_brings_back_what_was_deleted_and_the_window_shows_it(
    qtbot, window, monkeypatch, message_boxes, tmp_path
):
    services = window.services
    backup = backup_to(services.database, tmp_path / "backups" / "backup.sqlite3").path
    # After the backup: an agency deleted, another added.
    post = services.agencies.find_by_name("اداره پست پردیس")
    services.agencies.delete(post.id)
    services.agencies.add(AgencyDraft(name="شبکه بهداشت"))
    assert listed_agencies(window) == ["شبکه بهداشت", "شهرداری پردیس"]
    checker = DocumentCheckDialog(services.database, window)  # a window opened from the main window
    checker.show()
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(backup))

    result = window.backup_menu.restore_backup()

    [(kind, question)] = message_boxes.shown
    assert kind == "confirm"
    assert f"«{COUNCIL}»" in question and "ساخته همین نسخه برنامه" in question
    assert "نگه داشته می‌شود" in question and str(services.database.path.parent) in question
    assert result is not None and result.previous.exists()
    assert not shiboken6.isValid(checker) or not checker.isVisible()  # closed before the database went
    assert window.services is not services and window.services.database is not services.database
    assert listed_agencies(window) == ["اداره پست پردیس", "شهرداری پردیس"]
    assert window.counts.text() == "۲ دستگاه فعال  ·  ۰ نفر"
    assert COUNCIL in window.windowTitle()
    assert window.new_agency_action.isEnabled() and window.backup_menu.backup_action.isEnabled()
    [shown] = results(window)
    assert "بازگردانده شد" in shown.summary.text() and str(result.previous) in shown.summary.text()
    # The set-aside copy holds what the database had just before.
    with closing(sqlite3.connect(result.previous)) as copy:
        kept = sorted(name for (name,) in copy.execute("SELECT name FROM agency"))
    assert kept == ["شبکه بهداشت", "شهرداری پردیس"]
    # The restored database works: a change is saved and shown.
    window.services.agencies.add(AgencyDraft(name="آموزش و پرورش"))
    assert "آموزش و پرورش" in listed_agencies(window)


# -- settings --------------------------------------------------------------------------------------


def test_the_backup_settings_are_saved(qtbot, window, run_modal, monkeypatch, data_folder):
    opened = []
    monkeypatch.setattr(desktop, "open_in_default_app", lambda path: opened.append(Path(path)) or True)

    def change(dialog: BackupSettingsDialog) -> None:
        assert dialog.windowTitle() == "تنظیمات پشتیبان‌گیری"
        assert dialog.generations.value() == 7  # the default
        assert (dialog.generations.minimum(), dialog.generations.maximum()) == (1, 60)
        assert dialog.folder_line.text() == str(paths.backups_folder())
        dialog.open_folder_button.click()
        dialog.generations.setValue(14)
        dialog.save_button().click()

    run_modal(window.backup_menu.edit_settings, change)
    assert settings_store.load().backup_generations == 14
    assert opened == [paths.backups_folder()] and paths.backups_folder().is_dir()
    assert window.statusBar().currentMessage() == strings.BACKUP_SETTINGS_SAVED


# -- the daily backup --------------------------------------------------------------------------------


def _daily(qtbot, window: MainWindow, day: dt.date):
    worker = start_daily_backup(window, today=day)
    qtbot.waitUntil(lambda: worker.done, timeout=20000)
    return worker


def test_the_daily_backup_on_opening_makes_one_file_a_day_and_keeps_the_chosen_number(
    qtbot, window, message_boxes
):
    folder = paths.backups_folder()
    stem = window.services.database.path.stem
    day = dt.date(2026, 11, 25)

    first = _daily(qtbot, window, day)
    assert first.record is not None and first.error is None
    assert window.statusBar().currentMessage() == "نسخه پشتیبان امروز تهیه شد."
    assert [path.name for _day, path in daily_backups(folder, stem)] == ["council-1405-09-04.sqlite3"]
    assert inspect_backup(first.record.path).usable

    window.statusBar().clearMessage()
    again = _daily(qtbot, window, day)  # opened again the same day: nothing to do
    assert again.record is None
    assert window.statusBar().currentMessage() == ""
    assert len(daily_backups(folder, stem)) == 1

    settings_store.save(settings_store.Settings(backup_generations=2))
    for later in (1, 2, 3):
        _daily(qtbot, window, day + dt.timedelta(days=later))
    kept = [path.name for _day, path in daily_backups(folder, stem)]
    assert kept == ["council-1405-09-06.sqlite3", "council-1405-09-07.sqlite3"]
    assert message_boxes.shown == []


def test_a_failed_daily_backup_is_a_warning_in_the_status_bar_not_a_message_box(
    qtbot, window, message_boxes, data_folder
):
    data_folder.mkdir(parents=True, exist_ok=True)
    paths.backups_folder().write_text("not a folder")  # the backups folder cannot be made
    worker = _daily(qtbot, window, dt.date(2026, 11, 25))
    assert worker.record is None and worker.error
    assert window.statusBar().currentMessage().startswith("هشدار: نسخه پشتیبان روزانه تهیه نشد")
    assert message_boxes.shown == []


def test_the_app_starts_the_daily_backup_once_the_council_is_shown(qtbot, persian_app, monkeypatch, tmp_path):
    path = make_council_database(tmp_path / "council.sqlite3", ["شهرداری پردیس"])
    started = []

    def start(window):
        started.append((window.windowTitle(), window.services.database.path))

    monkeypatch.setattr(ui.start.daily_backup, "start_daily_backup", start)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)  # the app "runs" and ends at once
    args, _qt = ui.app.parse_args(["--db", str(path)])
    assert ui.app._run(persian_app, args) == 0
    assert started == [(COUNCIL, path)]
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
            window.deleteLater()


def test_no_daily_backup_for_the_start_up_probe(tmp_path):
    path = make_council_database(tmp_path / "council.sqlite3", ["شهرداری پردیس"])
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SECRETARIAT_DATA_DIR": str(data)}
    main = Path(__file__).resolve().parents[2] / "main.py"
    result = subprocess.run(
        [sys.executable, str(main), "--db", str(path), "--startup-probe"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not (data / "backups").exists()
