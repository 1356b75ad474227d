"""The setup's two tables: the criteria (in their order), and the agencies left out with their reasons."""

from __future__ import annotations

from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import CriterionRecord, Exclusion
from ui.evaluation import wording
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel


class CriteriaModel(RecordTableModel):
    columns = (
        Column[CriterionRecord]("group", wording.COLUMN_GROUP, lambda c: c.group, width=150),
        Column[CriterionRecord]("name", wording.COLUMN_CRITERION, lambda c: c.name, width=250),
        Column[CriterionRecord]("max", wording.COLUMN_MAX, lambda c: format_score(c.max_score), width=70),
        Column[CriterionRecord]("source", wording.COLUMN_SOURCE, lambda c: c.source.label, width=150),
        Column[CriterionRecord](
            "formula", wording.COLUMN_FORMULA, lambda c: c.formula, stretch=True, tooltip=lambda c: c.formula
        ),
    )

    def criterion(self, row: int) -> CriterionRecord:
        record: CriterionRecord = self.record(row)
        return record


class ExclusionsModel(RecordTableModel):
    columns = (
        Column[Exclusion](
            "agency", wording.COLUMN_AGENCY, lambda e: e.agency, width=200, tooltip=lambda e: e.agency
        ),
        Column[Exclusion](
            "reason", wording.COLUMN_REASON, lambda e: e.reason, stretch=True, tooltip=lambda e: e.reason
        ),
    )

    def exclusion(self, row: int) -> Exclusion:
        record: Exclusion = self.record(row)
        return record
