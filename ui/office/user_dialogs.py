"""The forms about one user account: adding one (or the council's first), a new password
set by the secretary, a role, and one's own password.

Each makes one call to ``secretariat.users``; its refusals (a user name taken, a
password too short, the last secretary) show beside their fields, nothing lost.
Passwords are typed twice where a mistyped one would lock someone out.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLineEdit, QWidget

from secretariat.office.accounts import UserDraft, UserRecord, UserService
from secretariat.office.roles import Role, SignedIn
from ui.office import wording
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import choice_box, line_edit

ROLES = [(role.label, role.value) for role in Role]


def password_field() -> QLineEdit:
    # Typed in Latin letters, hidden: it reads left to right.
    field = line_edit(latin=True)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _NewPassword:
    """A new password and its repetition, on a form (keys ``password`` and ``repeat``)."""

    def __init__(self, dialog: FormDialog, label: str = wording.PASSWORD):
        self.password = dialog.form.add_field("password", label, password_field())
        self.repeat = dialog.form.add_field("repeat", wording.REPEAT_PASSWORD, password_field())

    def check(self) -> dict[str, str]:
        if self.repeat.text() != self.password.text():
            return {"repeat": wording.PASSWORDS_DIFFER}
        return {}


class AddUserDialog(FormDialog):
    """A new account; ``saved`` is its ``UserRecord``. ``first``: the council's first account,
    which becomes its secretary and is signed in (the role is not asked)."""

    def __init__(self, users: UserService, *, first: bool = False, parent: QWidget | None = None):
        title = wording.FIRST_ACCOUNT_TITLE if first else wording.ADD_USER_TITLE
        super().__init__(title, parent)
        self._users = users
        self.first = first
        if first:
            self.set_intro(wording.FIRST_ACCOUNT_INTRO)
        self.username = self.form.add_field(
            "username", wording.USERNAME, line_edit(wording.USERNAME_PLACEHOLDER, latin=True)
        )
        self.full_name = self.form.add_field(
            "full_name", wording.FULL_NAME, line_edit(wording.FULL_NAME_PLACEHOLDER)
        )
        self.role = self.form.add_field("role", wording.ROLE, choice_box(ROLES, current=Role.EXPERT.value))
        if first:
            self.role.setCurrentIndex(self.role.findData(Role.SECRETARY.value))
            self.form.set_field_visible("role", False)
        self.passwords = _NewPassword(self)
        self.setMinimumWidth(560)
        self.username.setFocus()

    def check(self) -> Mapping[str, str]:
        return self.passwords.check()

    def save(self) -> UserRecord:
        draft = UserDraft(
            username=self.username.text(),
            full_name=self.full_name.text(),
            role=self.role.currentData(),
            password=self.passwords.password.text(),
        )
        return self._users.add(draft)


class ResetPasswordDialog(FormDialog):
    """The secretary sets another user's password (forgotten, or a new colleague's)."""

    def __init__(self, users: UserService, user: UserRecord, parent: QWidget | None = None):
        super().__init__(wording.RESET_TITLE.format(name=user.full_name), parent)
        self._users = users
        self._user = user
        self.set_intro(wording.RESET_INTRO.format(name=user.full_name))
        self.passwords = _NewPassword(self, wording.NEW_PASSWORD)
        self.passwords.password.setFocus()

    def check(self) -> Mapping[str, str]:
        return self.passwords.check()

    def save(self) -> UserRecord:
        self._users.reset_password(self._user.username, self.passwords.password.text())
        return self._user


class RoleDialog(FormDialog):
    """Another role for a user; ``saved`` is the ``UserRecord`` as it is now."""

    def __init__(self, users: UserService, user: UserRecord, parent: QWidget | None = None):
        super().__init__(wording.ROLE_TITLE.format(name=user.full_name), parent, save_text=wording.SAVE_ROLE)
        self._users = users
        self._user = user
        self.role = self.form.add_field("role", wording.ROLE, choice_box(ROLES, current=user.role.value))

    def save(self) -> UserRecord:
        return self._users.set_role(self._user.username, self.role.currentData())


class ChangePasswordDialog(FormDialog):
    """The signed-in user's own password: the current one, then the new one twice."""

    def __init__(self, users: UserService, user: SignedIn, parent: QWidget | None = None):
        super().__init__(wording.PASSWORD_DIALOG_TITLE, parent)
        self._users = users
        self.set_intro(wording.PASSWORD_DIALOG_INTRO.format(name=user.full_name))
        self.old_password = self.form.add_field("old_password", wording.OLD_PASSWORD, password_field())
        self.passwords = _NewPassword(self, wording.NEW_PASSWORD)
        self.old_password.setFocus()

    def check(self) -> Mapping[str, str]:
        return self.passwords.check()

    def save(self) -> bool:
        self._users.change_own_password(self.old_password.text(), self.passwords.password.text())
        return True
