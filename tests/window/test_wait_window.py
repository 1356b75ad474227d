"""Waits at start-up show a Persian progress window that paints, not a black or empty screen."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from secretariat.core import Secretariat
from secretariat.demo.council import DemoStep
from secretariat.errors import DatabaseOpenError
from ui import strings
from ui.start.startup import open_demo, open_file
from ui.widgets.wait_window import WaitWindow, wait_for


def watch_wait_windows(every_ms: int = 50) -> tuple[list[tuple[str, int, int]], QTimer]:
    """What the shown wait window says, looked at every ``every_ms`` while the GUI thread waits."""
    seen: list[tuple[str, int, int]] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, WaitWindow) and widget.isVisible():
                widget.grab()  # it paints: the GUI thread is free while the work runs
                seen.append(
                    (widget.label.text().lstrip("\u200f"), widget.progress.value(), widget.progress.maximum())
                )

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(every_ms)
    return seen, timer


def test_building_the_demo_shows_each_step_in_a_progress_window(persian_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path))
    seen, timer = watch_wait_windows()
    database = open_demo()
    timer.stop()
    with Secretariat(database) as demo:
        assert demo.council.get().is_demo
    texts = [text for text, _, _ in seen]
    assert {DemoStep.MEETINGS.label, DemoStep.FOLLOWUP.label} <= set(texts)
    values = [value for _, value, maximum in seen if maximum > 0]
    assert values == sorted(values) and values[-1] > values[0]  # the bar moves on
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, WaitWindow))


def test_the_wait_window_is_persian_right_to_left_and_cannot_be_closed(persian_app, qtbot):
    window = WaitWindow(strings.DEMO_WAIT_TITLE, strings.DEMO_WAIT_TEXT)
    qtbot.addWidget(window)
    window.show()
    window.show_step(30, 84, DemoStep.MEETINGS.label)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.label.text().endswith("ساختن جلسه‌ها و صورتجلسه‌ها…")
    assert (window.progress.value(), window.progress.maximum()) == (30, 84)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert window.width() <= 1366 and window.height() <= 768


def test_a_short_wait_shows_no_window(persian_app):
    seen, timer = watch_wait_windows(every_ms=10)
    assert wait_for("عنوان", "متن", lambda _report: 42) == 42
    timer.stop()
    assert seen == []


def test_the_work_runs_off_the_gui_thread_and_its_refusal_reaches_the_caller(persian_app):
    threads = []

    def refuse(_report):
        threads.append(threading.current_thread())
        raise DatabaseOpenError("پرونده پایگاه داده این برنامه نیست.")

    with pytest.raises(DatabaseOpenError, match="این برنامه نیست"):
        wait_for("عنوان", "متن", refuse)
    assert threads and threads[0] is not threading.main_thread()


def test_opening_a_file_that_is_not_a_database_is_refused_in_persian(persian_app, tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("یادداشت", encoding="utf-8")
    with pytest.raises(DatabaseOpenError):
        open_file(path)


def test_with_the_figures_already_shown_the_opening_shows_no_wait_window_unless_it_lasts(
    persian_app, demo_copy, monkeypatch
):
    """The home page's figures are up (the first look) while the database layer loads: a wait
    window over them would only hide them; without them, a wait of more than 0.3 s shows one."""
    import time

    from ui.start import startup

    opening = startup._open_with_core

    def slowly(location):
        time.sleep(0.6)
        return opening(location)

    monkeypatch.setattr(startup, "_open_with_core", slowly)
    for quiet, expected in ((True, []), (False, [strings.OPEN_WAIT_TEXT])):
        seen, timer = watch_wait_windows()
        try:
            open_file(demo_copy, quiet=quiet).close()
        finally:
            timer.stop()
        assert sorted({text for text, _done, _total in seen}) == expected
