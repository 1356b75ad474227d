"""The shared office's screens for ``--screenshots``: the sign-in dialog (and a wrong password
told beside it), the council's first account, the secretary's list of users, changing one's
password, and the main window as a viewer sees it (every add and edit greyed out).

The demo has no accounts and must keep none: the dialogs that only show are opened on it;
the list of users and the viewer's window are on a copy of the demo (a temporary file) with
a secretary, an expert and a viewer, shared by these steps and deleted at the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from secretariat.office.accounts import UserDraft
from tools.screenshots.stage import Stage
from ui.office.sign_in import SignInDialog
from ui.office.user_dialogs import AddUserDialog, ChangePasswordDialog
from ui.office.users_dialog import UsersDialog
from ui.services import Services
from ui.window.main_window import AGENCIES, MainWindow

PASSWORD = "screenshots"
USERS = (
    ("m.ahmadi", "مریم احمدی", "secretary"),
    ("a.rezaei", "علی رضایی", "expert"),
    ("h.sadeghi", "حمید صادقی", "expert"),
    ("z.karimi", "زهرا کریمی", "viewer"),
)


def sign_in(stage: Stage) -> QWidget:
    return stage.open(SignInDialog(stage.services, stage.window))


def sign_in_refused(stage: Stage) -> QWidget:
    """A user name the demo does not have: the core's message under the password."""
    dialog = SignInDialog(stage.services, stage.window)
    stage.open(dialog)
    dialog.username.setText("m.ahmadi")
    dialog.password.setText("wrong-password")
    dialog.accept()
    return dialog


def first_account(stage: Stage) -> QWidget:
    dialog = AddUserDialog(stage.services.users, first=True, parent=stage.window)
    dialog.full_name.setText(USERS[0][1])
    dialog.username.setText(USERS[0][0])
    return stage.open(dialog)


def _office(stage: Stage) -> Services:
    return stage.shared("office", lambda: _office_copy(stage))


def _office_copy(stage: Stage) -> tuple[Services, Callable[[], None]]:
    """A copy of the demo with four accounts; the secretary signed in."""
    from secretariat.database import open_database
    from secretariat.maintenance.backup import backup_to

    folder = tempfile.TemporaryDirectory(prefix="screenshots-office-")
    path = Path(folder.name) / "council.sqlite3"
    backup_to(stage.services.database, path)
    services = Services.for_database(open_database(path))
    for username, name, role in USERS:  # the first is the secretary, and signed in
        services.users.add(UserDraft(username=username, full_name=name, role=role, password=PASSWORD))
    services.users.deactivate("h.sadeghi")

    def close() -> None:
        services.close()
        folder.cleanup()

    return services, close


def users(stage: Stage) -> QWidget:
    services = _office(stage)
    services.users.sign_in(USERS[0][0], PASSWORD)
    dialog = UsersDialog(services.users, services.user, stage.window)
    dialog.select_user("a.rezaei")
    stage.open(dialog)
    return dialog


def add_user(stage: Stage) -> QWidget:
    services = _office(stage)
    services.users.sign_in(USERS[0][0], PASSWORD)
    dialog = AddUserDialog(services.users, parent=stage.window)
    dialog.username.setText("f.mousavi")
    dialog.full_name.setText("فاطمه موسوی")
    return stage.open(dialog)


def change_password(stage: Stage) -> QWidget:
    services = _office(stage)
    services.users.sign_in(USERS[1][0], PASSWORD)
    user = services.user
    assert user is not None  # just signed in
    return stage.open(ChangePasswordDialog(services.users, user, stage.window))


def viewer_window(stage: Stage) -> QWidget:
    """The agencies as a viewer sees them: an agency selected, its edit buttons still greyed."""
    services = _office(stage)
    services.users.sign_out()
    services.users.sign_in(USERS[3][0], PASSWORD)
    window = MainWindow(services)
    window.resize(stage.window.size())
    window.show()
    stage.track(window)
    window.show_section(AGENCIES)
    view = window.agencies_view
    if view.model.rowCount():
        view.select_agency(view.model.agency_id(0))
    return window


SHOTS = [
    ("sign-in", sign_in),
    ("sign-in-refused", sign_in_refused),
    ("first-account", first_account),
    ("users", users),
    ("add-user", add_user),
    ("change-password", change_password),
    ("viewer-window", viewer_window),
]
