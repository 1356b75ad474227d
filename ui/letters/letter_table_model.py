"""The register of letters as a lazily paged table, filtered and sorted by the database
(``LetterService.page``).

A voided letter stays in its place, struck through and greyed, and its
«پاسخ» cell says «باطل» (in words, not by colour alone; that cell is not
struck, so it reads). For a letter that asks for an answer (a follow-up
letter, a reminder, a communication) the cell says whether it came, or for
how many days it has not: in red once past the council's days.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont

from secretariat.letters.register import LetterQuery, LetterRow, LetterService, LetterSort
from secretariat.persian import jalali
from ui.letters import wording
from ui.letters.letter_format import (
    asks_for_answer,
    direction_label,
    number_text,
    unanswered_text,
    waiting_days,
)
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel

VOIDED_GREY = QColor("#8a8f98")
VOIDED_RED = QColor("#b3261e")
LATE_RED = QColor("#b3261e")
ANSWERED_GREEN = QColor("#2f7d4f")


def _struck(row: LetterRow) -> QFont | None:
    if not row.voided:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _greyed(row: LetterRow) -> QColor | None:
    return VOIDED_GREY if row.voided else None


def _column(
    key: str,
    title: str,
    display: Callable[[LetterRow], str],
    width: int,
    sort: LetterSort,
    *,
    tooltip: Callable[[LetterRow], str | None] | None = None,
) -> Column[LetterRow]:
    """A column whose cells a voided letter strikes through and greys."""
    return Column(
        key, title, display, width=width, sort=sort, tooltip=tooltip, foreground=_greyed, font=_struck
    )


def answer_text(row: LetterRow) -> str:
    if row.voided:
        return wording.VOIDED
    if not asks_for_answer(row.direction, row.kind):
        return ""
    return wording.ANSWERED if row.answered else unanswered_text(row.date)


class LetterTableModel(PagedTableModel):
    def __init__(self, letters: LetterService, parent: QObject | None = None) -> None:
        super().__init__(letters, LetterQuery(), parent)
        self.answer_days = letters.answer_days()
        # The columns know the council's days (the «پاسخ» cell turns red past them).
        self.columns: tuple[Column[LetterRow], ...] = (
            _column(
                "number", wording.COLUMN_NUMBER, lambda row: number_text(row.number), 120, LetterSort.NUMBER
            ),
            _column(
                "date", wording.COLUMN_DATE, lambda row: jalali.format_short(row.date), 95, LetterSort.DATE
            ),
            _column(
                "direction",
                wording.COLUMN_DIRECTION,
                lambda row: direction_label(row.direction),
                90,
                LetterSort.DIRECTION,
                tooltip=lambda row: row.kind.label,
            ),
            _column("party", wording.COLUMN_PARTY, lambda row: row.party, 230, LetterSort.PARTY),
            Column(
                "subject",
                wording.COLUMN_SUBJECT,
                lambda row: " ".join(row.subject.split()),
                stretch=True,
                sort=LetterSort.SUBJECT,
                tooltip=lambda row: row.subject,
                foreground=_greyed,
                font=_struck,
            ),
            _column(
                "concerns", wording.COLUMN_CONCERNS, lambda row: row.concerns.label, 110, LetterSort.CONCERNS
            ),
            Column("answer", wording.COLUMN_ANSWER, answer_text, width=120, foreground=self._answer_colour),
        )

    def _answer_colour(self, row: LetterRow) -> QColor | None:
        if row.voided:
            return VOIDED_RED
        if not asks_for_answer(row.direction, row.kind):
            return None
        if row.answered:
            return ANSWERED_GREEN
        return LATE_RED if waiting_days(row.date) > self.answer_days else None

    def filter_by(self, filters: LetterQuery) -> None:
        """Show the rows ``filters`` selects; the search text and the order stay as they are."""
        current = self.query
        self._set_query(
            replace(filters, search=current.search, sort=current.sort, descending=current.descending)
        )
