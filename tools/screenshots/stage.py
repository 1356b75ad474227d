"""What every screenshot step works on: the main window being photographed (``Stage``),
and a named step (``RenderStep``).

Its own module so that the step lists (``screenshots``, ``meeting_screenshots``,
``register_screenshots``, ``backup_screenshots``) import it and not each other.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtWidgets import QWidget

from secretariat.members.agencies import AgencyRecord
from secretariat.members.council import CouncilDraft, CouncilRecord
from secretariat.members.people import RepresentationRecord

if TYPE_CHECKING:
    from ui.services import Services
    from ui.window.main_window import MainWindow

T = TypeVar("T")

EMPTY_COUNCIL_NAME = "شورای هماهنگی روابط عمومی‌های شهرستان نمونه"


class Stage:
    """The main window being photographed, and the dialogs opened on it."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.services = window.services
        self._opened: list[QWidget] = []
        self._empty: tuple[MainWindow, Services, tempfile.TemporaryDirectory[str]] | None = None
        self._shared: dict[str, tuple[Any, Callable[[], None]]] = {}
        self._copy: tuple[MainWindow, Services, tempfile.TemporaryDirectory[str]] | None = None

    def open(self, widget: QWidget) -> QWidget:
        # Sized before it is shown, as exec() shows a dialog: a form then fits itself
        # to the screen when shown (FormDialog._fit_screen), which a later adjustSize undid.
        widget.adjustSize()
        widget.show()
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

    # -- a council just created ---------------------------------------------------

    def empty_window(self) -> MainWindow:
        """A second main window, the size of the first, on a council just created in a
        database of its own (a temporary file, deleted by ``close``): what a new user sees."""
        if self._empty is None:
            from secretariat.database import open_database
            from ui.services import Services
            from ui.window.main_window import MainWindow

            folder = tempfile.TemporaryDirectory(prefix="screenshots-")
            services = Services.for_database(open_database(Path(folder.name) / "council.sqlite3"))
            services.council.create(CouncilDraft(name=EMPTY_COUNCIL_NAME, city="نمونه"))
            window = MainWindow(services)
            window.resize(self.window.size())
            window.show()
            self._empty = (window, services, folder)
        return self._empty[0]

    def empty_services(self) -> Services:
        self.empty_window()
        assert self._empty is not None
        return self._empty[1]

    def shared(self, key: str, make: Callable[[], tuple[T, Callable[[], None]]]) -> T:
        """What several steps show (a window on a sample council): made by the first step that
        asks for ``key``; ``make`` returns it and what closes it, called by ``close``."""
        if key not in self._shared:
            self._shared[key] = make()
        return cast(T, self._shared[key][0])

    # -- a copy of the demo -------------------------------------------------------

    def copy_window(self) -> MainWindow:
        """A second main window, the size of the first, on a copy of the demo database (a
        temporary file, deleted by ``close``): for a step that must save to show something the
        demo does not have yet, leaving the demo as it was."""
        if self._copy is None:
            from secretariat.database import open_database
            from secretariat.maintenance.backup import backup_to
            from ui.services import Services
            from ui.window.main_window import MainWindow

            folder = tempfile.TemporaryDirectory(prefix="screenshots-")
            path = Path(folder.name) / "council.sqlite3"
            backup_to(self.services.database, path)
            services = Services.for_database(open_database(path))
            window = MainWindow(services)
            window.resize(self.window.size())
            window.show()
            self._copy = (window, services, folder)
        return self._copy[0]

    def copy_services(self) -> Services:
        self.copy_window()
        assert self._copy is not None
        return self._copy[1]

    def close(self) -> None:
        """Close what the steps left open: whatever the steps shared, the empty council's window,
        the demo's copy, and their databases."""
        for _thing, close in self._shared.values():
            close()
        self._shared.clear()
        for opened in (self._empty, self._copy):
            if opened is not None:
                window, services, folder = opened
                window.close_child_windows()
                window.close()
                window.deleteLater()
                services.close()
                folder.cleanup()
        self._empty = self._copy = None

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
