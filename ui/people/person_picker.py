"""Pick a person by typing part of the name: a searchable drop-down.

The matches come from ``PeopleService.page`` (folded search, Persian order,
in the database), so typing مدير or علي finds the people spelled with ی.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from secretariat.members.people import PeopleService, PersonQuery, PersonRecord, PersonRow
from ui import resources, strings
from ui.rtl import align_right
from ui.widgets.model_index import ROOT, Index

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_LIMIT = 50


class PersonListModel(QAbstractListModel):
    """Up to ``MATCH_LIMIT`` people matching a search, as "name — current roles"."""

    def __init__(self, people: PeopleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._rows: list[PersonRow] = []

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._rows = self._people.page(PersonQuery(search=text), limit=MATCH_LIMIT)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.full_name} — {row.current_roles}" if row.current_roles else row.full_name
        if role == Qt.ItemDataRole.EditRole:
            return row.full_name  # what the field shows once picked
        if role == PERSON_ID_ROLE:
            return row.id
        return None


class PersonPicker(QWidget):
    """``person_id()`` is the picked person, or None; ``personChanged`` on change."""

    personChanged = Signal()

    def __init__(self, people: PeopleService, parent: QWidget | None = None):
        super().__init__(parent)
        self._people = people
        self._person_id: int | None = None
        self._picked_name = ""
        self._model = PersonListModel(people, self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self._completer.setMaxVisibleItems(10)
        # PySide6's stubs do not type picking a signal's overload by signature.
        self._completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self._edit = align_right(QLineEdit())
        self._edit.setPlaceholderText(strings.APPOINT_PERSON_PLACEHOLDER)
        self._edit.setCompleter(self._completer)
        self._edit.textEdited.connect(self._on_text_edited)
        self._button = QToolButton()
        self._button.setIcon(resources.icon("chevron-down"))
        self._button.setToolTip(strings.SHOW_ALL_PEOPLE)
        self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button.clicked.connect(self.show_matches)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._button)
        self.setFocusProxy(self._edit)

    def person_id(self) -> int | None:
        return self._person_id

    def set_person(self, person: PersonRecord | None) -> None:
        self._edit.setText(person.full_name if person else "")
        self._set_person_id(person.id if person else None, person.full_name if person else "")

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def model(self) -> PersonListModel:
        return self._model

    def completer(self) -> QCompleter:
        return self._completer

    def show_matches(self) -> None:
        """Search with the typed text and open the list of matches."""
        self._model.set_search("" if self._person_id else self._edit.text())
        self._completer.setCompletionPrefix("")
        self._completer.complete()
        self._edit.setFocus()

    def _on_text_edited(self, text: str) -> None:
        if self._person_id is not None and text != self._picked_name:
            self._set_person_id(None, "")
        self._model.set_search(text)
        if text.strip():
            self._completer.complete()

    def _on_activated(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        name = index.data(Qt.ItemDataRole.EditRole)
        self._edit.setText(name)
        self._set_person_id(person_id, name)

    def _set_person_id(self, person_id: int | None, name: str) -> None:
        changed = person_id != self._person_id
        self._person_id, self._picked_name = person_id, name
        if changed:
            self.personChanged.emit()
