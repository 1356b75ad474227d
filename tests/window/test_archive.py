"""The yearly archive from the window: export with progress and cancel, verify, a printed code, import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication

from secretariat.archive import export_archive, verify_archive
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.persian import jalali
from secretariat.reports import ReportCancelled
from secretariat.reports.minutes_data import gather_minutes, minutes_seal
from tests.support.archive import rewrite_zip, yearbook_available
from tests.support.followup import followup_world
from ui.maintenance import archive_flow
from ui.maintenance.archive_dialog import ArchiveDialog
from ui.maintenance.document_check_dialog import DocumentCheckDialog
from ui.services import Services
from ui.widgets import file_choice
from ui.widgets.result_dialog import ResultDialog
from ui.widgets.work_dialog import WorkDialog
from ui.window.main_window import AGENCIES, MainWindow


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture
def world(services):
    world = followup_world(services)
    services.minutes.finalize(world["held"].id, by="دبیر شورا")
    world["year"] = jalali.jalali_year(world["held"].date)
    return world


def plain(text: str) -> str:
    """Text as read: without the marks that keep its direction (RLM, and the isolates around paths)."""
    return text.translate(str.maketrans("", "", "\u200f\u2066\u2069"))


def _window(qtbot, services) -> MainWindow:
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


@pytest.fixture
def window(qtbot, services, world):
    return _window(qtbot, services)


@pytest.fixture
def archived(world, tmp_path) -> Path:
    """The world's year archived by the core, once per test."""
    folder = tmp_path / "made"
    folder.mkdir()
    return export_archive(world["database"], world["year"], folder / "archive.zip").path


def _open_dialog(window: MainWindow, folder: Path) -> ArchiveDialog:
    folder.mkdir(exist_ok=True)
    return archive_flow.export_archive(window, folder=folder)


# -- exporting ----------------------------------------------------------------------------------


