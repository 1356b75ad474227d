"""What the tabs of the meeting window share: the meeting shown, a note on
why a tab is read-only, tables, and running a change through the core.

A tab never keeps the meeting's data on its own: after a change it says so
(``changed``) and the window reloads the meeting and shows it in every tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QWidget

from secretariat.errors import DomainError
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.records import MeetingDetail, MeetingRecord
from secretariat.members.agencies import AgencyQuery
from ui import messages, strings
from ui.rtl import rtl
from ui.services import Services
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.table_setup import configure_table, select_row


class MeetingTab(QWidget):
    changed = Signal(str)  # saved; the message for the status bar
    message = Signal(str)  # nothing changed, but there is something to say

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._detail: MeetingDetail | None = None
        self._next_id: int | None = None
        self.lock_note = QLabel()
        self.lock_note.setObjectName("note")
        self.lock_note.setWordWrap(True)
        self.lock_note.hide()

    @property
    def detail(self) -> MeetingDetail:
        assert self._detail is not None, "show_detail() first"
        return self._detail

    @property
    def meeting(self) -> MeetingRecord:
        return self.detail.meeting

    def show_detail(self, detail: MeetingDetail) -> None:
        self._detail = detail
        self._refresh()

    def has_unsaved_changes(self) -> bool:
        return False

    # -- for subclasses ----------------------------------------------------------

    def _refresh(self) -> None:
        raise NotImplementedError

    def _set_lock(self, text: str) -> None:
        self.lock_note.setText(rtl(text))
        self.lock_note.setVisible(bool(text))

    def _lock_when_closed(self, finalized_text: str) -> None:
        """Say why nothing can change here: the meeting is cancelled, or its minutes final."""
        status = self.meeting.status
        if status is MeetingStatus.CANCELLED:
            self._set_lock(strings.MEETING_IS_CANCELLED)
        else:
            self._set_lock(finalized_text if status is MeetingStatus.FINALIZED else "")

    def _table(self, model: RecordTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        configure_table(view)
        return view

    @staticmethod
    def _selected(view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows()
        # Every table of a meeting tab shows a RecordTableModel (_table).
        return cast(RecordTableModel, view.model()).record(rows[0].row()) if rows else None

    def select_next(self, record_id: int) -> None:
        """Select this record (just saved) once the window has reloaded the meeting."""
        self._next_id = record_id

    def _kept_id(self, view: QTableView) -> int | None:
        """The record to select after a reload: one just saved, else the one selected."""
        if self._next_id is not None:
            record_id, self._next_id = self._next_id, None
            return record_id
        record = self._selected(view)
        return record.id if record is not None else None

    @staticmethod
    def _reselect(view: QTableView, record_id: int | None) -> None:
        model = cast(RecordTableModel, view.model())
        row = model.row_of(record_id) if record_id is not None else None
        if row is None and model.rowCount():
            row = 0
        if row is not None:
            select_row(view, row)

    def _pr_managers(self) -> dict[int, str]:
        """Each agency's current PR manager: who attends for it unless told otherwise."""
        rows = self._services.agencies.page(AgencyQuery(include_inactive=True), limit=None)
        return {row.id: row.pr_manager for row in rows if row.pr_manager}

    def _attempt(self, action: Callable[[], object]) -> bool:
        """Run a change; a refusal from the core is shown in Persian, nothing is saved."""
        try:
            action()
        except DomainError as error:
            messages.warn(self, error.message)
            return False
        return True

    def _run(self, dialog: QDialog) -> Any:
        """Show a form dialog; what it saved once accepted, else None."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return getattr(dialog, "saved", None)
