"""The «دفتر نامه‌ها» section: every letter issued and received, one searchable register.

Filtered by the database: words of the number, party and subject (folded, as
typed), the Jalali year, the direction, the agency, what the letter
concerns, and the letters awaiting an answer past the council's days (the
home page's line opens the register on those: ``show_query``). Sorted by a
click on a header, the newest first to begin with. A double-click (or
«نمایش نامه») opens the letter's window, one per letter; «ثبت نامه
وارده…» records a letter received; «الگوی شماره…» sets the number patterns.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import DomainError
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import Concerns, LetterQuery, LetterRecord
from secretariat.office.roles import Permission
from secretariat.persian.text import format_int
from ui import messages, strings
from ui.letters import wording
from ui.letters.incoming_dialog import IncomingLetterDialog
from ui.letters.letter_format import number_text
from ui.letters.letter_table_model import LetterTableModel
from ui.letters.letter_window import LetterWindow
from ui.letters.patterns_dialog import PatternsDialog
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.services import Services
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, fill_years
from ui.widgets.list_section import ListSection
from ui.widgets.window_registry import WindowRegistry


class LettersView(ListSection):
    SEARCH_PLACEHOLDER = wording.SEARCH_PLACEHOLDER
    ADD = wording.RECORD_INCOMING
    FOUND, NONE = wording.FOUND, wording.NONE
    ADDED = wording.LETTER_RECORDED
    SAVED = ""
    EMPTY, EMPTY_HINT = wording.EMPTY, wording.EMPTY_HINT
    NO_MATCH = wording.NO_MATCH

    # A row shows its letter, and whether an answer came (a letter received, voided).
    RELOAD_ON = ("letters",)

    model: LetterTableModel

    # A resolution a letter is about (id, meeting id): its follow-up window, which the register keeps.
    open_followup = Signal(int, int)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(LetterTableModel(services.letters), parent=parent)
        self._services = services
        self.windows: WindowRegistry[LetterWindow] = WindowRegistry()
        self.add_button.setToolTip(wording.RECORD_INCOMING_TIP)
        self.edit_button.setText(wording.OPEN_LETTER)
        self.patterns_button = QPushButton(wording.PATTERNS_BUTTON)
        self.patterns_button.setToolTip(wording.PATTERNS_TIP)
        self.patterns_button.clicked.connect(self.edit_patterns)

        self.direction_filter = choice_box(
            [(wording.ALL_DIRECTIONS, ""), (wording.OUTGOING, OUT), (wording.INCOMING, IN)]
        )
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(8)
        self.agency_filter = AgencyCombo(services.agencies)
        cast(QLineEdit, self.agency_filter.lineEdit()).setPlaceholderText(wording.ALL_AGENCIES)  # editable
        self.agency_filter.setMinimumContentsLength(22)
        self.concerns_filter = choice_box(
            [(wording.ALL_CONCERNS, "")] + [(concerns.label, concerns.value) for concerns in Concerns]
        )
        self.awaiting_filter = QCheckBox()
        self._show_answer_days()
        self.clear_button = QPushButton(strings.CLEAR_FILTERS)
        self.clear_button.clicked.connect(self.clear_filters)
        self._fill_years()
        for combo in (self.direction_filter, self.year_filter, self.concerns_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        # Typing part of a name leaves the filter off until it names an agency.
        self.agency_filter.currentTextChanged.connect(lambda _text: self._apply_filters())
        self.awaiting_filter.toggled.connect(self._apply_filters)
        self.search_box.searchChanged.connect(lambda _text: self._update_clear())
        self._listen(services.changes)

        second_row = QHBoxLayout()
        second_row.addWidget(self.agency_filter)
        second_row.addWidget(self.concerns_filter)
        second_row.addSpacing(12)
        second_row.addWidget(self.awaiting_filter)
        second_row.addStretch(1)
        second_row.addWidget(self.clear_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(second_row)
        body_layout.addWidget(self._table_area(), 1)
        self._lay_out(body, filters=[self.direction_filter, self.year_filter], buttons=[self.patterns_button])
        guard(services, Permission.EDIT, self.add_button, self.patterns_button)
        self.table.sortByColumn(self.model.column("date"), Qt.SortOrder.DescendingOrder)
        self._update_clear()

    # -- filters ---------------------------------------------------------------------------

    def _fill_years(self) -> None:
        fill_years(self.year_filter, list(self._services.letters.years()), strings.ALL_YEARS)

    def _show_answer_days(self) -> None:
        days = format_int(self.model.answer_days)
        self.awaiting_filter.setText(wording.AWAITING_FILTER.format(days=days))
        self.awaiting_filter.setToolTip(wording.AWAITING_FILTER_TIP.format(days=days))

    def filters(self) -> LetterQuery:
        """What the filter boxes select (without the search text and the order)."""
        return LetterQuery(
            year=self.year_filter.currentData(),
            direction=self.direction_filter.currentData() or None,
            agency_id=self.agency_filter.agency_id(),
            concerns=self.concerns_filter.currentData() or None,
            awaiting_answer=self.awaiting_filter.isChecked(),
        )

    def show_query(self, query: LetterQuery) -> None:
        """Show the register filtered by ``query`` (its order aside): for links from elsewhere."""
        widgets = (
            self.direction_filter,
            self.year_filter,
            self.agency_filter,
            self.concerns_filter,
            self.awaiting_filter,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.direction_filter.setCurrentIndex(max(0, self.direction_filter.findData(query.direction or "")))
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(query.year)))
        self.agency_filter.set_agency_id(query.agency_id)
        self.concerns_filter.setCurrentIndex(max(0, self.concerns_filter.findData(query.concerns or "")))
        self.awaiting_filter.setChecked(query.awaiting_answer)
        for widget in widgets:
            widget.blockSignals(False)
        self.search_box.setText(query.search)
        self.search_box.flush()
        self._apply_filters()

    def _filtered(self) -> bool:
        return super()._filtered() or self.filters() != LetterQuery()

    def clear_filters(self) -> None:
        self.show_query(LetterQuery())

    def _apply_filters(self) -> None:
        self._update_clear()
        self.model.filter_by(self.filters())

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self._filtered())

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("letters"):
            self._fill_years()  # a letter in a year not listed yet
        if changes.touches("council"):  # the days after which a letter awaits its answer
            self.model.answer_days = self._services.letters.answer_days()
            self._show_answer_days()
            if not changes.touches(*self.RELOAD_ON):
                self._reload()  # the «پاسخ» cells turn red after those days
        super()._on_changes(changes)

    # -- recording, opening ----------------------------------------------------------------

    def _secretary(self) -> str:
        council = self._services.council.get()
        return council.secretary if council else ""

    def _form(self, item_id: int | None) -> FormDialog:
        dialog = IncomingLetterDialog(self._services, recorded_by=self._secretary(), parent=self)
        hold_to_user(dialog.recorded_by, self._services)
        return dialog

    def _name(self, record: LetterRecord) -> str:
        return number_text(record.number)

    def add(self) -> None:
        """Record a letter received; the filters make way for it if they would hide it."""
        if not self.add_button.isEnabled():  # greyed out for this role
            return
        record = self._run(self._form(None))
        if record is None:
            return
        if not self.select(record.id):
            self.clear_filters()
            self.model.wait_for_reads()
            self.select(record.id)
        self.message.emit(self.ADDED.format(name=self._name(record)))

    def edit_selected(self) -> None:
        letter_id = self.selected_id()
        if letter_id is not None:
            self.open_letter(letter_id)

    def open_letter(self, letter_id: int) -> LetterWindow | None:
        """The letter's window (one per letter), shown and raised."""
        return self.windows.show(letter_id, lambda: self._make_window(letter_id))

    def _make_window(self, letter_id: int) -> LetterWindow | None:
        try:
            window = LetterWindow(self._services, letter_id, self.window())
        except DomainError as error:
            messages.warn(self, error.message)
            return None
        window.message.connect(self.message)
        window.letter_requested.connect(self.open_letter)
        window.followup_requested.connect(self.open_followup)
        return window

    def edit_patterns(self) -> bool:
        dialog = PatternsDialog(self._services.letters, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.message.emit(wording.PATTERNS_SAVED)
        return True
