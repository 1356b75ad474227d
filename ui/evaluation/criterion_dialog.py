"""Add or edit a draft evaluation's criterion: its name, group, maximum and where its score comes from."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from secretariat.evaluation.criteria import CriterionDraft, Source, format_score
from secretariat.evaluation.service import CriterionRecord, EvaluationService
from secretariat.monthly.indicators import IndicatorRecord
from ui.evaluation import wording
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit


class CriterionDialog(FormDialog):
    """``saved`` is the ``CriterionRecord`` added or edited."""

    def __init__(
        self,
        evaluations: EvaluationService,
        year: int,
        indicators: tuple[IndicatorRecord, ...],
        criterion: CriterionRecord | None = None,
        parent: QWidget | None = None,
    ):
        title = wording.CRITERION_EDIT_TITLE if criterion else wording.CRITERION_NEW_TITLE
        super().__init__(title, parent)
        self._evaluations = evaluations
        self._year = year
        self._criterion = criterion
        self.name = self.form.add_field("name", wording.CRITERION_NAME, line_edit())
        self.group = self.form.add_field(
            "group_name", wording.CRITERION_GROUP, line_edit(wording.CRITERION_GROUP_PLACEHOLDER)
        )
        self.max_score = self.form.add_field("max_score", wording.CRITERION_MAX, line_edit("۱۰", digits=True))
        self.source = self.form.add_field(
            "source",
            wording.CRITERION_SOURCE,
            choice_box([(source.label, source.value) for source in Source], current=Source.MANUAL.value),
        )
        self.indicator = self.form.add_field(
            "indicator_id",
            wording.CRITERION_INDICATOR,
            choice_box([(indicator.name, indicator.id) for indicator in indicators]),
        )
        if not indicators:
            self.indicator.setPlaceholderText(wording.CRITERION_NO_INDICATOR)
        self.source_note = self.form.add_row(QLabel(rtl(wording.SOURCE_CHANGE_CLEARS_JURY)))
        self.source_note.setObjectName("note")
        self.source_note.setWordWrap(True)
        self.form.limit_texts(CriterionDraft)
        if criterion is not None:
            self.name.setText(criterion.name)
            self.group.setText(criterion.group)
            self.max_score.setText(format_score(criterion.max_score))
            self.source.setCurrentIndex(self.source.findData(criterion.source.value))
            if criterion.indicator_id is not None:
                self.indicator.setCurrentIndex(max(0, self.indicator.findData(criterion.indicator_id)))
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self.name.setFocus()

    def _chosen_source(self) -> Source:
        return Source(self.source.currentData())

    def _source_changed(self) -> None:
        self.form.set_field_visible("indicator_id", self._chosen_source() is Source.ACTIVITY)
        # A jury criterion turned into a computed one loses its jury's scores (the core clears them).
        was_jury = self._criterion is not None and self._criterion.source is Source.MANUAL
        self.source_note.setVisible(was_jury and self._chosen_source() is not Source.MANUAL)

    def draft(self) -> CriterionDraft:
        source = self._chosen_source()
        return CriterionDraft(
            name=self.name.text(),
            max_score=self.max_score.text(),
            source=source.value,
            group_name=self.group.text(),
            indicator_id=self.indicator.currentData() if source is Source.ACTIVITY else None,
        )

    def save(self) -> CriterionRecord:
        if self._criterion is None:
            return self._evaluations.add_criterion(self._year, self.draft())
        return self._evaluations.update_criterion(self._criterion.id, self.draft())
