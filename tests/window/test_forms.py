"""What every form dialog does alike: errors that move no field, Escape that asks
before throwing input away, Enter that saves, date samples near today. Driven
through real dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from secretariat import clock
from secretariat.members.agencies import AgencyDraft
from secretariat.persian import jalali
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.people.person_dialog import PersonDialog
from ui.start.welcome_dialog import WelcomeDialog
from ui.widgets.form_dialog import FormDialog
from ui.widgets.jalali_date_edit import DateSide, JalaliDateEdit

SCREEN_HEIGHT = 768
DISCARD_QUESTION = ("confirm", "تغییرات ذخیره نشده‌اند. کنار گذاشته شوند؟")


def field_places(dialog: FormDialog) -> dict[str, QRect]:
    """Where each field's input is in the dialog: what a person aims the mouse at."""
    QApplication.processEvents()  # the layout settles after a message comes or goes
    places = {}
    for key in dialog.form.keys():
        widget = dialog.form.widget(key)
        places[key] = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
    return places


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_save(qtbot, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)


def erase(qtbot, line: QLineEdit) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)


def close_button(dialog: QWidget) -> None:
    """The window's close button: the window system's close, not the program's close()."""
    QApplication.sendEvent(dialog.windowHandle(), QCloseEvent())


# -- errors move no field -------------------------------------------------------------------


def test_agency_errors_appear_and_go_without_moving_a_field(qtbot, services, type_text):
    dialog = shown(qtbot, AgencyDialog(services.agencies))
    before, height = field_places(dialog), dialog.height()
    assert height <= SCREEN_HEIGHT

    type_text(dialog.email, "pr@")
    type_text(dialog.website, "نشانی")
    type_text(dialog.joined_on.lineEdit(), "۱۴۰۴/۱۲/۳۰")
    click_save(qtbot, dialog)
    assert set(dialog.form.errors()) == {"name", "email", "website", "joined_on"}
    assert field_places(dialog) == before
    assert dialog.height() == height

    type_text(dialog.name, "شهرداری پردیس")
    dialog.email.clear()
    type_text(dialog.email, "pr@pardis.ir")
    dialog.website.clear()
    type_text(dialog.website, "pardis.ir")
    dialog.joined_on.lineEdit().clear()
    type_text(dialog.joined_on.lineEdit(), "۱۴۰۳/۱۲/۳۰")
    assert dialog.form.errors() == {}
    assert field_places(dialog) == before
    assert dialog.height() == height


def test_person_errors_appear_and_go_without_moving_a_field(qtbot, services, type_text):
    dialog = shown(qtbot, PersonDialog(services.people))
    before, height = field_places(dialog), dialog.height()
    type_text(dialog.fields.mobile, "شماره")
    type_text(dialog.fields.email, "ali@")
    click_save(qtbot, dialog)
    assert set(dialog.form.errors()) == {"full_name", "mobile", "email"}
    assert field_places(dialog) == before

    type_text(dialog.fields.full_name, "علی رضایی")
    erase(qtbot, dialog.fields.mobile)
    erase(qtbot, dialog.fields.email)
    assert dialog.form.errors() == {}
    assert field_places(dialog) == before
    assert dialog.height() == height <= SCREEN_HEIGHT


def test_meeting_errors_appear_and_go_without_moving_a_field(qtbot, services, council, type_text):
    dialog = shown(qtbot, MeetingDialog(services.meetings, services.agencies))
    before, height = field_places(dialog), dialog.height()
    dialog.date.lineEdit().clear()
    type_text(dialog.start_time, "۲۵")
    click_save(qtbot, dialog)
    assert set(dialog.form.errors()) == {"date", "start_time"}
    assert field_places(dialog) == before

    type_text(dialog.date.lineEdit(), "۱۴۰۵/۰۲/۲۰")
    dialog.start_time.clear()
    type_text(dialog.start_time, "۱۰")
    assert dialog.form.errors() == {}
    assert field_places(dialog) == before
    assert dialog.height() == height <= SCREEN_HEIGHT


def test_a_message_about_the_whole_form_shows_above_the_buttons_and_then_goes(qtbot, services, type_text):
    record = services.agencies.add(AgencyDraft(name="اداره پست"))
    dialog = shown(qtbot, AgencyDialog(services.agencies, record))
    before, height = field_places(dialog), dialog.height()
    services.agencies.delete(record.id)  # by another user, meanwhile

    click_save(qtbot, dialog)
    assert "در فهرست نیست" in dialog.form.general_error()
    assert field_places(dialog) == before  # it shows under the last field, not above the first

    type_text(dialog.phones, "۰۲۱")
    assert dialog.form.general_error() == ""
    assert field_places(dialog) == before
    assert dialog.height() == height  # not left taller, with a gap where the message was


# -- Escape asks before throwing input away ---------------------------------------------------


