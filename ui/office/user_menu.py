"""The «کاربران» menu of the main window, and who is signed in, in its status bar.

- «تغییر گذرواژه…»: the signed-in user's own password;
- «مدیریت کاربران…»: the secretary's list of users (``UsersDialog``); on a council
  without accounts, the first account, which becomes the secretary's and is
  signed in (from then on everyone signs in);
- «اتصال به پایگاه داده مشترک…»: the shared PostgreSQL database this PC opens at start
  (``ConnectionDialog``); whoever may restore a backup (the secretary) may change it;
- «خروج از حساب»: the windows opened from this one close, the window lets go of
  what it built for this user, and the sign-in dialog asks who comes next
  (``MainWindow.attach`` asks it); cancelling it closes the app.

Each flow loads its dialogs the first time it is used, so that the main window
still shows before the database layer loads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QWidget

from ui import messages
from ui.office import wording

if TYPE_CHECKING:
    from ui.services import Services
    from ui.start.database_host import DatabaseHost


class OfficeWindow(Protocol):
    """What the menu's flows use of the main window."""

    def window(self) -> QWidget: ...

    @property
    def services(self) -> Services: ...

    @property
    def database_host(self) -> DatabaseHost: ...

    def show_message(self, text: str, timeout_ms: int = ...) -> None: ...

    def close_child_windows(self) -> bool: ...

    def detach(self) -> Services | None: ...

    def attach(self, services: Services, *, host: DatabaseHost | None = None) -> bool: ...

    def close(self) -> bool: ...


class UserMenu(QObject):
    def __init__(self, window: OfficeWindow, menu: QMenu, status: QLabel):
        super().__init__(window.window())
        self.window = window
        self.menu = menu
        self.status = status
        status.setObjectName("statusCounts")
        self.password_action = self._add(wording.ACTION_CHANGE_PASSWORD, self.change_password)
        self.users_action = self._add(wording.ACTION_MANAGE_USERS, self.manage_users)
        self.connection_action = self._add(wording.ACTION_CONNECTION, self.edit_connection)
        menu.addSeparator()
        self.sign_out_action = self._add(wording.ACTION_SIGN_OUT, self.sign_out)
        menu.setToolTipsVisible(True)  # a greyed action says why
        self.actions = [self.password_action, self.users_action, self.connection_action, self.sign_out_action]

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window.window())
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def show_user(self, services: Services | None) -> None:
        """Who is at this desk, and what the menu offers them (nothing without a database)."""
        user = services.user if services is not None else None
        for action in (self.password_action, self.sign_out_action):
            action.setVisible(user is not None)
            action.setEnabled(user is not None)
        if services is None:
            self.status.clear()
            self.users_action.setEnabled(False)
            self.connection_action.setEnabled(False)
            return
        from secretariat.office.roles import Permission
        from ui.office.gate import apply_roles

        if user is not None:
            self.status.setText(wording.SIGNED_IN_AS.format(name=user.full_name, role=user.role.label))
            self.status.setToolTip("")
        else:  # a council without accounts (or nobody signed in, in the screenshots)
            self.status.setText(wording.NOBODY_SIGNED_IN)
            self.status.setToolTip(wording.NO_ACCOUNTS_TIP)
        apply_roles(
            services, [(self.users_action, Permission.USERS), (self.connection_action, Permission.RESTORE)]
        )

    # -- the flows ----------------------------------------------------------------------------

    def change_password(self) -> bool:
        from ui.office.user_dialogs import ChangePasswordDialog

        services = self.window.services
        user = services.user
        if user is None:
            return False
        dialog = ChangePasswordDialog(services.users, user, self.window.window())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        finally:
            dialog.deleteLater()
        self.window.show_message(wording.PASSWORD_CHANGED)
        return True

    def manage_users(self) -> QDialog | None:
        """The list of users; on a council without accounts, its first account. The dialog shown
        (closed by now, unless a test closes it)."""
        services = self.window.services
        if not services.users.any():
            return self._first_account(services)
        from ui.office.users_dialog import UsersDialog

        dialog = UsersDialog(services.users, services.user, self.window.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return dialog

    def edit_connection(self) -> QDialog | None:
        """The shared database this PC opens at start; the dialog shown (closed by now, unless a
        test closes it), None when the role may not change it."""
        from secretariat.office.roles import Permission
        from ui.office.connection_dialog import ConnectionDialog
        from ui.office.gate import allowed

        parent = self.window.window()
        if not allowed(parent, self.window.services, Permission.RESTORE):
            return None
        dialog = ConnectionDialog(parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if accepted:
            self.window.show_message(wording.CONNECTION_SAVED)
        elif dialog.forgotten:
            self.window.show_message(wording.CONNECTION_FORGOTTEN)
        return dialog

    def _first_account(self, services: Services) -> QDialog | None:
        from ui.office.user_dialogs import AddUserDialog

        dialog = AddUserDialog(services.users, first=True, parent=self.window.window())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.deleteLater()
        user = services.user
        self.show_user(services)
        if user is not None:
            text = wording.FIRST_ACCOUNT_DONE.format(name=user.full_name)
            self.window.show_message(text)
            from ui.widgets.result_dialog import show_result

            show_result(self.window.window(), wording.FIRST_ACCOUNT_TITLE, text)
        return dialog

    def sign_out(self) -> bool:
        """Out of this user's account, and the sign-in dialog for the next; False when a window
        kept its unsaved changes (still signed in)."""
        from ui.services import Services

        window = self.window
        user = window.services.user
        if not window.close_child_windows():
            messages.warn(window.window(), wording.SIGN_OUT_KEPT)
            return False
        host = window.database_host
        services = window.detach()
        if services is None:
            return False
        services.users.sign_out()
        if user is not None:
            window.show_message(wording.SIGNED_OUT_STATUS.format(name=user.full_name))
        if not window.attach(Services.for_database(services.database), host=host):
            window.close()  # nobody signed in again: the app ends, as at start
        return True
