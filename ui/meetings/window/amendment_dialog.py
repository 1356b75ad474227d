"""Amend finalized minutes: a resolution's text or deadline, or an agenda
item's summary, with the reason and the author. The original stays as it
was; the amendment is kept beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from secretariat.meetings.minutes import MinutesService
from secretariat.meetings.records import AgendaItemRecord, AmendmentRecord, ResolutionRecord
from ui import strings
from ui.meetings.meeting_format import due_text
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit, text_box
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit


class _AmendmentDialog(FormDialog):
    def __init__(self, minutes: MinutesService, author: str, parent: QWidget | None):
        super().__init__(strings.AMENDMENT_TITLE, parent, save_text=strings.AMENDMENT_TITLE)
        self._minutes = minutes
        self.setMinimumWidth(620)
        self._author_default = author

    def _add_reason_and_author(self, form: str) -> None:
        self.reason = self.form.add_field(
            "reason", strings.AMEND_REASON, line_edit(strings.AMEND_REASON_PLACEHOLDER)
        )
        self.author = self.form.add_field("author", strings.AMEND_AUTHOR, line_edit())
        self.author.setText(self._author_default)
        self.form.limit_texts(form)

    def _current(self, text: str) -> QLabel:
        label = QLabel(rtl(text))
        label.setObjectName("detailValue")
        label.setWordWrap(True)
        return label


class ResolutionAmendmentDialog(_AmendmentDialog):
    """``saved`` is the ``AmendmentRecord`` once accepted."""

    def __init__(
        self,
        minutes: MinutesService,
        resolution: ResolutionRecord,
        *,
        author: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(minutes, author, parent)
        self._resolution = resolution
        self.set_intro(strings.AMEND_RESOLUTION_INTRO.format(code=resolution.display_code))
        self.text_choice = QRadioButton(strings.AMEND_TEXT_CHOICE)
        self.due_choice = QRadioButton(strings.AMEND_DUE_CHOICE)
        self.text_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.text_choice)
        group.addButton(self.due_choice)
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text_choice)
        row.addWidget(self.due_choice)
        row.addStretch(1)
        self.form.add_row(choices)
        self.current_text = self.form.add_field(
            "current_text", strings.AMEND_CURRENT, self._current(resolution.current_text)
        )
        self.text = self.form.add_field("text", strings.AMEND_NEW_TEXT, text_box(4))
        self.text.setPlainText(resolution.current_text)
        self.current_due = self.form.add_field(
            "current_due", strings.AMEND_CURRENT, self._current(due_text(resolution))
        )
        self.due_date = self.form.add_field(
            "due_date", strings.AMEND_NEW_DUE, JalaliDateEdit(side=DateSide.FUTURE)
        )
        self._add_reason_and_author("MinutesService.amend_resolution")
        self.due_choice.toggled.connect(self._show_choice)
        self._show_choice()
        self.text.setFocus()

    def amending_text(self) -> bool:
        return self.text_choice.isChecked()

    def _show_choice(self) -> None:
        text = self.amending_text()
        for key in ("current_text", "text"):
            self.form.set_field_visible(key, text)
        for key in ("current_due", "due_date"):
            self.form.set_field_visible(key, not text)
        self.form.set_errors({})
        self.adjustSize()

    def save(self) -> AmendmentRecord:
        version = self._resolution.version
        if self.amending_text():
            return self._minutes.amend_resolution(
                self._resolution.id,
                reason=self.reason.text(),
                author=self.author.text(),
                text=self.text.toPlainText(),
                expected_version=version,
            )
        return self._minutes.amend_resolution(
            self._resolution.id,
            reason=self.reason.text(),
            author=self.author.text(),
            due_date=self.due_date.text(),
            expected_version=version,
        )

    def reload(self) -> None:
        """The text and deadline in force now (another desk amended them); amend again from there."""
        resolution = self._resolution = self._minutes.resolution(self._resolution.id)
        self.current_text.setText(rtl(resolution.current_text))
        self.text.setPlainText(resolution.current_text)
        self.current_due.setText(rtl(due_text(resolution)))
        self.due_date.setDate(None)
        self.changes.remember()


class SummaryAmendmentDialog(_AmendmentDialog):
    """``saved`` is the ``AmendmentRecord`` once accepted."""

    def __init__(
        self,
        minutes: MinutesService,
        item: AgendaItemRecord,
        current: str,
        *,
        author: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(minutes, author, parent)
        self._item = item
        self.set_intro(strings.AMEND_ITEM_INTRO.format(title=item.title))
        self.summary = self.form.add_field("summary", strings.AMEND_NEW_SUMMARY, text_box(5))
        self.summary.setPlainText(current)
        self._add_reason_and_author("MinutesService.amend_item_summary")
        self.summary.setFocus()

    def save(self) -> AmendmentRecord:
        return self._minutes.amend_item_summary(
            self._item.id,
            summary=self.summary.toPlainText(),
            reason=self.reason.text(),
            author=self.author.text(),
        )
