"""The follow-up window's tables: the log of one resolution, and its deadline history."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon

from secretariat.followup.corrections import corrects_note
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


# An entry taken back (corrected or voided): struck through and greyed, as a cancelled meeting is.
TAKEN_BACK_COLOUR = QColor("#8a8f98")
VOIDED_COLOUR = QColor("#b3261e")
CORRECTED_COLOUR = QColor("#9a6700")
CORRECTION_COLOUR = QColor("#1f7a4d")


def correction_line(entry: FollowUpRecord) -> str:
    """Who took the entry back, when and why; or which entry it corrects; "" for a plain entry."""
    if entry.withdrawal is not None:
        return entry.withdrawal.note
    if entry.corrects_date is not None:
        return corrects_note(entry.corrects_date)
    return ""


def _correction_mark(entry: FollowUpRecord) -> str:
    if entry.withdrawal is not None:
        return strings.ENTRY_VOIDED if entry.withdrawal.voided else strings.ENTRY_CORRECTED
    return strings.ENTRY_CORRECTION if entry.corrects_id is not None else ""


def _correction_colour(entry: FollowUpRecord) -> QColor | None:
    if entry.withdrawal is not None:
        return VOIDED_COLOUR if entry.withdrawal.voided else CORRECTED_COLOUR
    return CORRECTION_COLOUR if entry.corrects_id is not None else None


def _struck(entry: FollowUpRecord) -> QFont | None:
    if entry.in_force:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _greyed(entry: FollowUpRecord) -> QColor | None:
    return None if entry.in_force else TAKEN_BACK_COLOUR


def _with_correction(
    tip: Callable[[FollowUpRecord], str | None] | None = None,
) -> Callable[[FollowUpRecord], str | None]:
    """The column's own tip, then, for an entry taken back or a correction, the line that says so."""

    def give(entry: FollowUpRecord) -> str | None:
        return (
            "\n".join(part for part in (tip(entry) if tip else None, correction_line(entry)) if part) or None
        )

    return give


def _date_tip(entry: FollowUpRecord) -> str:
    return jalali.format_long(entry.date)


def _document_tip(entry: FollowUpRecord) -> str | None:
    return strings.FOLLOWUP_DOCUMENT_TIP.format(name=entry.document_name) if entry.has_document else None


class FollowUpLogModel(RecordTableModel):
    """The entries of one resolution, oldest first; a document shows with a paperclip.

    An entry corrected or voided stays, struck through and greyed, marked in
    the «اصلاح و ابطال» column; every cell's tip says who took it back, when
    and why, and a correction's which entry it corrects.
    """

    columns: tuple[Column[FollowUpRecord], ...] = (
        Column(
            "date",
            strings.FOLLOWUP_LOG_COLUMN_DATE,
            lambda entry: jalali.format_short(entry.date),
            width=95,
            tooltip=_with_correction(_date_tip),
            font=_struck,
            foreground=_greyed,
        ),
        Column(
            "kind",
            strings.FOLLOWUP_LOG_COLUMN_KIND,
            lambda entry: entry.kind.label,
            width=100,
            tooltip=_with_correction(),
            font=_struck,
            foreground=_greyed,
        ),
        Column(
            "note",
            strings.FOLLOWUP_LOG_COLUMN_NOTE,
            lambda entry: " ".join(entry.note.split()),
            stretch=True,
            tooltip=_with_correction(lambda entry: entry.note),
            font=_struck,
            foreground=_greyed,
        ),
        Column(
            "progress",
            strings.FOLLOWUP_LOG_COLUMN_PROGRESS,
            lambda entry: percent(entry.progress),
            width=75,
            alignment=Qt.AlignmentFlag.AlignCenter,
            tooltip=_with_correction(),
            font=_struck,
            foreground=_greyed,
        ),
        Column(
            "recorded_by",
            strings.FOLLOWUP_LOG_COLUMN_RECORDED_BY,
            lambda entry: entry.recorded_by,
            width=115,
            tooltip=_with_correction(),
            font=_struck,
            foreground=_greyed,
        ),
        Column(
            "correction",
            strings.FOLLOWUP_LOG_COLUMN_CORRECTION,
            _correction_mark,
            width=90,
            tooltip=_with_correction(),
            foreground=_correction_colour,
        ),
        Column(
            "document",
            strings.FOLLOWUP_DOCUMENT_COLUMN,
            lambda entry: entry.document_name,
            width=165,
            tooltip=_with_correction(_document_tip),
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
