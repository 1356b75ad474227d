"""Every list says why it is empty and what to do: over the real tables of a new council."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import PersonDraft
from tests.support.followup import in_days
from tests.support.meetings import FAR_FUTURE
from tests.support.window_meetings import plan
from ui.agencies.agencies_view import AgenciesView
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.meeting_list import MeetingList
from ui.meetings.window.meeting_window import MeetingWindow
from ui.resolutions.followup_window import FollowUpWindow
from ui.widgets.empty_state import EmptyAction, EmptyMessage, EmptyState
from ui.window.main_window import AGENCIES, MEETINGS, PEOPLE, RESOLUTIONS


def shown(state: EmptyState) -> bool:
    return state.isVisibleTo(state.parentWidget())


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisibleTo(button.window())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def search(view, text: str) -> None:
    view.search_box.setText(text)
    view.search_box.flush()


# -- the widget ------------------------------------------------------------------------------


def test_the_empty_state_follows_its_model(qtbot):
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["نام", "تلفن"])
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(600, 400)
    pressed = []
    state = EmptyState(
        table,
        EmptyMessage("هنوز چیزی نیست.", "بیفزایید.", (EmptyAction("افزودن", lambda: pressed.append(1)),)),
    )
    table.show()
    qtbot.waitExposed(table)
    assert state.isVisible() and state.text() == "هنوز چیزی نیست." and state.hint() == "بیفزایید."
    # It lies over the rows, not the header: the columns still say what the list holds.
    assert state.geometry() == table.viewport().geometry()
    assert table.horizontalHeader().isVisible()
    click(qtbot, state.buttons["افزودن"])
    assert pressed == [1]

    model.appendRow([QStandardItem("شهرداری"), QStandardItem("۰۲۱")])
    assert not state.isVisible()
    model.removeRow(0)
    assert state.isVisible()
    model.appendRow([QStandardItem("پست"), QStandardItem("")])
    model.clear()  # a reset
    assert state.isVisible()

    table.resize(800, 500)
    assert state.geometry() == table.viewport().geometry()


# -- the sections ------------------------------------------------------------------------------


def test_the_agencies_say_to_add_the_first_one(qtbot, services, council, type_text, run_modal):
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    state = view.empty_state
    assert shown(state) and state.text() == "هنوز دستگاهی در فهرست اعضای شورا نیست."
    assert not view.detail.isVisible()  # nothing to select: the empty list has the room

    def fill_in(dialog: AgencyDialog) -> None:
        type_text(dialog.name, "شهرداری پردیس")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: click(qtbot, state.buttons["add"]), fill_in)
    assert view.model.total() == 1
    assert not shown(state)
    assert view.detail.isVisible()

    search(view, "بهداشت")
    assert shown(state) and state.text() == "هیچ دستگاهی با این جست‌وجو پیدا نشد."
    click(qtbot, state.buttons["clear"])
    assert view.search_box.text() == "" and view.model.total() == 1
    assert not shown(state)


def test_only_inactive_agencies_are_hidden_not_missing(qtbot, services, council):
    closed = services.agencies.add(AgencyDraft(name="اداره منحل‌شده")).id
    services.agencies.set_active(closed, False)
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.show()
    assert shown(view.empty_state)
    assert view.empty_state.text() == "هیچ دستگاهی با این جست‌وجو پیدا نشد."
    click(qtbot, view.empty_state.buttons["clear"])
    assert view.show_inactive.isChecked() and view.model.total() == 1
    assert not shown(view.empty_state)


def test_the_people_lead_to_the_agencies(qtbot, window, services):
    window.show_section(PEOPLE)
    view = window.people_view
    assert shown(view.empty_state) and view.empty_state.text() == "هنوز کسی ثبت نشده است."
    click(qtbot, view.empty_state.buttons["agencies"])
    assert window.stack.currentIndex() == AGENCIES

    services.people.add(PersonDraft(full_name="مریم احمدی"))
    assert view.model.total() == 1 and not shown(view.empty_state)


def test_the_meeting_list_asks_for_the_first_meeting_then_offers_to_clear_its_filters(
    qtbot, services, council
):
    meetings = MeetingList(services)
    qtbot.addWidget(meetings)
    meetings.show()
    state = meetings.empty_state
    assert shown(state) and state.text() == "هنوز جلسه‌ای برنامه‌ریزی نشده است."
    asked = []
    meetings.plan_requested.connect(lambda: asked.append(True))
    click(qtbot, state.buttons["add"])
    assert asked == [True]

    plan(services, FAR_FUTURE)
    assert meetings.model.total() == 1 and not shown(state)
    meetings.kind_filter.setCurrentIndex(meetings.kind_filter.findData("general_assembly"))
    assert shown(state) and state.text() == "هیچ جلسه‌ای با این جست‌وجو و فیلترها پیدا نشد."
    click(qtbot, state.buttons["clear"])
    assert meetings.kind_filter.currentIndex() == 0 and meetings.model.total() == 1
    assert not shown(state)


def test_the_empty_register_says_resolutions_come_from_the_minutes(qtbot, window, run_modal):
    window.show_section(RESOLUTIONS)
    state = window.register_view.empty_state
    assert shown(state) and state.text() == "هنوز مصوبه‌ای ثبت نشده است."
    assert "صورتجلسه" in state.hint()

    def look(dialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        assert window.stack.currentIndex() == MEETINGS
        dialog.reject()

    run_modal(lambda: click(qtbot, state.buttons["plan"]), look)


def test_a_register_search_that_finds_nothing_can_be_cleared(qtbot, window, services):
    town = services.agencies.add(AgencyDraft(name="شهرداری پردیس")).id
    held = plan(services, in_days(-30))
    services.attendance.record(
        held.id, [AttendanceEntry(i.id, "present") for i in services.attendance.invitations(held.id)]
    )
    services.minutes.add_resolution(
        held.id, ResolutionDraft(text="مقرر شد تابلو نصب شود.", lead_agency_id=town, due_next_meeting=True)
    )
    window.show_section(RESOLUTIONS)
    register = window.register_view
    state = register.empty_state
    assert register.model.total() == 1 and not shown(state)

    search(register, "نمایشگاه")
    register.due_filter.setCurrentIndex(1)
    assert register.model.total() == 0
    assert shown(state) and state.text() == "هیچ مصوبه‌ای با این جست‌وجو پیدا نشد."
    click(qtbot, state.buttons["clear"])
    assert register.search_box.text() == "" and register.due_filter.currentIndex() == 0
    assert register.model.total() == 1 and not shown(state)


# -- a meeting's window and a resolution's follow-up -------------------------------------------------


def test_a_new_meetings_tabs_say_what_goes_in_them(qtbot, services, council):
    meeting = plan(services, FAR_FUTURE)  # the council has no agency: nobody is invited
    window = MeetingWindow(services, meeting.id)
    qtbot.addWidget(window)
    window.show()
    agenda = window.agenda.empty_state
    assert shown(agenda) and agenda.text() == "دستور کار این جلسه هنوز خالی است."
    assert set(agenda.buttons) == {"add", "review"}
    assert shown(window.invitees.empty_state) and set(window.invitees.empty_state.buttons) == {
        "agency",
        "guest",
    }
    assert window.attendance.empty_state.text().startswith("فهرست حضور و غیاب خالی است")
    assert shown(window.resolutions.empty_state)
    assert window.resolutions.empty_state.buttons == {}  # not held: the note says when they are written
    assert shown(window.attachments.empty_state)
    assert set(window.attachments.empty_state.buttons) == {"document"}

    services.agenda.add(meeting.id, AgendaItemDraft(title="برنامه‌های هفته روابط عمومی"))
    QApplication.processEvents()
    assert window.agenda.model.rowCount() == 1
    assert not shown(window.agenda.empty_state)
    window.close()


def test_a_held_meeting_offers_to_write_its_first_resolution(qtbot, services, council):
    services.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    meeting = plan(services, in_days(-3))
    services.attendance.record(
        meeting.id, [AttendanceEntry(i.id, "present") for i in services.attendance.invitations(meeting.id)]
    )
    window = MeetingWindow(services, meeting.id)
    qtbot.addWidget(window)
    window.show()
    assert not shown(window.attendance.empty_state) and not shown(window.invitees.empty_state)
    assert set(window.resolutions.empty_state.buttons) == {"add"}
    window.close()


def test_the_follow_up_log_says_nothing_is_recorded_yet(qtbot, services, council):
    town = services.agencies.add(AgencyDraft(name="شهرداری پردیس")).id
    held = plan(services, in_days(-30))
    services.attendance.record(
        held.id, [AttendanceEntry(i.id, "present") for i in services.attendance.invitations(held.id)]
    )
    resolution = services.minutes.add_resolution(
        held.id, ResolutionDraft(text="مقرر شد تابلو نصب شود.", lead_agency_id=town, due_next_meeting=True)
    )
    window = FollowUpWindow(services, resolution.id, held.id)
    qtbot.addWidget(window)
    window.show()
    state = window.log_tab.empty_state
    assert shown(state) and state.text() == "برای این مصوبه هنوز پیگیری‌ای ثبت نشده است."

    services.followup.add(resolution.id, FollowUpDraft(date=in_days(-1), note="نامه به شهرداری فرستاده شد."))
    QApplication.processEvents()
    assert window.log_model.rowCount() == 1 and not shown(state)
    window.close()
