"""The follow-up window's tables: the log of one resolution, and its deadline history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from secretariat.followup.lifecycle import DeadlineChangeRecord, FollowUpRecord
from secretariat.meetings.deadline import deadline_text
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import resources, strings
from ui.meetings.meeting_format import timestamp
from ui.widgets.record_table_model import RecordTableModel


def percent(value: int | None) -> str:
    return "" if value is None else strings.PERCENT.format(n=format_int(value))


class FollowUpLogModel(RecordTableModel):
    """Columns: تاریخ، نوع، شرح، پیشرفت٪، ثبت‌کننده، سند (with a paperclip); oldest first."""

    DATE, KIND, NOTE, PROGRESS, RECORDED_BY, DOCUMENT = range(6)

    def __init__(self, parent=None):
        super().__init__((*strings.FOLLOWUP_LOG_COLUMNS, strings.FOLLOWUP_DOCUMENT_COLUMN), parent)
        self._paperclip = resources.icon("paperclip")

    def _cell(self, entry: FollowUpRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                jalali.format_short(entry.date),
                entry.kind.label,
                " ".join(entry.note.split()),
                percent(entry.progress),
                entry.recorded_by,
                entry.document_name,
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.DOCUMENT and entry.has_document:
            return self._paperclip
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NOTE:
                return entry.note
            if column == self.DATE:
                return jalali.format_long(entry.date)
            if column == self.DOCUMENT and entry.has_document:
                return strings.FOLLOWUP_DOCUMENT_TIP.format(name=entry.document_name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PROGRESS:
            return Qt.AlignmentFlag.AlignCenter
        return None


def previous_due(change: DeadlineChangeRecord) -> str:
    return deadline_text(change.previous_due, change.previous_next_meeting)


class DeadlineHistoryModel(RecordTableModel):
    """Columns: مهلت پیشین، مهلت تازه، دلیل، ثبت‌کننده، زمان تغییر."""

    REASON = 2

    def __init__(self, parent=None):
        super().__init__(strings.DEADLINE_COLUMNS, parent)

    def _cell(self, change: DeadlineChangeRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                previous_due(change),
                jalali.format_short(change.new_due),
                " ".join(change.reason.split()),
                change.changed_by,
                timestamp(change.changed_at),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return change.reason
        return None
