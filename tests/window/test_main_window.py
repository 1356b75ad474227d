"""The main window, and starting the app from the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from secretariat.core import Secretariat
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, DecreeDraft, PersonDraft
from secretariat.persian.text import format_int
from ui import strings
from ui.home.dashboard_view import monthly_text
from ui.rtl import rtl
from ui.window.main_window import DASHBOARD, PEOPLE, MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, services, council):
    services.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    services.agencies.add(AgencyDraft(name="اداره پست پردیس"))
    services.people.add(PersonDraft(full_name="علی رضایی"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_the_window_is_right_to_left_with_the_council_name_and_persian_counts(window, council):
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert council.name in window.windowTitle()
    sections = window.navigation.model().stringList()
    assert sections == [
        "پیشخوان",
        "دستگاه‌های عضو",
        "جلسات",
        "مصوبات",
        "افراد",
        "گزارش‌های ماهانه",
        "ارزیابی روابط عمومی‌ها",
        "دفتر نامه‌ها",
    ]
    assert window.current_section() is window.dashboard_view  # the home page
    assert window.counts.text() == "۲ دستگاه فعال  ·  ۱ نفر"
    # The navigation list is on the right of the sections.
    assert (
        window.navigation.mapTo(window, window.navigation.rect().center()).x()
        > window.stack.mapTo(window, window.stack.rect().center()).x()
    )


def test_navigation_switches_sections(qtbot, window):
    people = window.navigation.model().index(PEOPLE, 0)
    qtbot.mouseClick(
        window.navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.navigation.visualRect(people).center(),
    )
    assert window.current_section() is window.people_view


def test_shortcuts_for_a_new_agency_and_search(qtbot, window, run_modal):
    assert window.new_agency_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_section(PEOPLE)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is window.people_view
    assert window.people_view.search_box.hasFocus()

    def cancel(dialog) -> None:
        assert window.current_section() is window.agencies_view
        assert dialog.windowTitle() == "دستگاه تازه"
        dialog.reject()

    run_modal(lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), cancel)


def test_search_from_the_dashboard_goes_to_the_register(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_section(DASHBOARD)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is window.register_view
    assert window.register_view.search_box.hasFocus()


def test_the_status_bar_follows_changes(qtbot, window, services):
    agency = services.agencies.find_by_name("شهرداری پردیس")
    window.agencies_view.select_agency(agency.id)
    qtbot.mouseClick(window.agencies_view.toggle_button, Qt.MouseButton.LeftButton)
    assert window.counts.text().startswith("۱ دستگاه فعال")
    assert "غیرفعال شد" in window.statusBar().currentMessage()


# -- starting the app ------------------------------------------------------------


def build_small_council(path: Path) -> None:
    with Secretariat.open(path) as secretariat:
        secretariat.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس"))
        agencies, people = secretariat.agencies, secretariat.people
        for name in ["شهرداری پردیس", "اداره پست پردیس", "پارک فناوری پردیس"]:
            agency = agencies.add(AgencyDraft(name=name, joined_on="1400/01/15"))
        first = people.add(PersonDraft(full_name="مریم احمدی"))
        second = people.add(PersonDraft(full_name="علی رضایی"))
        people.appoint(AppointmentDraft(agency_id=agency.id, person_id=first.id, start_date="1400/02/01"))
        rep = people.appoint(
            AppointmentDraft(agency_id=agency.id, person_id=second.id, start_date="1403/02/01")
        )
        people.add_decree(DecreeDraft(representation_id=rep.id, number="۱۲/ص", issued_on="1403/02/05"))


def run_app(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` as a person (or the benchmark) starts it.

    A separate process: the probe ends the app with ``app.quit()``, which
    would leave this test session's event loops unable to run.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SECRETARIAT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_startup_probe_opens_the_database_and_quits(tmp_path):
    path = tmp_path / "council.sqlite3"
    build_small_council(path)
    for probe in ("ready", "loaded"):
        result = run_app("--db", str(path), "--startup-probe", probe, data_dir=tmp_path / "data")
        assert result.returncode == 0, result.stderr


# What the home page's figures must not wait for: the database layer, and what only other
# screens need (reports, spreadsheets, text shaping, charts, migrations).
HEAVY_MODULES = (
    "sqlalchemy",
    "alembic",
    "db.models",
    "secretariat.core",
    "reportlab",
    "openpyxl",
    "uharfbuzz",
    "PySide6.QtCharts",
)


def test_the_home_pages_figures_show_before_the_database_layer_loads(tmp_path, demo_copy):
    """Start-up paints the council's figures from the file itself (``secretariat.first_look``),
    then loads the database layer: most of the start-up time is then behind a filled window."""
    script = (
        "import sys\n"
        "from ui.app import main\n"
        f"code = main(['--db', {str(demo_copy)!r}, '--startup-probe', 'ready'])\n"
        f"print(code, sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SECRETARIAT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 []"


def test_a_file_that_is_not_a_database_is_refused_in_persian_without_a_traceback(tmp_path):
    path = tmp_path / "letter.sqlite3"
    path.write_bytes(b"%PDF-1.4 this is not a database" * 10)
    result = run_app("--db", str(path), "--startup-probe", data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "پایگاه داده این برنامه نیست" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes().startswith(b"%PDF-1.4")


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "council.sqlite3"
    build_small_council(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    result = run_app("--db", str(path), "--startup-probe", data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "نسخه تازه‌تری" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_without_a_council_opens_the_welcome_dialog(tmp_path):
    # The probe closes the welcome dialog at once: the app ends normally.
    result = run_app("--db", str(tmp_path / "new.sqlite3"), "--startup-probe", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr


def test_the_frame_shows_before_a_database_is_attached_then_fills(qtbot, services, council):
    services.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    # The frame: the sections' names, a waiting message, nothing to act on yet.
    assert window.navigation.model().stringList() == [
        "پیشخوان",
        "دستگاه‌های عضو",
        "جلسات",
        "مصوبات",
        "افراد",
        "گزارش‌های ماهانه",
        "ارزیابی روابط عمومی‌ها",
        "دفتر نامه‌ها",
    ]
    assert "در حال باز کردن" in window.current_section().text()
    assert not window.new_agency_action.isEnabled()
    window.attach(services)
    assert council.name in window.windowTitle()
    assert window.new_agency_action.isEnabled()
    assert window.current_section() is window.dashboard_view
    assert window.agencies_view.model.rowCount() == 1


def test_the_first_look_shows_the_figures_then_the_services_fill_the_home_page(qtbot, demo_copy):
    """Before the database layer has loaded: the council's name and the four figures, nothing to
    act on, «opening» in the status bar; attached, the same page gets its lists, charts and links."""
    from secretariat.first_look import first_look
    from ui.services import Services

    look = first_look(demo_copy)
    assert look is not None
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_first_look(look)
    home = window.current_section()
    assert look.council_name in window.windowTitle() and strings.DEMO_SUFFIX in window.windowTitle()
    cards = (home.open_card, home.overdue_card, home.due_card, home.done_card)
    figures = (look.still_open, look.overdue, look.due_soon, look.done_this_year)
    assert [card.number.text() for card in cards] == [format_int(n) for n in figures]
    assert window.statusBar().currentMessage() == strings.OPENING_DATABASE
    assert not window.new_agency_action.isEnabled()
    line = rtl(monthly_text(look.monthly, look.today))  # «گزارش‌های ماهانه مهر: ۲۴ از ۲۶ رسیده …»
    assert home.monthly_line.isVisible() and home.monthly_line.text.text() == line
    asked = []
    home.show_register.connect(asked.append)
    home.show_monthly.connect(asked.append)
    qtbot.mouseClick(home.overdue_card, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(home.monthly_line, Qt.MouseButton.LeftButton)
    assert asked == [] and window.current_section() is home  # the register needs the core

    secretariat = Secretariat.open(demo_copy)
    try:
        window.attach(Services.for_database(secretariat.database))
        assert window.dashboard_view is home and window.current_section() is home
        assert window.statusBar().currentMessage() == ""
        assert window.new_agency_action.isEnabled()
        assert home.worst_list.count() > 0 and home.status_chart.isVisible()
        assert home.overdue_card.number.text() == format_int(look.overdue)
        assert home.monthly_line.text.text() == line
        qtbot.mouseClick(home.monthly_line, Qt.MouseButton.LeftButton)
        assert asked == [look.monthly.month]
        qtbot.mouseClick(home.overdue_card, Qt.MouseButton.LeftButton)
        assert window.current_section() is window.register_view
        assert window.register_view.model.total() == look.overdue
    finally:
        window.detach()
        secretariat.close()


def test_the_frame_marks_the_home_page_once_attached(qtbot, services, council):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigation.setFocus()  # a focused list makes its first row current, unselected
    qtbot.wait(10)
    window.attach(services)
    home = window.navigation.model().index(DASHBOARD, 0)
    assert window.navigation.selectionModel().isSelected(home)


def test_meetings_renumbered_as_the_database_opened_are_told_once(
    qtbot, tmp_path, persian_app, message_boxes
):
    """Migration 0005 renumbered meetings that shared a number: the window says which, as the
    command line does, in a box once it is up and in the status bar; attached again, not twice."""
    from tests.core.test_database import database_with_duplicate_numbers
    from ui.services import Services

    path = tmp_path / "council.sqlite3"
    database_with_duplicate_numbers(path)
    secretariat = Secretariat.open(path)
    notices = secretariat.meetings.renumbered_on_open()
    assert len(notices) > 1
    services = Services.for_database(secretariat.database)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        window.attach(services)
        assert message_boxes.shown == []  # not before the window is up
        qtbot.waitUntil(lambda: message_boxes.shown != [])
        assert message_boxes.shown == [("warn", "\n".join(notices))]
        assert "شماره" in notices[1] and "اکنون" in "".join(notices)
        assert window.statusBar().currentMessage() == strings.MEETINGS_RENUMBERED_STATUS
        window.close_child_windows()
        window.detach()
        window.attach(services)
        qtbot.wait(50)
        assert len(message_boxes.shown) == 1
    finally:
        window.detach()
        secretariat.database.close()


def test_closing_the_window_while_the_database_opens_ends_the_app(tmp_path, demo_copy):
    """The window shows the council's figures before the database has opened; closing it then
    ends the app (exit 0, the file closed) instead of leaving it running with no window."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import ui.start.startup as startup\n"
        "from ui.window.main_window import MainWindow\n"
        "real = startup.choose_database\n"
        "def closed_meanwhile(**kwargs):\n"
        "    for widget in QApplication.topLevelWidgets():\n"
        "        if isinstance(widget, MainWindow):\n"
        "            widget.close()\n"
        "    return real(**kwargs)\n"
        "startup.choose_database = closed_meanwhile\n"
        "QApplication.exec = lambda *args: print('event loop entered') or 3\n"
        "from ui.app import main\n"
        f"print('exit', main(['--db', {str(demo_copy)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SECRETARIAT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "event loop entered" not in result.stdout
    assert "exit 0" in result.stdout
    with sqlite3.connect(demo_copy) as connection:  # left sound
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
