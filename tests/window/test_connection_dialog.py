"""«اتصال به پایگاه داده مشترک»: the real dialog, driven as a person would, on a fake keyring."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import make_url

from secretariat import paths
from secretariat.office import connection
from secretariat.office.accounts import UserDraft
from secretariat.office.connection import NO_KEYRING, PASSWORD_VARIABLE
from secretariat.office.roles import Permission, Role, reason
from tests.support import keyrings
from ui import messages
from ui.office import wording
from ui.office.connection_dialog import ConnectionDialog
from ui.window.main_window import MainWindow

CHECKED = "اتصال برقرار شد: (آزموده)"


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)


@pytest.fixture(autouse=True)
def memory_keyring():
    with keyrings.using(keyrings.memory()) as backend:
        yield backend


@pytest.fixture
def answers(monkeypatch):
    """The questions the dialog asks, answered; what it asked and warned, kept."""
    asked: dict[str, list[str]] = {"confirm": [], "warn": []}
    reply = {"confirm": True}

    def confirm(_parent, text, **_kwargs):
        asked["confirm"].append(text)
        return reply["confirm"]

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "warn", lambda _parent, text, **_kwargs: asked["warn"].append(text))
    asked["reply"] = reply  # type: ignore[assignment]
    return asked


@pytest.fixture
def server_answers(monkeypatch):
    """``check`` as a server that answers (the failing one is real: port 1 refuses at once)."""
    tried: list[str] = []

    def check(url: str) -> str:
        tried.append(url)
        return CHECKED

    monkeypatch.setattr(connection, "check", check)
    return tried


def dialog_of(qtbot) -> ConnectionDialog:
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(dialog: ConnectionDialog, *, host="192.168.1.10", port="5432", password="db-secret") -> None:
    dialog.host.setText(host)
    dialog.port.setText(port)
    dialog.database.setText("council")
    dialog.user.setText("dabir")
    dialog.password.setText(password)


def test_the_form_reads_right_to_left_with_the_addresses_left_to_right(qtbot, persian_app):
    dialog = dialog_of(qtbot)
    assert dialog.isRightToLeft() and dialog.windowTitle() == wording.CONNECTION_TITLE
    for line in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password):
        assert line.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.port.text() == "5432" and not dialog.forget_button.isEnabled()
    assert "ذخیره نشده" in dialog.outcome.text()


def test_a_server_that_does_not_answer_is_told_under_the_fields(qtbot, persian_app):
    dialog = dialog_of(qtbot)
    fill(dialog, host="127.0.0.1", port="1")
    assert dialog.test() is None
    assert "پاسخ نداد" in dialog.form.general_error()


def test_a_port_that_is_no_number_is_refused(qtbot, persian_app, answers):
    dialog = dialog_of(qtbot)
    fill(dialog, port="پنج")
    dialog.accept()
    assert dialog.isVisible() and "درگاه" in dialog.form.general_error()
    assert not paths.connection_path().exists()


def test_saving_tries_the_connection_and_keeps_the_password_in_the_keyring(
    qtbot, persian_app, server_answers, memory_keyring
):
    dialog = dialog_of(qtbot)
    fill(dialog)
    assert dialog.test() == CHECKED and CHECKED in dialog.outcome.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert make_url(server_answers[-1]).password == "db-secret"
    assert memory_keyring.passwords == {
        ("CouncilSecretariat", "dabir@192.168.1.10:5432/council"): "db-secret"
    }
    text = paths.connection_path().read_text(encoding="utf-8")
    assert "db-secret" not in text and json.loads(text)["password"] == "keyring"


def test_a_failed_check_saves_only_when_asked_to(qtbot, persian_app, answers):
    dialog = dialog_of(qtbot)
    fill(dialog, host="127.0.0.1", port="1")
    answers["reply"]["confirm"] = False
    dialog.accept()
    assert dialog.isVisible() and "ذخیره نشد" in dialog.form.general_error()
    assert "پاسخ نداد" in answers["confirm"][-1] and not paths.connection_path().exists()
    answers["reply"]["confirm"] = True  # the server is off today: save it all the same
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and connection.exists()


def test_the_saved_connection_is_shown_and_its_password_kept_when_none_is_typed(
    qtbot, persian_app, server_answers, memory_keyring
):
    connection.save("postgresql://dabir:db-secret@192.168.1.10:5433/council")
    dialog = dialog_of(qtbot)
    assert (dialog.host.text(), dialog.port.text(), dialog.database.text(), dialog.user.text()) == (
        "192.168.1.10",
        "5433",
        "council",
        "dabir",
    )
    assert (
        dialog.password.text() == "" and dialog.password.placeholderText() == wording.CONNECTION_PASSWORD_KEPT
    )
    assert dialog.forget_button.isEnabled() and "keyring" in dialog.outcome.text()
    assert "db-secret" not in dialog.outcome.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert make_url(server_answers[-1]).password == "db-secret"
    assert list(memory_keyring.passwords.values()) == ["db-secret"]


def test_forget_takes_the_connection_out(qtbot, persian_app, answers, memory_keyring):
    connection.save("postgresql://dabir:db-secret@192.168.1.10/council")
    dialog = dialog_of(qtbot)
    assert dialog.forget() is True
    assert not connection.exists() and memory_keyring.passwords == {}
    assert dialog.forgotten and dialog.host.text() == "" and not dialog.forget_button.isEnabled()


def test_without_a_keyring_the_dialog_says_the_password_was_not_kept(
    qtbot, persian_app, server_answers, answers
):
    with keyrings.using(keyrings.none()):
        dialog = dialog_of(qtbot)
        fill(dialog)
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert answers["warn"] == [NO_KEYRING]
    assert "db-secret" not in paths.connection_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("role", "may"), [(Role.SECRETARY, True), (Role.EXPERT, False), (Role.VIEWER, False)]
)
def test_only_the_secretary_may_change_the_shared_database(qtbot, services, council, role, may):
    services.users.add(
        UserDraft(username="dabir", full_name="مریم احمدی", role="secretary", password="secret-1")
    )
    if role is not Role.SECRETARY:
        services.users.add(
            UserDraft(username="other", full_name="علی رضایی", role=role.value, password="secret-2")
        )
        services.users.sign_out()
        services.users.sign_in("other", "secret-2")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    action = window.user_menu.connection_action
    assert action.text() == wording.ACTION_CONNECTION
    assert action.isEnabled() is may
    why = reason(services.user, Permission.RESTORE)
    assert (action.toolTip() == why) is not may  # a greyed action says why
