"""The «رتبه‌بندی» tab: the agencies by rank, ties shared, with last year's rank beside."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from secretariat.evaluation.service import Ranking
from ui.evaluation import wording
from ui.evaluation.ranking_model import RankingModel
from ui.rtl import rtl
from ui.widgets.empty_state import EmptyMessage, EmptyState
from ui.widgets.table_setup import configure_table


class RankingTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft_note = QLabel(rtl(wording.RANKING_DRAFT_NOTE))
        self.draft_note.setObjectName("note")
        self.draft_note.setWordWrap(True)
        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setObjectName("listTable")
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.model.modelReset.connect(self._fit_columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.table, 1)
        self.empty_state = EmptyState(self.table, EmptyMessage(wording.SCORES_NONE))

    def show_ranking(self, ranking: Ranking) -> None:
        self.model.show_ranking(ranking)
        self.draft_note.setVisible(not ranking.evaluation.published)

    def _fit_columns(self) -> None:
        # A rank per category is a column only where the council asks for it.
        header = self.table.horizontalHeader()
        for at, column in enumerate(self.model.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(at, mode)
            if column.width is not None:
                self.table.setColumnWidth(at, column.width)

    def selected_agency(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        standing = self.model.standing(rows[0].row())
        return standing.agency_id, standing.agency
