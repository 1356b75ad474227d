"""The «گزارش‌های ماهانه» section: the year at a glance, agencies × the twelve Jalali months.

Filtered by year, agency category, and «only agencies with a report missing»;
each month's header counts its column and the last columns count each
agency's row. The search box finds an agency's row (it filters nothing, so the
counts stay those of the whole table).

A cell opens (double-click or Enter) the agency's month: the form to record
its report, prefilled, when nothing was ever recorded for it; otherwise the
month's dialog, with the report, its history and what can be done. The
cell's menu (right click, or the menu key) records, shows, or exempts.
«ثبت گزارش رسیده» records a report whose agency and month are chosen in the
form, «شاخص‌ها…» edits the council's indicators and the due day.

The letters, the yearly summary and the Excel export are made elsewhere:
their buttons only ask for them, by signal, with the year (and for the
reminders the month of the selected column).

The table reads again whenever the core announces a change to the monthly
reports, the indicators, the agencies or the council (its due day).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat import clock
from secretariat.changes import Changes
from secretariat.members.agencies import AgencyCategory
from secretariat.monthly.matrix import Cell, CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.monthly.reports import MonthlyReportRecord
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.collation import sorted_persian
from secretariat.persian.text import fold, format_int, search_terms, to_persian_digits
from ui import strings
from ui.monthly.indicators_dialog import IndicatorsDialog
from ui.monthly.matrix_model import (
    AGENCY_ROLE,
    COLUMN_COUNT,
    LOOKS,
    NAME_COLUMN,
    RECEIVED_COLUMN,
    FramedCellDelegate,
    MatrixModel,
    column_month,
    month_column,
)
from ui.monthly.month_dialog import MonthDialog
from ui.monthly.reason_dialogs import ExemptDialog
from ui.monthly.report_form import MonthlyReportForm
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.widgets.inputs import choice_box
from ui.widgets.model_index import Index
from ui.widgets.search_box import SearchBox

CELL_PADDING = 12  # pixels beside a cell's widest text
HEADER_PADDING = 10  # beside a header's text: its padding (the style sheet's, 3 each side) and border


def latest_due_month(year: int) -> int:
    """The month of ``year`` whose reports were due last (the one reminders are for by
    default); فروردین while none is due yet, اسفند for a year gone by."""
    current = Month.of(clock.today())
    if year < current.year:
        return 12
    if year > current.year:
        return 1
    last_ended = current.previous()
    return last_ended.month if last_ended.year == year else 1


class MonthlyView(QWidget):
    message = Signal(str)  # what was just done, for the status bar
    # What the printed reports make (connected by the main window): the reminder letters of a
    # month, the year's summary, the year in an Excel workbook.
    reminders_requested = Signal(int, int)  # year, month (1-12)
    summary_requested = Signal(int)  # year
    export_requested = Signal(int)  # year

    RELOAD_ON = ("monthly", "indicators", "agencies", "council")

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._kept: tuple[int, int] | None = None  # the current cell's agency and column, over a reload
        self._wanted_month: int | None = None  # the month to show once read (``show_year_month``)
        year = jalali.jalali_year(clock.today())
        self.model = MatrixModel(services.monthly_matrix, MatrixQuery(year), self)

        self.search_box = SearchBox(strings.MONTHLY_SEARCH_PLACEHOLDER)
        self.search_box.setMaximumWidth(260)
        self.search_box.searchChanged.connect(self.find_agency)
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(8)
        self._fill_years()
        categories = sorted_persian(AgencyCategory, key=lambda category: category.label)
        self.category_filter = choice_box(
            [(strings.MONTHLY_ALL_CATEGORIES, "")]
            + [(category.label, category.value) for category in categories]
        )
        self.only_missing = QCheckBox(strings.MONTHLY_ONLY_MISSING)
        self.year_filter.currentIndexChanged.connect(lambda _index: self._apply_filters())
        self.category_filter.currentIndexChanged.connect(lambda _index: self._apply_filters())
        self.only_missing.toggled.connect(lambda _on: self._apply_filters())

        self.record_button = QPushButton(strings.MONTHLY_RECORD_RECEIVED)
        self.record_button.setObjectName("primaryButton")
        self.record_button.setToolTip(strings.MONTHLY_RECORD_RECEIVED_TIP)
        self.record_button.clicked.connect(lambda: self.record_report())
        self.indicators_button = QPushButton(strings.MONTHLY_INDICATORS_BUTTON)
        self.indicators_button.setToolTip(strings.MONTHLY_INDICATORS_TIP)
        self.indicators_button.clicked.connect(self.edit_indicators)
        self.reminders_button = QPushButton()
        self.reminders_button.setToolTip(strings.MONTHLY_REMINDERS_TIP)
        self.reminders_button.clicked.connect(
            lambda: self.reminders_requested.emit(self.year(), self.selected_month())
        )
        self.summary_button = QPushButton(strings.MONTHLY_SUMMARY)
        self.summary_button.setToolTip(strings.MONTHLY_SUMMARY_TIP)
        self.summary_button.clicked.connect(lambda: self.summary_requested.emit(self.year()))
        self.export_button = QPushButton(strings.MONTHLY_EXPORT)
        self.export_button.setToolTip(strings.MONTHLY_EXPORT_TIP)
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.year()))

        self.table = QTableView()
        self.table.setObjectName("monthlyMatrix")
        self.table.setModel(self.model)
        self._set_up_table()
        self.table.activated.connect(self.open_cell)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._cell_menu)
        guard(services, Permission.EDIT, self.record_button)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_reminders_month())
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._after_reload)
        self.legend = QLabel(_legend())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultCount")
        self.hint = QLabel(rtl(strings.MONTHLY_HINT))
        self.hint.setObjectName("resultCount")

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.year_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.only_missing)
        filters.addSpacing(12)
        filters.addWidget(self.record_button)
        filters.addWidget(self.indicators_button)
        actions = QHBoxLayout()
        actions.addWidget(self.legend)
        actions.addStretch(1)
        for button in (self.reminders_button, self.summary_button, self.export_button):
            actions.addWidget(button)
        footer = QHBoxLayout()
        footer.addWidget(self.result_label)
        footer.addStretch(1)
        footer.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self.empty_state = EmptyState(self.table, self._empty_message)
        services.changes.changed.connect(self._on_changes)
        self.model.reload()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setItemDelegate(FramedCellDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        cells, titles = table.fontMetrics(), header.fontMetrics()
        widest = max(
            *(titles.horizontalAdvance(name) + HEADER_PADDING for name in jalali.MONTHS),
            # Later than 99 days is rare: such a cell is cut short, its tip says it whole.
            cells.horizontalAdvance(strings.MONTHLY_CELL_LATE.format(days=format_int(99))) + CELL_PADDING,
            titles.horizontalAdvance(
                strings.MONTHLY_RECEIVED_OF.format(received=format_int(200), expected=format_int(200))
            )
            + HEADER_PADDING,
        )
        count_width = max(
            titles.horizontalAdvance(text) + HEADER_PADDING
            for text in (
                strings.MONTHLY_COLUMN_RECEIVED,
                strings.MONTHLY_COLUMN_LATE,
                strings.MONTHLY_COLUMN_MISSING,
            )
        )
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in range(1, COLUMN_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, widest if column < RECEIVED_COLUMN else count_width)

    # -- filters ---------------------------------------------------------------------------------

    def year(self) -> int:
        return self.model.query().year

    def _fill_years(self) -> None:
        chosen = self.year_filter.currentData() or self.model.query().year
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        for year in self._services.monthly_matrix.years():
            self.year_filter.addItem(strings.YEAR_ITEM.format(year=to_persian_digits(year)), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(chosen)))
        self.year_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        query = MatrixQuery(
            year=self.year_filter.currentData() or self.model.query().year,
            category=self.category_filter.currentData() or None,
            only_missing=self.only_missing.isChecked(),
        )
        if query != self.model.query():
            self.model.set_query(query)

    def _filtered(self) -> bool:
        query = self.model.query()
        return bool(query.category) or query.only_missing

    def show_year_month(self, month: Month) -> None:
        """The page on ``month``'s year with its column current (the home page's monthly line)."""
        self.clear_filters()
        self._fill_years()
        index = self.year_filter.findData(month.year)
        if index >= 0:
            self.year_filter.setCurrentIndex(index)
        self._apply_filters()
        self._wanted_month = month.month
        if self.model.matrix() is not None and self.model.query().year == month.year:
            self._after_reload()

    def clear_filters(self) -> None:
        self.category_filter.setCurrentIndex(0)
        self.only_missing.setChecked(False)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def find_agency(self, text: str) -> bool:
        """Make the first agency whose name holds every word typed the current row."""
        terms = search_terms(text)
        if not terms:
            self._show_result_count()
            return False
        for row in range(self.model.rowCount()):
            name = fold(self.model.row(row).agency)
            if all(term in name for term in terms):
                self._set_current(row, self._current_column())
                self._show_result_count()
                return True
        self._show_result_count(not_found=text.strip())
        return False

    # -- the table ---------------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*self.RELOAD_ON):
            return
        if changes.touches("monthly"):
            self._fill_years()  # a report recorded for a year not offered yet
        self.model.reload()

    def _current_column(self) -> int:
        column = self.table.currentIndex().column()
        return column if column > NAME_COLUMN else month_column(latest_due_month(self.year()))

    def _set_current(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _remember_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._kept = (cast(int, index.data(AGENCY_ROLE)), index.column())

    def _after_reload(self) -> None:
        """The same cell current again (its agency may have moved); else the month asked for, or
        the month due last."""
        if self.model.rowCount():
            kept = self._kept
            row = self.model.row_of(kept[0]) if kept is not None else None
            if self._wanted_month is not None:
                self._set_current(row or 0, month_column(self._wanted_month))
            elif kept is not None and row is not None:
                self._set_current(row, kept[1])
            else:
                self.table.setCurrentIndex(self.model.index(0, month_column(latest_due_month(self.year()))))
            self._wanted_month = None
        self._show_result_count()
        self._show_reminders_month()

    def _show_result_count(self, *, not_found: str = "") -> None:
        matrix = self.model.matrix()
        if matrix is None:
            self.result_label.clear()
            return
        text = strings.MONTHLY_RESULT.format(
            count=format_int(len(matrix.rows)), due_day=format_int(matrix.due_day)
        )
        if not_found:
            text += strings.MONTHLY_NOT_FOUND.format(text=not_found)
        self.result_label.setText(rtl(text))

    def selected_month(self) -> int:
        """The month of the current cell's column, or the month due last."""
        return column_month(self.table.currentIndex().column()) or latest_due_month(self.year())

    def _show_reminders_month(self) -> None:
        name = jalali.MONTHS[self.selected_month() - 1]
        self.reminders_button.setText(strings.MONTHLY_REMINDERS.format(month=name))

    def _empty_message(self) -> EmptyMessage:
        if self.model.matrix() is None:
            return EmptyMessage(strings.MONTHLY_READING)
        if self._filtered():
            hint = strings.MONTHLY_NONE_MISSING_HINT if self.model.query().only_missing else ""
            clear = EmptyAction(strings.CLEAR_FILTERS, self.clear_filters, "clear")
            return EmptyMessage(strings.MONTHLY_NO_MATCH, hint, (clear,))
        return EmptyMessage(strings.MONTHLY_EMPTY, strings.MONTHLY_EMPTY_HINT)

    # -- a cell ----------------------------------------------------------------------------------------

    def open_cell(self, index: Index) -> None:
        cell = self.model.cell(index)
        if cell is None:
            return
        self.open_month(cast(int, index.data(AGENCY_ROLE)), cell.month)

    def open_month(self, agency_id: int, month: Month) -> None:
        """The form to record the month's report if nothing was ever recorded for it (nor an
        exemption); else the month's dialog."""
        of_month = self._services.monthly_reports.of_month(agency_id, month)
        nothing = of_month.report is None and of_month.exemption is None and not of_month.history
        if nothing and self._services.may(Permission.EDIT):
            self.record_report(agency_id, month)
            return
        self.show_month(agency_id, month)

    def show_month(self, agency_id: int, month: Month) -> None:
        dialog = MonthDialog(self._services, agency_id, month, self)
        dialog.message.connect(self.message)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def record_report(
        self, agency_id: int | None = None, month: Month | None = None
    ) -> MonthlyReportRecord | None:
        """The form of a report that arrived: prefilled with the agency and month given, or chosen
        in it; received today."""
        form = MonthlyReportForm(self._services, agency_id=agency_id, month=month, parent=self)
        try:
            if form.exec() != QDialog.DialogCode.Accepted:
                return None
            recorded = cast(MonthlyReportRecord, form.saved)  # what the form saves
        finally:
            form.deleteLater()
        self.message.emit(
            strings.MONTHLY_RECORDED_MESSAGE.format(month=recorded.month.label, agency=recorded.agency)
        )
        return recorded

    def exempt_month(self, agency_id: int, agency: str, month: Month) -> None:
        council = self._services.council.get()
        dialog = ExemptDialog(
            self._services.monthly_reports,
            agency_id,
            agency,
            month,
            by=council.secretary if council else "",
            parent=self,
        )
        hold_to_user(dialog.by, self._services)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.message.emit(strings.MONTHLY_EXEMPTED.format(month=month.label, agency=agency))
        finally:
            dialog.deleteLater()

    def cell_menu(self, index: Index) -> QMenu | None:
        """What can be done with the cell at ``index``: record, show, exempt."""
        cell: Cell | None = self.model.cell(index)
        if cell is None:
            return None
        agency_id = cast(int, index.data(AGENCY_ROLE))
        agency = self.model.row(index.row()).agency
        month = cell.month
        menu = QMenu(self)
        may_edit = self._services.may(Permission.EDIT)  # a viewer's menu only shows
        if cell.report_id is None and may_edit:
            menu.addAction(strings.MONTHLY_RECORD, lambda: self.record_report(agency_id, month))
        menu.addAction(strings.MONTHLY_SHOW_MONTH, lambda: self.show_month(agency_id, month))
        begun = month.first_day <= clock.today()
        if cell.report_id is None and cell.state is not CellState.EXEMPT and begun and may_edit:
            menu.addAction(strings.MONTHLY_EXEMPT, lambda: self.exempt_month(agency_id, agency, month))
        return menu

    def _cell_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        menu = self.cell_menu(index)
        if menu is not None:
            self.table.setCurrentIndex(index)
            menu.exec(self.table.viewport().mapToGlobal(position))
            menu.deleteLater()

    def edit_indicators(self) -> None:
        dialog = IndicatorsDialog(self._services, self)
        dialog.message.connect(self.message)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _legend() -> str:
    """The states as the cells show them, each on its tint, and what it means."""
    samples = (
        (CellState.ON_TIME, strings.MONTHLY_CELL_ON_TIME, strings.MONTHLY_LEGEND_ON_TIME),
        (CellState.LATE, strings.MONTHLY_CELL_LATE.format(days=format_int(4)), strings.MONTHLY_LEGEND_LATE),
        (CellState.MISSING, strings.MONTHLY_CELL_MISSING, strings.MONTHLY_LEGEND_MISSING),
        (CellState.NOT_DUE, strings.MONTHLY_CELL_NOT_DUE, strings.MONTHLY_LEGEND_NOT_DUE),
        (CellState.EXEMPT, strings.MONTHLY_CELL_EXEMPT, strings.MONTHLY_LEGEND_EXEMPT),
    )
    parts = []
    for state, sample, meaning in samples:
        look = LOOKS[state]
        background = f"background-color:{look.background.name()};" if look.background is not None else ""
        chip = f'<span style="color:{look.text.name()};{background}">&nbsp;{sample}&nbsp;</span>'
        parts.append(f"{chip} {meaning}")
    return "&nbsp;&nbsp;&nbsp;".join(parts)
