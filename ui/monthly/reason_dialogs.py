"""What is done to an agency's month with a reason: void its report, or exempt the month.

Each asks for the reason and who does it (the secretary proposed) and makes
one call to the core; its refusal shows beside the reason, nothing lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat.monthly.months import Month
from secretariat.monthly.reports import ExemptionRecord, MonthlyReportRecord, MonthlyReportService
from ui import strings
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit


class _ReasonDialog(FormDialog):
    def __init__(self, title: str, save_text: str, intro: str, limits: str, by: str, parent: QWidget | None):
        super().__init__(title, parent, save_text=save_text)
        self.set_intro(intro)
        self.reason = self.form.add_field("reason", strings.REASON, line_edit())
        self.by = self.form.add_field("by", strings.MONTHLY_RECORDED_BY, line_edit())
        self.by.setText(by)
        self.form.limit_texts(limits)
        self.reason.setFocus()


class VoidReportDialog(_ReasonDialog):
    """``saved`` is the report, voided."""

    def __init__(
        self,
        service: MonthlyReportService,
        report: MonthlyReportRecord,
        *,
        by: str = "",
        parent: QWidget | None = None,
    ):
        intro = strings.MONTHLY_VOID_INTRO.format(month=report.month.label, agency=report.agency)
        super().__init__(
            strings.MONTHLY_VOID_TITLE,
            strings.MONTHLY_VOID_SAVE,
            intro,
            "MonthlyReportService.void",
            by,
            parent,
        )
        self.reason.setPlaceholderText(strings.MONTHLY_VOID_REASON_PLACEHOLDER)
        self._service = service
        self._report = report

    def save(self) -> MonthlyReportRecord:
        return self._service.void(self._report.id, reason=self.reason.text(), by=self.by.text())


class ExemptDialog(_ReasonDialog):
    """``saved`` is the ``ExemptionRecord``."""

    def __init__(
        self,
        service: MonthlyReportService,
        agency_id: int,
        agency: str,
        month: Month,
        *,
        by: str = "",
        parent: QWidget | None = None,
    ):
        intro = strings.MONTHLY_EXEMPT_INTRO.format(month=month.label, agency=agency)
        super().__init__(
            strings.MONTHLY_EXEMPT_TITLE,
            strings.MONTHLY_EXEMPT_SAVE,
            intro,
            "MonthlyReportService.exempt",
            by,
            parent,
        )
        self.reason.setPlaceholderText(strings.MONTHLY_EXEMPT_REASON_PLACEHOLDER)
        self._service = service
        self._agency_id = agency_id
        self._month = month

    def save(self) -> ExemptionRecord:
        return self._service.exempt(
            self._agency_id, self._month, reason=self.reason.text(), by=self.by.text()
        )
