"""People as a lazily paged table; search and order come from the database."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from secretariat.people import PeopleService, PersonQuery, PersonRow, PersonSort
from ui import strings
from ui.paged_table_model import PagedTableModel

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
        super().__init__(strings.PEOPLE_COLUMNS, parent)
        self._people = people
        self._query = PersonQuery()
        self.reload()

    @property
    def query(self) -> PersonQuery:
        return self._query

    @staticmethod
    def is_sortable(column: int) -> bool:
        return column in _SORT_BY_COLUMN

    def set_search(self, text: str) -> None:
        self._set_query(replace(self._query, search=text))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = _SORT_BY_COLUMN.get(column)
        if sort is None:
            return
        self._set_query(replace(self._query, sort=sort, descending=order == Qt.SortOrder.DescendingOrder))

    def person_id(self, row: int) -> int:
        return self.row_object(row).id

    def _set_query(self, query: PersonQuery) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def _count(self) -> int:
        return self._people.count(self._query)

    def _fetch(self, offset: int, limit: int) -> list[PersonRow]:
        return self._people.page(self._query, offset=offset, limit=limit)

    def _cell(self, row: PersonRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column != PersonColumn.CURRENT_ROLES:
                return None
            return (row.full_name, row.current_roles, row.mobile, row.email)[column]
        if role == PERSON_ID_ROLE:
            return row.id
        return None