def test_the_archive_is_written_in_the_background_with_progress_and_it_verifies(
    qtbot, window, world, tmp_path
):
    folder = tmp_path / "documents"
    dialog = _open_dialog(window, folder)
    year = world["year"]
    assert dialog.windowTitle() == "بایگانی سالانه"
    assert dialog.year.currentData() == year
    assert dialog.year.currentText() == jalali.format_short(world["held"].date)[:4]  # Persian digits
    assert dialog.path() == folder / f"بایگانی-{dialog.year.currentText()}.zip"
    assert not dialog.progress.isVisible()

    assert dialog.start()
    seen: list[tuple[int, int]] = []
    dialog.worker.progressed.connect(lambda done, total: seen.append((done, total)))
    assert not dialog.start_button.isEnabled() and not dialog.year.isEnabled()
    qtbot.waitUntil(dialog.is_finished, timeout=60000)

    assert dialog.error is None, dialog.error
    assert seen[-1] == (100, 100) and [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert dialog.progress.value() == dialog.progress.maximum() == 100
    assert dialog.archive_result.path == dialog.path() and dialog.path().exists()
    assert plain(dialog.status.text()) == dialog.archive_result.summary()
    assert dialog.open_folder_button.isVisible() and dialog.cancel_button.text() == "بستن"
    checked = verify_archive(dialog.path())
    assert checked.ok and checked.checked > 3
    assert sorted(p.name for p in folder.iterdir()) == [dialog.path().name]  # no temporary file left


def test_a_file_chosen_by_the_person_keeps_its_folder(window, monkeypatch, tmp_path):
    dialog = _open_dialog(window, tmp_path / "documents")
    chosen = tmp_path / "elsewhere" / "سال گذشته"
    monkeypatch.setattr(file_choice, "save_file", lambda *_args: str(chosen))
    dialog.choose_path()
    assert dialog.path() == chosen.with_name("سال گذشته.zip")
    dialog.close()


def test_cancelling_the_export_leaves_no_file(qtbot, window, tmp_path):
    folder = tmp_path / "documents"
    dialog = _open_dialog(window, folder)
    assert dialog.start()
    dialog.cancel()
    qtbot.waitUntil(dialog.is_finished, timeout=60000)
    assert dialog.cancelled and dialog.archive_result is None
    assert plain(dialog.status.text()) == "ساخت بایگانی لغو شد؛ پرونده‌ای نوشته نشد."
    assert list(folder.iterdir()) == []
    assert dialog.start_button.isEnabled()  # it can be started again


def test_closing_the_dialog_while_it_works_stops_the_work(qtbot, window, tmp_path):
    folder = tmp_path / "documents"
    dialog = _open_dialog(window, folder)
    dialog.start()
    worker = dialog.worker
    dialog.close()
    assert not worker.isRunning()
    assert list(folder.iterdir()) == []


def test_an_export_that_fails_says_so(qtbot, window, tmp_path):
    dialog = _open_dialog(window, tmp_path / "documents")
    dialog.set_path(tmp_path / "no-such-folder" / "archive.zip")
    dialog.start()
    qtbot.waitUntil(dialog.is_finished, timeout=60000)
    assert plain(dialog.status.text()).startswith("بایگانی ساخته نشد: ")
    assert "پیدا نشد" in dialog.error


def test_without_meetings_there_is_no_year_to_archive(qtbot, services, council, tmp_path):
    window = _window(qtbot, services)
    dialog = _open_dialog(window, tmp_path / "documents")
    assert dialog.year.count() == 0 and not dialog.start_button.isEnabled()
    assert "جلسه‌ای ثبت نشده" in dialog.status.text()
    dialog.close()


# -- verifying --------------------------------------------------------------------------------


def test_a_whole_archive_verifies(window, archived, monkeypatch, message_boxes):
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(archived))
    shown = window.backup_menu.verify_archive()
    assert isinstance(shown, ResultDialog) and shown.isVisible()
    assert "درست است" in shown.summary.text() and shown.summary.objectName() == "dialogIntro"
    assert shown.lines() == [] and not shown.list.isVisibleTo(shown)
    assert message_boxes.shown == []


def test_a_tampered_archive_lists_the_files_that_do_not_match(window, archived, monkeypatch, tmp_path):
    tampered = tmp_path / "tampered.zip"
    rewrite_zip(
        archived,
        tampered,
        change=lambda name, data: (
            data.replace(b"\xd9\x85", b"\xd9\x86") if name == "data/records.json" else data
        ),
        add={"extra/note.txt": b"added later"},
    )
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(tampered))
    shown = window.backup_menu.verify_archive()
    assert "نمی‌خواند" in shown.summary.text() and shown.summary.objectName() == "note"
    assert shown.lines() == ["تغییر کرده: data/records.json", "افزوده (در فهرست نیست): extra/note.txt"]
    assert shown.caption.text() == "پرونده‌هایی که با فهرست بایگانی نمی‌خوانند:"


def test_a_file_that_is_not_an_archive_is_refused(window, monkeypatch, message_boxes, tmp_path):
    letter = tmp_path / "نامه.zip"
    letter.write_text("not a zip")
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(letter))
    assert window.backup_menu.verify_archive() is None
    [(kind, text)] = message_boxes.shown
    assert kind == "warn" and "ZIP نیست" in text


# -- a printed document ---------------------------------------------------------------------------


def test_a_printed_code_is_checked_against_the_records(window, world):
    code = minutes_seal(gather_minutes(Secretariat(world["database"]), world["held"].id)).code
    dialog = window.backup_menu.verify_document()
    assert isinstance(dialog, DocumentCheckDialog) and dialog.isVisible()

    dialog.check()
    assert dialog.verdict_text() == "کد سند یا متن رمزینه را بنویسید."

    dialog.code.setText(code)
    dialog.check_button.click()
    assert dialog.check_result.matches
    assert dialog.verdict_text().startswith(f"سند «{code}» با سوابق می‌خواند")
    assert dialog.verdict.objectName() == "dialogIntro"

    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    dialog.code.setText(wrong)
    dialog.check()
    assert not dialog.check_result.matches
    assert "با سوابق نمی‌خواند" in dialog.verdict_text() and dialog.verdict.objectName() == "note"

    dialog.code.setText("hello")
    dialog.check()
    assert dialog.check_result is None and "کد سند دبیرخانه نیست" in dialog.verdict_text()
    dialog.close()


