"""The register of member agencies as a lazily paged table.

Search, the inactive filter and sorting are done by ``AgencyService`` in the
database, in Persian alphabetical order; the model never sorts in Python.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from secretariat.members.agencies import AgencyQuery, AgencyRow, AgencyService, AgencySort
from secretariat.persian.jalali import format_short
from ui import strings
from ui.rtl import phone_text
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel

AGENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
INACTIVE_COLOUR = QColor("#9aa1ab")


def _name(row: AgencyRow) -> str:
    return row.name


class AgencyTableModel(PagedTableModel):
    columns: tuple[Column[AgencyRow], ...] = (
        Column("name", strings.AGENCY_COLUMN_NAME, _name, stretch=True, sort=AgencySort.NAME, tooltip=_name),
        Column(
            "short_name",
            strings.AGENCY_COLUMN_SHORT_NAME,
            lambda row: row.short_name,
            width=150,
            sort=AgencySort.SHORT_NAME,
        ),
        Column(
            "category",
            strings.AGENCY_COLUMN_CATEGORY,
            lambda row: row.category.label,
            width=130,
            sort=AgencySort.CATEGORY,
        ),
        Column(
            "pr_manager",
            strings.AGENCY_COLUMN_PR_MANAGER,
            lambda row: row.pr_manager,
            width=170,
            sort=AgencySort.PR_MANAGER,
        ),
        # As typed: Latin digits stay Latin.
        Column(
            "phones",
            strings.AGENCY_COLUMN_PHONES,
            lambda row: phone_text(row.phones),
            width=130,
            sort=AgencySort.PHONES,
        ),
        Column(
            "joined_on",
            strings.AGENCY_COLUMN_JOINED_ON,
            lambda row: format_short(row.joined_on),
            width=100,
            sort=AgencySort.JOINED_ON,
        ),
        Column(
            "status",
            strings.AGENCY_COLUMN_STATUS,
            lambda row: strings.ACTIVE if row.active else strings.INACTIVE,
            width=70,
            sort=AgencySort.ACTIVE,
        ),
    )

    def __init__(self, agencies: AgencyService, parent: QObject | None = None) -> None:
        super().__init__(agencies, AgencyQuery(), parent)

    agency_id = PagedTableModel.item_id

    def set_include_inactive(self, include: bool) -> None:
        self._set_query(replace(self._query, include_inactive=include))

    def _row_data(self, row: AgencyRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return INACTIVE_COLOUR
        if role == AGENCY_ID_ROLE:
            return row.id
        if role == ACTIVE_ROLE:
            return row.active
        return None
