"""Windows sized from the screen they open on, whole on a 1366×768 laptop.

A window asks for the size it reads best at; it gets that, or what the
screen's available geometry (less the taskbar and panels) has room for,
less the frame the window manager puts around it.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders the window manager draws outside a window's size.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, or smaller to fit its screen whole."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_WIDTH)
        height = min(height, room.height() - FRAME_HEIGHT)
    window.resize(max(width, 1), max(height, 1))
