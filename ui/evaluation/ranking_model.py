"""The ranking: rank (shared by equal totals), agency, total, tier, last year's rank and the change.

The core orders the agencies (by total, equal totals in Persian order); this
model shows them in that order. A shared rank says so in words («۲ (مشترک)»),
and a rank per category is a column only where the council ranks by category.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import Ranking, Standing
from secretariat.persian.text import format_int
from ui.evaluation import wording
from ui.evaluation.scores_model import category_label, rank_text, rank_tip, shared_ranks
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel

UP_COLOUR = QColor("#2f7d4f")
DOWN_COLOUR = QColor("#b3261e")


def change_text(standing: Standing) -> str:
    """«▲۲» two places up on last year, «▼۱» one down, «—» the same or not ranked last year."""
    if standing.previous_rank is None or standing.previous_rank == standing.rank:
        return wording.NO_CHANGE
    moved = standing.previous_rank - standing.rank
    return (wording.UP if moved > 0 else wording.DOWN).format(n=format_int(abs(moved)))


def change_tip(standing: Standing) -> str:
    if standing.previous_rank is None:
        return wording.TIP_NEW
    moved = standing.previous_rank - standing.rank
    if moved == 0:
        return wording.TIP_SAME
    return (wording.TIP_UP if moved > 0 else wording.TIP_DOWN).format(n=format_int(abs(moved)))


def _change_colour(standing: Standing) -> QColor | None:
    if standing.previous_rank is None or standing.previous_rank == standing.rank:
        return None
    return UP_COLOUR if standing.previous_rank > standing.rank else DOWN_COLOUR


class RankingModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._holders: Counter[int] = Counter()
        self.columns = self._columns_for(by_category=False)

    def show_ranking(self, ranking: Ranking) -> None:
        self._holders = shared_ranks(ranking)
        self.beginResetModel()
        self.columns = self._columns_for(by_category=ranking.evaluation.rank_by_category)
        self._records, self._shown = dict(enumerate(ranking.standings)), {}
        self.endResetModel()

    def standing(self, row: int) -> Standing:
        record: Standing = self.record(row)
        return record

    def _columns_for(self, *, by_category: bool) -> tuple[Column[Any], ...]:
        centre = Qt.AlignmentFlag.AlignCenter
        columns: list[Column[Standing]] = [
            Column[Standing](
                "rank",
                wording.COLUMN_RANK,
                lambda s: rank_text(s.rank, self._holders),
                width=96,
                alignment=centre,
                tooltip=lambda s: rank_tip(s.rank, self._holders),
            ),
            Column[Standing]("agency", wording.COLUMN_AGENCY, lambda s: s.agency, stretch=True),
            Column[Standing](
                "category", wording.COLUMN_CATEGORY, lambda s: category_label(s.category), width=130
            ),
            Column[Standing](
                "total",
                wording.COLUMN_TOTAL_PLAIN,
                lambda s: format_score(s.total),
                width=90,
                alignment=centre,
            ),
            Column[Standing]("tier", wording.COLUMN_TIER, lambda s: s.tier, width=120),
            Column[Standing](
                "previous",
                wording.COLUMN_PREVIOUS,
                lambda s: format_int(s.previous_rank) if s.previous_rank is not None else wording.NO_CHANGE,
                width=100,
                alignment=centre,
            ),
            Column[Standing](
                "change",
                wording.COLUMN_CHANGE,
                change_text,
                width=70,
                alignment=centre,
                tooltip=change_tip,
                foreground=_change_colour,
            ),
        ]
        if by_category:
            columns.append(
                Column[Standing](
                    "category_rank",
                    wording.COLUMN_CATEGORY_RANK,
                    lambda s: format_int(s.category_rank) if s.category_rank is not None else "",
                    width=100,
                    alignment=centre,
                )
            )
        return tuple(columns)
