"""«شماره‌گذاری جلسات» in the council form: a council moving from paper at its 30th meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from secretariat.meetings.kinds import MeetingSeries
from secretariat.meetings.numbering_start import NumberingStart, NumberingStartDraft, field_key
from tests.support.window_meetings import HELD_DATE, held_meeting, make_council, plan
from ui.council.council_form import CouncilDialog


def open_form(qtbot, services) -> CouncilDialog:
    dialog = CouncilDialog(services.council, services.council.get())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def series_row(dialog: CouncilDialog, series: MeetingSeries):
    return next(edit for edit in dialog.numbering.series if edit.state.start.series is series)


def retype(type_text, edit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    type_text(edit, text)


def starts(services) -> dict[MeetingSeries, NumberingStart]:
    return {state.start.series: state.start for state in services.council.numbering()}


def test_the_first_meeting_in_the_app_is_given_its_paper_number(qtbot, services, type_text):
    make_council(services)
    planned = plan(services)
    dialog = open_form(qtbot, services)
    council = series_row(dialog, MeetingSeries.COUNCIL)
    assert (council.number.text(), council.year_number.text()) == ("۱", "۱")  # Persian digits

    retype(type_text, council.number, "۳۰")
    retype(type_text, council.year_number, "5")  # any digits
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert starts(services)[MeetingSeries.COUNCIL] == NumberingStart(MeetingSeries.COUNCIL, 30, 5)
    assert starts(services)[MeetingSeries.GENERAL_ASSEMBLY] == NumberingStart(MeetingSeries.GENERAL_ASSEMBLY)
    assert services.meetings.get(planned.id).title == "سی‌امین جلسه"


def test_a_wrong_start_is_told_beside_its_series_and_nothing_is_saved(qtbot, services, type_text):
    make_council(services)
    dialog = open_form(qtbot, services)
    assembly = series_row(dialog, MeetingSeries.GENERAL_ASSEMBLY)
    retype(type_text, assembly.number, "۳")
    retype(type_text, assembly.year_number, "۷")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    key = field_key(MeetingSeries.GENERAL_ASSEMBLY)
    assert dialog.form.errors() == {key: "شماره در سال (۷) از شماره کل (۳) بیشتر نمی‌شود."}
    assert starts(services)[MeetingSeries.GENERAL_ASSEMBLY].number == 1
    retype(type_text, assembly.year_number, "۲")
    assert dialog.form.error(key) == ""  # withdrawn as it is fixed
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assembly_start = starts(services)[MeetingSeries.GENERAL_ASSEMBLY]
    assert (assembly_start.number, assembly_start.year_number) == (3, 2)


def test_a_series_with_a_held_meeting_shows_its_start_read_only_and_why(qtbot, services, type_text):
    agencies = make_council(services)
    services.council.set_numbering_start(NumberingStartDraft("council", "30", "5"))
    held_meeting(services, agencies)
    dialog = open_form(qtbot, services)
    council = series_row(dialog, MeetingSeries.COUNCIL)
    assembly = series_row(dialog, MeetingSeries.GENERAL_ASSEMBLY)

    assert council.number.isReadOnly() and council.year_number.isReadOnly()
    assert (council.number.text(), council.year_number.text()) == ("۳۰", "۵")
    assert council.fixed_note.isVisible()
    assert council.fixed_note.text().endswith(
        "ثابت است: «سی‌امین جلسه» برگزار شده و شماره جلسه‌های برگزارشده تغییر نمی‌کند."
    )
    assert not assembly.number.isReadOnly() and not assembly.fixed_note.isVisible()
    type_text(council.number, "9")
    assert council.number.text() == "۳۰"

    # The rest of the form saves as before.
    retype(type_text, dialog.fields.secretary, "مریم احمدی")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services.council.get().secretary == "مریم احمدی"
    assert starts(services)[MeetingSeries.COUNCIL] == NumberingStart(MeetingSeries.COUNCIL, 30, 5)


def test_a_meeting_held_while_the_form_was_open_refuses_the_change_beside_its_series(
    qtbot, services, type_text
):
    agencies = make_council(services)
    dialog = open_form(qtbot, services)
    held_meeting(services, agencies, date=HELD_DATE)  # on another PC, meanwhile
    council = series_row(dialog, MeetingSeries.COUNCIL)
    retype(type_text, council.number, "۳۰")
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.form.error(field_key(MeetingSeries.COUNCIL)).startswith(
        "شماره‌گذاری جلسات شورا دیگر تغییر نمی‌کند: «نخستین جلسه» برگزار شده"
    )
    assert starts(services)[MeetingSeries.COUNCIL].number == 1


def test_the_form_is_whole_on_a_laptop_screen_and_its_hints_are_not_cut(qtbot, services):
    agencies = make_council(services)
    held_meeting(services, agencies)  # a fixed series: its note shows too
    dialog = open_form(qtbot, services)
    dialog.adjustSize()  # as Qt does on showing it: at most two thirds of the screen
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.height() <= min(room.height(), 768) and dialog.width() <= 1366
    wrapped = [label for label in dialog.findChildren(QLabel) if label.wordWrap() and label.isVisible()]
    assert len(wrapped) >= 2  # the hint and the fixed series' note
    for label in wrapped:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
