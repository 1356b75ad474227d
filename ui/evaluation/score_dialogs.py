"""One cell of the score table: a juror's score, where a computed score came from, an amendment.

- ``JuryScoreDialog``: an evaluator's score of an agency on a jury criterion,
  with the other evaluators' entries for that cell in view (the same
  evaluator again replaces their earlier score: the core's rule);
- ``ScoreSourceDialog``: a computed score and the records it was counted
  from, read-only;
- ``AmendmentDialog``: a published score corrected, with its reason; the
  original stays beside it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from secretariat.clock import format_time
from secretariat.evaluation.criteria import format_score
from secretariat.evaluation.service import (
    JURY_RULES,
    AmendmentRecord,
    CriterionRecord,
    EvaluationService,
    JuryEntry,
    ScoreCell,
    Standing,
)
from secretariat.persian import jalali
from secretariat.persian.text import fold
from ui.evaluation import wording
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box

SOURCE_WIDTH = 560


def timestamp(value: dt.datetime | None) -> str:
    """«۱۴۰۵/۰۲/۲۰ ۱۰:۳۰»: when a year was published, a score amended."""
    return f"{jalali.format_short(value.date())} {format_time(value.time())}" if value is not None else ""


def on_cell(standing: Standing, criterion: CriterionRecord) -> str:
    """«امتیاز "اداره کل …" در معیار "ابتکار و نوآوری"، از ۱۵»: which cell a dialog is about."""
    return wording.ON_CELL.format(
        agency=standing.agency, criterion=criterion.name, max=format_score(criterion.max_score)
    )


def entry_line(entry: JuryEntry) -> str:
    note = " ".join(entry.note.split())
    if note:
        return wording.JURY_ENTRY_NOTE.format(
            evaluator=entry.evaluator, score=format_score(entry.score), note=note
        )
    return wording.JURY_ENTRY.format(evaluator=entry.evaluator, score=format_score(entry.score))


def amendment_line(amendment: AmendmentRecord) -> str:
    return wording.TIP_AMENDMENT.format(
        when=timestamp(amendment.at),
        previous=format_score(amendment.previous_score),
        score=format_score(amendment.score),
        by=amendment.by,
        reason=amendment.reason,
    )


class JuryScoreDialog(FormDialog):
    """``saved`` is the cell's ``ScoreCell`` with this score counted in."""

    def __init__(
        self,
        evaluations: EvaluationService,
        year: int,
        standing: Standing,
        criterion: CriterionRecord,
        *,
        jury_rule: str = "mean",
        evaluator: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(wording.JURY_TITLE, parent)
        self._evaluations = evaluations
        self._year = year
        self._standing = standing
        self._criterion = criterion
        cell = standing.cells.get(criterion.id)
        self._entries = cell.jury if cell is not None else ()
        self.set_intro(on_cell(standing, criterion))
        self.entries = self.form.add_row(QLabel())
        self.entries.setWordWrap(True)
        self.entries.setObjectName("fieldHint")
        if self._entries and cell is not None:
            rule = JURY_RULES.get(jury_rule, JURY_RULES["mean"])
            heading = wording.JURY_ENTRIES.format(rule=rule, score=format_score(cell.score))
            self.entries.setText("\n".join(rtl(line) for line in [heading, *map(entry_line, self._entries)]))
        else:
            self.entries.setText(rtl(wording.JURY_NO_ENTRIES))
        self.evaluator = self.form.add_field(
            "by", wording.JURY_EVALUATOR, line_edit(wording.JURY_EVALUATOR_PLACEHOLDER)
        )
        self.score = self.form.add_field(
            "score",
            wording.JURY_SCORE.format(max=format_score(criterion.max_score)),
            line_edit(f"۰ تا {format_score(criterion.max_score)}", digits=True),
        )
        self.note = self.form.add_field("note", wording.JURY_NOTE, text_box(3))
        self.replaces = self.form.add_row(QLabel())
        self.replaces.setObjectName("note")
        self.replaces.setWordWrap(True)
        self.replaces.hide()
        self.form.limit_texts("EvaluationService.score")
        self.evaluator.textChanged.connect(self._evaluator_changed)
        self.evaluator.setText(evaluator)
        (self.score if evaluator else self.evaluator).setFocus()

    def _earlier_entry(self) -> JuryEntry | None:
        typed = fold(self.evaluator.text())
        return next((entry for entry in self._entries if typed and fold(entry.evaluator) == typed), None)

    def _evaluator_changed(self) -> None:
        earlier = self._earlier_entry()
        self.replaces.setVisible(earlier is not None)
        if earlier is not None:
            self.replaces.setText(rtl(wording.JURY_REPLACES.format(score=format_score(earlier.score))))

    def save(self) -> ScoreCell:
        return self._evaluations.score(
            self._year,
            self._standing.agency_id,
            self._criterion.id,
            self.score.text(),
            by=self.evaluator.text(),
            note=self.note.toPlainText(),
        )


class ScoreSourceDialog(QDialog):
    """A computed score, its formula and what was counted: read-only."""

    def __init__(
        self, standing: Standing, criterion: CriterionRecord, cell: ScoreCell, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(wording.SOURCE_TITLE)
        # A fixed width: the wrapped lines then know their height, and the dialog is as tall as they are.
        self.setFixedWidth(SOURCE_WIDTH)
        intro = QLabel(rtl(on_cell(standing, criterion)))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        rows = QFormLayout()
        rows.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.score = QLabel(format_score(cell.score))
        self.formula = QLabel(rtl(criterion.formula))
        self.explanation = QLabel(rtl(cell.explanation))
        for label, value in (
            (wording.SOURCE_SCORE, self.score),
            (wording.SOURCE_FORMULA, self.formula),
            (wording.SOURCE_COUNTED, self.explanation),
        ):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(label)
            caption.setObjectName("fieldLabel")
            rows.addRow(caption, value)
        buttons = QDialogButtonBox()
        buttons.addButton(wording.SOURCE_CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(rows)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:
        # As tall as the wrapped lines are at the dialog's width (Qt asks at a narrower one).
        return QSize(SOURCE_WIDTH, self.heightForWidth(SOURCE_WIDTH))


class AmendmentDialog(FormDialog):
    """``saved`` is the ``AmendmentRecord``; a published score is never edited in place."""

    def __init__(
        self,
        evaluations: EvaluationService,
        year: int,
        standing: Standing,
        criterion: CriterionRecord,
        parent: QWidget | None = None,
    ):
        super().__init__(wording.AMEND_TITLE, parent, save_text=wording.AMEND_SAVE)
        self._evaluations = evaluations
        self._year = year
        self._standing = standing
        self._criterion = criterion
        cell = standing.cells[criterion.id]
        lines = [
            on_cell(standing, criterion),
            wording.AMEND_CURRENT.format(score=score_text(cell), explanation=cell.explanation),
        ]
        if cell.amendments:
            lines += [wording.AMEND_EARLIER, *map(amendment_line, cell.amendments)]
        self.set_intro("\n".join(rtl(line) for line in lines))
        self.score = self.form.add_field(
            "score",
            wording.AMEND_SCORE.format(max=format_score(criterion.max_score)),
            line_edit(f"۰ تا {format_score(criterion.max_score)}", digits=True),
        )
        self.reason = self.form.add_field("reason", wording.AMEND_REASON, line_edit())
        self.by = self.form.add_field("by", wording.AMEND_BY, line_edit())
        self.form.limit_texts("EvaluationService.amend")
        self.score.setFocus()

    def save(self) -> AmendmentRecord:
        return self._evaluations.amend(
            self._year,
            self._standing.agency_id,
            self._criterion.id,
            self.score.text(),
            reason=self.reason.text(),
            by=self.by.text(),
        )


def score_text(cell: ScoreCell) -> str:
    """What a cell shows: «۱۲٫۵», «ثبت‌نشده», or an amended score with the original «۱۵ (پیش‌تر ۱۰)»."""
    if cell.score is None:
        return wording.NOT_RECORDED
    if cell.original is not None:
        return wording.AMENDED_CELL.format(
            score=format_score(cell.score), original=format_score(cell.original)
        )
    return format_score(cell.score)
