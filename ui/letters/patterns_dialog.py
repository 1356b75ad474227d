"""«الگوی شماره نامه‌ها»: the council's number patterns, outgoing and incoming, with a live example.

Under each pattern the number the next letter would get with it, as it is
typed; a pattern the core refuses says why there instead, and the dialog
does not save until both are right (both are saved together).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from secretariat.errors import ValidationError
from secretariat.letters import numbering
from secretariat.letters.numbering import IN, OUT
from secretariat.letters.register import LetterService
from ui.letters import wording
from ui.letters.letter_format import number_text
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit


class PatternField(QWidget):
    """A pattern, and the next number under it.

    The pattern is typed left to right, as an e-mail address is: its
    placeholders are Latin words in braces, which a right-to-left line
    breaks apart and mirrors. Each reads its first part first in its own
    direction: «{seq}/ش/{year}» from the left, «۱۲/ش/۱۴۰۵» under it from the right.
    """

    def __init__(self, pattern: str, next_seq: tuple[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        self._year, self._seq = next_seq
        self.edit = line_edit(latin=True)
        self.edit.setText(pattern)
        self.example = QLabel()
        self.example.setObjectName("fieldHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.example)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _text: self.show_example())
        self.show_example()

    def text(self) -> str:
        return self.edit.text()

    def show_example(self) -> None:
        """The next number with the pattern as typed; nothing while the core would refuse it
        (the form's check then says why, beside the field)."""
        try:
            pattern = numbering.check_pattern(self.edit.text())
        except ValidationError:
            self.example.hide()  # the form's message takes its place once checked
            return
        number = numbering.format_number(pattern, seq=self._seq, year=self._year)
        self.example.setText(rtl(wording.PATTERN_EXAMPLE.format(number=number_text(number))))
        self.example.show()


class PatternsDialog(FormDialog):
    """``saved`` is the pair of patterns saved (outgoing, incoming)."""

    def __init__(self, letters: LetterService, parent: QWidget | None = None):
        super().__init__(wording.PATTERNS_TITLE, parent)
        self._letters = letters
        self.set_intro(wording.PATTERNS_INTRO)
        self.outgoing = PatternField(letters.pattern(OUT), letters.next_sequence(OUT))
        self.incoming = PatternField(letters.pattern(IN), letters.next_sequence(IN))
        for direction, label, field in (
            (OUT, wording.PATTERN_OUT, self.outgoing),
            (IN, wording.PATTERN_IN, self.incoming),
        ):
            self.form.add_field(direction, label, field, changed=field.edit.textEdited)
        self.outgoing.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> dict[str, str]:
        """Each pattern as the core checks it, as typed (the two being the same is the core's to say)."""
        errors: dict[str, str] = {}
        for direction, field in ((OUT, self.outgoing), (IN, self.incoming)):
            try:
                numbering.check_pattern(field.text())
            except ValidationError as error:
                errors[direction] = error.errors["pattern"]
        return errors

    def edit_of(self, direction: str) -> QLineEdit:
        return (self.outgoing if direction == OUT else self.incoming).edit

    def save(self) -> tuple[str, str]:
        return self._letters.set_patterns(outgoing=self.outgoing.text(), incoming=self.incoming.text())
