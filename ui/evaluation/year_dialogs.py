"""A year's evaluation begun (from last year's criteria or the default set) and published."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QWidget

from secretariat import clock
from secretariat.errors import DomainError, ValidationError
from secretariat.evaluation.service import EvaluationRecord, EvaluationService
from secretariat.persian import jalali
from secretariat.persian.text import to_latin_digits, to_persian_digits
from ui.evaluation import wording
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit

# Jalali years a council's evaluation may be of: a typed 04 or 14040 is a slip, not a year.
EARLIEST_YEAR, LATEST_YEAR = 1350, 1500


def proposed_year(existing: Sequence[int]) -> int:
    """The last full year (evaluated in the spring after it), or the next one not yet begun."""
    year = jalali.jalali_year(clock.today()) - 1
    while year in existing:
        year += 1
    return year


class NewEvaluationDialog(FormDialog):
    """``saved`` is the new ``EvaluationRecord``."""

    def __init__(self, evaluations: EvaluationService, parent: QWidget | None = None):
        super().__init__(wording.NEW_TITLE, parent, save_text=wording.NEW_CREATE)
        self._evaluations = evaluations
        existing = evaluations.years()  # newest first
        self.set_intro(wording.NEW_INTRO)
        self.year = self.form.add_field("year", wording.NEW_YEAR, line_edit(digits=True))
        self.year.setText(to_persian_digits(proposed_year(existing)))
        starts: list[tuple[str, object]] = [
            (wording.NEW_FROM_YEAR.format(year=to_persian_digits(year)), year) for year in existing
        ]
        starts.append((wording.NEW_FROM_DEFAULTS, None))
        self.start_from = self.form.add_field("copy_from", wording.NEW_START_FROM, choice_box(starts))
        self.year.setFocus()
        self.year.selectAll()

    def typed_year(self) -> int | None:
        text = to_latin_digits(self.year.text()).strip()
        if not text.isdigit() or not EARLIEST_YEAR <= int(text) <= LATEST_YEAR:
            return None
        return int(text)

    def check(self) -> Mapping[str, str]:
        if self.typed_year() is None:
            return {"year": wording.NOT_A_YEAR.format(year=to_persian_digits(proposed_year(())))}
        return {}

    def save(self) -> EvaluationRecord:
        year = self.typed_year()
        assert year is not None  # check() let it through
        try:
            return self._evaluations.create(year, copy_from=self.start_from.currentData())
        except DomainError as error:  # that year's evaluation exists: said under the year
            raise ValidationError({"year": error.message}) from error


class PublishDialog(FormDialog):
    """``saved`` is the published ``EvaluationRecord``; refused (beside the button) while a jury
    score is missing."""

    def __init__(self, evaluations: EvaluationService, year: int, parent: QWidget | None = None):
        super().__init__(
            wording.PUBLISH_TITLE.format(year=to_persian_digits(year)), parent, save_text=wording.PUBLISH_SAVE
        )
        self._evaluations = evaluations
        self._year = year
        self.set_intro(wording.PUBLISH_INTRO)
        self.by = self.form.add_field("by", wording.PUBLISH_BY, line_edit(wording.PUBLISH_BY_PLACEHOLDER))
        self.form.limit_texts("EvaluationService.publish")
        self.by.setFocus()

    def save(self) -> EvaluationRecord:
        return self._evaluations.publish(self._year, by=self.by.text())
