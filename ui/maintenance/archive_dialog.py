"""«بایگانی سالانه»: a Jalali year's archive written to a ZIP, in the background.

The person picks the year (the years that have meetings) and the file (by
default «بایگانی-۱۴۰۴.zip» in the Documents folder), then «ساختن بایگانی».
The core's ``export_archive`` runs in a worker thread; the dialog shows a
real progress bar and «انصراف», and does not block the main window: the
work goes on while the person does something else. At the end it shows the
archive's summary, or why it was not made. A cancelled or failed export
leaves no file (the core writes beside the target and moves it in place).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from secretariat.persian.text import to_persian_digits
from ui import desktop, strings
from ui.rtl import ltr, rtl
from ui.widgets import file_choice
from ui.worker import Worker

if TYPE_CHECKING:
    from secretariat.archive import ArchiveResult
    from secretariat.database import Database

ZIP_SUFFIX = ".zip"


def archive_file_name(year: int) -> str:
    return strings.ARCHIVE_FILE_NAME.format(year=to_persian_digits(year))


class ArchiveDialog(QDialog):
    def __init__(self, database: Database, years: list[int], folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("archiveDialog")
        self.setWindowTitle(strings.ARCHIVE_TITLE)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._database = database
        self._folder = folder
        self._chosen_by_person = False
        self._named_year = 0  # the year the file's name was made for
        self.archive_result: ArchiveResult | None = None
        self.error: str | None = None
        self.cancelled = False
        self.worker: Worker | None = None

        intro = QLabel(rtl(strings.ARCHIVE_INTRO))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        self.year = QComboBox()
        for year in years:
            self.year.addItem(to_persian_digits(year), year)
        self.year.setMinimumContentsLength(8)
        self.year.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.year.currentIndexChanged.connect(self._on_year_changed)
        self.path_line = QLineEdit()
        self.path_line.setReadOnly(True)
        self.path_line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        self.choose_button = QPushButton(strings.CHOOSE_FILE)
        self.choose_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.setSpacing(6)
        path_row.addWidget(self.path_line, 1)
        path_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(strings.ARCHIVE_YEAR, self.year)
        form.addRow(strings.ARCHIVE_FILE, path_row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(strings.WORK_PROGRESS)
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            strings.ARCHIVE_START, QDialogButtonBox.ButtonRole.ActionRole
        )
        self.start_button.setObjectName("primaryButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.open_folder_button = self.buttons.addButton(
            strings.ARCHIVE_OPEN_FOLDER, QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        self.cancel_button = self.buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

        if years:
            self._on_year_changed()
        else:
            self._say(strings.ARCHIVE_NO_YEARS, warning=True)
            for widget in (self.year, self.choose_button, self.start_button):
                widget.setEnabled(False)

    # -- the choices ------------------------------------------------------------------------

    def chosen_year(self) -> int | None:
        year: int | None = self.year.currentData()
        return year

    def set_year(self, year: int) -> None:
        self.year.setCurrentIndex(self.year.findData(year))

    def path(self) -> Path | None:
        text = self.path_line.text().strip()
        return Path(text) if text else None

    def set_path(self, path: str | Path, *, by_person: bool = True) -> None:
        path = Path(path)
        if path.suffix.lower() != ZIP_SUFFIX:
            path = path.with_name(path.name + ZIP_SUFFIX)
        self._chosen_by_person = by_person
        self.path_line.setText(str(path))
        self.path_line.setCursorPosition(0)
        self.path_line.setToolTip(str(path))

    def choose_path(self) -> None:
        current = self.path() or self._folder / archive_file_name(self.chosen_year() or 0)
        chosen = file_choice.save_file(
            self, strings.ARCHIVE_SAVE_TITLE, str(current), strings.ARCHIVE_ZIP_FILTER
        )
        if chosen:
            self.set_path(chosen)

    def _on_year_changed(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        path = self.path()
        if path is None or not self._chosen_by_person:
            self.set_path(self._folder / archive_file_name(year), by_person=False)
        elif path.name == archive_file_name(self._named_year):
            # The person's folder with the name this dialog gave: the name follows the year.
            self.set_path(path.with_name(archive_file_name(year)))
        self._named_year = year

    # -- the work -----------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> bool:
        from secretariat.archive import export_archive

        year, target = self.chosen_year(), self.path()
        if year is None or target is None or self.is_running():
            return False
        database = self._database
        self.archive_result, self.error, self.cancelled = None, None, False
        self.worker = Worker(
            lambda progress, cancelled: export_archive(
                database, year, target, progress=progress, cancelled=cancelled
            ),
            self,
        )
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_made)
        self.worker.failed.connect(self._on_failed)
        self.worker.stopped.connect(self._on_stopped)
        for widget in (self.year, self.choose_button, self.start_button):
            widget.setEnabled(False)
        self.open_folder_button.hide()
        self.progress.setValue(0)
        self.progress.show()
        self._say(strings.ARCHIVE_WORKING.format(year=to_persian_digits(year)))
        self.cancel_button.setText(strings.CANCEL)
        self.worker.start()
        return True

    def cancel_or_close(self) -> None:
        if self.is_running():
            self.cancel()
        else:
            self.close()

    def cancel(self) -> None:
        if self.is_running():
            self.cancel_button.setEnabled(False)
            self._say(strings.WORK_CANCELLING)
            cast(Worker, self.worker).cancel()  # is_running(): there is one

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_made(self, result: ArchiveResult) -> None:
        self.archive_result = result
        path = str(result.path)
        self._say(result.summary().replace(path, ltr(path)))  # the path kept whole in the Persian line
        self.open_folder_button.show()
        self._finished()

    def _on_failed(self, text: str) -> None:
        self.error = text
        self._say(strings.ARCHIVE_FAILED.format(reason=text), warning=True)
        self._finished()

    def _on_stopped(self) -> None:
        self.cancelled = True
        self.progress.hide()
        self._say(strings.ARCHIVE_CANCELLED, warning=True)
        self._finished()

    def _finished(self) -> None:
        for widget in (self.year, self.choose_button, self.start_button, self.cancel_button):
            widget.setEnabled(True)
        self.cancel_button.setText(strings.CLOSE)

    def is_finished(self) -> bool:
        return self.archive_result is not None or self.error is not None or self.cancelled

    def open_folder(self) -> bool:
        return self.archive_result is not None and desktop.open_in_default_app(
            self.archive_result.path.parent
        )

    def _say(self, text: str, *, warning: bool = False) -> None:
        self.status.setObjectName("note" if warning else "dialogIntro")
        self.status.style().unpolish(self.status)  # the style sheet again, for the new name
        self.status.style().polish(self.status)
        self.status.setText(rtl(text))
        self.status.setVisible(bool(text))
        self.adjustSize()

    # -- closing --------------------------------------------------------------------------------

    def _stop(self) -> None:
        """Closing while the archive is written: stop the work and wait for the thread."""
        if self.is_running():
            worker = cast(Worker, self.worker)  # is_running(): there is one
            worker.cancel()
            worker.wait()

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)
