"""One letter of the register, in a window of its own.

The top says what the letter is: its number and date, kind, party, subject,
attachments, the sender's own number and date for one received, what it
concerns, who recorded it, and once voided, who voided it, when and why.
Under it: the resolutions it is about (a double-click asks for the
resolution's follow-up window), the letter it answers or the answers it got
(a double-click asks for that letter's window), and the PDF as issued or
the scan received, opened or saved from here. «ابطال…» voids a letter not
void yet: it asks the reason in a dialog, and the letter stays, struck
through.

The window reloads when the register changes, wherever the change was made,
and closes if its letter is gone (a restore).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.changes import Changes
from secretariat.errors import DomainError, NotFoundError
from secretariat.letters.numbering import OUT
from secretariat.letters.register import LetterRecord, LinkedResolution
from secretariat.meetings import content
from secretariat.office.roles import Permission
from secretariat.persian import jalali
from secretariat.persian.text import format_int, to_persian_digits
from ui import desktop, messages, strings
from ui.audit import wording as audit_wording
from ui.audit.record_history import RecordHistoryDialog, show_history
from ui.letters import wording
from ui.letters.letter_format import direction_label, number_text
from ui.letters.void_dialog import VoidLetterDialog
from ui.meetings.meeting_format import timestamp
from ui.office.attribution import hold_to_user
from ui.office.gate import guard
from ui.rtl import isolated, rtl
from ui.services import Services
from ui.widgets import file_choice
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.status_badge import show_status
from ui.widgets.table_setup import configure_table

WINDOW_SIZE = (820, 640)
VOIDED_COLOUR = "#b3261e"
LETTER_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkedResolutionModel(RecordTableModel):
    columns: tuple[Column[LinkedResolution], ...] = (
        Column("code", wording.COLUMN_CODE, lambda r: r.display_code, width=110),
        Column(
            "text",
            wording.COLUMN_TEXT,
            lambda r: " ".join(r.text.split()),
            stretch=True,
            tooltip=lambda r: r.text,
        ),
        Column("status", wording.COLUMN_STATUS, lambda r: r.status.label, width=110),
    )


def _touches_letters(changes: Changes, _letter_id: int) -> bool:
    return changes.touches("letters")


class LetterWindow(QDialog):
    message = Signal(str)  # what was just done, for the main window's status bar
    letter_requested = Signal(int)  # a letter it answers or an answer: its window
    followup_requested = Signal(int, int)  # a resolution it is about (id, meeting id): its follow-up

    def __init__(self, services: Services, letter_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("letterWindow")
        self._services = services
        self.letter_id = letter_id
        self.letter: LetterRecord | None = None

        self.heading = QLabel()
        self.heading.setObjectName("meetingTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusChip")
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.heading)
        head.addWidget(self.status_label)
        head.addStretch(1)

        self._facts = QFormLayout()
        self._facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.date_caption = self._caption("")
        self.party_caption = self._caption("")
        self.date = self._fact(self.date_caption)
        self.kind = self._fact(self._caption(wording.FIELD_KIND))
        self.party = self._fact(self.party_caption)
        self.subject = self._fact(self._caption(wording.FIELD_SUBJECT))
        self.attachments = self._fact(self._caption(wording.FIELD_ATTACHMENTS))
        self.theirs = self._fact(self._caption(wording.FIELD_THEIRS))
        self.concerns = self._fact(self._caption(wording.FIELD_CONCERNS))
        self.recorded = self._fact(self._caption(wording.FIELD_RECORDED))
        self.voided = self._fact(self._caption(wording.FIELD_VOIDED))
        self.voided.setObjectName("voidedNote")

        header = QWidget()
        header.setObjectName("meetingHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QVBoxLayout(header)
        header_layout.addLayout(head)
        header_layout.addLayout(self._facts)

        self.resolutions_model = LinkedResolutionModel(self)
        self.resolutions_table = QTableView()
        self.resolutions_table.setModel(self.resolutions_model)
        configure_table(self.resolutions_table)
        self.resolutions_table.setToolTip(wording.RESOLUTIONS_HINT)
        self.resolutions_table.doubleClicked.connect(lambda index: self._ask_followup(index.row()))
        self.resolutions_title = self._section_title(wording.RESOLUTIONS_TITLE)

        self.links_title = self._section_title("")
        self.links = QListWidget()
        self.links.setObjectName("letterLinks")
        self.links.itemActivated.connect(self._ask_letter)
        self.links.itemDoubleClicked.connect(self._ask_letter)

        self.document_caption = self._caption("")
        self.document_name = QLabel()
        self.open_button = QPushButton(wording.OPEN_FILE)
        self.save_button = QPushButton(wording.SAVE_FILE)
        self.open_button.clicked.connect(self.open_document)
        self.save_button.clicked.connect(lambda: self.save_document())
        document = QHBoxLayout()
        document.addWidget(self.document_caption)
        document.addWidget(self.document_name, 1)
        document.addWidget(self.open_button)
        document.addWidget(self.save_button)

        self.void_button = QPushButton(wording.VOID)
        self.void_button.setToolTip(wording.VOID_TIP)
        self.void_button.clicked.connect(self.void)
        self.close_button = QPushButton(strings.CLOSE)
        self.close_button.clicked.connect(self.close)
        self.history_button = QPushButton(audit_wording.HISTORY_BUTTON)
        self.history_button.setToolTip(audit_wording.HISTORY_BUTTON_TIP)
        self.history_button.clicked.connect(self.show_changes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        guard(services, Permission.EDIT, self.void_button)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(document)
        layout.addWidget(self.resolutions_title)
        layout.addWidget(self.resolutions_table, 2)
        layout.addWidget(self.links_title)
        layout.addWidget(self.links, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, *WINDOW_SIZE)

        services.changes.changed.connect(self._on_changes)
        self.reload()

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setObjectName("fieldLabel")
        return caption

    @staticmethod
    def _section_title(text: str) -> QLabel:
        title = QLabel(text)
        title.setObjectName("panelTitle")
        return title

    def _fact(self, caption: QLabel) -> QLabel:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._facts.addRow(caption, value)
        return value

    def _show_fact(self, label: QLabel, text: str) -> None:
        label.setText(rtl(text))
        self._facts.setRowVisible(label, bool(text))

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the letter and its links again; NotFoundError if it is gone."""
        letters = self._services.letters
        letter = letters.get(self.letter_id)
        self.letter = letter
        outgoing = letter.direction == OUT
        number = number_text(letter.number)
        self.setWindowTitle(wording.WINDOW_TITLE.format(number=number))
        self.heading.setText(
            rtl((wording.HEADING_OUT if outgoing else wording.HEADING_IN).format(number=number))
        )
        self.status_label.setVisible(letter.voided)
        if letter.voided:
            show_status(self.status_label, wording.VOIDED, VOIDED_COLOUR)
        self.date_caption.setText(wording.FIELD_DATE_OUT if outgoing else wording.FIELD_DATE_IN)
        self.party_caption.setText(wording.FIELD_TO if outgoing else wording.FIELD_FROM)
        self._show_fact(self.date, jalali.format_long(letter.date))
        self._show_fact(self.kind, letter.kind.label)
        self._show_fact(self.party, letter.party)
        self._show_fact(self.subject, letter.subject)
        attachments = (
            wording.ATTACHMENTS_COUNT.format(count=format_int(letter.attachments))
            if letter.attachments
            else wording.ATTACHMENTS_NONE
        )
        self._show_fact(self.attachments, attachments if outgoing else "")
        self._show_fact(self.theirs, _theirs(letter))
        self._show_fact(self.concerns, self._concerns(letter))
        recorded = timestamp(letter.recorded_at)
        self._show_fact(
            self.recorded,
            wording.RECORDED.format(by=letter.recorded_by, when=recorded) if letter.recorded_by else recorded,
        )
        self._show_fact(self.voided, _voided_line(letter))
        self._show_document(letter)
        self._show_resolutions(letters.resolutions(letter.id))
        self._show_links(letter)
        self.void_button.setEnabled(not letter.voided)

    def _concerns(self, letter: LetterRecord) -> str:
        label = letter.concerns.label
        if letter.report_month is not None:
            return wording.CONCERNS_MONTH.format(concerns=label, month=letter.report_month.label)
        if letter.meeting_id is not None:
            try:
                meeting = self._services.meetings.get(letter.meeting_id)
            except NotFoundError:
                return label
            title = strings.REGISTER_MEETING.format(
                title=meeting.title, date=jalali.format_short(meeting.date)
            )
            return wording.CONCERNS_MEETING.format(concerns=label, meeting=title)
        return label

    def _show_document(self, letter: LetterRecord) -> None:
        outgoing = letter.direction == OUT
        self.document_caption.setText(wording.FIELD_DOCUMENT_OUT if outgoing else wording.FIELD_DOCUMENT_IN)
        self.document_name.setText(
            rtl(isolated(letter.document_name)) if letter.has_document else wording.NO_DOCUMENT
        )
        self.open_button.setEnabled(letter.has_document)
        self.save_button.setEnabled(letter.has_document)

    def _show_resolutions(self, resolutions: tuple[LinkedResolution, ...]) -> None:
        # The texts as amended, as the follow-up window shows them.
        in_force = self._services.register.texts_in_force(r.id for r in resolutions)
        self.resolutions_model.set_records(
            [
                LinkedResolution(r.id, r.code, r.meeting_id, in_force.get(r.id, r.text), r.status)
                for r in resolutions
            ]
        )
        shown = bool(resolutions)
        self.resolutions_title.setVisible(shown)
        self.resolutions_table.setVisible(shown)

    def _show_links(self, letter: LetterRecord) -> None:
        letters = self._services.letters
        self.links.clear()
        if letter.direction == OUT:
            self.links_title.setText(wording.FIELD_ANSWERED_BY)
            linked = [letters.get(answer_id) for answer_id in letter.answered_by]
        else:
            self.links_title.setText(wording.FIELD_ANSWERS)
            linked = [letters.get(letter.answers_letter_id)] if letter.answers_letter_id is not None else []
        for other in linked:
            item = QListWidgetItem(rtl(_link_line(other)))
            item.setData(LETTER_ROLE, other.id)
            if other.voided:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.links.addItem(item)
        if not linked and letter.direction == OUT:
            note = QListWidgetItem(wording.NO_ANSWER_YET)
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.links.addItem(note)
        shown = bool(linked) or letter.direction == OUT
        self.links_title.setVisible(shown)
        self.links.setVisible(shown)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("letters", "followups", "resolutions", "meetings"):
            try:
                self.reload()
            except NotFoundError:
                self.close()

    # -- links -----------------------------------------------------------------------------------

    def _ask_followup(self, row: int) -> None:
        if 0 <= row < self.resolutions_model.rowCount():
            resolution: LinkedResolution = self.resolutions_model.record(row)
            self.followup_requested.emit(resolution.id, resolution.meeting_id)

    def _ask_letter(self, item: QListWidgetItem) -> None:
        letter_id = item.data(LETTER_ROLE)
        if letter_id is not None:
            self.letter_requested.emit(letter_id)

    # -- the document ------------------------------------------------------------------------

    def open_document(self) -> bool:
        """Open the issued PDF or the scan from a private copy (see ``desktop.open_document``)."""
        letter = self.letter
        if letter is None or not letter.has_document:
            return False
        outcome, shown = desktop.open_document(
            self,
            letter.document_name,
            lambda: self._services.letters.document(letter.id)[1],
            lambda title: self.save_document(title=title),
        )
        if outcome is desktop.Outcome.OPENED:
            self.message.emit(wording.FILE_OPENED.format(name=shown))
        return outcome is desktop.Outcome.OPENED

    def save_document(self, *, title: str = wording.SAVE_FILE_TITLE) -> bool:
        letter = self.letter
        if letter is None or not letter.has_document:
            return False
        shown = content.safe_save_name(letter.document_name)
        target = file_choice.save_file(self, title, shown)
        if target is None:
            return False
        try:
            Path(target).write_bytes(self._services.letters.document(letter.id)[1])
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        except OSError as error:
            messages.warn(
                self, strings.COPY_FAILED.format(path=Path(target).name, reason=error.strerror or error)
            )
            return False
        self.message.emit(strings.COPY_SAVED.format(name=shown))
        return True

    # -- voiding ----------------------------------------------------------------------------------

    def show_changes(self) -> RecordHistoryDialog | None:
        """The letter's history: registered, voided, its document, who did it and when."""
        if self.letter is None:
            return None
        name = audit_wording.LETTER_NAME.format(number=number_text(self.letter.number))
        return show_history(self, self._services, "letter", self.letter_id, name, touches=_touches_letters)

    def void(self) -> bool:
        letter = self.letter
        if letter is None or letter.voided:
            return False
        council = self._services.council.get()
        dialog = VoidLetterDialog(
            self._services.letters, letter, by=council.secretary if council else "", parent=self
        )
        hold_to_user(dialog.by, self._services)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.message.emit(wording.LETTER_VOIDED.format(number=number_text(letter.number)))
        return True


def _theirs(letter: LetterRecord) -> str:
    number = isolated(to_persian_digits(letter.their_number)) if letter.their_number else ""
    date = jalali.format_short(letter.their_date)
    if number and date:
        return wording.THEIRS.format(number=number, date=date)
    if number:
        return wording.THEIRS_NO_DATE.format(number=number)
    return wording.THEIRS_ONLY_DATE.format(date=date) if date else ""


def _voided_line(letter: LetterRecord) -> str:
    if not letter.voided:
        return ""
    when = timestamp(letter.voided_at)
    if letter.voided_by:
        return wording.VOIDED_LINE.format(by=letter.voided_by, when=when, reason=letter.voided_reason)
    return wording.VOIDED_LINE_NO_BY.format(when=when, reason=letter.voided_reason)


def _link_line(letter: LetterRecord) -> str:
    line = wording.LINKED_LETTER.format(
        direction=direction_label(letter.direction),
        number=number_text(letter.number),
        date=jalali.format_short(letter.date),
        party=letter.party,
        subject=" ".join(letter.subject.split()),
    )
    return f"{line} ({wording.VOIDED})" if letter.voided else line
