"""The «ارزیابی روابط عمومی‌ها» section: one year's evaluation of the member agencies' PR units.

The head chooses the year (or begins a new one), says whether it is a draft
(and how many jury scores are missing) or published (by whom, when), and
holds the publish and print buttons. Under it three tabs: the setup
(criteria, tiers, rules, exclusions), the score table, and the ranking.

Printing is not done here: the page asks for it with a signal
(``ranking_print_requested``, ``scorecards_print_requested``,
``certificates_print_requested``) that the main window connects to the
reports.

The page reads the year's ranking again when the evaluation changes, and,
while it is a draft, when the records its computed scores are counted from
change (agencies, meetings, resolutions, monthly reports). A published
evaluation is frozen: records changed later change nothing in it. Hidden,
the page waits until it is shown to read again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.evaluation.service import EvaluationRecord, Ranking
from secretariat.office.roles import Permission
from secretariat.persian.text import format_int, to_persian_digits
from ui.evaluation import wording
from ui.evaluation.ranking_tab import RankingTab
from ui.evaluation.score_dialogs import timestamp
from ui.evaluation.scores_tab import ScoresTab
from ui.evaluation.setup_tab import SetupTab
from ui.evaluation.year_dialogs import NewEvaluationDialog, PublishDialog
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.status_badge import show_status

NEW_YEAR = 0  # the year list's «ارزیابی سال تازه…»
EMPTY_HINT_WIDTH = 540
DRAFT_COLOUR = "#b26a00"
PUBLISHED_COLOUR = "#2f7d4f"
# The records a draft's computed scores are counted from (fields of secretariat.changes.Changes).
COUNTED_RECORDS = ("agencies", "meetings", "resolutions", "followups", "monthly", "indicators")


class EvaluationView(QWidget):
    message = Signal(str)  # what was just done, for the status bar
    ranking_print_requested = Signal(int)  # the year
    scorecards_print_requested = Signal(int, int)  # the year, and one agency's id or 0 for all
    certificates_print_requested = Signal(int)  # the year

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._year: int | None = None
        self.ranking: Ranking | None = None
        self._stale = False
        self.setup = SetupTab(services)
        self.scores = ScoresTab(services.evaluations, office=services)
        self.ranking_tab = RankingTab()
        for tab in (self.setup, self.scores):
            tab.message.connect(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.setup, wording.TAB_SETUP)
        self.tabs.addTab(self.scores, wording.TAB_SCORES)
        self.tabs.addTab(self.ranking_tab, wording.TAB_RANKING)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.addLayout(self._head())
        layout.addWidget(self.pages, 1)
        services.changes.evaluations_changed.connect(self._on_evaluation_changed)
        services.changes.changed.connect(self._on_records_changed)
        self.reload()
        guard(services, Permission.EDIT, self.new_button)
        guard(services, Permission.PUBLISH, self.publish_button)

    # -- building ---------------------------------------------------------------------------

    def _head(self) -> QHBoxLayout:
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(90)
        self.year_combo.activated.connect(self._year_chosen)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        self.status_line = QLabel()
        self.status_line.setObjectName("fieldHint")
        self.publish_button = QPushButton(wording.PUBLISH)
        self.publish_button.setObjectName("primaryButton")
        self.publish_button.setToolTip(wording.PUBLISH_TIP)
        self.publish_button.clicked.connect(self.publish)
        self.print_ranking_button = QPushButton(wording.PRINT_RANKING)
        self.print_ranking_button.clicked.connect(self._print_ranking)
        self.print_scorecards_button = QPushButton(wording.PRINT_SCORECARDS)
        menu = QMenu(self.print_scorecards_button)
        self.scorecards_all_action = menu.addAction(wording.SCORECARDS_ALL)
        self.scorecards_all_action.triggered.connect(lambda: self._print_scorecards(0))
        self.scorecards_one_action = menu.addAction(wording.SCORECARDS_ONE_NONE)
        self.scorecards_one_action.triggered.connect(self._print_selected_scorecard)
        menu.aboutToShow.connect(self._name_selected_scorecard)
        self.print_scorecards_button.setMenu(menu)
        self.print_certificates_button = QPushButton(wording.PRINT_CERTIFICATES)
        self.print_certificates_button.clicked.connect(self._print_certificates)
        self.year_label = QLabel(wording.YEAR_LABEL)
        head = QHBoxLayout()
        head.addWidget(self.year_label)
        head.addWidget(self.year_combo)
        head.addSpacing(6)
        head.addWidget(self.status_chip)
        head.addWidget(self.status_line)
        head.addStretch(1)
        for button in (
            self.publish_button,
            self.print_ranking_button,
            self.print_scorecards_button,
            self.print_certificates_button,
        ):
            head.addWidget(button)
        return head

    def _empty_page(self) -> QWidget:
        page = QWidget()
        text = QLabel(wording.EMPTY)
        text.setObjectName("emptyStateText")
        hint = QLabel(rtl(wording.EMPTY_HINT))
        hint.setObjectName("emptyStateHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFixedWidth(EMPTY_HINT_WIDTH)  # a wrapped label needs its width to know its height
        self.new_button = QPushButton(wording.NEW_EVALUATION)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_evaluation)
        # In a row of its own, between stretches: a wrapped label given its place by an alignment
        # is not asked its height at its width, and came out cut.
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(hint)
        hint_row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(hint_row)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def focus_search(self) -> None:
        """Ctrl+F: the agencies of the score table."""
        if self.pages.currentWidget() is self.tabs:
            self.tabs.setCurrentWidget(self.scores)
            self.scores.focus_search()

    # -- the year -----------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return self._year

    def show_year(self, year: int) -> None:
        self._year = year
        self.reload()

    def _fill_years(self, years: tuple[int, ...]) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(wording.YEAR_ITEM.format(year=to_persian_digits(year)), year)
        if years:
            self.year_combo.insertSeparator(self.year_combo.count())
        self.year_combo.addItem(wording.NEW_YEAR_ITEM, NEW_YEAR)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(self._year)))
        self.year_combo.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        year = self.year_combo.itemData(index)
        if year == NEW_YEAR:
            self.new_evaluation()
        elif year != self._year:
            self.show_year(year)

    def new_evaluation(self) -> EvaluationRecord | None:
        dialog = NewEvaluationDialog(self._services.evaluations, self)
        created = dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog.saved, EvaluationRecord)
        if not created:
            self._fill_years(self._services.evaluations.years())  # the year shown stays chosen
            return None
        assert isinstance(dialog.saved, EvaluationRecord)
        self.tabs.setCurrentWidget(self.setup)
        self.show_year(dialog.saved.year)
        self.message.emit(wording.CREATED.format(year=to_persian_digits(dialog.saved.year)))
        return dialog.saved

    # -- reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        years = self._services.evaluations.years()
        if self._year not in years:
            self._year = years[0] if years else None
        self._fill_years(years)
        if self._year is None:
            self.ranking = None
            self.pages.setCurrentIndex(0)
            self._show_status()
            return
        self.ranking = self._services.evaluations.ranking(self._year)
        self.pages.setCurrentWidget(self.tabs)
        self.setup.show_evaluation(self.ranking.evaluation)
        self.scores.show_ranking(self.ranking)
        self.ranking_tab.show_ranking(self.ranking)
        self._show_status()

    def _show_status(self) -> None:
        ranking = self.ranking
        shown = ranking is not None
        for widget in (
            self.year_label,
            self.year_combo,
            self.status_chip,
            self.status_line,
            self.publish_button,
            self.print_ranking_button,
            self.print_scorecards_button,
            self.print_certificates_button,
        ):
            widget.setVisible(shown)
        if ranking is None:
            return
        evaluation = ranking.evaluation
        parts = []
        if evaluation.published:
            show_status(self.status_chip, wording.STATUS_PUBLISHED, PUBLISHED_COLOUR)
            parts.append(
                wording.LINE_PUBLISHED.format(
                    by=evaluation.published_by, when=timestamp(evaluation.published_at)
                )
            )
            amendments = sum(len(cell.amendments) for s in ranking.standings for cell in s.cells.values())
            if amendments:
                parts.append(wording.LINE_AMENDMENTS.format(count=format_int(amendments)))
        else:
            show_status(self.status_chip, wording.STATUS_DRAFT, DRAFT_COLOUR)
            missing = ranking.missing
            parts.append(
                wording.LINE_MISSING.format(count=format_int(missing)) if missing else wording.LINE_COMPLETE
            )
        parts.append(wording.LINE_PARTICIPANTS.format(count=format_int(len(ranking.standings))))
        self.status_line.setText(rtl(wording.LINE_SEPARATOR.join(parts)))
        self.publish_button.setVisible(not evaluation.published)
        self.print_certificates_button.setEnabled(evaluation.published)
        self.print_certificates_button.setToolTip(
            "" if evaluation.published else wording.CERTIFICATES_AFTER_PUBLISHING
        )

    def _on_evaluation_changed(self) -> None:
        self._read_when_shown()

    def _on_records_changed(self, changes: Changes) -> None:
        if changes.evaluations or changes.everything:
            return  # heard as evaluations_changed
        draft = self.ranking is not None and not self.ranking.evaluation.published
        # A published year keeps its scores; its agencies' names are read as they are now.
        if changes.touches("agencies") or (draft and changes.touches(*COUNTED_RECORDS)):
            self._read_when_shown()

    def _read_when_shown(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- publishing and printing --------------------------------------------------------------------

    def publish_dialog(self) -> PublishDialog | None:
        if self.ranking is None or self.ranking.evaluation.published:
            return None
        dialog = PublishDialog(self._services.evaluations, self.ranking.evaluation.year, self)
        hold_to_user(dialog.by, self._services)
        return dialog

    def publish(self) -> None:
        dialog = self.publish_dialog()
        year = self._year
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(wording.PUBLISHED.format(year=to_persian_digits(year)))

    def _selected_agency(self) -> tuple[int, str] | None:
        if self.tabs.currentWidget() is self.ranking_tab:
            return self.ranking_tab.selected_agency()
        return self.scores.selected_agency()

    def _name_selected_scorecard(self) -> None:
        selected = self._selected_agency()
        self.scorecards_one_action.setEnabled(selected is not None)
        self.scorecards_one_action.setText(
            wording.SCORECARDS_ONE.format(agency=selected[1]) if selected else wording.SCORECARDS_ONE_NONE
        )

    def _print_ranking(self) -> None:
        if self._year is not None:
            self.ranking_print_requested.emit(self._year)

    def _print_scorecards(self, agency_id: int) -> None:
        if self._year is not None:
            self.scorecards_print_requested.emit(self._year, agency_id)

    def _print_selected_scorecard(self) -> None:
        selected = self._selected_agency()
        if selected is not None:
            self._print_scorecards(selected[0])

    def _print_certificates(self) -> None:
        if self._year is not None and self.ranking is not None and self.ranking.evaluation.published:
            self.certificates_print_requested.emit(self._year)