# -- importing ----------------------------------------------------------------------------------------


@pytest.fixture
def empty_window(qtbot, tmp_path, persian_app):
    database = open_database(tmp_path / "empty" / "council.sqlite3")
    window = _window(qtbot, Services.for_database(database))
    yield window
    window.close()
    database.close()


def test_importing_an_archive_into_an_empty_database_fills_every_view(
    qtbot, empty_window, archived, world, monkeypatch, message_boxes, tmp_path
):
    window = empty_window
    window.show_section(AGENCIES)
    assert window.agencies_view.model.rowCount() == 0
    copy = tmp_path / "بایگانی.zip"
    shutil.copy(archived, copy)
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(copy))

    result = window.backup_menu.import_archive()

    [(kind, question)] = message_boxes.shown
    assert kind == "confirm" and "«بایگانی.zip»" in question
    assert result is not None and result.council_created
    model = window.agencies_view.model
    names = sorted(model.row_object(row).name for row in range(model.rowCount()))
    assert names == ["آموزش و پرورش", "شبکه بهداشت", "شهرداری پردیس"]
    assert result.council in window.windowTitle()  # the council the archive brought
    assert window.counts.text().startswith("۳ دستگاه فعال")
    window.meetings_view.show_list()
    assert window.meetings_view.list.model.rowCount() == result.meetings
    [shown] = [d for d in window.findChildren(ResultDialog) if d.isVisible()]
    assert plain(shown.summary.text()).startswith(
        f"بایگانی سال {jalali.format_short(world['held'].date)[:4]}"
    )
    assert "وارد شد" in window.statusBar().currentMessage()


def test_importing_the_same_archive_again_is_refused(window, archived, monkeypatch, message_boxes):
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(archived))
    assert window.backup_menu.import_archive() is None
    assert [kind for kind, _text in message_boxes.shown] == ["confirm", "warn"]
    assert "پیش‌تر وارد شده است" in message_boxes.shown[1][1]


def test_declining_the_import_reads_nothing(window, monkeypatch, message_boxes, tmp_path):
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(tmp_path / "whatever.zip"))
    message_boxes.answer = False
    assert window.backup_menu.import_archive() is None
    assert [kind for kind, _text in message_boxes.shown] == ["confirm"]


def test_the_import_can_be_cancelled_from_its_progress_dialog(
    qtbot, window, monkeypatch, message_boxes, tmp_path
):
    def slow_import(_database, _source, *, progress, cancelled):
        progress(10, 100)
        while not cancelled():
            QThread.msleep(5)
        raise ReportCancelled()

    monkeypatch.setattr(archive_flow, "import_into", slow_import)
    monkeypatch.setattr(file_choice, "open_file", lambda *_args: str(tmp_path / "archive.zip"))
    seen = {}

    def press_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WorkDialog):
            QTimer.singleShot(10, press_cancel)
            return
        seen["title"] = dialog.windowTitle()
        seen["cancel"] = dialog.cancel_button.isVisible()
        dialog.cancel_button.click()

    QTimer.singleShot(0, press_cancel)
    assert window.backup_menu.import_archive() is None
    assert seen == {"title": "ورود بایگانی", "cancel": True}
    assert window.statusBar().currentMessage() == "ورود بایگانی لغو شد؛ چیزی وارد نشد."
    assert [kind for kind, _text in message_boxes.shown] == ["confirm"]
