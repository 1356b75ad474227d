"""What to print of a year's evaluation: the year, and for the score cards an agency (or every
one), for the certificates the top N ranks or a tier. Nothing is written.

The certificates honour a published result: a draft year is refused here, beside the year,
with the core's words, before any page is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QRadioButton, QWidget

from secretariat.evaluation.service import EvaluationRecord
from secretariat.persian.text import to_latin_digits, to_persian_digits
from ui import strings
from ui.services import Services
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit

DEFAULT_TOP = 3
MOST_TOP = 1000


def typed_top(text: str) -> int | None:
    """The number of ranks as typed in any digits, from 1 to ``MOST_TOP``; None if it is not one."""
    digits = to_latin_digits(text.strip())
    if not (digits.isascii() and digits.isdigit()):
        return None
    value = int(digits)
    return value if 1 <= value <= MOST_TOP else None


class EvaluationPrint(StrEnum):
    RANKING = "ranking"
    SCORECARDS = "scorecards"
    CERTIFICATES = "certificates"


@dataclass(frozen=True)
class PrintChoice:
    """What the dialog saved: the year, and the agency or the certificates' choice."""

    year: int
    agency_id: int | None = None
    agency_name: str = ""
    top: int | None = None
    tier: str | None = None


class EvaluationPrintDialog(FormDialog):
    """``saved`` is a ``PrintChoice``; ``year`` given: that year only (the evaluation's own page)."""

    def __init__(
        self,
        services: Services,
        kind: EvaluationPrint,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
    ):
        super().__init__(strings.EVALUATION_PRINT_TITLES[kind], parent, save_text=strings.SHOW_REPORT)
        self._services = services
        self.kind = kind
        self.set_intro(strings.EVALUATION_PRINT_INTROS[kind])
        self.year = self.form.add_field("year", strings.EVALUATION_YEAR, QComboBox())
        years = [year] if year is not None else list(services.evaluations.years())
        self._records = {each: services.evaluations.get(each) for each in years}
        for each, record in self._records.items():
            label = strings.EVALUATION_PUBLISHED_ITEM if record.published else strings.EVALUATION_DRAFT_ITEM
            self.year.addItem(label.format(year=to_persian_digits(each)), each)
        self.year.setEnabled(year is None and len(years) > 1)
        self.agency: AgencyCombo | None = None
        if kind is EvaluationPrint.SCORECARDS:
            self.agency = self.form.add_field(
                "agency", strings.SCORECARDS_AGENCY, AgencyCombo(services.agencies, optional=True)
            )
            line = self.agency.lineEdit()
            if line is not None:
                line.setPlaceholderText(strings.SCORECARDS_ALL)
        if kind is EvaluationPrint.CERTIFICATES:
            self._add_certificate_fields()

    def _add_certificate_fields(self) -> None:
        self.by_rank = QRadioButton(strings.CERTIFICATES_BY_RANK)
        self.by_tier = QRadioButton(strings.CERTIFICATES_BY_TIER)
        group = QButtonGroup(self)
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        for choice in (self.by_rank, self.by_tier):
            group.addButton(choice)
            row.addWidget(choice)
        row.addStretch(1)
        self.by_rank.setChecked(True)
        self.form.add_field("for", strings.CERTIFICATES_FOR, choices, changed=group.buttonToggled)
        self.top = self.form.add_field(
            "top", strings.CERTIFICATES_TOP, line_edit(strings.CERTIFICATES_TOP_HINT, digits=True)
        )
        self.top.setText(to_persian_digits(DEFAULT_TOP))
        self.tier = self.form.add_field("tier", strings.CERTIFICATES_TIER, QComboBox())
        group.buttonToggled.connect(lambda *_: self._show_choice())
        self.year.currentIndexChanged.connect(lambda *_: self._fill_tiers())
        self._fill_tiers()
        self._show_choice()

    def _record(self) -> EvaluationRecord | None:
        year = self.year.currentData()
        return self._records.get(year) if year is not None else None

    def _fill_tiers(self) -> None:
        record = self._record()
        self.tier.clear()
        for tier in record.tiers if record is not None else ():
            self.tier.addItem(tier.name, tier.name)

    def _show_choice(self) -> None:
        by_rank = self.by_rank.isChecked()
        self.form.set_field_visible("top", by_rank)
        self.form.set_field_visible("tier", not by_rank)

    def check(self) -> Mapping[str, str]:
        errors: dict[str, str] = {}
        record = self._record()
        if record is None:
            errors["year"] = strings.EVALUATION_NO_YEARS
            return errors
        if self.agency is not None and self.agency.typed_unknown():
            errors["agency"] = strings.SCORECARDS_UNKNOWN_AGENCY
        if self.kind is EvaluationPrint.CERTIFICATES:
            if not record.published:
                from secretariat.reports.certificates import NOT_PUBLISHED

                errors["year"] = NOT_PUBLISHED.format(year=to_persian_digits(record.year))
            if self.by_rank.isChecked() and typed_top(self.top.text()) is None:
                errors["top"] = strings.CERTIFICATES_TOP_INVALID
            if self.by_tier.isChecked() and self.tier.count() == 0:
                errors["tier"] = strings.CERTIFICATES_NO_TIERS
        return errors

    def save(self) -> PrintChoice:
        year = int(self.year.currentData())
        if self.kind is EvaluationPrint.SCORECARDS and self.agency is not None:
            agency_id = self.agency.agency_id()
            return PrintChoice(year, agency_id, self.agency.currentText().strip() if agency_id else "")
        if self.kind is EvaluationPrint.CERTIFICATES:
            if self.by_rank.isChecked():
                return PrintChoice(year, top=typed_top(self.top.text()))
            return PrintChoice(year, tier=str(self.tier.currentData()))
        return PrintChoice(year)
