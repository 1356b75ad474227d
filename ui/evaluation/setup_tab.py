"""The setup of a year's evaluation: criteria, tiers, rules, and the agencies left out.

Everything here changes a draft only; once the evaluation is published the
tab shows the same, read-only, with a note that says why. Each change is one
call into the core, saved at once; the page reloads from the announcement
of the save, like every view of the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError
from secretariat.evaluation.criteria import Source, format_score
from secretariat.evaluation.service import CriterionRecord, EvaluationRecord
from secretariat.office.roles import Permission
from ui import messages
from ui.evaluation import wording
from ui.evaluation.criterion_dialog import CriterionDialog
from ui.evaluation.setup_dialogs import ExcludeDialog, TiersDialog
from ui.evaluation.setup_models import CriteriaModel, ExclusionsModel
from ui.office.gate import guard
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.inputs import choice_box
from ui.widgets.table_setup import configure_table, select_row

BOTTOM_HEIGHT = 150  # the tiers, rules and exclusions: seven criteria show whole above them


class SetupTab(QWidget):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._evaluation: EvaluationRecord | None = None
        self.read_only_note = QLabel(rtl(wording.READ_ONLY_NOTE))
        self.read_only_note.setObjectName("note")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self._criteria_box(), 1)
        bottom = QWidget()
        bottom.setMaximumHeight(BOTTOM_HEIGHT)  # the criteria take the rest
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._tiers_box(), 3)
        row.addWidget(self._rules_box(), 3)
        row.addWidget(self._exclusions_box(), 4)
        layout.addWidget(bottom)
        self._update_buttons()
        guard(
            services,
            Permission.EDIT,
            *(self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button),
            *(
                self.tiers_button,
                self.jury_rule,
                self.rank_by_category,
                self.exclude_button,
                self.include_button,
            ),
        )

    # -- building -------------------------------------------------------------------

    def _criteria_box(self) -> QGroupBox:
        box = QGroupBox(wording.CRITERIA_HEADING)
        self.criteria_model = CriteriaModel(self)
        self.criteria = QTableView()
        self.criteria.setObjectName("listTable")
        self.criteria.setModel(self.criteria_model)
        configure_table(self.criteria)
        self.criteria.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.criteria.doubleClicked.connect(lambda _index: self.edit_criterion())
        self.add_button = QPushButton(wording.ADD_CRITERION)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_criterion)
        self.edit_button = QPushButton(wording.EDIT_CRITERION)
        self.edit_button.clicked.connect(self.edit_criterion)
        self.remove_button = QPushButton(wording.REMOVE_CRITERION)
        self.remove_button.clicked.connect(self.remove_criterion)
        self.up_button = QPushButton(wording.MOVE_UP)
        self.up_button.clicked.connect(lambda: self.move_criterion(-1))
        self.down_button = QPushButton(wording.MOVE_DOWN)
        self.down_button.clicked.connect(lambda: self.move_criterion(+1))
        self.total = QLabel()
        self.total.setObjectName("panelTitle")
        tools = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.total)
        layout = QVBoxLayout(box)
        layout.addLayout(tools)
        layout.addWidget(self.criteria, 1)
        return box

    def _tiers_box(self) -> QGroupBox:
        box = QGroupBox(wording.TIERS_HEADING)
        self.tiers = QLabel()
        self.tiers.setWordWrap(True)
        self.tiers_button = QPushButton(wording.EDIT_TIERS)
        self.tiers_button.clicked.connect(self.edit_tiers)
        layout = QVBoxLayout(box)
        layout.addWidget(self.tiers)
        layout.addStretch(1)
        layout.addWidget(self.tiers_button)
        return box

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(wording.RULES_HEADING)
        self.jury_rule = choice_box([(wording.RULE_MEAN, "mean"), (wording.RULE_MEDIAN, "median")])
        self.jury_rule.activated.connect(
            lambda _index: self._set_rules(jury_rule=self.jury_rule.currentData())
        )
        self.rank_by_category = QCheckBox(wording.RANK_BY_CATEGORY)
        self.rank_by_category.clicked.connect(lambda checked: self._set_rules(rank_by_category=checked))
        rule = QHBoxLayout()
        rule.addWidget(QLabel(wording.JURY_RULE))
        rule.addWidget(self.jury_rule)
        rule.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(rule)
        layout.addWidget(self.rank_by_category)
        layout.addStretch(1)
        return box

    def _exclusions_box(self) -> QGroupBox:
        box = QGroupBox(wording.EXCLUSIONS_HEADING)
        self.exclusions_model = ExclusionsModel(self)
        self.exclusions = QTableView()
        self.exclusions.setObjectName("listTable")
        self.exclusions.setModel(self.exclusions_model)
        configure_table(self.exclusions)
        self.exclusions.horizontalHeader().hide()
        self.exclusions.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.no_exclusions = QLabel(wording.EXCLUSIONS_NONE)
        self.no_exclusions.setObjectName("fieldHint")
        self.exclude_button = QPushButton(wording.EXCLUDE)
        self.exclude_button.clicked.connect(self.exclude_agency)
        self.include_button = QPushButton(wording.INCLUDE)
        self.include_button.clicked.connect(self.include_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.exclude_button)
        buttons.addWidget(self.include_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.no_exclusions)
        layout.addWidget(self.exclusions, 1)
        layout.addLayout(buttons)
        return box

    # -- showing -------------------------------------------------------------------------

    def show_evaluation(self, evaluation: EvaluationRecord) -> None:
        kept = self.selected_criterion()
        self._evaluation = evaluation
        self.criteria_model.set_records(evaluation.criteria)
        if kept is not None and (row := self.criteria_model.row_of(kept.id)) is not None:
            select_row(self.criteria, row)
        self.total.setText(wording.TOTAL_MAX.format(total=format_score(evaluation.total_max)))
        tiers = [
            wording.TIER_LINE.format(name=t.name, min=format_score(t.min_score)) for t in evaluation.tiers
        ]
        self.tiers.setText(rtl(wording.TIERS_SEPARATOR.join(tiers) or wording.TIERS_NONE))
        self.jury_rule.setCurrentIndex(max(0, self.jury_rule.findData(evaluation.jury_rule)))
        self.rank_by_category.setChecked(evaluation.rank_by_category)
        self.exclusions_model.set_records(evaluation.exclusions)
        self.exclusions.setVisible(bool(evaluation.exclusions))
        self.no_exclusions.setVisible(not evaluation.exclusions)
        self.read_only_note.setVisible(evaluation.published)
        self._update_buttons()

    def _draft(self) -> EvaluationRecord | None:
        evaluation = self._evaluation
        return evaluation if evaluation is not None and not evaluation.published else None

    def selected_criterion(self) -> CriterionRecord | None:
        rows = self.criteria.selectionModel().selectedRows()
        return self.criteria_model.criterion(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        draft = self._draft() is not None
        selected = self.selected_criterion()
        row = self.criteria_model.row_of(selected.id) if selected is not None else None
        for button in (self.add_button, self.tiers_button, self.exclude_button):
            button.setVisible(draft)
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(draft)
        self.edit_button.setEnabled(selected is not None)
        self.remove_button.setEnabled(selected is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.criteria_model.rowCount() - 1)
        self.include_button.setVisible(draft)
        self.include_button.setEnabled(bool(self.exclusions.selectionModel().selectedRows()))
        self.jury_rule.setEnabled(draft)
        self.rank_by_category.setEnabled(draft)

    # -- criteria ------------------------------------------------------------------------------

    def add_criterion(self) -> CriterionDialog | None:
        return self._open_criterion(None)

    def edit_criterion(self) -> CriterionDialog | None:
        criterion = self.selected_criterion()
        return self._open_criterion(criterion) if criterion is not None else None

    def criterion_dialog(self, criterion: CriterionRecord | None) -> CriterionDialog | None:
        """The dialog that adds (``None``) or edits a criterion, not yet shown; None once published."""
        evaluation = self._draft()
        if evaluation is None:
            return None
        indicators = self._services.indicators.list()
        return CriterionDialog(self._services.evaluations, evaluation.year, indicators, criterion, self)

    def _open_criterion(self, criterion: CriterionRecord | None) -> CriterionDialog | None:
        dialog = self.criterion_dialog(criterion)
        if dialog is None:
            return None
        if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog.saved, CriterionRecord):
            said = wording.CRITERION_SAVED if criterion else wording.CRITERION_ADDED
            self.message.emit(said.format(name=dialog.saved.name))
            row = self.criteria_model.row_of(dialog.saved.id)
            if row is not None:
                select_row(self.criteria, row)
        return dialog

    def remove_criterion(self) -> None:
        criterion = self.selected_criterion()
        if criterion is None or self._draft() is None:
            return
        question = (
            wording.REMOVE_CONFIRM_JURY if criterion.source is Source.MANUAL else wording.REMOVE_CONFIRM
        )
        if not messages.confirm(self, question.format(name=criterion.name)):
            return
        if self._run(lambda: self._services.evaluations.remove_criterion(criterion.id)):
            self.message.emit(wording.CRITERION_REMOVED.format(name=criterion.name))

    def move_criterion(self, offset: int) -> None:
        criterion = self.selected_criterion()
        if criterion is not None and self._draft() is not None:
            self._run(lambda: self._services.evaluations.move_criterion(criterion.id, offset))

    # -- tiers, rules, exclusions ---------------------------------------------------------------

    def tiers_dialog(self) -> TiersDialog | None:
        evaluation = self._draft()
        if evaluation is None:
            return None
        return TiersDialog(
            self._services.evaluations, evaluation.year, evaluation.tiers, evaluation.total_max, self
        )

    def edit_tiers(self) -> None:
        dialog = self.tiers_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(wording.TIERS_SAVED)

    def _set_rules(self, *, jury_rule: str | None = None, rank_by_category: bool | None = None) -> None:
        evaluation = self._draft()
        if evaluation is None:
            return
        saved = self._run(
            lambda: self._services.evaluations.set_rules(
                evaluation.year, jury_rule=jury_rule, rank_by_category=rank_by_category
            )
        )
        if not saved:
            self.show_evaluation(evaluation)  # the choices back to what is saved

    def exclude_dialog(self) -> ExcludeDialog | None:
        evaluation = self._draft()
        if evaluation is None:
            return None
        excluded = [exclusion.agency_id for exclusion in evaluation.exclusions]
        return ExcludeDialog(
            self._services.evaluations, self._services.agencies, evaluation.year, excluded, self
        )

    def exclude_agency(self) -> None:
        dialog = self.exclude_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(wording.EXCLUDED.format(agency=dialog.agency.currentText()))

    def include_selected(self) -> None:
        evaluation = self._draft()
        rows = self.exclusions.selectionModel().selectedRows()
        if evaluation is None or not rows:
            return
        exclusion = self.exclusions_model.exclusion(rows[0].row())
        if self._run(lambda: self._services.evaluations.include(evaluation.year, exclusion.agency_id)):
            self.message.emit(wording.INCLUDED.format(agency=exclusion.agency))

    def _run(self, change: Callable[[], object]) -> bool:
        """Call ``change``; a refusal (published meanwhile, removed elsewhere) in a message box."""
        try:
            change()
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        return True
