"""The follow-up window's tables: the log of one resolution, and its deadline history."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from secretariat.followup.lifecycle import DeadlineChangeRecord, FollowUpRecord
from secretariat.meetings.deadline import deadline_text
from secretariat.persian import jalali
from secretariat.persian.text import format_int
from ui import resources, strings
from ui.meetings.meeting_format import timestamp
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel


def percent(value: int | None) -> str:
    return "" if value is None else strings.PERCENT.format(n=format_int(value))


@cache
def _paperclip() -> QIcon:
    # Made on first paint: an icon needs the application to exist.
    return resources.icon("paperclip")


def _date_tip(entry: FollowUpRecord) -> str:
    return jalali.format_long(entry.date)


def _document_tip(entry: FollowUpRecord) -> str | None:
    return strings.FOLLOWUP_DOCUMENT_TIP.format(name=entry.document_name) if entry.has_document else None


class FollowUpLogModel(RecordTableModel):
    """The entries of one resolution, oldest first; a document shows with a paperclip."""

    columns: tuple[Column[FollowUpRecord], ...] = (
        Column(
            "date",
            strings.FOLLOWUP_LOG_COLUMN_DATE,
            lambda entry: jalali.format_short(entry.date),
            width=95,
            tooltip=_date_tip,
        ),
        Column("kind", strings.FOLLOWUP_LOG_COLUMN_KIND, lambda entry: entry.kind.label, width=110),
        Column(
            "note",
            strings.FOLLOWUP_LOG_COLUMN_NOTE,
            lambda entry: " ".join(entry.note.split()),
            stretch=True,
            tooltip=lambda entry: entry.note,
        ),
        Column(
            "progress",
            strings.FOLLOWUP_LOG_COLUMN_PROGRESS,
            lambda entry: percent(entry.progress),
            width=80,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            "recorded_by", strings.FOLLOWUP_LOG_COLUMN_RECORDED_BY, lambda entry: entry.recorded_by, width=140
        ),
        Column(
            "document",
            strings.FOLLOWUP_DOCUMENT_COLUMN,
            lambda entry: entry.document_name,
            width=220,
            tooltip=_document_tip,
            decoration=lambda entry: _paperclip() if entry.has_document else None,
        ),
    )


def previous_due(change: DeadlineChangeRecord) -> str:
    return deadline_text(change.previous_due, change.previous_next_meeting)


class DeadlineHistoryModel(RecordTableModel):
    columns: tuple[Column[DeadlineChangeRecord], ...] = (
        Column("previous", strings.DEADLINE_COLUMN_PREVIOUS, previous_due),
        Column("new", strings.DEADLINE_COLUMN_NEW, lambda change: jalali.format_short(change.new_due)),
        Column(
            "reason",
            strings.DEADLINE_COLUMN_REASON,
            lambda change: " ".join(change.reason.split()),
            stretch=True,
            tooltip=lambda change: change.reason,
        ),
        Column("changed_by", strings.DEADLINE_COLUMN_CHANGED_BY, lambda change: change.changed_by),
        Column("changed_at", strings.DEADLINE_COLUMN_CHANGED_AT, lambda change: timestamp(change.changed_at)),
    )