def test_escape_closes_an_untouched_form_at_once(qtbot, services, message_boxes):
    record = services.agencies.add(AgencyDraft(name="اداره پست", email="pr@post.ir"))
    dialog = shown(qtbot, AgencyDialog(services.agencies, record))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert message_boxes.shown == []


def test_escape_over_changes_asks_and_keeps_editing_when_told(qtbot, services, message_boxes, type_text):
    dialog = shown(qtbot, AgencyDialog(services.agencies))
    type_text(dialog.name, "شهرداری پردیس")
    message_boxes.answer = False  # «ادامهٔ ویرایش»
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert message_boxes.shown == [DISCARD_QUESTION]
    assert dialog.isVisible()
    assert dialog.name.text() == "شهرداری پردیس"

    message_boxes.answer = True  # «کنار گذاشتن»
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.agencies.count() == 0


def test_cancel_and_the_close_button_ask_too(qtbot, services, message_boxes, type_text):
    dialog = shown(qtbot, PersonDialog(services.people))
    type_text(dialog.fields.notes, "تلفن همراه را فقط در ساعت اداری")
    message_boxes.answer = False
    cancel = next(b for b in dialog.findChildren(type(dialog.save_button())) if b.text() == "انصراف")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    close_button(dialog)
    assert message_boxes.shown == [DISCARD_QUESTION, DISCARD_QUESTION]
    assert dialog.isVisible()
    assert dialog.fields.notes.toPlainText() == "تلفن همراه را فقط در ساعت اداری"


def test_text_typed_and_erased_again_is_no_change(qtbot, services, message_boxes, type_text):
    dialog = shown(qtbot, MeetingDialog(services.meetings, services.agencies))
    type_text(dialog.venue, "سالن")
    dialog.venue.clear()
    dialog.kind.setCurrentIndex(1)
    dialog.kind.setCurrentIndex(0)
    close_button(dialog)
    assert not dialog.isVisible()
    assert message_boxes.shown == []


def test_the_welcome_form_asks_before_a_council_typed_in_is_lost(
    qtbot, message_boxes, type_text, persian_app
):
    dialog = shown(qtbot, WelcomeDialog(lambda draft: pytest.fail("nothing is saved"), start_on_form=True))
    type_text(dialog.fields.name, "شورای هماهنگی روابط عمومی‌های شهرستان پردیس")
    message_boxes.answer = False
    qtbot.keyClick(dialog.fields.name, Qt.Key.Key_Escape)
    assert dialog.isVisible() and message_boxes.shown == [DISCARD_QUESTION]


# -- Enter saves, except in a text box ----------------------------------------------------------


def test_enter_saves_from_a_line_but_starts_a_new_line_in_a_text_box(qtbot, services, type_text):
    dialog = shown(qtbot, AgencyDialog(services.agencies))
    type_text(dialog.name, "شهرداری پردیس")
    type_text(dialog.address, "پردیس، فاز یک")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    type_text(dialog.address, "ساختمان شهرداری")
    assert dialog.isVisible()
    assert dialog.address.toPlainText() == "پردیس، فاز یک\nساختمان شهرداری"

    qtbot.keyClick(dialog.phones, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.agencies.get(dialog.saved.id).address == "پردیس، فاز یک\nساختمان شهرداری"


# -- dates: samples near today, a proposed meeting day -------------------------------------------


@pytest.fixture
def azar_20_1405(monkeypatch):
    """Today, as the forms read it: 20 Azar 1405 (a Friday)."""
    today = jalali.from_jalali(1405, 9, 20)
    monkeypatch.setattr(clock, "today", lambda: today)
    return today


def test_a_date_fields_sample_lies_on_its_side_of_today(qtbot, services, azar_20_1405):
    dialog = shown(qtbot, AgencyDialog(services.agencies))
    assert dialog.joined_on.lineEdit().placeholderText() == "مثلاً ۱۴۰۵/۰۸/۲۰"  # joined: before today
    assert JalaliDateEdit(side=DateSide.FUTURE).lineEdit().placeholderText() == "مثلاً ۱۴۰۵/۱۰/۲۰"
    assert JalaliDateEdit().lineEdit().placeholderText() == "مثلاً ۱۴۰۵/۰۹/۲۰"


def test_planning_a_meeting_proposes_a_working_day_and_that_is_no_change(
    qtbot, services, council, message_boxes, azar_20_1405
):
    dialog = shown(qtbot, MeetingDialog(services.meetings, services.agencies))
    # No meeting yet: a week on, and that week's Friday is the weekly holiday.
    assert dialog.date.date() == azar_20_1405 + dt.timedelta(days=8)
    assert dialog.date.text() == "۱۴۰۵/۰۹/۲۸"  # a Saturday
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and message_boxes.shown == []

    dialog = shown(qtbot, MeetingDialog(services.meetings, services.agencies, date=azar_20_1405))
    assert dialog.date.date() == azar_20_1405  # a day chosen on the calendar stays chosen
