"""The register of member agencies as a lazily paged table.

Search, the inactive filter and sorting are done by ``AgencyService`` in the
database, in Persian alphabetical order; the model never sorts in Python.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from secretariat.members.agencies import AgencyQuery, AgencyRow, AgencyService, AgencySort
from secretariat.persian.jalali import format_short
from ui import strings
from ui.widgets.paged_table_model import PagedTableModel

AGENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
INACTIVE_COLOUR = QColor("#9aa1ab")


class AgencyColumn(IntEnum):
    NAME = 0
    SHORT_NAME = 1
    CATEGORY = 2
    PR_MANAGER = 3
    PHONES = 4
    JOINED_ON = 5
    STATUS = 6


_SORT_BY_COLUMN = {
    AgencyColumn.NAME: AgencySort.NAME,
    AgencyColumn.SHORT_NAME: AgencySort.SHORT_NAME,
    AgencyColumn.CATEGORY: AgencySort.CATEGORY,
    AgencyColumn.PR_MANAGER: AgencySort.PR_MANAGER,
    AgencyColumn.PHONES: AgencySort.PHONES,
    AgencyColumn.JOINED_ON: AgencySort.JOINED_ON,
    AgencyColumn.STATUS: AgencySort.ACTIVE,
}


class AgencyTableModel(PagedTableModel):
    def __init__(self, agencies: AgencyService, parent=None):
        super().__init__(strings.AGENCY_COLUMNS, agencies, AgencyQuery(), _SORT_BY_COLUMN, parent)

    agency_id = PagedTableModel.item_id

    def set_include_inactive(self, include: bool) -> None:
        self._set_query(replace(self._query, include_inactive=include))

    def _cell(self, row: AgencyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == AgencyColumn.NAME:
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return INACTIVE_COLOUR
        if role == AGENCY_ID_ROLE:
            return row.id
        if role == ACTIVE_ROLE:
            return row.active
        return None


def _display(row: AgencyRow, column: int) -> str:
    match column:
        case AgencyColumn.NAME:
            return row.name
        case AgencyColumn.SHORT_NAME:
            return row.short_name
        case AgencyColumn.CATEGORY:
            return row.category.label
        case AgencyColumn.PR_MANAGER:
            return row.pr_manager
        case AgencyColumn.PHONES:
            return row.phones  # as typed: Latin digits stay Latin
        case AgencyColumn.JOINED_ON:
            return format_short(row.joined_on)
        case AgencyColumn.STATUS:
            return strings.ACTIVE if row.active else strings.INACTIVE
    return ""
