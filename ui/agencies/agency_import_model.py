"""The rows of a sheet of agencies as the import would take them: a table of the preview.

The preview is in hand (``AgencyImportService.preview``), at most a few
thousand rows, in the sheet's order; the model holds it and can show only
the rows with errors.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from secretariat.members.agency_import import PreviewRow, RowStatus, SheetPreview
from secretariat.persian.jalali import format_short
from secretariat.persian.text import to_persian_digits
from ui import strings
from ui.rtl import phone_text, rtl
from ui.widgets.columns import Column
from ui.widgets.record_table_model import RecordTableModel

STATUS_COLOURS = {
    RowStatus.NEW: QColor("#067647"),
    RowStatus.EXISTING: QColor("#475467"),
    RowStatus.ERROR: QColor("#b42318"),
}
ERROR_BACKGROUND = QColor("#fef3f2")


def _status_colour(row: PreviewRow) -> QColor:
    return STATUS_COLOURS[row.status]


def _manager(row: PreviewRow) -> str:
    return row.manager.full_name if row.manager else ""


def _mobile(row: PreviewRow) -> str:
    return phone_text(row.manager.mobile) if row.manager and row.manager.mobile else ""


def _action(row: PreviewRow) -> str:
    return rtl(row.action)


class AgencyImportModel(RecordTableModel):
    columns: tuple[Column[PreviewRow], ...] = (
        Column("row", strings.IMPORT_COLUMN_ROW, lambda row: to_persian_digits(row.number), width=52),
        Column(
            "status",
            strings.IMPORT_COLUMN_STATUS,
            lambda row: row.status.label,
            width=64,
            foreground=_status_colour,
        ),
        Column(
            "name", strings.AGENCY_COLUMN_NAME, lambda row: row.name, width=240, tooltip=lambda row: row.name
        ),
        Column(
            "category",
            strings.AGENCY_COLUMN_CATEGORY,
            lambda row: row.category.label if row.category else "",
            width=110,
        ),
        Column("pr_manager", strings.AGENCY_COLUMN_PR_MANAGER, _manager, width=150),
        Column("mobile", strings.IMPORT_COLUMN_MOBILE, _mobile, width=110),
        Column(
            "joined_on", strings.AGENCY_COLUMN_JOINED_ON, lambda row: format_short(row.joined_on), width=90
        ),
        Column("action", strings.IMPORT_COLUMN_ACTION, _action, stretch=True, tooltip=_action),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: SheetPreview | None = None
        self._errors_only = False

    def set_preview(self, preview: SheetPreview | None) -> None:
        self._preview = preview
        self._show()

    def set_errors_only(self, errors_only: bool) -> None:
        self._errors_only = errors_only
        self._show()

    def preview_row(self, row: int) -> PreviewRow:
        record: PreviewRow = self.record(row)
        return record

    def _show(self) -> None:
        rows = self._preview.rows if self._preview else ()
        if self._errors_only:
            rows = tuple(row for row in rows if row.status is RowStatus.ERROR)
        self.set_records(rows)

    def _row_data(self, record: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and record.status is RowStatus.ERROR:
            return ERROR_BACKGROUND
        return None
