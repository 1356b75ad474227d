"""Which council database the app opens at start, and the first-start dialog.

- ``--demo``: the demo council, built the first time;
- ``--db PATH``: that file; without a council yet, the welcome dialog's form;
- nothing: the usual database if it has a council, else the welcome dialog.

A file that cannot be opened (not this app's, damaged, from a newer version)
is reported in Persian; the person returns to the welcome dialog or the app
ends cleanly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from secretariat import paths
from secretariat.core import Secretariat
from secretariat.database import Database, open_database
from secretariat.demo import council as demo
from secretariat.errors import DatabaseOpenError
from secretariat.members.council import CouncilDraft, CouncilRecord
from ui import messages, strings
from ui.start.welcome_dialog import WelcomeChoice, WelcomeDialog
from ui.widgets.wait_window import StepReport, wait_for


class StartupCancelled(Exception):
    """No database to show: the person closed the welcome dialog or an error was reported."""

    def __init__(self, exit_code: int):
        super().__init__(exit_code)
        self.exit_code = exit_code


def open_demo() -> Database:
    """The demo council's database, built on first use (or rebuilt if half-built).

    Built off the GUI thread, with a window that names each step (``wait_for``)."""
    path = paths.demo_database_path()

    def build(report: StepReport) -> Database:
        return demo.create_demo_database(
            path, progress=lambda done, total, step: report(done, total, step.label)
        )

    return wait_for(strings.DEMO_WAIT_TITLE, strings.DEMO_WAIT_TEXT, build)


def open_file(location: str | Path) -> Database:
    """``open_database``, off the GUI thread: a large file's check takes a while."""
    return wait_for(strings.OPEN_WAIT_TITLE, strings.OPEN_WAIT_TEXT, lambda _report: open_database(location))


def choose_database(*, demo_requested: bool, db_path: str | Path | None, probe: bool = False) -> Database:
    """An open database that has a council, or ``StartupCancelled``."""
    if demo_requested:
        return _open_or_report(open_demo)
    if db_path is not None:
        database = _open_or_report(lambda: open_file(db_path))
        if _has_council(database):
            return database
        return _welcome(lambda: database, start_on_form=True, probe=probe, opened=[database])
    default = paths.default_database_path()
    if default.exists():
        try:
            database = open_file(default)
        except DatabaseOpenError as error:
            messages.error(None, error.message, title=strings.OPEN_FAILED_TITLE)
        else:
            if _has_council(database):
                return database
            database.close()
    return _welcome(lambda: open_database(default), start_on_form=False, probe=probe)


def _welcome(
    open_target: Callable[[], Database],
    *,
    start_on_form: bool,
    probe: bool,
    opened: list[Database] | None = None,
) -> Database:
    opened = opened if opened is not None else []

    def create_council(draft: CouncilDraft) -> CouncilRecord:
        # The file is made only when the person creates the council.
        if not opened:
            opened.append(open_target())
        return Secretariat(opened[0]).council.create(draft)

    while True:
        dialog = WelcomeDialog(create_council, start_on_form=start_on_form)
        if probe:
            QTimer.singleShot(0, dialog.reject)
        accepted = dialog.exec() == WelcomeDialog.DialogCode.Accepted
        choice = dialog.choice
        dialog.deleteLater()
        if not accepted:
            _close_all(opened)
            raise StartupCancelled(0)
        if choice is WelcomeChoice.CREATED:
            return opened[0]
        try:
            database = open_demo()
        except DatabaseOpenError as error:
            messages.error(None, error.message, title=strings.OPEN_FAILED_TITLE)
            start_on_form = False
            continue
        _close_all(opened)
        return database


def _has_council(database: Database) -> bool:
    return Secretariat(database).council.get() is not None


def _open_or_report(open_it: Callable[[], Database]) -> Database:
    try:
        return open_it()
    except DatabaseOpenError as error:
        messages.error(None, error.message, title=strings.OPEN_FAILED_TITLE)
        raise StartupCancelled(1) from error


def _close_all(databases: list[Database]) -> None:
    for database in databases:
        database.close()
