"""The «امتیازها» tab: agencies × criteria, what is missing, and a double-click on a cell.

A double-click (or Enter) on a jury cell of a draft opens the jury's dialog; on a
computed cell, where its score came from (read-only); on any score of a
published evaluation, the amendment dialog. The evaluator's name typed last
is offered again, as a juror enters a whole column in one sitting.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.core import Secretariat
from secretariat.evaluation.service import EvaluationService, Ranking, ScoreCell
from secretariat.office.roles import Permission
from ui import strings
from ui.evaluation import wording
from ui.evaluation.score_dialogs import AmendmentDialog, JuryScoreDialog, ScoreSourceDialog
from ui.evaluation.scores_model import ScoresModel
from ui.office.attribution import hold_to_user
from ui.office.gate import why_not
from ui.rtl import rtl
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.search_box import SearchBox
from ui.widgets.table_setup import configure_table
from ui.widgets.wrapping_header import WRAPPED_CENTRE, WrappingHeader

CELL_PADDING = 20  # pixels a cell's text needs besides its own width


class ScoresTab(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(
        self,
        evaluations: EvaluationService,
        parent: QWidget | None = None,
        *,
        office: Secretariat | None = None,
    ):
        """``office``: the desk whose signed-in role says who may score and amend (None: anyone)."""
        super().__init__(parent)
        self._evaluations = evaluations
        self._office = office
        self.last_evaluator = ""
        self.search_box = SearchBox(wording.SCORES_SEARCH)
        self.only_missing = QCheckBox(wording.ONLY_MISSING)
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.model = ScoresModel(self)
        self.search_box.searchChanged.connect(self.model.set_search)
        self.only_missing.toggled.connect(self.model.set_only_missing)
        self.table = QTableView()
        self.table.setObjectName("listTable")
        self.header = WrappingHeader(self.table)
        self.table.setHorizontalHeader(self.header)
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.header.setDefaultAlignment(WRAPPED_CENTRE)  # the criteria's names wrap
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Activated: double-clicked, or Enter pressed on the current cell.
        self.table.activated.connect(self.open_cell)
        self.model.modelReset.connect(self._fit_columns)
        tools = QHBoxLayout()
        tools.addWidget(self.search_box, 1)
        tools.addWidget(self.only_missing)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.empty_state = EmptyState(self.table, self._empty_message)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def show_ranking(self, ranking: Ranking) -> None:
        kept = self.table.currentIndex()
        agency = self.model.standing(kept.row()).agency_id if kept.isValid() else None
        self.model.show_ranking(ranking)
        published = ranking.evaluation.published
        self.hint.setText(rtl(wording.SCORES_HINT_PUBLISHED if published else wording.SCORES_HINT_DRAFT))
        self.only_missing.setVisible(not published)
        if agency is not None and (row := self.model.row_of_agency(agency)) is not None:
            self.table.setCurrentIndex(self.model.index(row, kept.column()))

    def _fit_columns(self) -> None:
        """The columns are the year's criteria: their widths are set again for each evaluation shown,
        wide enough for an amended score with its original beside it."""
        metrics = self.table.fontMetrics()
        for at, column in enumerate(self.model.columns):
            self.header.setSectionResizeMode(at, QHeaderView.ResizeMode.Interactive)
            if column.width is None:
                continue
            widest = 0
            if self.model.criterion_at(at) is not None:
                widest = max(
                    (metrics.horizontalAdvance(column.display(s)) for s in self.model.records()), default=0
                )
            self.table.setColumnWidth(at, max(column.width, widest + CELL_PADDING))
        self.header.fit_height()

    def _empty_message(self) -> EmptyMessage:
        if self.only_missing.isChecked() and not self.search_box.text().strip():
            return EmptyMessage(wording.ALL_RECORDED)
        if self.model.filtered():
            return EmptyMessage(
                wording.SCORES_NO_MATCH,
                actions=(EmptyAction(strings.CLEAR_FILTERS, self.clear_filters, "clear"),),
            )
        return EmptyMessage(wording.SCORES_NONE)

    def clear_filters(self) -> None:
        self.only_missing.setChecked(False)
        self.search_box.clear()
        self.search_box.flush()

    def selected_agency(self) -> tuple[int, str] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        standing = self.model.standing(index.row())
        return standing.agency_id, standing.agency

    # -- a cell --------------------------------------------------------------------------------------

    def cell_dialog(self, index: QModelIndex | QPersistentModelIndex) -> QDialog | None:
        """What a double-click on ``index`` opens, not yet shown (None on the agency, total, rank, tier)."""
        ranking = self.model.ranking
        if ranking is None or not index.isValid():
            return None
        standing, criterion = self.model.cell_at(index)
        cell = standing.cells.get(criterion.id) if criterion is not None else None
        if criterion is None or cell is None:
            return None
        evaluation = ranking.evaluation
        # Published, any score is amended (who may); else a computed one shows where it came from.
        why = self._why_not(Permission.PUBLISH if evaluation.published else Permission.EDIT)
        if evaluation.published and not why:
            amendment = AmendmentDialog(self._evaluations, evaluation.year, standing, criterion, self)
            if self._office is not None:
                hold_to_user(amendment.by, self._office)
            return amendment
        if criterion.source.computed:
            return ScoreSourceDialog(standing, criterion, cell, self)
        if why:
            self.message.emit(why)  # in the status bar: why nothing opens
            return None
        return JuryScoreDialog(
            self._evaluations,
            evaluation.year,
            standing,
            criterion,
            jury_rule=evaluation.jury_rule,
            evaluator=self.last_evaluator,
            parent=self,
        )

    def _why_not(self, permission: Permission) -> str:
        """Why this desk's role may not do what needs ``permission`` ("" when it may)."""
        return why_not(self._office, permission) if self._office is not None else ""

    def open_cell(self, index: QModelIndex | QPersistentModelIndex) -> None:
        dialog = self.cell_dialog(index)
        if dialog is None:
            return
        standing = self.model.standing(index.row())
        column = index.column()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if isinstance(dialog, JuryScoreDialog) and isinstance(dialog.saved, ScoreCell):
            self.last_evaluator = dialog.evaluator.text().strip()
            self.message.emit(
                wording.JURY_SAVED.format(evaluator=self.last_evaluator, agency=standing.agency)
            )
        elif isinstance(dialog, AmendmentDialog):
            self.message.emit(wording.AMENDED.format(agency=standing.agency))
        # The table was read again on the save's announcement: the same cell, current again.
        row = self.model.row_of_agency(standing.agency_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, column))
            self.table.scrollTo(self.table.currentIndex())
