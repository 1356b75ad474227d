"""What the backup and archive flows use of the window they run from, and nothing more.

``ui.window.main_window.MainWindow`` is such a window; the flows know it
only by this interface, so that they need not import the main window (which
builds their menu), and a test can hand them a stand-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.services import Services
    from ui.start.database_host import DatabaseHost


class MaintenanceWindow(Protocol):
    def window(self) -> QWidget:
        """The window the flows' dialogs and messages open over (``QWidget.window``)."""
        ...

    @property
    def services(self) -> Services: ...

    @property
    def database_host(self) -> DatabaseHost:
        """The app's hold on the open database: a restore replaces the file inside it."""
        ...

    def show_message(self, text: str) -> None:
        """A line in the status bar."""
        ...

    def close_child_windows(self) -> bool:
        """Close the windows opened from this one; False when one stays open."""
        ...

    def detach(self) -> Services | None:
        """Let go of the database (before it is closed and replaced)."""
        ...

    def attach(self, services: Services, *, host: DatabaseHost | None = None) -> bool:
        """Show the council of ``services`` (the database opened again); False when its council
        has accounts and the person cancelled signing in."""
        ...

    def reload_all(self) -> None:
        """Everything may have changed: every view and window reads again."""
        ...
