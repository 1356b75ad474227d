"""«شاخص‌ها و مهلت گزارش»: the council's indicators of PR activity, and the day reports are due.

The indicators in the council's order, the form of a report asks for them
in: add, edit, move up or down, retire (no longer asked for; the figures
recorded stay) or bring back, and delete one added by mistake (one that a
report gave a figure for is retired instead: the core refuses, and says so).
Each action is one call to the core; the list reads again when the core
announces a change to the indicators, whoever made it.

The due day is here, not in the council's particulars: it is a setting of
the monthly reports, saved on its own (one call, one transaction), and the
council form saves the council's record and its numbering in one call that
knows nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError, ValidationError
from secretariat.monthly.indicators import IndicatorRecord
from secretariat.office.roles import Permission
from secretariat.persian.text import format_int, to_latin_digits, to_persian_digits
from ui import messages, strings
from ui.monthly.indicator_form import IndicatorForm
from ui.office.gate import guard
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.field_error import FieldError
from ui.widgets.inputs import line_edit
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.table_setup import configure_table, select_row
from ui.widgets.unsaved_changes import GuardedDialog

DIALOG_SIZE = (900, 600)
RETIRED_COLOUR = QColor("#8a95a1")


@dataclass(frozen=True)
class IndicatorLine:
    record: IndicatorRecord
    number: int | None  # its place in the form; None once retired

    @property
    def id(self) -> int:
        return self.record.id


def _greyed(line: IndicatorLine) -> QColor | None:
    return RETIRED_COLOUR if line.record.retired else None


class IndicatorTableModel(RecordTableModel):
    columns: tuple[Column[IndicatorLine], ...] = (
        Column(
            "number",
            strings.MONTHLY_INDICATOR_COLUMN_NUMBER,
            lambda line: format_int(line.number) if line.number is not None else "—",
            width=50,
            foreground=_greyed,
        ),
        Column(
            "name",
            strings.MONTHLY_INDICATOR_NAME,
            lambda line: line.record.name,
            stretch=True,
            foreground=_greyed,
        ),
        Column(
            "unit",
            strings.MONTHLY_INDICATOR_UNIT,
            lambda line: line.record.unit,
            width=90,
            foreground=_greyed,
        ),
        Column(
            "kind",
            strings.MONTHLY_INDICATOR_KIND,
            lambda line: line.record.kind.label,
            width=80,
            foreground=_greyed,
        ),
        Column(
            "required",
            strings.MONTHLY_INDICATOR_COLUMN_REQUIRED,
            lambda line: strings.MONTHLY_INDICATOR_IS_REQUIRED if line.record.required else "—",
            width=70,
            foreground=_greyed,
        ),
        Column(
            "state",
            strings.MONTHLY_INDICATOR_COLUMN_STATE,
            lambda line: (
                strings.MONTHLY_INDICATOR_RETIRED if line.record.retired else strings.MONTHLY_INDICATOR_IN_USE
            ),
            width=100,
            foreground=_greyed,
            tooltip=lambda line: strings.MONTHLY_INDICATOR_USED_TIP if line.record.used else None,
        ),
    )


def indicator_lines(records: tuple[IndicatorRecord, ...]) -> list[IndicatorLine]:
    """Those in use in the council's order, numbered as the form asks for them; then the retired."""
    in_use = [record for record in records if not record.retired]
    retired = [record for record in records if record.retired]
    return [IndicatorLine(record, number) for number, record in enumerate(in_use, start=1)] + [
        IndicatorLine(record, None) for record in retired
    ]


