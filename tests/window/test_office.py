"""The shared office in the window: signing in, the users, each role's greyed-out controls,
the signed-in user as «ثبت‌کننده», and the other desks' saves shown without reloading."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from secretariat.database import open_database
from secretariat.members.agencies import AgencyDraft, AgencyQuery
from secretariat.office import accounts
from secretariat.office.accounts import UserDraft
from secretariat.office.roles import Permission, Role, reason, refusal
from secretariat.persian.text import to_persian_digits
from tests.support.meetings import Council
from ui.office import wording
from ui.office.sign_in import SignInDialog
from ui.office.user_dialogs import AddUserDialog
from ui.office.users_dialog import UsersDialog
from ui.window.main_window import AGENCIES, MainWindow

SECRETARY = ("dabir", "مریم احمدی", "secret-1")
EXPERT = ("karshenas", "علی رضایی", "secret-2")
VIEWER = ("nazer", "زهرا کریمی", "secret-3")


@pytest.fixture
def office(services):
    """A council with a secretary, an expert and a viewer, and an agency and a held meeting
    recorded before its accounts were made; nobody is signed in at the end. The meeting's id."""
    meetings = Council(services)
    meetings.agency("اداره بهزیستی")
    meeting_id = meetings.plan("1403/01/05").id
    meetings.hold(meeting_id)
    for username, name, password in (SECRETARY, EXPERT, VIEWER):
        role = {SECRETARY: "secretary", EXPERT: "expert", VIEWER: "viewer"}[(username, name, password)]
        services.users.add(UserDraft(username=username, full_name=name, role=role, password=password))
    services.users.sign_out()
    return meeting_id


def sign_in(services, who: tuple[str, str, str]) -> None:
    services.users.sign_in(who[0], who[2])


def shown_window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    return window


# -- signing in -------------------------------------------------------------------------------


def test_the_sign_in_dialog_names_the_council_and_signs_in_with_the_right_password(qtbot, services, office):
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    council = services.council.get()
    assert council is not None and council.name in dialog.council_label.text()
    assert dialog.save_button().text() == "ورود"
    assert dialog.isRightToLeft()
    dialog.username.setText("KARSHENAS ")  # as typed: capitals, a space
    dialog.password.setText(EXPERT[2])
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.user is not None and services.user.username == "karshenas"
    assert services.user.role is Role.EXPERT


def test_a_wrong_password_is_told_beside_the_password_and_nobody_is_signed_in(qtbot, services, office):
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("nazer")
    dialog.password.setText("not-this-one")
    dialog.accept()
    assert dialog.isVisible()  # still asking
    assert dialog.form.error("password") == accounts.WRONG
    assert dialog.form.error("username") == ""
    assert dialog.password.text() == ""  # typed again
    assert dialog.username.text() == "nazer"  # kept
    assert services.user is None


def test_after_three_failures_the_dialog_says_how_long_to_wait(qtbot, services, office):
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("dabir")
    for _attempt in range(3):
        dialog.password.setText("wrong-password")
        dialog.accept()
    dialog.password.setText(SECRETARY[2])  # the right one, too soon
    dialog.accept()
    message = dialog.form.error("password")
    assert message.startswith("چند بار پیاپی گذرواژه نادرست وارد شد")
    assert to_persian_digits(2) in message
    assert dialog.isVisible() and services.user is None


def test_an_empty_field_is_asked_for_before_anything_is_checked(qtbot, services, office):
    dialog = SignInDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.form.error("username") == wording.USERNAME_EMPTY
    assert dialog.form.error("password") == wording.PASSWORD_EMPTY


def test_a_council_without_accounts_opens_without_signing_in(qtbot, services, council):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.attach(services)  # no dialog: it would wait here
    assert QApplication.activeModalWidget() is None
    assert window.user_label.text() == wording.NOBODY_SIGNED_IN
    assert window.new_agency_action.isEnabled()
    assert not window.user_menu.sign_out_action.isVisible()


