"""One agency's month, as its cell in the matrix opens it.

Its state as the matrix has it (on time, late by so many days, missing,
exempt and why), the report in force (received when and how, the agency's
letter, the file to open or save, the note, who recorded it and when, and
its figures by indicator with their units), and every version recorded for
the month: a corrected or voided one struck through and greyed with who,
when and why. Choosing a version in the history shows it.

The actions are those the month allows: «اصلاح…» and «ابطال…» a report in
force; «ثبت گزارش…» when there is none; «معاف کردن…» a month begun without a
report; «لغو معافیت» an exemption recorded. The dialog reads the month again
whenever the core announces a change to the agency's reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.errors import DomainError
from secretariat.meetings import content
from secretariat.monthly.matrix import Cell, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.monthly.reports import MonthlyReportRecord, MonthOfAgency
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from ui import desktop, messages, strings
from ui.meetings.meeting_format import file_size, timestamp
from ui.monthly.matrix_model import LOOKS, cell_state_line
from ui.monthly.reason_dialogs import ExemptDialog, VoidReportDialog
from ui.monthly.report_form import MonthlyReportForm
from ui.monthly.report_tables import (
    FigureModel,
    Version,
    VersionModel,
    figure_lines,
    version_note,
    version_state,
)
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.rtl import isolated, rtl
from ui.services import Services
from ui.widgets import file_choice
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.status_badge import show_status
from ui.widgets.table_setup import configure_table, select_row

DIALOG_SIZE = (960, 660)
SIZE_WITHOUT_REPORT = (640, 320)  # an exemption and the buttons: no report, no history


class MonthDialog(QDialog):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, agency_id: int, month: Month, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._agency_id = agency_id
        self._month = month
        self._of_month: MonthOfAgency | None = None
        self._shown: MonthlyReportRecord | None = None
        self.setWindowTitle(strings.MONTHLY_MONTH_DIALOG_TITLE)
        self.setModal(True)

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("statusChip")
        self.state_line = QLabel()
        self.state_line.setWordWrap(True)
        self.exemption_note = QLabel()
        self.exemption_note.setObjectName("note")
        self.exemption_note.setWordWrap(True)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)

        self.details_box = self._details_box()
        self.history_box = self._history_box()
        self.no_report = QLabel(strings.MONTHLY_NO_REPORT)
        self.no_report.setObjectName("emptyState")
        self.no_report.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.correct_button = QPushButton(strings.MONTHLY_CORRECT)
        self.void_button = QPushButton(strings.MONTHLY_VOID)
        self.record_button = QPushButton(strings.MONTHLY_RECORD)
        self.exempt_button = QPushButton(strings.MONTHLY_EXEMPT)
        self.lift_button = QPushButton(strings.MONTHLY_LIFT_EXEMPTION)
        self.close_button = QPushButton(strings.CLOSE)
        self.correct_button.setToolTip(strings.MONTHLY_CORRECT_TIP)
        self.void_button.setToolTip(strings.MONTHLY_VOID_TIP)
        self.exempt_button.setToolTip(strings.MONTHLY_EXEMPT_TIP)
        self.correct_button.clicked.connect(self.correct)
        self.void_button.clicked.connect(self.void)
        self.record_button.clicked.connect(self.record)
        self.exempt_button.clicked.connect(self.exempt)
        self.lift_button.clicked.connect(self.lift_exemption)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (
            self.correct_button,
            self.void_button,
            self.record_button,
            self.exempt_button,
            self.lift_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        guard(
            services,
            Permission.EDIT,
            *(
                self.correct_button,
                self.void_button,
                self.record_button,
                self.exempt_button,
                self.lift_button,
            ),
        )

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.state_line)
        layout.addWidget(self.exemption_note)
        layout.addWidget(self.details_box, 3)
        layout.addWidget(self.history_box, 2)
        layout.addWidget(self.no_report, 1)
        layout.addLayout(buttons)
        services.changes.monthly_changed.connect(self._on_monthly_changed)
        self.refresh()
        fit_to_screen(self, *(DIALOG_SIZE if self.version_model.rowCount() else SIZE_WITHOUT_REPORT))

    # -- building ------------------------------------------------------------------------------

    def _details_box(self) -> QGroupBox:
        box = QGroupBox(strings.MONTHLY_REPORT_BOX)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.values: dict[str, QLabel] = {}
        for key, caption in (
            ("version", strings.MONTHLY_VERSION),
            ("received", strings.MONTHLY_RECEIVED_ON),
            ("via", strings.MONTHLY_VIA),
            ("letter", strings.MONTHLY_LETTER),
            ("file", strings.MONTHLY_FILE),
            ("note", strings.MONTHLY_NOTE),
            ("recorded", strings.MONTHLY_RECORDED),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label = QLabel(caption)
            caption_label.setObjectName("detailCaption")
            if key == "file":
                self.open_file_button = QPushButton(strings.OPEN_ATTACHMENT)
                self.save_file_button = QPushButton(strings.MONTHLY_SAVE_FILE)
                self.open_file_button.clicked.connect(lambda: self.open_file())
                self.save_file_button.clicked.connect(lambda: self.save_file())
                row = QHBoxLayout()
                row.addWidget(value, 1)
                for button in (self.open_file_button, self.save_file_button):
                    button.setAutoDefault(False)
                    row.addWidget(button)
                form.addRow(caption_label, row)
            else:
                form.addRow(caption_label, value)
            self.values[key] = value
        self.figure_model = FigureModel(self)
        self.figures = QTableView()
        self.figures.setModel(self.figure_model)
        configure_table(self.figures)
        self.figures.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.figures.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(box)
        row.addLayout(form, 5)
        row.addWidget(self.figures, 4)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(strings.MONTHLY_HISTORY_BOX)
        self.version_model = VersionModel(self)
        self.history = QTableView()
        self.history.setModel(self.version_model)
        configure_table(self.history)
        self.history.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        layout = QVBoxLayout(box)
        layout.addWidget(self.history)
        return box

    # -- reading -------------------------------------------------------------------------------

    def month_of_agency(self) -> MonthOfAgency:
        assert self._of_month is not None  # read in __init__
        return self._of_month

    def shown_version(self) -> MonthlyReportRecord | None:
        return self._shown

    def _on_monthly_changed(self, agency_id: int) -> None:
        if agency_id in (0, self._agency_id):
            self.refresh()

    def refresh(self) -> None:
        reports = self._services.monthly_reports
        month = self._of_month = reports.of_month(self._agency_id, self._month)
        self.title.setText(
            rtl(strings.MONTHLY_MONTH_HEADING.format(month=self._month.label, agency=month.agency))
        )
        self._show_state(month)
        versions = self._versions(month)
        self.version_model.set_records(versions)
        self.history_box.setVisible(bool(versions))
        self.details_box.setVisible(bool(versions))
        self.no_report.setVisible(not versions)
        if versions and self.height() < DIALOG_SIZE[1] and self.isVisible():
            fit_to_screen(self, *DIALOG_SIZE)  # a report recorded here: room for it and its history
        shown = month.report or (versions[-1].record if versions else None)
        row = self.version_model.row_of(shown.id) if shown is not None else None
        if row is not None:
            select_row(self.history, row)
        self._show(shown)
        self._update_buttons(month)

    def _versions(self, month: MonthOfAgency) -> list[Version]:
        """Every version recorded for the month, and those of its report's chain recorded for
        another month or agency before a correction moved it here; the first recorded first."""
        reports = self._services.monthly_reports
        records = {record.id: record for record in month.history}
        if month.report is not None:
            records.update((record.id, record) for record in reports.versions(month.report.id))
        versions = []
        for record in sorted(records.values(), key=lambda r: (r.recorded_at, r.id)):
            replacement = None
            if record.replaced_by_id is not None:
                replacement = records.get(record.replaced_by_id) or reports.get(record.replaced_by_id)
            versions.append(Version(record, replacement))
        return versions

    def _cell(self) -> tuple[Cell | None, int]:
        """The month's cell as the matrix has it, and the council's due day."""
        matrix = self._services.monthly_matrix.year(MatrixQuery(self._month.year))
        row = next((row for row in matrix.rows if row.agency_id == self._agency_id), None)
        return (row.cells[self._month.month - 1] if row else None), matrix.due_day

    def _show_state(self, month: MonthOfAgency) -> None:
        cell, due_day = self._cell()
        exemption = month.exemption
        if cell is not None:
            show_status(self.state, cell.state.label, LOOKS[cell.state].text)
            self.state_line.setText(rtl(cell_state_line(cell, due_day, clock.today())))
        self.state.setVisible(cell is not None)  # not: an inactive agency in a year it sent nothing
        # An exemption recorded says itself, with who and when, in the note.
        self.state_line.setVisible(cell is not None and (exemption is None or month.report is not None))
        if exemption is not None:
            by = (
                strings.MONTHLY_EXEMPTION_BY.format(by=exemption.recorded_by) if exemption.recorded_by else ""
            )
            self.exemption_note.setText(
                rtl(
                    strings.MONTHLY_EXEMPTION_NOTE.format(
                        reason=exemption.reason, when=timestamp(exemption.recorded_at), by=by
                    )
                )
            )
        self.exemption_note.setVisible(exemption is not None)

    def _show_selected(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if rows:
            self._show(self.version_model.record(rows[0].row()).record)

    def _show(self, record: MonthlyReportRecord | None) -> None:
        self._shown = record
        if record is None:
            for value in self.values.values():
                value.clear()
            self.figure_model.set_records([])
            self.open_file_button.setEnabled(False)
            self.save_file_button.setEnabled(False)
            return
        in_force = strings.MONTHLY_REPORT_BOX if record.in_force else strings.MONTHLY_EARLIER_VERSION_BOX
        self.details_box.setTitle(in_force)
        letter = strings.LIST_SEPARATOR.join(
            part
            for part in (
                strings.MONTHLY_LETTER_NUMBER_TEXT.format(number=record.letter_number)
                if record.letter_number
                else "",
                jalali.format_short(record.letter_date),
            )
            if part
        )
        file = record.file
        recorded = strings.LIST_SEPARATOR.join(
            part for part in (timestamp(record.recorded_at), record.recorded_by) if part
        )
        texts = {
            # What the history's note says of it (taken back, a correction), or «در جریان».
            "version": (
                version_state(record)
                if record.in_force and record.replaces_id is None
                else version_note(self._version_of(record))
            ),
            "received": jalali.format_short(record.received_on),
            "via": record.via.label,
            "letter": letter or strings.MONTHLY_NO_FIGURE,
            "file": (
                f"{isolated(file.filename)} ({file_size(file.size)})"
                if file is not None
                else strings.MONTHLY_NO_FILE
            ),
            "note": record.note or strings.MONTHLY_NO_FIGURE,
            "recorded": recorded,
        }
        for key, text in texts.items():
            self.values[key].setText(rtl(text))
        self.open_file_button.setEnabled(file is not None)
        self.save_file_button.setEnabled(file is not None)
        indicators = self._services.indicators.list(include_retired=True)
        self.figure_model.set_records(figure_lines(record, indicators))

    def _version_of(self, record: MonthlyReportRecord) -> Version:
        row = self.version_model.row_of(record.id)
        return self.version_model.record(row) if row is not None else Version(record)

    def _update_buttons(self, month: MonthOfAgency) -> None:
        has_report = month.report is not None
        begun = self._month.first_day <= clock.today()
        self.correct_button.setVisible(has_report)
        self.void_button.setVisible(has_report)
        self.record_button.setVisible(not has_report)
        self.exempt_button.setVisible(not has_report and month.exemption is None and begun)
        self.lift_button.setVisible(month.exemption is not None)

    # -- actions -----------------------------------------------------------------------------------

    def _secretary(self) -> str:
        council = self._services.council.get()
        return council.secretary if council else ""

    def correct(self) -> MonthlyReportRecord | None:
        report = self.month_of_agency().report
        if report is None:
            return None
        form = MonthlyReportForm(self._services, report=report, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        corrected = cast(MonthlyReportRecord, form.saved)  # what the form saves
        self.message.emit(
            strings.MONTHLY_CORRECTED.format(month=corrected.month.label, agency=corrected.agency)
        )
        return corrected

    def void(self) -> None:
        report = self.month_of_agency().report
        if report is None:
            return
        dialog = VoidReportDialog(self._services.monthly_reports, report, by=self._secretary(), parent=self)
        hold_to_user(dialog.by, self._services)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(strings.MONTHLY_VOIDED.format(month=report.month.label, agency=report.agency))

    def record(self) -> MonthlyReportRecord | None:
        form = MonthlyReportForm(self._services, agency_id=self._agency_id, month=self._month, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        recorded = cast(MonthlyReportRecord, form.saved)  # what the form saves
        self.message.emit(
            strings.MONTHLY_RECORDED_MESSAGE.format(month=recorded.month.label, agency=recorded.agency)
        )
        return recorded

    def exempt(self) -> None:
        month = self.month_of_agency()
        dialog = ExemptDialog(
            self._services.monthly_reports,
            self._agency_id,
            month.agency,
            self._month,
            by=self._secretary(),
            parent=self,
        )
        hold_to_user(dialog.by, self._services)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(strings.MONTHLY_EXEMPTED.format(month=self._month.label, agency=month.agency))

    def lift_exemption(self) -> None:
        month = self.month_of_agency()
        if month.exemption is None:
            return
        question = strings.MONTHLY_LIFT_CONFIRM.format(month=self._month.label, agency=month.agency)
        if not messages.confirm(self, question):
            return
        try:
            self._services.monthly_reports.lift_exemption(self._agency_id, self._month)
        except DomainError as error:
            messages.warn(self, error.message)
            return
        self.message.emit(
            strings.MONTHLY_EXEMPTION_LIFTED.format(month=self._month.label, agency=month.agency)
        )

    # -- the report's file ---------------------------------------------------------------------

    def open_file(self) -> bool:
        """Open the file from a private copy under a safe name (see ``desktop.open_document``)."""
        record = self._shown
        if record is None or record.file is None:
            return False
        stored = record.file
        outcome, shown = desktop.open_document(
            self,
            stored.filename,
            lambda: self._services.monthly_reports.file_content(stored.id)[1],
            lambda title: self.save_file(title=title),
        )
        if outcome is desktop.Outcome.OPENED:
            self.message.emit(strings.DOCUMENT_OPENED.format(name=shown))
        return outcome is desktop.Outcome.OPENED

    def save_file(self, *, title: str = strings.MONTHLY_SAVE_FILE_TITLE) -> bool:
        record = self._shown
        if record is None or record.file is None:
            return False
        shown = content.safe_save_name(record.file.filename)
        target = file_choice.save_file(self, title, shown)
        if target is None:
            return False
        try:
            self._services.monthly_reports.export_file(record.file.id, target)
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        self.message.emit(strings.COPY_SAVED.format(name=Path(target).name))
        return True
