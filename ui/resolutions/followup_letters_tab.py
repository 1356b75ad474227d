"""The follow-up window's letters: the register's letters about one resolution, oldest first.

Its communication (ابلاغ), the follow-up letters sent about it, and the
agencies' answers received; a voided letter stays, struck through, marked
«باطل». The window's header sums them up in one line (``letters_summary``).
A double-click asks for the letter's window (``letter_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from secretariat.letters.numbering import IN
from secretariat.letters.register import LetterKind, LetterRecord
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui.letters import wording
from ui.letters.letter_format import direction_label, number_text
from ui.widgets.columns import Column
from ui.widgets.empty_state import EmptyMessage, EmptyState
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_setup import configure_table, select_row

VOIDED_GREY = QColor("#8a8f98")


def _struck(letter: LetterRecord) -> QFont | None:
    if not letter.voided:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _greyed(letter: LetterRecord) -> QColor | None:
    return VOIDED_GREY if letter.voided else None


def _kind(letter: LetterRecord) -> str:
    return f"{letter.kind.label} ({wording.VOIDED})" if letter.voided else letter.kind.label


class ResolutionLettersModel(RecordTableModel):
    columns: tuple[Column[LetterRecord], ...] = (
        Column(
            "number",
            wording.COLUMN_NUMBER,
            lambda r: number_text(r.number),
            width=115,
            foreground=_greyed,
            font=_struck,
        ),
        Column(
            "date",
            wording.COLUMN_DATE,
            lambda r: jalali.format_short(r.date),
            width=90,
            foreground=_greyed,
            font=_struck,
        ),
        Column(
            "direction",
            wording.COLUMN_DIRECTION,
            lambda r: direction_label(r.direction),
            width=80,
            foreground=_greyed,
            font=_struck,
        ),
        Column("kind", wording.FIELD_KIND, _kind, width=150, foreground=_greyed),
        Column("party", wording.COLUMN_PARTY, lambda r: r.party, width=200, foreground=_greyed, font=_struck),
        Column(
            "subject",
            wording.COLUMN_SUBJECT,
            lambda r: " ".join(r.subject.split()),
            stretch=True,
            tooltip=lambda r: r.subject,
            foreground=_greyed,
            font=_struck,
        ),
    )


def letters_summary(letters: tuple[LetterRecord, ...]) -> str:
    """«ابلاغ با نامه ۱۲/ش/۱۴۰۵ مورخ ۱۴۰۵/۰۸/۰۱، ۲ نامه پیگیری، ۱ پاسخ»; voided letters left out
    (the communication's date is its latest letter's)."""
    in_force = [letter for letter in letters if not letter.voided]
    communicated = [letter for letter in in_force if letter.kind is LetterKind.COMMUNICATION]
    parts = [wording.FOLLOWUP_NOT_COMMUNICATED]
    if communicated:
        # One letter to each responsible agency (the lead, the collaborators), issued together.
        line = wording.FOLLOWUP_COMMUNICATED_MANY if len(communicated) > 1 else wording.FOLLOWUP_COMMUNICATED
        numbers = " و ".join(number_text(letter.number) for letter in communicated)
        parts = [line.format(numbers=numbers, date=jalali.format_short(communicated[-1].date))]
    sent = sum(1 for letter in in_force if letter.kind is LetterKind.FOLLOWUP)
    answers = sum(1 for letter in in_force if letter.direction == IN)
    if sent:
        parts.append(wording.FOLLOWUP_SENT.format(count=format_int(sent)))
    if answers:
        parts.append(wording.FOLLOWUP_ANSWERS.format(count=format_int(answers)))
    return "، ".join(parts)


class FollowUpLettersTab(QWidget):
    letter_requested = Signal(int)  # a letter double-clicked: its window

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ResolutionLettersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.doubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.empty_state = EmptyState(
            self.table, EmptyMessage(wording.FOLLOWUP_LETTERS_EMPTY, wording.FOLLOWUP_LETTERS_HINT)
        )

    def set_records(self, letters: tuple[LetterRecord, ...]) -> None:
        self.model.set_records(letters)

    def _on_double_click(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < self.model.rowCount():
            select_row(self.table, row)
            self.letter_requested.emit(self.model.record(row).id)
