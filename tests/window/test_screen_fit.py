"""Windows open whole on the screen they are on (issue 14, point 2).

The offscreen platform's screen is 800×800 here: smaller than the sizes the
windows ask for (the main window 1280×800, the meeting window 1100×760, the
print preview 900×1000), so each must take what the screen has room for.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.support.window_meetings import held_meeting, make_council
from ui.widgets.screen_fit import FRAME_HEIGHT, FRAME_WIDTH, fit_to_screen


def room() -> QSize:
    available = QGuiApplication.primaryScreen().availableGeometry()
    return QSize(available.width() - FRAME_WIDTH, available.height() - FRAME_HEIGHT)


def fits(window: QWidget) -> bool:
    size, space = window.size(), room()
    return size.width() <= space.width() and size.height() <= space.height()


def test_a_window_gets_its_size_or_the_screens_room(qtbot):
    small = QWidget()
    qtbot.addWidget(small)
    fit_to_screen(small, 300, 200)
    assert small.size() == QSize(300, 200)  # it fits: as asked
    large = QWidget()
    qtbot.addWidget(large)
    fit_to_screen(large, 5000, 4000)
    assert large.size() == room()  # it does not: the screen's room, less the frame


def test_the_main_and_meeting_windows_and_the_preview_open_whole(qtbot, services, persian_app):
    from tests.window.test_report_preview import _job
    from ui.app import WINDOW_SIZE
    from ui.meetings.window.meeting_window import MeetingWindow
    from ui.reports.report_preview import ReportPreview
    from ui.window.main_window import MainWindow

    main = MainWindow(services)
    qtbot.addWidget(main)
    fit_to_screen(main, *WINDOW_SIZE)  # as the app opens it
    meeting = MeetingWindow(services, held_meeting(services, make_council(services)).id)
    qtbot.addWidget(meeting)
    preview = ReportPreview(_job(pages=1))
    qtbot.addWidget(preview)
    for window in (main, meeting, preview):
        assert fits(window), (type(window).__name__, window.size(), room())
    qtbot.waitUntil(preview.is_ready, timeout=10000)  # its report made before the test ends
