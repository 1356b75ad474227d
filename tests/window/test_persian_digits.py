"""Numbers read in Persian digits while they are typed, and shortcuts read as their keys
(issue 14, point 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from secretariat.members.people import PersonDraft
from ui.meetings.meeting_dialog import MeetingDialog
from ui.people.person_dialog import PersonDialog
from ui.window.main_window import MainWindow


def test_a_time_typed_with_latin_digits_shows_persian_digits(qtbot, services, type_text):
    dialog = MeetingDialog(services.meetings, services.agencies)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.start_time, "10:30")
    assert dialog.start_time.text() == "۱۰:۳۰"
    assert dialog.start_time.cursorPosition() == 5  # the cursor stays at the end of what was typed
    type_text(dialog.end_time, "١٢")  # Arabic-Indic digits too
    assert dialog.end_time.text() == "۱۲"
    dialog.start_time.undo()  # the field's own undo and redo still work
    assert dialog.start_time.text() == ""
    dialog.start_time.redo()
    assert dialog.start_time.text() == "۱۰:۳۰"


def test_a_mobile_typed_or_loaded_with_latin_digits_shows_persian_digits(qtbot, services, type_text):
    person = services.people.add(PersonDraft(full_name="مریم احمدی", mobile="09121234567"))
    dialog = PersonDialog(services.people, person)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields.mobile.text() == "۰۹۱۲۱۲۳۴۵۶۷"
    dialog.fields.mobile.clear()
    type_text(dialog.fields.mobile, "0935")
    assert dialog.fields.mobile.text() == "۰۹۳۵"
    assert dialog.fields.mobile.placeholderText() == "۰۹۱۲۱۲۳۴۵۶۷"


def test_a_name_keeps_the_digits_it_was_typed_with(qtbot, services, type_text):
    dialog = PersonDialog(services.people)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields.full_name, "Ali 2")  # only numeric fields turn digits
    assert dialog.fields.full_name.text() == "Ali 2"


def test_the_print_shortcut_reads_as_its_keys(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    shortcuts = {
        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for action in menu.actions()
        if not action.shortcut().isEmpty()
    }
    assert "Ctrl+P" in shortcuts
    assert not any("کنترل" in shortcut for shortcut in shortcuts)


def test_qt_s_own_words_stay_persian(persian_app):
    # The key-names translator answers only for shortcuts; the rest comes from Qt's Persian catalogue.
    assert persian_app.translate("QFileDialog", "Look in:") != "Look in:"
    assert persian_app.translate("QShortcut", "Ctrl") == "Ctrl"
    assert Qt.LayoutDirection.RightToLeft == persian_app.layoutDirection()
