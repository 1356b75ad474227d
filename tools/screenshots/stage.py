"""What every screenshot step works on: the main window being photographed (``Stage``),
and a named step (``RenderStep``).

Its own module so that the step lists (``screenshots``, ``meeting_screenshots``,
``register_screenshots``, ``backup_screenshots``) import it and not each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from secretariat.members.agencies import AgencyRecord
from secretariat.members.council import CouncilRecord
from secretariat.members.people import RepresentationRecord

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


class Stage:
    """The main window being photographed, and the dialogs opened on it."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.services = window.services
        self._opened: list[QWidget] = []

    def open(self, widget: QWidget) -> QWidget:
        widget.show()
        widget.adjustSize()
        return self.track(widget)

    def track(self, widget: QWidget) -> QWidget:
        """Close ``widget`` once the step's picture is taken."""
        self._opened.append(widget)
        return widget

    def close_opened(self) -> None:
        for widget in reversed(self._opened):
            widget.close()
            widget.deleteLater()
        self._opened.clear()

    # -- the demo data the steps show ------------------------------------------

    def council(self) -> CouncilRecord:
        """The council of the demo database, which always has one."""
        return cast(CouncilRecord, self.services.council.get())

    def agency_with_history(self) -> int | None:
        """An agency with several people on record (else the first one)."""
        model = self.window.agencies_view.model
        ids = [model.agency_id(row) for row in range(min(model.rowCount(), 40))]
        for agency_id in ids:
            if len(self.services.people.history(agency_id)) >= 2:
                return agency_id
        return ids[0] if ids else None

    def selected_agency(self) -> AgencyRecord | None:
        view = self.window.agencies_view
        if view.selected_agency_id() is None:
            agency_id = self.agency_with_history()
            if agency_id is not None:
                view.select_agency(agency_id)
        return view.detail.agency()

    def current_representation(self) -> RepresentationRecord | None:
        agency = self.selected_agency()
        if agency is None:
            return None
        history = self.services.people.history(agency.id)
        return history[0] if history else None


@dataclass(frozen=True)
class RenderStep:
    name: str
    render: Callable[[Stage], QWidget]
