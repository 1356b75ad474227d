"""The «افراد» section: PR managers and staff, searchable, with add and edit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from secretariat.members.people import PersonRecord
from secretariat.office.roles import Permission
from ui import strings
from ui.office.gate import guard
from ui.people.people_table_model import PeopleTableModel
from ui.people.person_dialog import PersonDialog
from ui.services import Services
from ui.widgets.empty_state import EmptyAction
from ui.widgets.list_section import ListSection


class PeopleView(ListSection):
    SEARCH_PLACEHOLDER = strings.PEOPLE_SEARCH_PLACEHOLDER
    ADD = strings.ADD_PERSON
    FOUND, NONE = strings.PEOPLE_FOUND, strings.PEOPLE_NONE
    ADDED, SAVED = strings.PERSON_ADDED, strings.PERSON_SAVED
    EMPTY, EMPTY_HINT = strings.PEOPLE_EMPTY, strings.PEOPLE_EMPTY_HINT
    NO_MATCH = strings.PEOPLE_NO_MATCH

    RELOAD_ON = ("people", "roles", "agencies")  # a person's current roles are a column

    model: PeopleTableModel

    show_agencies = Signal()  # PR managers are appointed from their agency

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(PeopleTableModel(services.people), parent=parent)
        self._people = services.people
        self._listen(services.changes)
        self._lay_out()
        guard(services, Permission.EDIT, self.add_button, self.edit_button)

    selected_person_id = ListSection.selected_id
    select_person = ListSection.select
    add_person = ListSection.add

    def _empty_actions(self) -> tuple[EmptyAction, ...]:
        return (
            EmptyAction(strings.GO_TO_AGENCIES, self.show_agencies.emit, "agencies"),
            *super()._empty_actions(),
        )

    def _form(self, person_id: int | None) -> PersonDialog:
        record = self._people.get(person_id) if person_id is not None else None
        return PersonDialog(self._people, record, parent=self)

    def _name(self, record: PersonRecord) -> str:
        return record.full_name