def test_a_council_with_accounts_asks_who_is_at_the_desk_and_cancel_opens_nothing(
    qtbot, services, office, run_modal
):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    attached: list[bool] = []
    run_modal(lambda: attached.append(window.attach(services)), lambda dialog: dialog.reject())
    assert attached == [False]
    assert window._services is None  # nothing attached: the app ends

    def sign_in_as_viewer(dialog: SignInDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.username.setText(VIEWER[0])
        dialog.password.setText(VIEWER[2])
        dialog.accept()

    run_modal(lambda: attached.append(window.attach(services)), sign_in_as_viewer)
    assert attached[-1] is True
    assert window.user_label.text() == wording.SIGNED_IN_AS.format(name=VIEWER[1], role="ناظر")


# -- the users ---------------------------------------------------------------------------------


def test_the_secretary_adds_an_expert_in_the_users_dialog(qtbot, services, office, run_modal):
    sign_in(services, SECRETARY)
    dialog = UsersDialog(services.users, services.user)
    qtbot.addWidget(dialog)
    assert [user.username for user in dialog.model.records()] == ["dabir", "karshenas", "nazer"]

    def fill(form: AddUserDialog) -> None:
        form.username.setText("hamid")
        form.full_name.setText("حمید صادقی")
        form.role.setCurrentIndex(form.role.findData("expert"))
        form.passwords.password.setText("secret-4")
        form.passwords.repeat.setText("secret-5")  # mistyped: said beside the repetition
        form.accept()
        assert form.isVisible() and form.form.error("repeat") == wording.PASSWORDS_DIFFER
        form.passwords.repeat.setText("secret-4")
        form.accept()

    run_modal(dialog.add_user, fill)
    added = [user for user in services.users.list() if user.username == "hamid"]
    assert added and added[0].role is Role.EXPERT and added[0].active
    assert dialog.selected() is not None and dialog.selected().username == "hamid"
    assert "حمید صادقی" in dialog.message_label.text()
    services.users.sign_out()
    services.users.sign_in("hamid", "secret-4")
    assert services.user is not None and services.user.role is Role.EXPERT


def test_the_secretary_cannot_deactivate_their_own_account(qtbot, services, office):
    sign_in(services, SECRETARY)
    dialog = UsersDialog(services.users, services.user)
    qtbot.addWidget(dialog)
    assert dialog.select_user("dabir")
    assert not dialog.deactivate_button.isEnabled()
    assert dialog.select_user("nazer")
    assert dialog.deactivate_button.isEnabled()


def test_on_a_council_without_accounts_the_first_account_is_the_secretarys_and_signs_in(
    qtbot, services, council, run_modal
):
    window = shown_window(qtbot, services)
    assert window.user_menu.users_action.isEnabled()

    def fill(form: AddUserDialog) -> None:
        assert form.first and not form.role.isVisibleTo(form)
        assert "از آن پس هر کس" in form._intro.text()
        form.username.setText("dabir")
        form.full_name.setText(SECRETARY[1])
        form.passwords.password.setText(SECRETARY[2])
        form.passwords.repeat.setText(SECRETARY[2])
        form.accept()

    run_modal(window.user_menu.manage_users, fill)
    assert services.user is not None and services.user.role is Role.SECRETARY
    assert window.user_label.text() == wording.SIGNED_IN_AS.format(name=SECRETARY[1], role="دبیر")
    assert window.user_menu.sign_out_action.isVisible()


def test_signing_out_asks_for_the_next_user_whose_role_then_applies(qtbot, services, office, run_modal):
    sign_in(services, VIEWER)
    window = shown_window(qtbot, services)
    assert not window.agencies_view.add_button.isEnabled()

    def secretary(dialog: SignInDialog) -> None:
        dialog.username.setText(SECRETARY[0])
        dialog.password.setText(SECRETARY[2])
        dialog.accept()

    run_modal(window.user_menu.sign_out, secretary)
    assert services.user is not None and services.user.username == "dabir"
    assert window.user_label.text() == wording.SIGNED_IN_AS.format(name=SECRETARY[1], role="دبیر")
    assert window.new_agency_action.isEnabled()
    assert window.agencies_view.add_button.isEnabled()  # the section was built again


# -- what each role may do -------------------------------------------------------------------


def test_a_viewer_reads_and_prints_but_every_add_and_edit_is_greyed_out_with_the_reason(
    qtbot, services, office
):
    sign_in(services, VIEWER)
    window = shown_window(qtbot, services)
    why = reason(services.user, Permission.EDIT)
    assert "ناظر" in why
    view = window.agencies_view
    window.show_section(AGENCIES)
    assert not view.add_button.isEnabled() and view.add_button.toolTip() == why
    view.select_agency(services.agencies.page(AgencyQuery(), limit=1)[0].id)
    # Selecting a row enables the edit buttons for the others: not for a viewer.
    for button in (view.edit_button, view.toggle_button, view.delete_button, view.detail.appoint_button):
        assert not button.isEnabled() and button.toolTip() == why
    assert view.print_button.isEnabled()  # printing is a viewer's
    assert view.search_box.isEnabled()
    for action in (window.new_agency_action, window.new_meeting_action, window.council_action):
        assert not action.isEnabled() and action.toolTip() == why
    assert window.report_actions[0].isEnabled()
    assert window.backup_menu.archive_action.isEnabled()  # exporting is reading
    assert not window.user_menu.users_action.isEnabled()
    assert window.user_menu.password_action.isEnabled()
    # A door left open reaches nothing: a double-click on the row opens no form.
    view.edit_selected()
    assert QApplication.activeModalWidget() is None


def test_an_expert_records_but_does_not_finalize_restore_or_manage_users(qtbot, services, office):
    sign_in(services, EXPERT)
    window = shown_window(qtbot, services)
    assert window.new_meeting_action.isEnabled()
    assert window.agencies_view.add_button.isEnabled()
    restore = window.backup_menu.restore_action
    assert not restore.isEnabled() and restore.toolTip() == reason(services.user, Permission.RESTORE)
    assert not window.backup_menu.import_action.isEnabled()
    assert not window.user_menu.users_action.isEnabled()
    meeting = window.show_meeting(office)
    assert meeting is not None
    assert meeting.finalize_button.isVisibleTo(meeting)  # the meeting is held: ready to finalize
    assert not meeting.finalize_button.isEnabled()
    assert meeting.finalize_button.toolTip() == reason(services.user, Permission.FINALIZE)
    assert meeting.agenda.add_button.isEnabled()
    assert meeting.attendance.rest_present_button.isEnabled() or meeting.attendance.save_button.isEnabled()


def test_the_secretary_may_do_everything(qtbot, services, office):
    sign_in(services, SECRETARY)
    window = shown_window(qtbot, services)
    assert window.backup_menu.restore_action.isEnabled()
    assert window.backup_menu.import_action.isEnabled()
    assert window.user_menu.users_action.isEnabled()
    meeting = window.show_meeting(office)
    assert meeting is not None and meeting.finalize_button.isEnabled()


def test_a_restore_reached_anyway_is_refused_with_the_cores_words(qtbot, services, office, message_boxes):
    sign_in(services, EXPERT)
    window = shown_window(qtbot, services)
    assert window.backup_menu.restore_backup() is None
    assert message_boxes.shown == [("warn", refusal(services.user, Permission.RESTORE))]


# -- attribution -------------------------------------------------------------------------------


def test_who_records_is_the_signed_in_user_and_cannot_be_typed_over(qtbot, services, office):
    sign_in(services, EXPERT)
    window = shown_window(qtbot, services)
    form = window.letters_view._form(None)
    qtbot.addWidget(form)
    assert form.recorded_by.text() == EXPERT[1]
    assert form.recorded_by.isReadOnly()


def test_without_accounts_who_records_is_typed_as_before(qtbot, services, council):
    window = shown_window(qtbot, services)
    form = window.letters_view._form(None)
    qtbot.addWidget(form)
    assert not form.recorded_by.isReadOnly()


# -- the other desks ---------------------------------------------------------------------------


def test_an_agency_saved_at_another_desk_shows_here_within_the_news_interval(qtbot, services, council):
    window = shown_window(qtbot, services)
    window.show_section(AGENCIES)
    view = window.agencies_view
    assert view.model.total() == 0
    assert window.desk_news is not None
    window.desk_news.timer.setInterval(50)  # the test does not wait three seconds
    other_desk = open_database(services.database.path)
    try:
        from secretariat.core import Secretariat

        Secretariat(other_desk).agencies.add(AgencyDraft(name="اداره کل ثبت احوال"))
    finally:
        other_desk.close()
    qtbot.waitUntil(lambda: view.model.total() == 1, timeout=3000)
    assert "۱ دستگاه فعال" in window.counts.text()


def test_the_news_is_no_longer_asked_once_the_window_lets_go_of_the_database(qtbot, services, council):
    window = shown_window(qtbot, services)
    news = window.desk_news
    assert news is not None and news.timer.isActive()
    window.close_child_windows()
    window.detach()
    assert window.desk_news is None and not news.timer.isActive()
