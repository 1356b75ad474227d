"""«شماره‌گذاری جلسات» in the council form: where each series' numbers begin.

One row per series (the council's meetings, the general assembly, working
groups): the number of the first meeting recorded in the app, overall and in
its year. A series with a held meeting shows its start read-only, with the
core's reason (``SeriesNumbering.fixed_reason``), and is left out of the
draft: the core would refuse a change anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from secretariat.meetings.numbering_start import NumberingStartDraft, SeriesNumbering, field_key
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.rtl import rtl
from ui.widgets.error_form import ErrorForm
from ui.widgets.inputs import line_edit

_NUMBER_WIDTH = 72  # four Persian digits and the frame


class SeriesStartEdit(QWidget):
    """The first meeting's number overall and in its year, side by side; read-only once fixed."""

    edited = Signal()

    def __init__(self, state: SeriesNumbering, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.number = self._number_edit(state.start.number)
        self.year_number = self._number_edit(state.start.year_number)
        self.fixed_note = QLabel(rtl(state.fixed_reason))
        self.fixed_note.setObjectName("fieldHint")
        self.fixed_note.setWordWrap(True)
        self.fixed_note.setVisible(state.fixed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(strings.NUMBERING_FIRST), 0, 0)
        grid.addWidget(self.number, 0, 1)
        grid.addWidget(QLabel(strings.NUMBERING_FIRST_IN_YEAR), 0, 2)
        grid.addWidget(self.year_number, 0, 3)
        grid.setColumnStretch(4, 1)
        grid.addWidget(self.fixed_note, 1, 0, 1, 5)
        self.setFocusProxy(self.number)
        for edit in (self.number, self.year_number):
            edit.setReadOnly(state.fixed)
            edit.setFocusPolicy(Qt.FocusPolicy.NoFocus if state.fixed else Qt.FocusPolicy.StrongFocus)
            edit.textEdited.connect(lambda _text: self.edited.emit())

    def _number_edit(self, value: int) -> QLineEdit:
        edit = line_edit()
        edit.setText(to_persian_digits(value))
        edit.setFixedWidth(_NUMBER_WIDTH)
        edit.setMaxLength(8)
        return edit

    def draft(self) -> NumberingStartDraft:
        return NumberingStartDraft(self.state.start.series.value, self.number.text(), self.year_number.text())


class NumberingFields:
    """The group's heading, its hint and a row per series, added to ``form``."""

    def __init__(self, form: ErrorForm, numbering: Sequence[SeriesNumbering]):
        heading = QLabel(strings.NUMBERING_HEADING)
        heading.setObjectName("sectionHeading")
        hint = QLabel(rtl(strings.NUMBERING_HINT))
        hint.setObjectName("fieldHint")
        hint.setWordWrap(True)
        form.add_row(heading)
        form.add_row(hint)
        self.series: list[SeriesStartEdit] = []
        for state in numbering:
            edit = SeriesStartEdit(state)
            form.add_field(field_key(state.start.series), state.start.series.label, edit, changed=edit.edited)
            self.series.append(edit)

    def drafts(self) -> tuple[NumberingStartDraft, ...]:
        """The starts that may still change, as typed."""
        return tuple(edit.draft() for edit in self.series if not edit.state.fixed)
