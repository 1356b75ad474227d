"""The home page of a council just created: the first-run guide, quiet zeros, charts that say so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from tests.support.followup import in_days
from tests.support.meetings import FAR_FUTURE
from tests.support.window_meetings import plan
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.people.appointment_dialog import AppointmentDialog
from ui.window.main_window import AGENCIES, DASHBOARD, MEETINGS


def ticks(window) -> list[bool]:
    return [step.done for step in window.dashboard_view.guide.steps()]


def back_home(window) -> None:
    window.show_section(DASHBOARD)
    QApplication.processEvents()


def hold(services, meeting_id: int) -> None:
    entries = [AttendanceEntry(each.id, "present") for each in services.attendance.invitations(meeting_id)]
    services.attendance.record(meeting_id, entries)


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_council_opens_on_the_guide_and_quiet_zeros(window):
    view = window.dashboard_view
    guide = view.guide
    assert guide.isVisible()
    assert ticks(window) == [False, False, False, False]
    assert guide.agencies.property("stage") == "current"
    assert guide.agencies.button.isEnabled()
    # Nothing to appoint for, no meeting to open yet.
    assert not guide.managers.button.isEnabled() and not guide.minutes.button.isEnabled()
    for card in (view.open_card, view.overdue_card, view.due_card, view.done_card):
        assert card.number.text() == "۰"
        assert not card.alarming()  # a zero overdue is not red
    # The charts say they are empty instead of drawing empty axes.
    for chart in (view.status_chart, view.completion_chart):
        assert chart.empty_state.isVisible()
        assert chart.empty_state.text() == "در دوازده ماه گذشته مصوبه‌ای نیست."
    assert view.completion_chart.chart().axes() == []


def test_the_first_step_adds_an_agency_and_is_ticked(qtbot, window, services, type_text, run_modal):
    guide = window.dashboard_view.guide

    def fill_in(dialog) -> None:
        assert isinstance(dialog, AgencyDialog)
        assert window.stack.currentIndex() == AGENCIES  # taken to the agencies
        type_text(dialog.name, "شهرداری پردیس")
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)

    run_modal(lambda: click(qtbot, guide.agencies.button), fill_in)
    assert services.agencies.find_by_name("شهرداری پردیس") is not None
    assert window.agencies_view.model.total() == 1

    back_home(window)
    assert ticks(window) == [True, False, False, False]
    assert guide.managers.property("stage") == "current"
    assert guide.managers.state.text().endswith("۱ دستگاه هنوز مدیر روابط عمومی ندارد.")


def test_the_first_step_also_offers_the_excel_import(qtbot, window, run_modal):
    guide = window.dashboard_view.guide
    shown = []

    def look(dialog) -> None:
        shown.append(type(dialog).__name__)
        assert window.stack.currentIndex() == AGENCIES
        dialog.reject()

    run_modal(lambda: click(qtbot, guide.agencies.other), look)
    assert shown == ["AgencyImportDialog"]


def test_the_second_step_appoints_for_the_agency_without_a_manager(qtbot, window, services, run_modal):
    town = services.agencies.add(AgencyDraft(name="شهرداری پردیس")).id
    school = services.agencies.add(AgencyDraft(name="آموزش و پرورش")).id
    person = services.people.add(PersonDraft(full_name="مریم احمدی")).id
    services.people.appoint(AppointmentDraft(agency_id=school, person_id=person, start_date="1400/01/15"))
    back_home(window)
    guide = window.dashboard_view.guide
    assert ticks(window) == [True, False, False, False]

    def look(dialog) -> None:
        assert isinstance(dialog, AppointmentDialog)
        assert window.stack.currentIndex() == AGENCIES
        assert window.agencies_view.selected_agency_id() == town  # the one still without a manager
        dialog.reject()

    run_modal(lambda: click(qtbot, guide.managers.button), look)

    other = services.people.add(PersonDraft(full_name="علی رضایی")).id
    services.people.appoint(AppointmentDraft(agency_id=town, person_id=other, start_date="1400/01/15"))
    back_home(window)
    assert ticks(window) == [True, True, False, False]
    assert not guide.managers.button.isEnabled()
    assert guide.meeting.property("stage") == "current"


def test_the_third_and_fourth_steps_plan_and_open_the_first_meeting(qtbot, window, services, run_modal):
    guide = window.dashboard_view.guide

    def look(dialog) -> None:
        assert isinstance(dialog, MeetingDialog)
        assert window.stack.currentIndex() == MEETINGS
        dialog.reject()

    run_modal(lambda: click(qtbot, guide.meeting.button), look)

    meeting = plan(services, FAR_FUTURE)
    back_home(window)
    assert ticks(window) == [False, False, True, False]
    assert guide.agencies.property("stage") == "current"  # the agencies are still to add
    click(qtbot, guide.minutes.button)
    opened = window.meetings_view.open_windows()
    assert [each.meeting_id for each in opened] == [meeting.id]
    for each in opened:
        each.close()


def test_the_guide_leaves_once_a_meeting_is_held(window, services):
    services.agencies.add(AgencyDraft(name="شهرداری پردیس"))
    meeting = plan(services, "1404/02/25")
    hold(services, meeting.id)
    back_home(window)
    assert not window.dashboard_view.guide.isVisible()


def test_the_guide_can_be_closed(qtbot, window):
    guide = window.dashboard_view.guide
    click(qtbot, guide.hide_button)
    assert not guide.isVisible()
    window.dashboard_view.reload()  # it stays closed while the app runs
    assert not guide.isVisible()


def test_the_overdue_card_turns_red_only_when_something_is_overdue(window, services):
    town = services.agencies.add(AgencyDraft(name="شهرداری پردیس")).id
    held = plan(services, in_days(-30))
    hold(services, held.id)
    services.minutes.add_resolution(
        held.id, ResolutionDraft(text="مقرر شد تابلو نصب شود.", lead_agency_id=town, due_date=in_days(-5))
    )
    back_home(window)
    card = window.dashboard_view.overdue_card
    assert card.number.text() == "۱" and card.alarming()
    assert not window.dashboard_view.open_card.alarming()
    assert not window.dashboard_view.status_chart.empty_state.isVisible()
