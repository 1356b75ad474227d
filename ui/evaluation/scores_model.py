"""The score table: one row per agency taking part, one column per criterion, then total, rank and tier.

Its columns are the year's criteria, so they are made for each evaluation
shown. A computed cell shows its score and, as its tooltip, the records it
was counted from; a jury cell shows the jury's aggregate, or «ثبت‌نشده» (in
words, and tinted) while no evaluator has scored it; a published cell that
was amended shows the new score with the original beside it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import CriterionRecord, Ranking, ScoreCell, Standing
from secretariat.members.agencies import AgencyCategory
from secretariat.persian.text import fold, format_int, search_terms
from ui.evaluation import wording
from ui.evaluation.score_dialogs import amendment_line, score_text
from ui.widgets.columns import Column
from ui.widgets.model_index import Index
from ui.widgets.record_table_model import RecordTableModel

MISSING_COLOUR = QColor("#b3261e")
MISSING_TINT = QColor(179, 38, 30, 22)
AMENDED_COLOUR = QColor("#1f5f7a")
CRITERION_WIDTH = 88
_BOLD = QFont()
_BOLD.setBold(True)


def category_label(code: str) -> str:
    try:
        return AgencyCategory(code).label
    except ValueError:
        return code


def shared_ranks(ranking: Ranking) -> Counter[int]:
    """How many agencies hold each rank (more than one: a tie, shared)."""
    return Counter(standing.rank for standing in ranking.standings)


def rank_text(rank: int, holders: Counter[int]) -> str:
    """«۲», or «۲ (مشترک)» when several agencies share it."""
    number = format_int(rank)
    return wording.SHARED_RANK.format(rank=number) if holders[rank] > 1 else number


def rank_tip(rank: int, holders: Counter[int]) -> str | None:
    if holders[rank] < 2:
        return None
    return wording.TIP_SHARED.format(rank=format_int(rank), count=format_int(holders[rank]))


def cell_tip(criterion: CriterionRecord, cell: ScoreCell) -> str:
    if cell.score is None:
        return wording.TIP_JURY_MISSING
    lines = [f"{criterion.name}: {format_score(cell.score)}", cell.explanation]
    if cell.original is not None:
        lines.append(wording.TIP_ORIGINAL.format(score=format_score(cell.original)))
    lines += [amendment_line(amendment) for amendment in cell.amendments]
    return "\n".join(lines)


class ScoresModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ranking: Ranking | None = None
        self._criteria: dict[int, CriterionRecord] = {}  # by column
        self._holders: Counter[int] = Counter()
        self._terms: list[str] = []
        self._only_missing = False
        self.columns = self._columns_for(())

    # -- showing --------------------------------------------------------------------------

    def show_ranking(self, ranking: Ranking) -> None:
        self.ranking = ranking
        self._holders = shared_ranks(ranking)
        self._refill()

    def set_search(self, text: str) -> None:
        self._terms = search_terms(text)
        self._refill()

    def set_only_missing(self, only: bool) -> None:
        self._only_missing = only
        self._refill()

    def _refill(self) -> None:
        ranking = self.ranking
        criteria = ranking.evaluation.criteria if ranking is not None else ()
        rows = [s for s in (ranking.standings if ranking is not None else ()) if self._shows(s)]
        self.beginResetModel()
        self.columns = self._columns_for(criteria)
        self._criteria = {position + 1: criterion for position, criterion in enumerate(criteria)}
        self._records, self._shown = dict(enumerate(rows)), {}
        self.endResetModel()

    def _shows(self, standing: Standing) -> bool:
        if self._only_missing and not standing.missing:
            return False
        name = fold(standing.agency)
        return all(term in name for term in self._terms)

    def filtered(self) -> bool:
        return bool(self._terms) or self._only_missing

    # -- columns -----------------------------------------------------------------------------

    def _columns_for(self, criteria: tuple[CriterionRecord, ...]) -> tuple[Column[Any], ...]:
        total_max = sum(criterion.max_score for criterion in criteria)
        centre = Qt.AlignmentFlag.AlignCenter
        return (
            Column[Standing](
                "agency",
                wording.COLUMN_AGENCY,
                lambda s: s.agency,
                width=210,
                tooltip=lambda s: f"{s.agency}\n{category_label(s.category)}",
            ),
            *(self._criterion_column(criterion) for criterion in criteria),
            Column[Standing](
                "total",
                wording.COLUMN_TOTAL.format(max=format_score(total_max)),
                lambda s: format_score(s.total),
                width=70,
                alignment=centre,
                font=lambda s: _BOLD,
            ),
            Column[Standing](
                "rank",
                wording.COLUMN_RANK,
                lambda s: rank_text(s.rank, self._holders),
                width=86,
                alignment=centre,
                tooltip=lambda s: rank_tip(s.rank, self._holders),
            ),
            Column[Standing]("tier", wording.COLUMN_TIER, lambda s: s.tier, width=100),
        )

    @staticmethod
    def _criterion_column(criterion: CriterionRecord) -> Column[Standing]:
        def cell(standing: Standing) -> ScoreCell | None:
            return standing.cells.get(criterion.id)

        def foreground(standing: Standing) -> QColor | None:
            found = cell(standing)
            if found is None:
                return None
            if found.score is None:
                return MISSING_COLOUR
            return AMENDED_COLOUR if found.original is not None else None

        def background(standing: Standing) -> QColor | None:
            found = cell(standing)
            return MISSING_TINT if found is not None and found.score is None else None

        return Column[Standing](
            f"criterion:{criterion.id}",
            wording.COLUMN_HEAD.format(name=criterion.name, max=format_score(criterion.max_score)),
            lambda s: score_text(c) if (c := cell(s)) is not None else "",
            width=CRITERION_WIDTH,
            alignment=Qt.AlignmentFlag.AlignCenter,
            tooltip=lambda s: cell_tip(criterion, c) if (c := cell(s)) is not None else None,
            foreground=foreground,
            background=background,
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        criterion = self._criteria.get(section) if orientation == Qt.Orientation.Horizontal else None
        if criterion is not None and role == Qt.ItemDataRole.ToolTipRole:
            return wording.HEADER_TIP.format(
                name=criterion.name,
                group=criterion.group,
                source=criterion.source.label,
                formula=criterion.formula,
            )
        return super().headerData(section, orientation, role)

    # -- reading ------------------------------------------------------------------------------

    def standing(self, row: int) -> Standing:
        record: Standing = self.record(row)
        return record

    def criterion_at(self, column: int) -> CriterionRecord | None:
        return self._criteria.get(column)

    def cell_at(self, index: Index) -> tuple[Standing, CriterionRecord | None]:
        return self.standing(index.row()), self.criterion_at(index.column())

    def row_of_agency(self, agency_id: int) -> int | None:
        return next((row for row, s in self._records.items() if s.agency_id == agency_id), None)
