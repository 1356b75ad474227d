"""«ثبت نامه وارده»: a letter received, recorded with our receipt number and linked to what it answers.

The sender is a member agency chosen from the list, or any other sender
typed in the same field (a person, another office). The letter may answer
a resolution (then it enters the resolution's follow-up log, with the
progress the agency reports), one of the secretariat's letters, or a
month's report; the field for the chosen kind shows, and for an agency
chosen it offers the agency's open resolutions and the letters sent to it.
Every refusal of the core shows beside its field (``IncomingDraft``'s keys),
the input kept; the scan is read when saving, and a file that cannot be
read or is not a PDF or an image is refused beside its own field.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from secretariat import clock
from secretariat.errors import DomainError, ValidationError
from secretariat.followup.register import ResolutionQuery
from secretariat.letters.numbering import IN, OUT, format_number, shown
from secretariat.letters.register import IncomingDraft, LetterQuery, LetterRecord
from secretariat.meetings.attachments import IncomingFile
from secretariat.persian.text import to_persian_digits
from ui.letters import wording
from ui.letters.letter_format import number_text
from ui.rtl import align_right, persian_digits_as_typed
from ui.services import Services
from ui.widgets.agency_combo import AgencyCombo
from ui.widgets.file_field import FileField
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit

# What a letter received may answer: the kind chosen, and the field that names which.
NOTHING, RESOLUTION, LETTER, MONTH = "", "resolution", "letter", "month"
ANSWER_FIELDS = {RESOLUTION: "answers_resolution", LETTER: "answers_letter", MONTH: "answers_month"}
OFFERED = 40  # the agency's open resolutions and the letters sent to it, offered in the lists


def _editable_combo(placeholder: str) -> QComboBox:
    """A list to pick from that also takes what is typed (a code or a number not offered)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line = cast(QLineEdit, combo.lineEdit())  # an editable combo has one
    persian_digits_as_typed(align_right(line))
    line.setPlaceholderText(placeholder)
    return combo


