"""The tables of the audit trail: the whole trail paged in the database, a record's history, and
the fields of one entry (before and after).

Every row reads as the core reads it (``secretariat.office.audit_text``): a
Jalali date and time, the user, the action and the kind in Persian, and a
one-line summary of what changed, whole in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from secretariat.office.audit import AuditQuery, AuditRow, AuditService
from secretariat.office.audit_text import ChangeLine, summary, when
from ui.audit import wording
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel
from ui.widgets.record_table_model import RecordTableModel


def _full_summary(row: AuditRow) -> str | None:
    return summary(row, limit=2000) or None


ENTRY_COLUMNS: tuple[Column[AuditRow], ...] = (
    Column("when", wording.COLUMN_WHEN, lambda row: when(row.at), width=125),
    Column("user", wording.COLUMN_USER, lambda row: row.who, width=130),
    Column("action", wording.COLUMN_ACTION, lambda row: row.action_label, width=100),
    Column("kind", wording.COLUMN_KIND, lambda row: row.kind_label, width=135),
    Column("summary", wording.COLUMN_SUMMARY, summary, stretch=True, tooltip=_full_summary),
)


class AuditTableModel(PagedTableModel):
    """The trail as the browser filters it, newest first, read a page at a time."""

    columns = ENTRY_COLUMNS

    def __init__(self, audit: AuditService, parent: QObject | None = None) -> None:
        super().__init__(audit, AuditQuery(), parent)

    def set_query(self, query: AuditQuery) -> None:
        self._set_query(query)


class HistoryModel(RecordTableModel):
    """One record's history, oldest first (a few dozen entries: held whole)."""

    columns = ENTRY_COLUMNS


def _tooltip_of(text: str) -> str | None:
    return text if len(text) > 40 else None


CHANGE_COLUMNS: tuple[Column[ChangeLine], ...] = (
    Column("field", wording.COLUMN_FIELD, lambda line: line.label, width=170),
    Column(
        "before",
        wording.COLUMN_BEFORE,
        lambda line: line.before,
        stretch=True,
        tooltip=lambda line: _tooltip_of(line.before),
    ),
    Column(
        "after",
        wording.COLUMN_AFTER,
        lambda line: line.after,
        stretch=True,
        tooltip=lambda line: _tooltip_of(line.after),
    ),
)
VALUE_COLUMNS: tuple[Column[ChangeLine], ...] = (
    CHANGE_COLUMNS[0],
    Column(
        "value",
        wording.COLUMN_VALUE,
        lambda line: line.after,
        stretch=True,
        tooltip=lambda line: _tooltip_of(line.after),
    ),
)


class ChangeModel(RecordTableModel):
    """The fields of one entry: before and after for a change, the values of a creation or an event."""

    columns = CHANGE_COLUMNS

    def show_lines(self, lines: list[ChangeLine]) -> None:
        self.beginResetModel()
        self.columns = CHANGE_COLUMNS if any(line.changed for line in lines) else VALUE_COLUMNS
        self._records, self._shown = dict(enumerate(lines)), {}
        self.endResetModel()
