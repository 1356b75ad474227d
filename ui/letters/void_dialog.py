"""«ابطال نامه»: a letter voided with its reason; it stays in the register, its number taken."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretariat.letters.register import LetterRecord, LetterService
from ui.letters import wording
from ui.letters.letter_format import number_text
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box


class VoidLetterDialog(FormDialog):
    """``saved`` is the letter, voided."""

    def __init__(
        self, letters: LetterService, letter: LetterRecord, *, by: str = "", parent: QWidget | None = None
    ):
        number = number_text(letter.number)
        super().__init__(wording.VOID_TITLE.format(number=number), parent, save_text=wording.VOID_SAVE)
        self._letters = letters
        self.letter = letter
        subject = " ".join(letter.subject.split())
        self.set_intro(wording.VOID_INTRO.format(number=number, party=letter.party, subject=subject))
        self.reason = self.form.add_field("reason", wording.VOID_REASON, text_box(2))
        self.reason.setPlaceholderText(wording.VOID_REASON_PLACEHOLDER)
        self.by = self.form.add_field("by", wording.VOID_BY, line_edit())
        self.by.setText(by)
        self.form.limit_texts("LetterService.void")
        self.reason.setFocus()

    def save(self) -> LetterRecord:
        return self._letters.void(self.letter.number, reason=self.reason.toPlainText(), by=self.by.text())
