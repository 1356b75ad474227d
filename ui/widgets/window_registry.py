"""One window per record: a meeting's, a resolution's follow-up.

Asked for a record whose window is open, ``WindowRegistry.show`` raises that
window rather than opening a second one, which would show the same record
twice and let two copies of an edit race. A window is forgotten once it is
closed (``finished``) or gone (``destroyed``). ``close_windows`` closes a
set of windows and says whether one stayed open, which a window with unsaved
edits may choose to do: the main window uses it before it lets go of the
database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class WindowRegistry(Generic[W]):
    def __init__(self) -> None:
        self._windows: dict[int, W] = {}

    def show(self, record_id: int, make: Callable[[], W | None]) -> W | None:
        """The record's window, made with ``make`` unless one is open, shown and raised.

        ``make`` may return None (it could not, and has said why): nothing is shown then.
        """
        window = self._windows.get(record_id)
        if window is None or not shiboken6.isValid(window):
            window = make()
            if window is None:
                return None
            self._add(record_id, window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def get(self, record_id: int) -> W | None:
        return self._windows.get(record_id)

    def windows(self) -> list[W]:
        return [window for window in self._windows.values() if shiboken6.isValid(window)]

    def close_all(self) -> bool:
        """Close every window; False when one stays open (the others are closed all the same)."""
        return close_windows(self.windows())

    def _add(self, record_id: int, window: W) -> None:
        self._windows[record_id] = window

        def forget(*_args: object) -> None:
            if self._windows.get(record_id) is window:
                del self._windows[record_id]

        finished = getattr(window, "finished", None)  # a dialog's: closed, though not yet deleted
        if finished is not None:
            finished.connect(forget)
        window.destroyed.connect(forget)


def close_windows(windows: Iterable[QWidget]) -> bool:
    """Close each window that is still shown; False when one of them refused to close."""
    kept = False
    for window in windows:
        if shiboken6.isValid(window) and window.isVisible():
            kept = not window.close() or kept
    return not kept
