"""Pick a person by typing part of the name: a searchable drop-down.

The matches come from ``PeopleService.page`` (folded search, Persian order,
in the database), so typing مدير or علي finds the people spelled with ی. A
picker for one purpose may offer other matches first (``PersonListModel._matches``:
the attendance sheet offers the agency's own people). As in a combo box, F4
or Alt+Down opens the list: everyone the picker offers, or those matching
what was typed; Enter or a click chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from secretariat.members.people import PeopleService, PersonQuery, PersonRecord
from ui import resources, strings
from ui.rtl import align_right
from ui.widgets.inputs import opens_list
from ui.widgets.model_index import ROOT, Index

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_LIMIT = 50
LIST_MAX_WIDTH = 520


@dataclass(frozen=True)
class PersonMatch:
    """A line of the list: who, and what is said of them after the name (their roles)."""

    person_id: int
    name: str
    detail: str = ""


class PersonListModel(QAbstractListModel):
    """Up to ``MATCH_LIMIT`` people matching a search, as "name — detail"."""

    def __init__(self, people: PeopleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._rows: list[PersonMatch] = []

    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self._rows = self._matches(text)
        self.endResetModel()

    def _matches(self, text: str, *, leaving_out: frozenset[int] = frozenset()) -> list[PersonMatch]:
        """The register's people whose name holds every word of ``text``, by their current roles."""
        rows = self._people.page(PersonQuery(search=text), limit=MATCH_LIMIT + len(leaving_out))
        found = [PersonMatch(row.id, row.full_name, row.current_roles) for row in rows]
        return [match for match in found if match.person_id not in leaving_out][:MATCH_LIMIT]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name} — {row.detail}" if row.detail else row.name
        if role == Qt.ItemDataRole.EditRole:
            return row.name  # what the field shows once picked
        if role == PERSON_ID_ROLE:
            return row.person_id
        return None


class PersonPicker(QWidget):
    """``person_id()`` is the picked person, or None; ``personChanged`` on change, ``chosen``
    when a person is chosen from the list (by Enter or a click)."""

    personChanged = Signal()
    chosen = Signal()

    def __init__(
        self,
        people: PeopleService,
        parent: QWidget | None = None,
        *,
        model: PersonListModel | None = None,
        placeholder: str = strings.APPOINT_PERSON_PLACEHOLDER,
    ):
        super().__init__(parent)
        self._people = people
        self._person_id: int | None = None
        self._picked_name = ""
        self._typed = False  # the text is the person's own typing (it narrows the list)
        self._model = model or PersonListModel(people)
        self._model.setParent(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self._completer.setMaxVisibleItems(10)
        # PySide6's stubs do not type picking a signal's overload by signature.
        self._completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        self._edit = align_right(QLineEdit())
        self._edit.setPlaceholderText(placeholder)
        self._edit.setCompleter(self._completer)
        self._edit.textEdited.connect(self._on_text_edited)
        self._edit.installEventFilter(self)
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

    def picked_name(self) -> str:
        """The name of the picked person ("" if none is picked)."""
        return self._picked_name

    def set_person(self, person: PersonRecord | None) -> None:
        if person is None:
            self.set_text("")
        else:
            self.pick(person.id, person.full_name)

    def pick(self, person_id: int, name: str) -> None:
        """Show ``name`` as the picked person ``person_id``."""
        self._edit.setText(name)
        self._typed = False
        self._set_person_id(person_id, name)

    def set_text(self, text: str) -> None:
        """Show ``text`` with nobody picked (a name typed earlier, a proposal)."""
        self._edit.setText(text)
        self._typed = False
        self._set_person_id(None, "")

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def model(self) -> PersonListModel:
        return self._model

    def completer(self) -> QCompleter:
        return self._completer

    def show_matches(self) -> None:
        """Open the list: those matching what was typed, or everyone the picker offers."""
        self._model.set_search(self._edit.text() if self._typed else "")
        self._completer.setCompletionPrefix("")
        self._open_list()
        self._edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and opens_list(event):
            self.show_matches()
            return True
        return super().eventFilter(watched, event)

    def _on_text_edited(self, text: str) -> None:
        self._typed = True
        if self._person_id is not None and text != self._picked_name:
            self._set_person_id(None, "")
        self._model.set_search(text)
        if text.strip():
            self._open_list()

    def _open_list(self) -> None:
        """The list under the field, as wide as its lines need (up to ``LIST_MAX_WIDTH``), not
        cut to the field's width: "name — roles" is longer than a name."""
        width = self._edit.width()
        popup = self._completer.popup()  # made by the completer when first asked: never None
        if popup is not None:
            frame = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width()
            width = max(width, min(LIST_MAX_WIDTH, popup.sizeHintForColumn(0) + frame))
        # Under the field's leading edge: its right edge in a right-to-left window.
        left = self._edit.width() - width if self._edit.isRightToLeft() else 0
        self._completer.complete(QRect(left, 0, width, self._edit.height()))

    def _on_activated(self, index: QModelIndex) -> None:
        self.pick(index.data(PERSON_ID_ROLE), index.data(Qt.ItemDataRole.EditRole))
        self.chosen.emit()

    def _set_person_id(self, person_id: int | None, name: str) -> None:
        changed = person_id != self._person_id
        self._person_id, self._picked_name = person_id, name
        if changed:
            self.personChanged.emit()
