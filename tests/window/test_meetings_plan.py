"""Planning a meeting through the dialog, its live warnings, postponing and cancelling."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from secretariat.meetings.kinds import MeetingStatus
from secretariat.persian import jalali
from tests.support.window_meetings import AGENCIES, CHAIR, FUTURE_DATE, make_council, plan
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.meetings_view import MeetingsView
from ui.window.main_window import MEETINGS, MainWindow


@pytest.fixture
def agencies(services):
    return make_council(services)


@pytest.fixture
def view(qtbot, services, agencies):
    view = MeetingsView(services)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    return view


def pick_agency(qtbot, combo, type_text, text: str) -> None:
    """Type part of a name into an agency combo and take the first match."""
    combo.lineEdit().clear()
    type_text(combo.lineEdit(), text)
    popup = combo.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_a_meeting_planned_through_the_dialog_is_numbered_listed_and_opened(
    qtbot, services, agencies, view, type_text, run_modal
):
    def fill_in(dialog: MeetingDialog) -> None:
        assert dialog.windowTitle() == "برنامه‌ریزی جلسه تازه"
        assert dialog.chair.text() == CHAIR  # the council's chair by default
        dialog.date.lineEdit().selectAll()  # over the proposed date
        type_text(dialog.date.lineEdit(), "۱۴۲۰/۰۱/۱۵")
        type_text(dialog.start_time, "۱۰:۳۰")
        type_text(dialog.end_time, "12")
        # Typed with an Arabic yeh, as Windows keyboards often do.
        pick_agency(qtbot, dialog.host, type_text, "شهرداري")
        type_text(dialog.venue, "سالن اجتماعات")
        type_text(dialog.occasion, "هفته روابط عمومی")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.list.add_button.click, fill_in)

    rows = services.meetings.page()
    assert len(rows) == 1
    meeting = services.meetings.get(rows[0].id)
    assert meeting.title == "نخستین جلسه"
    assert meeting.date == jalali.parse(FUTURE_DATE)
    assert meeting.start_time == dt.time(10, 30) and meeting.end_time == dt.time(12, 0)
    assert meeting.host_agency_id == agencies[AGENCIES[0]]
    assert (meeting.venue, meeting.chair, meeting.occasion) == ("سالن اجتماعات", CHAIR, "هفته روابط عمومی")
    # Every active member agency is invited.
    assert len(services.attendance.invitations(meeting.id)) == len(AGENCIES)
    # The list shows it, and it opens in its window.
    assert view.list.model.rowCount() == 1
    assert view.list.selected_id() == meeting.id
    [window] = view.open_windows()
    assert window.header.title.text() == "نخستین جلسه"
    assert window.header.when.text().lstrip("\u200f").startswith("چهارشنبه ۱۵ فروردین ۱۴۲۰")
    assert "ساعت ۱۰:۳۰ تا ۱۲:۰۰" in window.header.when.text()


def test_planning_warnings_show_as_the_form_is_filled_and_do_not_block(
    qtbot, services, agencies, view, type_text, run_modal
):
    host = agencies[AGENCIES[0]]
    plan(services, "1420/01/12", host_agency_id=host)  # the meeting before, at the same host
    friday = "1420/01/17"
    assert jalali.parse(friday).weekday() == 4
    plan(services, friday, kind="working_group")
    shown: list[str] = []

    def fill_in(dialog: MeetingDialog) -> None:
        assert not dialog.warning_note.isVisibleTo(dialog)
        dialog.date.lineEdit().selectAll()  # over the proposed date
        type_text(dialog.date.lineEdit(), "1420/01/17")
        dialog.date.lineEdit().editingFinished.emit()
        pick_agency(qtbot, dialog.host, type_text, "شهرداری")
        shown.extend(dialog.shown_warnings())
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(view.list.add_button.click, fill_in)

    assert any("جمعه" in warning and "تعطیل" in warning for warning in shown)
    assert any("در همین روز" in warning for warning in shown)
    assert any("میزبان جلسه پیشین" in warning for warning in shown)
    assert services.meetings.count() == 3  # warned, not refused


def test_the_dialog_refuses_an_end_before_the_start_beside_the_field(qtbot, services, agencies, type_text):
    dialog = MeetingDialog(services.meetings, services.agencies)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.lineEdit().selectAll()  # over the proposed date
    type_text(dialog.date.lineEdit(), FUTURE_DATE)
    type_text(dialog.start_time, "11")
    type_text(dialog.end_time, "۹:۳۰")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error("end_time") == "ساعت پایان باید پس از ساعت شروع باشد."
    type_text(dialog.host.lineEdit(), "وزارت نیرو")  # no such agency
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert dialog.form.error("host_agency_id") == "دستگاه را از فهرست انتخاب کنید."
    assert services.meetings.count() == 0


def test_postponing_keeps_the_history_and_cancelling_needs_a_reason(
    qtbot, services, agencies, view, type_text, run_modal
):
    meeting = plan(services, FUTURE_DATE)
    window = view.open_meeting(meeting.id)
    details = window.details

    def postpone(dialog) -> None:
        type_text(dialog.date.lineEdit(), "1420/01/22")
        type_text(dialog.reason, "هم‌زمانی با سفر استاندار")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(details.postpone_button.click, postpone)
    assert window.header.status.text() == "به تعویق افتاده"
    assert "هم‌زمانی با سفر استاندار" in window.header.state.text()
    assert details.postponement_model.rowCount() == 1
    assert details.postponement_model.index(0, 0).data() == "چهارشنبه ۱۵ فروردین ۱۴۲۰"
    assert details.postponement_model.index(0, 1).data() == "چهارشنبه ۲۲ فروردین ۱۴۲۰"

    def cancel_without_reason(dialog) -> None:
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.form.error("reason") == "دلیل لغو جلسه را بنویسید."
        type_text(dialog.reason, "نرسیدن گزارش‌ها")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(details.cancel_button.click, cancel_without_reason)
    record = services.meetings.get(meeting.id)
    assert record.status is MeetingStatus.CANCELLED
    assert record.cancel_reason == "نرسیدن گزارش‌ها"
    assert window.header.status.text() == "لغوشده"
    assert not details.edit_button.isEnabled() and not details.postpone_button.isEnabled()
    assert window.agenda.lock_note.text().endswith("این جلسه لغو شده است.")
    assert not window.agenda.add_button.isEnabled()


def test_the_main_window_has_a_meetings_section_and_a_shortcut_to_plan(qtbot, services, agencies, run_modal):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.navigation.model().stringList()[MEETINGS] == "جلسات"
    assert window.new_meeting_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def cancel(dialog) -> None:
        assert window.current_section() is window.meetings_view
        assert dialog.windowTitle() == "برنامه‌ریزی جلسه تازه"
        dialog.reject()

    run_modal(
        lambda: qtbot.keyClick(
            window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ),
        cancel,
    )
