"""People as a lazily paged table; search and order come from the database."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from secretariat.members.people import PeopleService, PersonQuery, PersonRow, PersonSort
from ui import strings
from ui.widgets.paged_table_model import PagedTableModel

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonColumn(IntEnum):
    NAME = 0
    CURRENT_ROLES = 1
    MOBILE = 2
    EMAIL = 3


_SORT_BY_COLUMN = {
    PersonColumn.NAME: PersonSort.NAME,
    PersonColumn.MOBILE: PersonSort.MOBILE,
    PersonColumn.EMAIL: PersonSort.EMAIL,
}


class PeopleTableModel(PagedTableModel):
    def __init__(self, people: PeopleService, parent=None):
        super().__init__(strings.PEOPLE_COLUMNS, people, PersonQuery(), _SORT_BY_COLUMN, parent)

    person_id = PagedTableModel.item_id

    def _cell(self, row: PersonRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column != PersonColumn.CURRENT_ROLES:
                return None
            return (row.full_name, row.current_roles, row.mobile, row.email)[column]
        if role == PERSON_ID_ROLE:
            return row.id
        return None
