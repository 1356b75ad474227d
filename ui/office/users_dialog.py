"""«مدیریت کاربران…»: the council's accounts, for its secretary.

A list of the users (user name, full name, role, active or not, since when) and
what the secretary does to them: add one, give one a new password, change a
role, deactivate one (accounts are never deleted: what a user recorded stays
in their name). Each action is one call to ``secretariat.users``; a refusal (the
last secretary, one's own account) is shown in Persian and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secretariat.errors import DomainError
from secretariat.office.accounts import UserRecord, UserService
from secretariat.office.roles import SignedIn
from secretariat.persian import jalali
from ui import messages, strings
from ui.office import wording
from ui.office.user_dialogs import AddUserDialog, ResetPasswordDialog, RoleDialog
from ui.rtl import ltr, rtl
from ui.widgets.columns import Column
from ui.widgets.form_dialog import FormDialog
from ui.widgets.record_table_model import RecordTableModel
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.table_setup import configure_table, select_row

INACTIVE_COLOR = QColor("#8a8f94")
MINIMUM_SIZE = (720, 420)


class UsersModel(RecordTableModel):
    columns = (
        Column("full_name", wording.COLUMN_FULL_NAME, lambda user: user.full_name, stretch=True),
        Column("username", wording.COLUMN_USERNAME, lambda user: ltr(user.username), width=150),
        Column("role", wording.COLUMN_ROLE, lambda user: user.role.label, width=90),
        Column(
            "active",
            wording.COLUMN_ACTIVE,
            lambda user: wording.ACTIVE if user.active else wording.INACTIVE,
            width=80,
        ),
        Column(
            "created", wording.COLUMN_CREATED, lambda user: jalali.format_short(user.created_at), width=100
        ),
    )

    def _row_data(self, record: UserRecord, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and not record.active:
            return INACTIVE_COLOR
        return None


class UsersDialog(QDialog):
    def __init__(self, users: UserService, signed_in: SignedIn | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(wording.USERS_TITLE)
        self.setModal(True)
        self._users = users
        self._signed_in = signed_in
        intro = QLabel(rtl(wording.USERS_INTRO))
        intro.setObjectName("dialogIntro")
        intro.setWordWrap(True)
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.add_button = QPushButton(wording.ADD_USER)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(wording.RESET_PASSWORD)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(wording.CHANGE_ROLE)
        self.role_button.clicked.connect(self.change_role)
        self.deactivate_button = QPushButton(wording.DEACTIVATE)
        self.deactivate_button.clicked.connect(self.deactivate)
        tools = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button, self.deactivate_button):
            button.setAutoDefault(False)
            tools.addWidget(button)
        tools.addStretch(1)

        self.message_label = QLabel()
        self.message_label.setObjectName("resultCount")
        self.message_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        close = buttons.addButton(strings.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumSize(*MINIMUM_SIZE)  # every column shown, and the intro in three lines
        fit_to_screen(self, *MINIMUM_SIZE)
        self.reload()

    # -- the list ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        kept = select_id if select_id is not None else self._selected_id()
        self.model.set_records(self._users.list())
        row = self.model.row_of(kept) if kept is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            select_row(self.table, row)
        self._update_buttons()

    def selected(self) -> UserRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record: UserRecord | None = self.model.record(rows[0].row()) if rows else None
        return record

    def select_user(self, username: str) -> bool:
        for row, user in enumerate(self.model.records()):
            if user.username == username:
                select_row(self.table, row)
                return True
        return False

    def _selected_id(self) -> int | None:
        user = self.selected()
        return user.id if user is not None else None

    def _is_me(self, user: UserRecord) -> bool:
        return self._signed_in is not None and self._signed_in.id == user.id

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.reset_button, self.role_button):
            button.setEnabled(user is not None)
        self.deactivate_button.setEnabled(user is not None and user.active and not self._is_me(user))

    def _say(self, text: str) -> None:
        self.message_label.setText(rtl(text))

    # -- actions ------------------------------------------------------------------------------

    def add_user(self) -> UserRecord | None:
        added = self._run(AddUserDialog(self._users, parent=self))
        if added is not None:
            self.reload(added.id)
            self._say(wording.USER_ADDED.format(name=added.full_name, role=added.role.label))
        return added

    def reset_password(self) -> UserRecord | None:
        user = self.selected()
        if user is None:
            return None
        done = self._run(ResetPasswordDialog(self._users, user, self))
        if done is not None:
            self._say(wording.PASSWORD_RESET.format(name=user.full_name))
        return done

    def change_role(self) -> UserRecord | None:
        user = self.selected()
        if user is None:
            return None
        changed = self._run(RoleDialog(self._users, user, self))
        if changed is not None:
            self.reload(changed.id)
            self._say(wording.ROLE_CHANGED.format(name=changed.full_name, role=changed.role.label))
        return changed

    def deactivate(self) -> UserRecord | None:
        user = self.selected()
        if user is None or not messages.confirm(
            self, wording.CONFIRM_DEACTIVATE.format(name=user.full_name), yes=wording.DEACTIVATE
        ):
            return None
        done = self._attempt(lambda: self._users.deactivate(user.username))
        if done is not None:
            self.reload(done.id)
            self._say(wording.USER_DEACTIVATED.format(name=done.full_name))
        return done

    def _run(self, dialog: FormDialog) -> UserRecord | None:
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            saved: UserRecord = dialog.saved  # type: ignore[assignment]  # what these forms save
            return saved
        finally:
            dialog.deleteLater()

    def _attempt(self, action: Callable[[], UserRecord]) -> UserRecord | None:
        try:
            return action()
        except DomainError as error:
            messages.warn(self, error.message)
            return None
