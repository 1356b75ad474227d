"""«ورود از اکسل…»: agencies and their PR managers from a council's Excel sheet.

The person chooses a sheet (or first saves the template and fills it in);
the sheet is read and planned in a worker thread (a province's list takes a
fraction of a second, the largest sheet accepted a few), and the preview
shows each row with its status (جدید, موجود, خطا), what the import does with
it or why it is left out, and the counts. Nothing is saved until «ورود ۲۳
دستگاه» is pressed; the import then saves every row without errors in one
transaction, in the worker too, and the dialog closes. The agencies list
reads again because the core announces what the import saved.

No button is the default: Enter in the table must not import a sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError
from secretariat.members.agency_import import AgencyImportService, ImportResult, SheetPreview
from secretariat.members.agency_template import SUGGESTED_NAME, write_template
from secretariat.persian.text import format_int, to_persian_digits
from ui import messages, strings
from ui.agencies.agency_import_model import AgencyImportModel
from ui.rtl import isolated, ltr, rtl
from ui.widgets import file_choice
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.table_setup import configure_table
from ui.worker import Work, Worker

WIDTH, HEIGHT = 1180, 680


class AgencyImportDialog(QDialog):
    """``imported`` is the ``ImportResult`` once the import is confirmed and saved."""

    def __init__(self, importer: AgencyImportService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agencyImportDialog")
        self.setWindowTitle(strings.IMPORT_AGENCIES_TITLE)
        self.setModal(True)
        self._importer = importer
        self.preview: SheetPreview | None = None
        self.imported: ImportResult | None = None
        self._worker: Worker | None = None
        self._done: Callable[[object], None] = lambda _result: None
        self._path: Path | None = None

        intro = QLabel(rtl(strings.IMPORT_AGENCIES_INTRO))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        self.choose_button = QPushButton(strings.IMPORT_CHOOSE_FILE)
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(strings.IMPORT_TEMPLATE)
        self.template_button.clicked.connect(self.save_template)
        self.file_label = QLabel(strings.IMPORT_NO_FILE)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # reading or saving: no count to show, only that it goes on
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(160)
        self.busy_bar.hide()
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.busy_bar)
        file_row.addWidget(self.template_button)

        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.counts = QLabel()
        self.counts.setObjectName("statusCounts")
        self.errors_only = QCheckBox(strings.IMPORT_ERRORS_ONLY)
        self.errors_only.toggled.connect(self._show_errors_only)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.errors_only)

        self.model = AgencyImportModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel(strings.IMPORT_SELECT_ROW)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setObjectName("note")
        self.notes.setWordWrap(True)
        self.notes.hide()

        self.buttons = QDialogButtonBox()
        # An action, not the accept role: a button box makes its first accept button the default.
        self.import_button = self.buttons.addButton(
            strings.IMPORT_CONFIRM_NOTHING, QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.accept)
        self.import_button.setObjectName("primaryButton")
        self.cancel_button = self.buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.import_button, self.cancel_button, self.choose_button, self.template_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.problem)
        layout.addLayout(counts_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self._show_preview(None)
        fit_to_screen(self, WIDTH, HEIGHT)

    # -- reading ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen = file_choice.open_file(self, strings.IMPORT_CHOOSE_TITLE, strings.XLSX_FILTER)
        if chosen:
            self.load(chosen)

    def load(self, path: str | Path) -> None:
        """Read and plan the sheet at ``path`` in a worker; the preview shows when it is done."""
        if self.busy():
            return
        path = self._path = Path(path)
        self.file_label.setText(strings.IMPORT_READING.format(name=isolated(path.name)))
        self._show_preview(None)
        importer = self._importer
        self._start(lambda _progress, _cancelled: importer.preview(path), self._on_read)

    def _on_read(self, result: object) -> None:
        assert isinstance(result, SheetPreview)
        self._show_file()
        self._show_preview(result)

    def _show_file(self) -> None:
        path = self._path
        self.file_label.setText(
            strings.IMPORT_FILE.format(name=isolated(path.name)) if path else strings.IMPORT_NO_FILE
        )

    def _show_preview(self, preview: SheetPreview | None) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.counts.setText(rtl(preview.summary()) if preview else "")
        self.counts.setVisible(preview is not None)
        self.errors_only.setEnabled(bool(preview and preview.error_count))
        if not self.errors_only.isEnabled():
            self.errors_only.setChecked(False)
        notes = preview.notes() if preview else []
        self.notes.setText(rtl("\n".join(notes)))
        self.notes.setVisible(bool(notes))
        self.detail.setText(rtl(strings.IMPORT_SELECT_ROW))
        self._update_import_button()
        if preview is not None:
            self.problem.hide()

    def _show_errors_only(self, errors_only: bool) -> None:
        self.model.set_errors_only(errors_only)
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.detail.setText(rtl(strings.IMPORT_SELECT_ROW))
            return
        row = self.model.preview_row(index.row())
        self.detail.setText(
            rtl(
                strings.IMPORT_ROW_DETAIL.format(
                    number=to_persian_digits(row.number), status=row.status.label, action=row.action
                )
            )
        )

    def _update_import_button(self) -> None:
        preview = self.preview
        if preview is not None and preview.new_count:
            text = strings.IMPORT_CONFIRM.format(count=format_int(preview.new_count))
        elif preview is not None and preview.new_managers_of_existing:
            text = strings.IMPORT_CONFIRM_MANAGERS.format(count=format_int(preview.new_managers_of_existing))
        else:
            text = strings.IMPORT_CONFIRM_NOTHING
        self.import_button.setText(text)
        self.import_button.setEnabled(bool(preview and preview.importable) and not self.busy())

    # -- the template -------------------------------------------------------------------------

    def save_template(self) -> Path | None:
        chosen = file_choice.save_file(
            self, strings.IMPORT_TEMPLATE_TITLE, SUGGESTED_NAME, strings.XLSX_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            written = write_template(path)
        except DomainError as error:
            messages.warn(self, error.message)
            return None
        self.file_label.setText(strings.IMPORT_TEMPLATE_SAVED.format(path=ltr(str(written))))
        return written

    # -- importing ------------------------------------------------------------------------------

    def accept(self) -> None:
        preview = self.preview
        if self.busy() or preview is None or not preview.importable:
            return
        self.file_label.setText(strings.IMPORT_SAVING)
        importer = self._importer
        self._start(lambda _progress, _cancelled: importer.import_preview(preview), self._on_imported)

    def _on_imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.imported = result
        super().accept()

    # -- the worker -------------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._worker is not None

    def _start(self, work: Work, done: Callable[[object], None]) -> None:
        worker = Worker(work, self)
        self._worker = worker
        self._done = done
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(worker.deleteLater)
        self._set_busy(True)
        worker.start()

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        self._done(result)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self._show_file()
        self.problem.setText(rtl(message))
        self.problem.show()
        self._update_import_button()

    def _finish(self) -> None:
        if self._worker is not None:
            self._worker.wait()
        self._worker = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for button in (self.choose_button, self.template_button, self.cancel_button):
            button.setEnabled(not busy)
        if busy:
            self.problem.hide()
            self.import_button.setEnabled(False)
        else:
            self._update_import_button()

    # Closing waits for the worker: a read ends within seconds, and an import must not be cut off.
    def reject(self) -> None:
        if not self.busy():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            event.ignore()
            return
        super().closeEvent(event)
