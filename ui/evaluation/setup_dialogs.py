"""The setup's two dialogs: the tiers (name and threshold), and an agency left out with a reason."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from secretariat.errors import ValidationError
from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.ranking import Tier
from secretariat.evaluation.service import EvaluationService
from secretariat.members.agencies import AgencyService
from secretariat.persian.text import format_int, to_persian_digits
from ui.evaluation import wording
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit
from ui.widgets.text_limits import limit_field

TIER_ROWS = 6  # more tiers than this no council announces


class TierRow(QWidget):
    """A tier's name and the least total that reaches it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = line_edit(wording.TIER_NAME_PLACEHOLDER)
        limit_field(self.name, "EvaluationService.set_tiers", "name")
        self.threshold = line_edit(wording.TIER_THRESHOLD_PLACEHOLDER, digits=True)
        self.threshold.setMaximumWidth(110)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(QLabel(wording.TIER_FROM))
        layout.addWidget(self.threshold)
        self.name.textEdited.connect(lambda _text: self.edited.emit())
        self.threshold.textEdited.connect(lambda _text: self.edited.emit())

    def is_blank(self) -> bool:
        return not self.name.text().strip() and not self.threshold.text().strip()


class TiersDialog(FormDialog):
    """``saved`` is the tiers saved, highest threshold first."""

    def __init__(
        self,
        evaluations: EvaluationService,
        year: int,
        tiers: Sequence[Tier],
        total: float,
        parent: QWidget | None = None,
    ):
        super().__init__(wording.TIERS_TITLE.format(year=to_persian_digits(year)), parent)
        self._evaluations = evaluations
        self._year = year
        self.set_intro(wording.TIERS_INTRO.format(total=format_score(total)))
        self.rows: list[TierRow] = []
        for number in range(TIER_ROWS):
            row = TierRow()
            self.form.add_field(
                self._key(number), wording.TIER_ROW.format(n=format_int(number + 1)), row, changed=row.edited
            )
            self.rows.append(row)
        for row, tier in zip(self.rows, tiers, strict=False):
            row.name.setText(tier.name)
            row.threshold.setText(format_score(tier.min_score))
        self.rows[0].name.setFocus()

    @staticmethod
    def _key(number: int) -> str:
        return f"tier:{number}"  # the core's key for the threshold of the tier at that place

    def _filled(self) -> list[int]:
        return [number for number, row in enumerate(self.rows) if not row.is_blank()]

    def check(self) -> Mapping[str, str]:
        return {
            self._key(number): wording.TIER_NAME_REQUIRED
            for number in self._filled()
            if not self.rows[number].name.text().strip()
        }

    def save(self) -> tuple[Tier, ...]:
        filled = self._filled()
        tiers = [(self.rows[n].name.text(), self.rows[n].threshold.text()) for n in filled]
        try:
            return self._evaluations.set_tiers(self._year, tiers)
        except ValidationError as error:
            # The core numbers the tiers it was given; blank rows were left out of them.
            errors = {}
            for key, message in error.errors.items():
                place = key.removeprefix("tier:")
                errors[self._key(filled[int(place)]) if place.isdigit() else key] = message
            raise ValidationError(errors) from error


class ExcludeDialog(FormDialog):
    """``saved`` is the agency left out (its id)."""

    def __init__(
        self,
        evaluations: EvaluationService,
        agencies: AgencyService,
        year: int,
        excluded: Sequence[int],
        parent: QWidget | None = None,
    ):
        super().__init__(wording.EXCLUDE_TITLE.format(year=to_persian_digits(year)), parent)
        self._evaluations = evaluations
        self._year = year
        self.agency = self.form.add_field(
            "agency", wording.EXCLUDE_AGENCY, AgencyCombo(agencies, exclude=excluded)
        )
        self.reason = self.form.add_field(
            "reason", wording.EXCLUDE_REASON, line_edit(wording.EXCLUDE_REASON_PLACEHOLDER)
        )
        self.form.limit_texts("EvaluationService.exclude")
        self.agency.setFocus()

    def check(self) -> Mapping[str, str]:
        return {} if self.agency.agency_id() is not None else {"agency": wording.CHOOSE_AGENCY}

    def save(self) -> int:
        agency_id = self.agency.agency_id()
        assert agency_id is not None  # check() let it through
        self._evaluations.exclude(self._year, agency_id, reason=self.reason.text())
        return agency_id