class IncomingLetterDialog(FormDialog):
    """``saved`` is the ``LetterRecord`` received."""

    def __init__(self, services: Services, *, recorded_by: str = "", parent: QWidget | None = None):
        super().__init__(wording.INCOMING_TITLE, parent, save_text=wording.INCOMING_SAVE)
        self._services = services
        year, seq = services.letters.next_sequence(IN)
        example = number_text(format_number(services.letters.pattern(IN), seq=seq, year=year))
        self.set_intro(wording.INCOMING_INTRO.format(example=example))
        form = self.form
        self.party = AgencyCombo(services.agencies)
        cast(QLineEdit, self.party.lineEdit()).setPlaceholderText(wording.INCOMING_PARTY_PLACEHOLDER)
        form.add_field("party", wording.INCOMING_PARTY, self.party, changed=self.party.currentTextChanged)
        self.their_number = form.add_field(
            "their_number",
            wording.INCOMING_THEIR_NUMBER,
            line_edit(wording.INCOMING_THEIR_NUMBER_PLACEHOLDER, digits=True),
        )
        self.their_date = form.add_field(
            "their_date", wording.INCOMING_THEIR_DATE, JalaliDateEdit(side=DateSide.PAST)
        )
        self.received_on = form.add_field("received_on", wording.INCOMING_RECEIVED_ON, JalaliDateEdit())
        self.received_on.setDate(clock.today())
        self.subject = form.add_field("subject", wording.INCOMING_SUBJECT, text_box(2))
        file_field = FileField(
            wording.INCOMING_FILE_TITLE,
            filters=wording.INCOMING_FILE_FILTER,
            placeholder=wording.INCOMING_FILE_NONE,
            clear_tip=wording.INCOMING_FILE_CLEAR_TIP,
        )
        self.file = form.add_field("file", wording.INCOMING_FILE, file_field, changed=file_field.changed)
        self.answers = form.add_field(
            "answers",
            wording.INCOMING_ANSWERS,
            choice_box(
                [
                    (wording.ANSWERS_NOTHING, NOTHING),
                    (wording.ANSWERS_RESOLUTION, RESOLUTION),
                    (wording.ANSWERS_LETTER, LETTER),
                    (wording.ANSWERS_MONTH, MONTH),
                ]
            ),
        )
        self.answers_resolution = _editable_combo(wording.INCOMING_RESOLUTION_PLACEHOLDER)
        form.add_field(
            "answers_resolution",
            wording.INCOMING_RESOLUTION,
            self.answers_resolution,
            changed=self.answers_resolution.currentTextChanged,
        )
        self.progress = form.add_field(
            "progress",
            wording.INCOMING_PROGRESS,
            line_edit(wording.INCOMING_PROGRESS_PLACEHOLDER, digits=True),
        )
        self.answers_letter = _editable_combo(wording.INCOMING_LETTER_PLACEHOLDER)
        form.add_field(
            "answers_letter",
            wording.INCOMING_LETTER,
            self.answers_letter,
            changed=self.answers_letter.currentTextChanged,
        )
        self.answers_month = form.add_field(
            "answers_month",
            wording.INCOMING_MONTH,
            line_edit(wording.INCOMING_MONTH_PLACEHOLDER, digits=True),
        )
        self.recorded_by = form.add_field("recorded_by", wording.INCOMING_RECORDED_BY, line_edit())
        self.recorded_by.setText(recorded_by)
        form.limit_texts(IncomingDraft)
        self.answers.currentIndexChanged.connect(lambda _index: self._show_answer_fields())
        self.party.currentTextChanged.connect(lambda _text: self._offer_answers())
        self._offered_for: int | None = -1  # the agency the lists were filled for: none yet
        self._offer_answers()
        self._show_answer_fields()
        self.party.setFocus()

    # -- the answer's fields --------------------------------------------------------------------

    def answer_kind(self) -> str:
        kind: str = self.answers.currentData()
        return kind

    def set_answer_kind(self, kind: str) -> None:
        self.answers.setCurrentIndex(self.answers.findData(kind))

    def _show_answer_fields(self) -> None:
        kind = self.answer_kind()
        for shown_kind, key in ANSWER_FIELDS.items():
            self.form.set_field_visible(key, kind == shown_kind)
        self.form.set_field_visible("progress", kind == RESOLUTION)

    def _offer_answers(self) -> None:
        """The agency's open resolutions and the letters sent to it (the latest letters sent to
        anyone, without an agency), offered in the lists; what is typed there stays."""
        agency_id = self.party.agency_id()
        if agency_id == self._offered_for:
            return
        self._offered_for = agency_id
        codes = (
            [
                to_persian_digits(row.code)
                for row in self._services.register.page(
                    ResolutionQuery(agency_id=agency_id, still_open=True), limit=OFFERED
                )
            ]
            if agency_id is not None
            else []
        )
        letters = self._services.letters.page(
            LetterQuery(direction=OUT, agency_id=agency_id, include_voided=False), limit=OFFERED
        )
        self._fill(self.answers_resolution, codes)
        self._fill(self.answers_letter, [shown(row.number) for row in letters])

    @staticmethod
    def _fill(combo: QComboBox, items: list[str]) -> None:
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(items)
        combo.setEditText(typed)
        combo.blockSignals(False)

    # -- saving ---------------------------------------------------------------------------------

    def draft(self, file: IncomingFile | None = None) -> IncomingDraft:
        kind = self.answer_kind()
        agency_id = self.party.agency_id()
        return IncomingDraft(
            received_on=self.received_on.text(),
            subject=self.subject.toPlainText(),
            agency_id=agency_id,
            party="" if agency_id is not None else self.party.currentText(),
            their_number=self.their_number.text(),
            their_date=self.their_date.text(),
            file=file,
            answers_resolution=self.answers_resolution.currentText() if kind == RESOLUTION else "",
            answers_letter=self.answers_letter.currentText() if kind == LETTER else "",
            answers_month=self.answers_month.text() if kind == MONTH else "",
            progress=self.progress.text() if kind == RESOLUTION else "",
            recorded_by=self.recorded_by.text(),
        )

    def save(self) -> LetterRecord:
        file: IncomingFile | None = None
        if self.file.path():
            try:
                file = self._services.letters.read_file(self.file.path())
            except DomainError as error:
                raise ValidationError({"file": error.message}) from error
        return self._services.letters.record_incoming(self.draft(file))
