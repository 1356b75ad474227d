"""The form of a monthly report: record one that arrived, or correct the one recorded.

The agency, the month it covers, when and how it came (the agency's letter
number and date if any), one figure per indicator in use, in the council's
order (required ones marked «*»; a yes/no one chosen from a list), a note,
and the file. Typed with any digits. One save is one call to the core,
which checks everything; its messages show beside each field, a figure's
under the figure (``figure_field``), and nothing typed is lost.

A correction shows the report as recorded, asks why it is corrected, and
keeps the file unless another is chosen or «پرونده پیشین بماند» is unticked.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from secretariat import clock
from secretariat.errors import DomainError, ValidationError
from secretariat.meetings.attachments import IncomingFile
from secretariat.monthly.indicators import IndicatorKind, IndicatorRecord
from secretariat.monthly.months import Month
from secretariat.monthly.reports import (
    MonthlyReportDraft,
    MonthlyReportRecord,
    Via,
    figure_field,
)
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.monthly.month_field import MonthField
from ui.office.attribution import hold_to_user
from ui.services import Services
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.file_field import FileField
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit

DIALOG_WIDTH = 660
FIGURE_LENGTH = 15  # «۱۲٬۳۴۵٫۵»: a figure is never longer
REPORT_FILTER = "گزارش (*.pdf *.doc *.docx *.png *.jpg *.jpeg *.tif *.tiff);;همه پرونده‌ها (*)"


def typed_figure(indicator: IndicatorRecord, value: float) -> str:
    """A recorded figure as it is typed back into the form (no thousands separator)."""
    if indicator.kind is IndicatorKind.YESNO:
        return "1" if value >= 0.5 else "0"
    if value == int(value):
        return to_persian_digits(int(value))
    return to_persian_digits(f"{value:g}").replace(".", "٫")


class MonthlyReportForm(FormDialog):
    """``saved`` is the ``MonthlyReportRecord`` recorded, or the correction."""

    def __init__(
        self,
        services: Services,
        *,
        agency_id: int | None = None,
        month: Month | None = None,
        report: MonthlyReportRecord | None = None,
        parent: QWidget | None = None,
    ):
        correcting = report is not None
        super().__init__(
            strings.MONTHLY_CORRECT_TITLE if correcting else strings.MONTHLY_RECORD_TITLE,
            parent,
            save_text=strings.MONTHLY_CORRECT_SAVE if correcting else strings.MONTHLY_RECORD_SAVE,
        )
        self._services = services
        self._report = report
        self.setMinimumWidth(DIALOG_WIDTH)
        if report is not None:
            agency_id, month = report.agency_id, report.month
            self.set_intro(
                strings.MONTHLY_CORRECT_INTRO.format(month=report.month.label, agency=report.agency)
            )
        else:
            self.set_intro(strings.MONTHLY_RECORD_INTRO)
        month = month or Month.of(clock.today()).previous()
        council = services.council.get()
        form = self.form

        self.reason: QLineEdit | None = None
        if correcting:
            self.reason = form.add_field(
                "reason",
                strings.MONTHLY_CORRECT_REASON,
                line_edit(strings.MONTHLY_CORRECT_REASON_PLACEHOLDER),
            )
        self.agency = form.add_field(
            "agency_id",
            strings.MONTHLY_AGENCY,
            AgencyCombo(services.agencies, optional=False, keep=agency_id),
        )
        self.agency.set_agency_id(agency_id)
        month_field = MonthField(month)
        self.month = form.add_field("month", strings.MONTHLY_MONTH, month_field, changed=month_field.changed)
        self.received_on = form.add_field(
            "received_on", strings.MONTHLY_RECEIVED_ON, JalaliDateEdit(side=DateSide.TODAY)
        )
        self.via = form.add_field(
            "via", strings.MONTHLY_VIA, choice_box([(via.label, via.value) for via in Via])
        )
        self.letter_number = form.add_field(
            "letter_number",
            strings.MONTHLY_LETTER_NUMBER,
            line_edit(strings.MONTHLY_LETTER_NUMBER_PLACEHOLDER),
        )
        self.letter_date = form.add_field(
            "letter_date", strings.MONTHLY_LETTER_DATE, JalaliDateEdit(side=DateSide.PAST)
        )
        self.indicators = services.indicators.list()
        self.figures: dict[int, QLineEdit | QComboBox] = {}
        for indicator in self.indicators:
            caption = indicator.name + (strings.MONTHLY_REQUIRED_MARK if indicator.required else "")
            self.figures[indicator.id] = form.add_field(
                figure_field(indicator.id), caption, self._figure_input(indicator)
            )
        self.note = form.add_field("note", strings.MONTHLY_NOTE, text_box(2))
        self.note.setPlaceholderText(strings.MONTHLY_NOTE_PLACEHOLDER)
        file_field = FileField(
            strings.MONTHLY_FILE_TITLE,
            filters=REPORT_FILTER,
            placeholder=strings.MONTHLY_FILE_NONE,
            clear_tip=strings.MONTHLY_FILE_CLEAR_TIP,
        )
        self.file = form.add_field("file", strings.MONTHLY_FILE, file_field, changed=file_field.changed)
        self.keep_file: QCheckBox | None = None
        if report is not None and report.file is not None:
            self.keep_file = form.add_field(
                "keep_file",
                strings.MONTHLY_KEEP_FILE,
                QCheckBox(strings.MONTHLY_KEEP_FILE_TEXT.format(name=report.file.filename)),
            )
            self.keep_file.setChecked(True)
        self.recorded_by = form.add_field("recorded_by", strings.MONTHLY_RECORDED_BY, line_edit())
        self.recorded_by.setText(council.secretary if council else "")
        form.limit_texts(MonthlyReportDraft)
        if correcting:
            form.limit_texts("MonthlyReportService.correct")
        self._fill(report)
        hold_to_user(self.recorded_by, services)
        (self.reason if self.reason is not None else self.agency).setFocus()

    def _figure_input(self, indicator: IndicatorRecord) -> QLineEdit | QComboBox:
        if indicator.kind is IndicatorKind.YESNO:
            return choice_box([(strings.MONTHLY_FIGURE_NOT_GIVEN, ""), (strings.YES, "1"), (strings.NO, "0")])
        placeholder = indicator.unit or indicator.kind.label
        if indicator.kind is IndicatorKind.HOURS:
            placeholder = strings.MONTHLY_HOURS_PLACEHOLDER.format(unit=placeholder)
        edit = line_edit(placeholder, digits=True)
        edit.setMaxLength(FIGURE_LENGTH)
        return edit

    def _fill(self, report: MonthlyReportRecord | None) -> None:
        if report is None:
            self.received_on.setDate(clock.today())
            return
        self.received_on.setDate(report.received_on)
        self.via.setCurrentIndex(max(0, self.via.findData(report.via.value)))
        self.letter_number.setText(report.letter_number)
        self.letter_date.setDate(report.letter_date)
        self.note.setPlainText(report.note)
        if report.recorded_by and not self.recorded_by.text():
            self.recorded_by.setText(report.recorded_by)
        for indicator in self.indicators:
            value = report.figures.get(indicator.id)
            if value is None:
                continue
            field = self.figures[indicator.id]
            typed = typed_figure(indicator, value)
            if isinstance(field, QComboBox):
                field.setCurrentIndex(max(0, field.findData(typed)))
            else:
                field.setText(typed)

    # -- saving -------------------------------------------------------------------------------

    def typed_figures(self) -> dict[int, str]:
        return {
            indicator_id: (field.currentData() or "") if isinstance(field, QComboBox) else field.text()
            for indicator_id, field in self.figures.items()
        }

    def draft(self, file: IncomingFile | None = None) -> MonthlyReportDraft:
        return MonthlyReportDraft(
            agency_id=self.agency.agency_id() or 0,
            month=self.month.text(),
            received_on=self.received_on.text(),
            via=self.via.currentData(),
            letter_number=self.letter_number.text(),
            letter_date=self.letter_date.text(),
            note=self.note.toPlainText(),
            figures=self.typed_figures(),
            recorded_by=self.recorded_by.text(),
            file=file,
            keep_file=self.keep_file is None or self.keep_file.isChecked(),
        )

    def check(self) -> Mapping[str, str]:
        if self.agency.agency_id() is None:
            return {"agency_id": strings.MONTHLY_CHOOSE_AGENCY}
        return {}

    def _incoming_file(self) -> IncomingFile | None:
        path = self.file.path()
        if not path:
            return None
        try:
            return self._services.monthly_reports.read_file(path)
        except DomainError as error:  # beside the file, with whatever else is wrong left for the save
            raise ValidationError({"file": error.message}) from error

    def save(self) -> MonthlyReportRecord:
        draft = self.draft(self._incoming_file())
        reports = self._services.monthly_reports
        if self._report is None:
            return reports.record(draft)
        assert self.reason is not None  # a correction asks why
        return reports.correct(self._report.id, draft, reason=self.reason.text(), by=self.recorded_by.text())
