"""Which council database the app opens at start, and the first-start dialog.

- ``--demo``: the demo council, built the first time;
- ``--db PATH``: that file; without a council yet, the welcome dialog's form;
- nothing, on a PC that saved a shared database (``secretariat.office.connection``): that
  PostgreSQL database (its password from the keyring, ``SECRETARIAT_DB_PASSWORD``, or asked
  here); when it cannot be opened, the reason in Persian and the offer to open this PC's
  own SQLite council instead (or to end the app);
- nothing else: the usual database if it has a council, else the welcome dialog.

A file that cannot be opened (not this app's, damaged, from a newer version)
is reported in Persian; the person returns to the welcome dialog or the app
ends cleanly.

The database layer (SQLAlchemy, the models, the services: most of the
start-up) is imported by the work ``wait_for`` runs off the GUI thread, not
when this module loads, so the window keeps painting while it loads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit

from secretariat import paths
from secretariat.errors import DatabaseOpenError
from secretariat.office import connection
from ui import messages, strings
from ui.office import wording
from ui.widgets.wait_window import SHOW_AFTER_MS, StepReport, wait_for

if TYPE_CHECKING:
    from secretariat.database import Database
    from secretariat.members.council import CouncilDraft, CouncilRecord

# With the home page's figures already shown (``first_look``), a wait window only for a long wait.
QUIET_SHOW_AFTER_MS = 5000


class Source(Enum):
    """Which database start-up opens."""

    DEMO = "demo"  # --demo
    GIVEN = "given"  # --db
    SHARED = "shared"  # the shared database saved on this PC
    LOCAL = "local"  # this PC's own SQLite file


def start_source(*, demo_requested: bool, db_path: str | Path | None) -> Source:
    """``--demo``, then ``--db``, then the saved shared database, then the local file."""
    if demo_requested:
        return Source.DEMO
    if db_path is not None:
        return Source.GIVEN
    if connection.exists():
        return Source.SHARED
    return Source.LOCAL


class StartupCancelled(Exception):
    """No database to show: the person closed the welcome dialog or an error was reported."""

    def __init__(self, exit_code: int):
        super().__init__(exit_code)
        self.exit_code = exit_code


def open_demo(*, quiet: bool = False) -> Database:
    """The demo council's database, built on first use (or rebuilt if half-built).

    Built off the GUI thread, with a window that names each step (``wait_for``).
    ``quiet``: the window already shows the demo's figures (it is built); a wait window only if
    it lasts."""
    path = paths.demo_database_path()

    def build(report: StepReport) -> Database:
        from secretariat.demo import council as demo

        return demo.create_demo_database(
            path, progress=lambda done, total, step: report(done, total, step.label)
        )

    show_after_ms = QUIET_SHOW_AFTER_MS if quiet else SHOW_AFTER_MS
    return wait_for(strings.DEMO_WAIT_TITLE, strings.DEMO_WAIT_TEXT, build, show_after_ms=show_after_ms)


def open_file(location: str | Path, *, quiet: bool = False) -> Database:
    """``open_database``, off the GUI thread: loading the core, and a large file's check, take a while.

    ``quiet``: the window already shows the council's figures; a wait window only if it lasts."""
    return wait_for(
        strings.OPEN_WAIT_TITLE,
        strings.OPEN_WAIT_TEXT,
        lambda _report: _open_with_core(location),
        show_after_ms=QUIET_SHOW_AFTER_MS if quiet else SHOW_AFTER_MS,
    )


def _open_with_core(location: str | Path) -> Database:
    from secretariat.maintenance.quick_check import QuickCheck

    path = Path(location).expanduser() if "://" not in str(location) else None
    # SQLite checks the file while the database layer is imported (most of the wait), not after.
    check = QuickCheck(path).start() if path is not None and path.is_file() else None
    # The services' modules too, while off the GUI thread: the window needs them next.
    importlib.import_module("secretariat.core")
    from secretariat.database import open_database

    return open_database(location, check=check)


def choose_database(
    *, demo_requested: bool, db_path: str | Path | None, probe: bool = False, quiet: bool = False
) -> Database:
    """An open database that has a council, or ``StartupCancelled``.

    ``quiet``: the window shows the council's figures already (see ``open_file``)."""
    if demo_requested:
        return _open_or_report(lambda: open_demo(quiet=quiet))
    if db_path is not None:
        database = _open_or_report(lambda: open_file(db_path, quiet=quiet))
        if _has_council(database):
            return database
        return _welcome(lambda: database, start_on_form=True, probe=probe, opened=[database])
    if start_source(demo_requested=False, db_path=None) is Source.SHARED:
        shared = _open_shared(quiet=quiet, probe=probe)
        if shared is not None:
            return shared
    default = paths.default_database_path()
    if default.exists():
        try:
            database = open_file(default, quiet=quiet)
        except DatabaseOpenError as error:
            messages.error(None, error.message, title=strings.OPEN_FAILED_TITLE)
        else:
            if _has_council(database):
                return database
            database.close()
    return _welcome(lambda: _open_with_core(default), start_on_form=False, probe=probe)


def _open_shared(*, quiet: bool, probe: bool) -> Database | None:
    """The saved shared database, opened; None when it could not be and the person chose this
    PC's own file instead (``StartupCancelled`` when they chose to end the app)."""
    saved = connection.load()
    if saved is None:
        return None
    if saved.needs_password:
        password = None if probe else ask_password(saved)
        if password is None:
            _offer_local(saved, wording.SHARED_NO_PASSWORD.format(user=saved.address.user))
            return None
        saved = saved.with_password(password)
    try:
        database = open_file(saved.url, quiet=quiet)
    except DatabaseOpenError as error:
        _offer_local(saved, connection.connection_reason(error.message, saved.address) or error.message)
        return None
    except ImportError:  # a build without the PostgreSQL driver (the postgres extra)
        _offer_local(saved, connection.NO_DRIVER)
        return None
    if _has_council(database):
        return database
    # An empty shared database: the welcome dialog's form makes its council.
    return _welcome(lambda: database, start_on_form=True, probe=probe, opened=[database])


def ask_password(saved: connection.SavedConnection) -> str | None:
    """The shared database's password, typed (not shown); None when cancelled."""
    text, accepted = QInputDialog.getText(
        None,
        wording.SHARED_PASSWORD_TITLE,
        wording.SHARED_PASSWORD_PROMPT.format(user=saved.address.user, address=saved.address.shown),
        QLineEdit.EchoMode.Password,
    )
    return text if accepted else None


def _offer_local(saved: connection.SavedConnection, reason: str) -> None:
    """Say why the shared database did not open; returns to go on with this PC's own file,
    raises ``StartupCancelled`` when the person ends the app (or nobody is there to answer)."""
    question = wording.SHARED_FAILED.format(address=saved.address.shown, reason=reason)
    if messages.confirm(None, question, yes=wording.SHARED_OPEN_LOCAL, no=wording.SHARED_QUIT):
        return None
    raise StartupCancelled(1)


def _welcome(
    open_target: Callable[[], Database],
    *,
    start_on_form: bool,
    probe: bool,
    opened: list[Database] | None = None,
) -> Database:
    from secretariat.core import Secretariat
    from ui.start.welcome_dialog import WelcomeChoice, WelcomeDialog

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
    from secretariat.core import Secretariat  # loaded by the opening already

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
