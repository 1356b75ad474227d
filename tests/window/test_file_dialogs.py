"""File dialogs: they open in Documents (then where a file was last chosen), in Persian,
with Jalali dates; Qt's own dialog where the platform has none. Driven through the
real dialog (Qt's own, as on Linux), offscreen."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLabel, QPushButton

from secretariat.maintenance import settings
from ui.widgets import file_choice

PDF_FILTER = "PDF (*.pdf)"
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def fresh_user(tmp_path, monkeypatch, persian_app):
    """A user who has never chosen a file: a home with a Documents folder, no settings yet."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: ~/Documents
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    return home


def folder_of(dialog: QFileDialog) -> Path:
    return Path(dialog.directory().absolutePath())


def test_a_fresh_user_starts_in_documents_with_persian_words(qtbot, fresh_user):
    dialog = file_choice.file_dialog(None, "انتخاب سند برای پیوست", PDF_FILTER)
    qtbot.addWidget(dialog)
    dialog.show()
    assert folder_of(dialog) == fresh_user / "Documents"
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # not Windows nor macOS here
    words = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
    words += [button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()]
    assert {"در پوشه:", "نام پرونده:", "نوع پرونده:", "باز کردن", "انصراف"} <= set(words)
    assert not [word for word in words if LATIN.search(word)]


def test_windows_and_macos_get_their_own_dialog(qtbot, fresh_user, monkeypatch):
    monkeypatch.setattr(file_choice, "NATIVE_PLATFORMS", (file_choice.sys.platform,))
    dialog = file_choice.file_dialog(None, "ذخیره", PDF_FILTER, save_as="گزارش.pdf")
    qtbot.addWidget(dialog)
    assert not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert folder_of(dialog) == fresh_user / "Documents"


def test_the_folder_of_the_last_file_chosen_is_where_the_next_dialog_opens(qtbot, fresh_user, run_modal):
    scans = fresh_user / "Documents" / "اسکن‌ها"
    scans.mkdir()
    scan = scans / "صورتجلسه امضاشده.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    chosen: list[str | None] = []

    def pick(dialog: QFileDialog) -> None:
        assert folder_of(dialog) == fresh_user / "Documents"
        dialog.selectFile(str(scan))
        dialog.accept()

    run_modal(lambda: chosen.append(file_choice.open_file(None, "نسخه امضاشده", PDF_FILTER)), pick)
    assert chosen == [str(scan)]
    assert settings.load().last_folder == str(scans)

    def save_beside(dialog: QFileDialog) -> None:
        assert folder_of(dialog) == scans
        assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "ذخیره"
        dialog.accept()  # the suggested name, as it is

    run_modal(
        lambda: chosen.append(file_choice.save_file(None, "ذخیره گزارش", "گزارش.pdf", PDF_FILTER)),
        save_beside,
    )
    assert chosen[-1] == str(scans / "گزارش.pdf")

    scan.unlink()
    scans.rmdir()  # a folder that has gone: back to Documents
    dialog = file_choice.file_dialog(None, "نسخه امضاشده", PDF_FILTER)
    qtbot.addWidget(dialog)
    assert folder_of(dialog) == fresh_user / "Documents"


def test_the_file_list_shows_jalali_dates_persian_sizes_and_kinds(qtbot, fresh_user):
    report = fresh_user / "Documents" / "report.pdf"
    report.write_bytes(b"x" * 2048)
    modified = dt.datetime(2026, 3, 3, 10, 30)  # 12 Esfand 1404
    os.utime(report, (modified.timestamp(), modified.timestamp()))
    dialog = file_choice.file_dialog(None, "باز کردن", PDF_FILTER)
    qtbot.addWidget(dialog)
    dialog.show()
    files = dialog.findChild(QFileSystemModel)
    proxy = dialog.proxyModel()
    row = proxy.mapFromSource(files.index(str(report)))

    def cell(column: int) -> str:
        return row.siblingAtColumn(column).data()

    qtbot.waitUntil(lambda: cell(file_choice.DATE_COLUMN) == "۱۴۰۴/۱۲/۱۲ ۱۰:۳۰")
    assert cell(file_choice.SIZE_COLUMN) == "۲٫۰ کیلوبایت"
    assert cell(file_choice.KIND_COLUMN) == "پرونده PDF"
    assert cell(0) == "report.pdf"
