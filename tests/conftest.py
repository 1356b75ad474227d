"""Shared fixtures: a real temporary SQLite database per test; Qt offscreen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from secretariat.core import Secretariat
from secretariat.database import open_database


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory, monkeypatch):
    """Each test's own user data folder, so that nothing of this PC's (its settings, a saved
    shared connection, its backups) reaches a test; a test may point it elsewhere."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "council.sqlite3")
    yield db
    db.close()


@pytest.fixture
def secretariat(database):
    """The core's entry point on the test's database: where a test takes its services from."""
    return Secretariat(database)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory):
    """The demo council's database file, built once for the session: copy it before writing."""
    from secretariat.demo.council import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path).close()
    return path


@pytest.fixture
def demo_copy(demo_path, tmp_path):
    """A copy of the demo database file for one test to change."""
    copy = tmp_path / "council.sqlite3"
    copy.write_bytes(demo_path.read_bytes())
    return copy


# -- widget tests -------------------------------------------------------------
# The Qt imports stay inside the fixtures so that the core tests never load Qt.


@pytest.fixture
def persian_app(qapp):
    """The test QApplication set up as the real app is: RTL, Persian, Vazirmatn."""
    from ui.start.app_setup import configure_application

    configure_application(qapp)
    return qapp


@pytest.fixture
def services(database, persian_app):
    from ui.services import Services

    return Services.for_database(database)


@pytest.fixture
def council(services):
    from secretariat.members.council import CouncilDraft

    return services.council.create(
        CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس", city="پردیس")
    )


@pytest.fixture
def type_text(qtbot):
    """Type text into a widget key by key, as a keyboard would.

    ``qtbot.keyClicks`` can only type ASCII (Qt's test library maps each
    character to a Latin key code and aborts on anything else), so other
    characters are sent as key events carrying the character, which is what
    a Persian keyboard layout delivers.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def type_into(widget, text: str) -> None:
        for char in text:
            if char.isascii():
                qtbot.keyClicks(widget, char)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
                )

    return type_into


@pytest.fixture
def run_modal(qtbot):
    """Call ``trigger`` (which opens a modal dialog) and drive the dialog with ``interact``.

    ``interact(dialog)`` must close the dialog (accept, click a button); if it
    does not, or fails, the dialog is rejected so the test cannot hang, and
    the failure is raised.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    def run(trigger, interact) -> None:
        problems: list[BaseException] = []

        def drive() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                problems.append(AssertionError("no modal dialog was opened"))
                return
            try:
                interact(dialog)
            except BaseException as error:  # re-raised below, after the dialog is closed
                problems.append(error)
            if dialog.isVisible():
                # done(), not reject(): a form left with changes would ask whether to discard them.
                dialog.done(QDialog.DialogCode.Rejected) if isinstance(dialog, QDialog) else dialog.close()
                problems.append(AssertionError(f"{type(dialog).__name__} was left open"))

        QTimer.singleShot(0, drive)
        trigger()
        if problems:
            raise problems[0]

    return run


@pytest.fixture
def message_boxes(monkeypatch):
    """Record the message boxes instead of showing them; ``answer`` is confirm's reply."""
    from ui import messages

    class Recorder:
        answer = True

        def __init__(self):
            self.shown: list[tuple[str, str]] = []

        def confirm(self, _parent, text, **_kwargs):
            self.shown.append(("confirm", text))
            return self.answer

        def warn(self, _parent, text, **_kwargs):
            self.shown.append(("warn", text))

        def error(self, _parent, text, **_kwargs):
            self.shown.append(("error", text))

    recorder = Recorder()
    monkeypatch.setattr(messages, "confirm", recorder.confirm)
    monkeypatch.setattr(messages, "warn", recorder.warn)
    monkeypatch.setattr(messages, "error", recorder.error)
    return recorder
