"""Choosing a file to open or a place to save, in one place.

Every file dialog of the app opens here. It opens in the folder a file was
last chosen in (kept in the user's settings), or the first time in the user's
Documents folder: never in the program's own folder. Windows and macOS show
their own dialog, in the system's language. Elsewhere Qt's dialog is shown in
Persian: its labels set here (Qt's Persian translation misses «Look in» and
«Files of type»), and the file list's sizes, kinds and dates given in Persian,
the dates in Jalali (Qt's list writes them with the system locale's Gregorian
calendar and Latin digits, whatever the dialog's locale).

Tests replace ``open_file`` and ``save_file`` to answer without a person at
the keyboard.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QListView,
    QTreeView,
    QWidget,
)

from secretariat.errors import ValidationError
from secretariat.maintenance import settings as settings_store
from secretariat.maintenance.backup import format_size
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from ui import messages, strings
from ui.rtl import align_right
from ui.start.app_setup import PERSIAN
from ui.widgets.model_index import Index
from ui.widgets.screen_fit import fit_to_screen

# Windows and macOS have a file dialog of their own; elsewhere (Linux desktops) the
# platform's dialog, if any, speaks the desktop's language, not the app's.
NATIVE_PLATFORMS = ("win32", "darwin")
NAME_COLUMN, SIZE_COLUMN, KIND_COLUMN, DATE_COLUMN = 0, 1, 2, 3  # QFileSystemModel's columns
DIALOG_SIZE = (780, 500)


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    if messages.headless:
        return None
    return _chosen(file_dialog(parent, title, filters))


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str = "") -> str | None:
    """``suggested`` is a file name (put in the start folder) or a whole path."""
    if messages.headless:
        return None
    return _chosen(file_dialog(parent, title, filters, save_as=suggested))


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def start_folder() -> Path:
    """The folder last chosen in, while it is still there; else Documents; else home."""
    last = settings_store.load().last_folder
    for folder in (Path(last) if last else None, documents_folder(), Path.home()):
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def remember_folder(folder: Path) -> None:
    """The next file dialog opens in ``folder``; a settings file that cannot be written costs
    only that."""
    try:
        settings_store.save(replace(settings_store.load(), last_folder=str(folder)))
    except (OSError, ValidationError):
        pass


def file_dialog(
    parent: QWidget | None,
    title: str,
    filters: str,
    *,
    save_as: str | None = None,
    native: bool | None = None,
) -> QFileDialog:
    """The dialog set up but not shown: to open a file, or, with ``save_as``, to save one."""
    dialog = QFileDialog(parent, title, str(start_folder()), filters or strings.ALL_FILES_FILTER)
    if native is None:
        native = sys.platform in NATIVE_PLATFORMS
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not native)
    dialog.setLocale(PERSIAN)
    saving = save_as is not None
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving else QFileDialog.FileMode.ExistingFile)
    if not native:
        _speak_persian(dialog, saving=saving)
    if save_as:
        suggested = Path(save_as)
        if suggested.is_absolute():
            dialog.setDirectory(str(suggested.parent))
        dialog.selectFile(suggested.name)
    return dialog


def _chosen(dialog: QFileDialog) -> str | None:
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        path = dialog.selectedFiles()[0]
        remember_folder(Path(path).parent)
        return path
    finally:
        dialog.deleteLater()


def _speak_persian(dialog: QFileDialog, *, saving: bool) -> None:
    labels = {
        QFileDialog.DialogLabel.LookIn: strings.FILE_DIALOG_LOOK_IN,
        QFileDialog.DialogLabel.FileName: strings.FILE_DIALOG_FILE_NAME,
        QFileDialog.DialogLabel.FileType: strings.FILE_DIALOG_FILE_TYPE,
        QFileDialog.DialogLabel.Accept: strings.FILE_DIALOG_SAVE if saving else strings.FILE_DIALOG_OPEN,
        QFileDialog.DialogLabel.Reject: strings.CANCEL,
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        align_right(name)  # a Persian name stays on the right even when it starts with a digit
    dialog.setProxyModel(PersianFileDetails(dialog))
    places = [Path.home(), documents_folder(), _desktop_folder()]
    seen: list[Path] = []
    for place in places:
        if place.is_dir() and place not in seen:
            seen.append(place)
    dialog.setSidebarUrls([QUrl("file:"), *(QUrl.fromLocalFile(str(place)) for place in seen)])
    _make_room(dialog)


def _make_room(dialog: QFileDialog) -> None:
    """Room for the Persian words: Qt sizes the dialog, its columns and its places for English."""
    fit_to_screen(dialog, *DIALOG_SIZE)
    metrics = dialog.fontMetrics()
    sidebar = dialog.findChild(QListView, "sidebar")
    if sidebar is not None:
        sidebar.setMinimumWidth(metrics.horizontalAdvance("Documents") + 48)
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        files.setColumnHidden(KIND_COLUMN, True)  # the name's ending and the icon tell it
        header = files.header()
        header.resizeSection(NAME_COLUMN, DIALOG_SIZE[0] // 2)
        header.resizeSection(SIZE_COLUMN, metrics.horizontalAdvance(format_size(999 << 10)) + 24)
        header.resizeSection(DATE_COLUMN, metrics.horizontalAdvance("۱۴۰۵/۰۹/۲۰ ۲۰:۰۰") + 24)


def _desktop_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation))


class PersianFileDetails(QIdentityProxyModel):
    """The file list's size, kind and date in Persian: «۱۲٫۱ کیلوبایت», «پرونده PDF»,
    «۱۴۰۵/۰۹/۱۲ ۱۹:۱۳»."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.sourceModel()
        column = index.column()
        if (
            role != Qt.ItemDataRole.DisplayRole
            or column not in (SIZE_COLUMN, KIND_COLUMN, DATE_COLUMN)
            or not isinstance(source, QFileSystemModel)
        ):
            return super().data(index, role)
        info = source.fileInfo(self.mapToSource(index))
        if column == SIZE_COLUMN:
            return "" if info.isDir() else format_size(info.size())
        if column == KIND_COLUMN:
            if info.isDir():
                return strings.FILE_KIND_FOLDER
            suffix = info.suffix().upper()
            return strings.FILE_KIND.format(suffix=suffix) if suffix else strings.FILE_KIND_PLAIN
        modified = info.lastModified().toPython()
        assert isinstance(modified, dt.datetime)  # a QDateTime becomes a datetime
        return f"{jalali.format_short(modified.date())} {to_persian_digits(modified.strftime('%H:%M'))}"
