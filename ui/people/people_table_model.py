"""People as a lazily paged table; search and order come from the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from secretariat.members.people import PeopleService, PersonQuery, PersonRow, PersonSort
from ui import strings
from ui.rtl import phone_text
from ui.widgets.columns import Column
from ui.widgets.paged_table_model import PagedTableModel

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _current_roles(row: PersonRow) -> str:
    return row.current_roles


class PeopleTableModel(PagedTableModel):
    columns: tuple[Column[PersonRow], ...] = (
        Column(
            "name", strings.PEOPLE_COLUMN_NAME, lambda row: row.full_name, width=220, sort=PersonSort.NAME
        ),
        # Several roles at several agencies: the tooltip shows what the column cuts off.
        Column(
            "current_roles",
            strings.PEOPLE_COLUMN_CURRENT_ROLES,
            _current_roles,
            stretch=True,
            tooltip=_current_roles,
        ),
        Column(
            "mobile",
            strings.PEOPLE_COLUMN_MOBILE,
            lambda row: phone_text(row.mobile),
            width=140,
            sort=PersonSort.MOBILE,
        ),
        Column("email", strings.PEOPLE_COLUMN_EMAIL, lambda row: row.email, width=220, sort=PersonSort.EMAIL),
    )

    def __init__(self, people: PeopleService, parent: QObject | None = None) -> None:
        super().__init__(people, PersonQuery(), parent)

    person_id = PagedTableModel.item_id

    def _row_data(self, row: PersonRow, role: int) -> Any:
        return row.id if role == PERSON_ID_ROLE else None
