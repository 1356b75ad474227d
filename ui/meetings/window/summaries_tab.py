"""The minutes' account of each agenda item (خلاصه مذاکرات).

While the minutes are open, the selected item's summary is written here and
saved (also when another item is chosen). Once finalized, the summary is
shown as written in the minutes, with its amendment beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import AgendaItemRecord
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.meetings.window.amendment_dialog import SummaryAmendmentDialog
from ui.meetings.window.meeting_tab import MeetingTab
from ui.office.attribution import hold_to_user
from ui.rtl import right_to_left_box
from ui.services import Services
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.text_limits import limit_field


class SummaryModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: dict[int, str] = {}
        # The summary column shows what is being written, not yet saved.
        self.columns: tuple[Column[AgendaItemRecord], ...] = (
            Column(
                "position",
                strings.SUMMARY_COLUMN_POSITION,
                lambda item: to_persian_digits(item.position),
                width=56,
                alignment=Qt.AlignmentFlag.AlignCenter,
            ),
            Column("title", strings.SUMMARY_COLUMN_TITLE, lambda item: item.title, width=340),
            Column(
                "summary",
                strings.SUMMARY_COLUMN_SUMMARY,
                lambda item: " ".join(self.current_summary(item).split()),
                stretch=True,
            ),
        )

    def set_items(self, items: tuple[AgendaItemRecord, ...], current: dict[int, str]) -> None:
        self._current = current
        self.set_records(items)

    def current_summary(self, item: AgendaItemRecord) -> str:
        return self._current.get(item.id, item.summary)


class SummariesTab(MeetingTab):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.model = SummaryModel(self)
        self.table = self._table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty_label = QLabel(strings.NO_AGENDA)
        self.empty_label.setObjectName("emptyState")

        self.caption = QLabel()
        self.caption.setObjectName("sectionHeading")
        self.caption.setWordWrap(True)
        self.editor = QPlainTextEdit()
        right_to_left_box(self.editor)
        self.editor.setPlaceholderText(strings.SUMMARY_PLACEHOLDER)
        self.editor.textChanged.connect(self._update_buttons)
        # The core's limit for a summary, shown as one types («۲٬۸۰۰ از ۱۰٬۰۰۰»).
        self.counter = limit_field(self.editor, "AgendaService.set_summary", "summary")
        self.amended = QPlainTextEdit()
        right_to_left_box(self.amended)
        self.amended.setReadOnly(True)
        self.original_caption = QLabel(strings.SUMMARY_ORIGINAL)
        self.original_caption.setObjectName("detailCaption")
        self.amended_caption = QLabel(strings.SUMMARY_AMENDED)
        self.amended_caption.setObjectName("detailCaption")
        self.save_button = QPushButton(strings.SUMMARY_SAVE)
        self.save_button.setObjectName("primaryButton")
        self.amend_button = QPushButton(strings.AMEND)
        self.save_button.clicked.connect(self.save)
        self.amend_button.clicked.connect(self.amend)
        texts = QGridLayout()
        texts.addWidget(self.original_caption, 0, 0)
        texts.addWidget(self.amended_caption, 0, 1)
        texts.addWidget(self.editor, 1, 0)
        texts.addWidget(self.amended, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.amend_button)
        buttons.addStretch(1)
        if self.counter is not None:
            buttons.addWidget(self.counter)
        editor_area = QWidget()
        editor_layout = QVBoxLayout(editor_area)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.caption)
        editor_layout.addLayout(texts, 1)
        editor_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(editor_area)
        splitter.setSizes([220, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self._splitter = splitter
        self._shown_item: AgendaItemRecord | None = None

    # -- showing ---------------------------------------------------------------------------

    def _amended_summaries(self) -> dict[int, str]:
        amended: dict[int, str] = {}
        for amendment in self.detail.amendments:
            if amendment.agenda_item_id is not None and amendment.field == "item_summary":
                amended[amendment.agenda_item_id] = amendment.amended
        return amended

    def _refresh(self) -> None:
        kept = self._kept_id(self.table)
        self._shown_item = None
        self.model.set_items(self.detail.agenda, self._amended_summaries())
        has_items = bool(self.detail.agenda)
        self.empty_label.setVisible(not has_items)
        self._splitter.setVisible(has_items)
        status = self.meeting.status
        if status.upcoming:
            self._set_lock(strings.MINUTES_NOT_YET)
        else:
            self._lock_when_closed(strings.RESOLUTIONS_LOCKED)
        self._reselect(self.table, kept)
        self._show_item(self.selected_item())

    def selected_item(self) -> AgendaItemRecord | None:
        selected: AgendaItemRecord | None = self._selected(self.table)
        return selected

    def _writable(self) -> bool:
        return self._detail is not None and self.meeting.status is MeetingStatus.HELD

    def _show_item(self, item: AgendaItemRecord | None) -> None:
        self._shown_item = item
        finalized = self._detail is not None and self.meeting.status is MeetingStatus.FINALIZED
        self.editor.blockSignals(True)
        self.editor.setPlainText(item.summary if item else "")
        self.editor.blockSignals(False)
        self.editor.setReadOnly(not self._writable())
        self.caption.setText(strings.SUMMARY_LABEL.format(title=item.title) if item else "")
        amended = self._amended_summaries().get(item.id) if item and finalized else None
        self.amended.setPlainText(amended or "")
        for widget in (self.amended, self.amended_caption):
            widget.setVisible(amended is not None)
        self.original_caption.setVisible(amended is not None)
        self._update_buttons()

    def _on_selection_changed(self) -> None:
        if self.has_unsaved_changes():
            self.save()  # leaving an item keeps what was written for it
        item = self.selected_item()
        if item is not self._shown_item:
            self._show_item(item)

    def has_unsaved_changes(self) -> bool:
        item = self._shown_item
        return (
            item is not None
            and self._writable()
            and self.editor.toPlainText().strip() != item.summary.strip()
        )

    def _update_buttons(self) -> None:
        finalized = self._detail is not None and self.meeting.status is MeetingStatus.FINALIZED
        self.save_button.setVisible(not finalized)
        self.save_button.setEnabled(self.has_unsaved_changes())
        self.amend_button.setVisible(finalized)
        self.amend_button.setEnabled(finalized and self._shown_item is not None)

    # -- actions ---------------------------------------------------------------------------------

    def save(self) -> bool:
        item = self._shown_item
        if item is None:
            return False
        text = self.editor.toPlainText()
        if not self._attempt(lambda: self._services.agenda.set_summary(item.id, text)):
            return False
        self._shown_item = None  # saved: nothing pending while the window reloads
        self.changed.emit(strings.SUMMARY_SAVED.format(title=item.title))
        return True

    def amend(self) -> None:
        item = self._shown_item
        if item is None:
            return
        council = self._services.council.get()
        dialog = SummaryAmendmentDialog(
            self._services.minutes,
            item,
            self.model.current_summary(item),
            author=council.secretary if council else "",
            parent=self,
        )
        hold_to_user(dialog.author, self._services)
        if self._run(dialog) is not None:
            self.changed.emit(strings.AMENDMENT_SAVED)