class IndicatorsDialog(GuardedDialog):
    message = Signal(str)  # what was just done, for the status bar

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._indicators = services.indicators
        self._stored_due_day = 0
        self.setWindowTitle(strings.MONTHLY_INDICATORS_TITLE)
        self.setModal(True)
        intro = QLabel(rtl(strings.MONTHLY_INDICATORS_INTRO))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)

        self.model = IndicatorTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(strings.MONTHLY_ADD_INDICATOR)
        self.edit_button = QPushButton(strings.EDIT)
        self.up_button = QPushButton(strings.MOVE_UP)
        self.down_button = QPushButton(strings.MOVE_DOWN)
        self.retire_button = QPushButton(strings.MONTHLY_RETIRE_INDICATOR)
        self.delete_button = QPushButton(strings.DELETE)
        self.retire_button.setToolTip(strings.MONTHLY_RETIRE_TIP)
        self.delete_button.setToolTip(strings.MONTHLY_DELETE_INDICATOR_TIP)
        self.add_button.clicked.connect(self.add_indicator)
        self.edit_button.clicked.connect(self.edit_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.retire_button.clicked.connect(self.retire_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.retire_button,
            self.delete_button,
        ):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.table, 1)
        list_row.addLayout(side)

        self.close_button = QPushButton(strings.CLOSE)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(list_row, 1)
        layout.addWidget(self._due_day_box())
        layout.addLayout(closing)
        services.changes.indicators_changed.connect(self.reload)
        # Whether an indicator is used (retired, never deleted) changes as reports are recorded.
        services.changes.monthly_changed.connect(lambda _agency_id: self.reload())
        services.changes.council_changed.connect(self._show_due_day)
        self.reload()
        self._show_due_day()
        fit_to_screen(self, *DIALOG_SIZE)
        guard(
            services,
            Permission.EDIT,
            *(self.add_button, self.edit_button, self.up_button, self.down_button),
            *(self.retire_button, self.delete_button, self.save_due_day_button),
        )

    def _due_day_box(self) -> QGroupBox:
        box = QGroupBox(strings.MONTHLY_DUE_DAY_BOX)
        self.due_day = line_edit(digits=True)
        self.due_day.setMaxLength(2)
        self.due_day.setFixedWidth(60)
        self.due_day.returnPressed.connect(self.save_due_day)
        self.due_day.textEdited.connect(lambda _text: self._show_due_day_error(""))
        self.save_due_day_button = QPushButton(strings.MONTHLY_SAVE_DUE_DAY)
        self.save_due_day_button.setAutoDefault(False)
        self.save_due_day_button.clicked.connect(self.save_due_day)
        self.due_day_error = FieldError()
        hint = QLabel(rtl(strings.MONTHLY_DUE_DAY_HINT))
        hint.setObjectName("fieldHint")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(strings.MONTHLY_DUE_DAY_BEFORE))
        row.addWidget(self.due_day)
        row.addWidget(QLabel(strings.MONTHLY_DUE_DAY_AFTER))
        row.addSpacing(12)
        row.addWidget(self.save_due_day_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.due_day_error)
        layout.addWidget(hint)
        return box

    # -- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        kept = self.selected()
        self.model.set_records(indicator_lines(self._indicators.list(include_retired=True)))
        if kept is not None:
            self.select(kept.id)
        self._update_buttons()

    def select(self, indicator_id: int) -> None:
        row = self.model.row_of(indicator_id)
        if row is not None:
            select_row(self.table, row)

    def selected(self) -> IndicatorRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()).record if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        chosen = record is not None
        active = chosen and record is not None and not record.retired
        self.edit_button.setEnabled(chosen)
        self.retire_button.setEnabled(chosen)
        self.retire_button.setText(
            strings.MONTHLY_BRING_BACK_INDICATOR
            if record is not None and record.retired
            else strings.MONTHLY_RETIRE_INDICATOR
        )
        self.delete_button.setEnabled(chosen and record is not None and not record.used)
        row = self.table.selectionModel().selectedRows()[0].row() if chosen else -1
        in_use = sum(1 for line in self.model.records() if not line.record.retired)
        self.up_button.setEnabled(active and row > 0)
        self.down_button.setEnabled(active and row < in_use - 1)

    # -- actions ---------------------------------------------------------------------------------

    def add_indicator(self) -> IndicatorRecord | None:
        form = IndicatorForm(self._indicators, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        added = form.saved
        assert isinstance(added, IndicatorRecord)  # what the form saves
        self.select(added.id)
        self.message.emit(strings.MONTHLY_INDICATOR_ADDED.format(name=added.name))
        return added

    def edit_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        form = IndicatorForm(self._indicators, record, parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.message.emit(strings.MONTHLY_INDICATOR_SAVED.format(name=record.name))

    def move_selected(self, offset: int) -> None:
        record = self.selected()
        if record is not None and not record.retired:
            self._attempt(lambda: self._indicators.move(record.id, offset))

    def retire_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if self._attempt(lambda: self._indicators.retire(record.id, not record.retired)):
            text = (
                strings.MONTHLY_INDICATOR_BROUGHT_BACK
                if record.retired
                else strings.MONTHLY_INDICATOR_RETIRED_MESSAGE
            )
            self.message.emit(text.format(name=record.name))

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if not record.used and not messages.confirm(
            self, strings.MONTHLY_CONFIRM_DELETE_INDICATOR.format(name=record.name)
        ):
            return
        if self._attempt(lambda: self._indicators.delete(record.id)):
            self.message.emit(strings.MONTHLY_INDICATOR_DELETED.format(name=record.name))

    def _attempt(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        return True

    # -- the due day -------------------------------------------------------------------------------

    def _show_due_day(self) -> None:
        self._stored_due_day = self._services.council_settings.monthly_due_day()
        self.due_day.setText(to_persian_digits(self._stored_due_day))
        self._show_due_day_error("")

    def _show_due_day_error(self, message: str) -> None:
        self.due_day_error.show_message(message)
        if self.due_day.property("invalid") != bool(message):
            self.due_day.setProperty("invalid", bool(message))
            self.due_day.style().unpolish(self.due_day)
            self.due_day.style().polish(self.due_day)

    def save_due_day(self) -> bool:
        try:
            day = self._services.council_settings.set_monthly_due_day(self.due_day.text())
        except ValidationError as error:
            self._show_due_day_error(error.errors.get("due_day", ""))
            return False
        self.message.emit(strings.MONTHLY_DUE_DAY_SAVED.format(day=format_int(day)))
        return True

    def may_discard(self) -> bool:
        """A due day typed and not saved: asked before it is thrown away."""
        typed = to_latin_digits(self.due_day.text()).strip()
        return typed == str(self._stored_due_day) or messages.confirm_discard(self)
