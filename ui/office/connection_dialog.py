"""«اتصال به پایگاه داده مشترک»: the PostgreSQL database this PC opens at start.

The fields (host, port, database, user, password) make the address the core saves
(``secretariat.office.connection``): the address in the data folder, the password in the
platform's keyring, or, where there is none, nowhere (the app then asks it at start, and the
dialog says so). «آزمایش اتصال» tries the connection off the GUI thread and shows the
result under the fields; «ذخیره اتصال» tries it too and, when it fails, asks whether to save
it all the same (the server may be off today). «فراموش کردن اتصال» takes it out.

The change takes effect at the next start: the open council stays open (switching the
database under open windows is what a restore does, with much care; a PC that changes its
shared database is rare enough to restart).

Only who may restore a backup (the secretary, once the council has accounts) opens it: the
menu greys it out for the others and the flow refuses them (``ui.office.gate``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from secretariat.errors import DomainError
from secretariat.office import connection
from secretariat.office.connection import DEFAULT_PORT, SavedConnection
from ui import messages
from ui.office import wording
from ui.rtl import rtl
from ui.widgets.form_dialog import FormDialog
from ui.widgets.wait_window import wait_for

FIELD_WIDTH = 320


class ConnectionDialog(FormDialog):
    """``saved`` is the ``SavedConnection`` written (None when forgotten or cancelled);
    ``forgotten`` tells whether «فراموش کردن اتصال» took the saved one out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(wording.CONNECTION_TITLE, parent, save_text=wording.CONNECTION_SAVE)
        self.set_intro(wording.CONNECTION_INTRO)
        self.forgotten = False
        self._current: SavedConnection | None = connection.load()
        self.host = self._latin_line(wording.CONNECTION_HOST_PLACEHOLDER)
        self.port = self._latin_line(str(DEFAULT_PORT))
        self.port.setMaximumWidth(120)
        self.database = self._latin_line("council")
        self.user = self._latin_line("")
        self.password = self._latin_line("")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("host", wording.CONNECTION_HOST, self.host)
        self.form.add_field("port", wording.CONNECTION_PORT, self.port)
        self.form.add_field("database", wording.CONNECTION_DATABASE, self.database)
        self.form.add_field("user", wording.CONNECTION_USER, self.user)
        self.form.add_field("password", wording.CONNECTION_PASSWORD, self.password)

        self.test_button = QPushButton(wording.CONNECTION_TEST)
        self.test_button.clicked.connect(lambda _checked=False: self.test())
        self.forget_button = QPushButton(wording.CONNECTION_FORGET)
        self.forget_button.clicked.connect(lambda _checked=False: self.forget())
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.test_button)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        self.form.add_row(buttons)
        self.outcome = QLabel()
        self.outcome.setObjectName("dialogIntro")
        self.outcome.setWordWrap(True)
        self.form.add_row(self.outcome)
        self._show_current()
        self.setMinimumWidth(640)

    def _latin_line(self, placeholder: str) -> QLineEdit:
        """A field typed in Latin (an address, a name on the server): left to right."""
        line = QLineEdit()
        line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        line.setPlaceholderText(placeholder)
        line.setMinimumWidth(FIELD_WIDTH)
        return line

    def _show_current(self) -> None:
        current = self._current
        self.forget_button.setEnabled(current is not None)
        if current is None:
            self.port.setText(str(DEFAULT_PORT))
            self.outcome.setText(rtl(wording.CONNECTION_NONE_SAVED))
            return
        address = current.address
        self.host.setText(address.host)
        self.port.setText(str(address.port))
        self.database.setText(address.database)
        self.user.setText(address.user)
        if current.password:
            self.password.setPlaceholderText(wording.CONNECTION_PASSWORD_KEPT)
        self.outcome.setText(rtl(current.describe()))

    # -- the address ---------------------------------------------------------------------------

    def url(self) -> str:
        """The address of the fields, with the password (typed, else the one kept for the same
        address). ``ConnectionSettingError`` for fields that make no address."""
        password = self.password.text()
        url = connection.build(
            host=self.host.text(),
            port=self.port.text(),
            database=self.database.text(),
            user=self.user.text(),
            password=password,
        )
        current = self._current
        if not password and current is not None and current.password:
            address, _ = connection.parse(url)
            if address.key == current.address.key:
                url = address.url(current.password)
        return url

    def test(self) -> str | None:
        """Try the connection; the result (or why it failed) under the fields. The success line."""
        try:
            line = self._check(self.url())
        except DomainError as error:
            self.form.set_errors({}, general=error.message)
            self.outcome.clear()
            return None
        self.form.set_errors({})
        self.outcome.setText(rtl(line))
        return line

    def _check(self, url: str) -> str:
        return wait_for(
            wording.CONNECTION_TESTING_TITLE,
            wording.CONNECTION_TESTING_TEXT,
            lambda _report: connection.check(url),
            parent=self,
        )

    def forget(self) -> bool:
        if not messages.confirm(self, wording.CONNECTION_FORGET_CONFIRM):
            return False
        connection.forget()
        self.forgotten = True
        self._current = None
        for line in (self.host, self.database, self.user, self.password):
            line.clear()
        self.password.setPlaceholderText("")
        self._show_current()
        self.changes.remember()  # nothing typed is lost by closing now
        return True

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> SavedConnection:
        url = self.url()
        try:
            self.outcome.setText(rtl(self._check(url)))
        except DomainError as error:
            if not messages.confirm(self, wording.CONNECTION_SAVE_ANYWAY.format(reason=error.message)):
                raise DomainError(wording.CONNECTION_NOT_SAVED.format(reason=error.message)) from error
        saved = connection.save(url)
        if saved.notice:
            messages.warn(self, saved.notice)
        return saved
