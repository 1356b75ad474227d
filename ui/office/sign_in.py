"""The sign-in dialog: asked for before the window is usable, once the council has accounts.

The council's name heads it; a user name and a password; «ورود» and «انصراف» (which
closes the app: nobody may work on a council with accounts without signing in).
A wrong password, the wait after repeated failures, a deactivated account: the
core's Persian message under the password, and nothing else happens.

A council without accounts (every council until its first account is made, the
demo) asks nothing: ``sign_in_if_needed`` returns at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from secretariat.errors import SignInError, ValidationError
from secretariat.office.roles import SignedIn
from ui.office import wording
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.inputs import line_edit

if TYPE_CHECKING:
    from secretariat.core import Secretariat

DIALOG_WIDTH = 460


class SignInDialog(FormDialog):
    """``saved`` is the ``SignedIn`` user, this desk's from then on."""

    def __init__(self, services: Secretariat, parent: QWidget | None = None):
        super().__init__(wording.SIGN_IN_TITLE, parent, save_text=wording.SIGN_IN)
        self._users = services.users
        council = services.council.get()
        self.council_label = QLabel(rtl(council.name if council is not None else wording.SIGN_IN_NO_COUNCIL))
        self.council_label.setObjectName("sectionHeading")
        self.council_label.setWordWrap(True)
        self.council_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # FormDialog's
        layout.insertWidget(0, self.council_label)
        self.set_intro(wording.SIGN_IN_INTRO.format(council="").strip())
        # User names and passwords are typed in Latin letters: they read left to right.
        self.username = self.form.add_field("username", wording.USERNAME, line_edit(latin=True))
        self.password = self.form.add_field("password", wording.PASSWORD, line_edit(latin=True))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.username.setFocus()

    def check(self) -> Mapping[str, str]:
        errors: dict[str, str] = {}
        if not self.username.text().strip():
            errors["username"] = wording.USERNAME_EMPTY
        if not self.password.text():
            errors["password"] = wording.PASSWORD_EMPTY
        return errors

    def save(self) -> SignedIn:
        try:
            return self._users.sign_in(self.username.text(), self.password.text())
        except SignInError as error:
            # Beside the password, which is typed again; the user name stays.
            self.password.clear()
            self.password.setFocus()
            raise ValidationError({"password": error.message}) from error

    def may_discard(self) -> bool:
        return True  # a password half typed is nothing to keep


def sign_in_if_needed(services: Secretariat, parent: QWidget | None = None, *, ask: bool = True) -> bool:
    """Whether this desk may go on: nobody needs to sign in (no accounts, or someone is signed
    in already), or someone just did. False when the person cancelled the dialog.

    ``ask`` False (the screenshots, a start-up probe): never shows the dialog, and goes on
    with nobody signed in, which the core lets read but not save."""
    if services.user is not None or not services.users.any():
        return True
    if not ask:
        return True
    dialog = SignInDialog(services, parent)
    try:
        return dialog.exec() == SignInDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
