"""Every open view and window shows what the core saved, wherever the change was made.

The core announces each commit; ``ui.changes`` turns it into Qt signals. A
follow-up window open beside the meeting window hears an amendment made
there; a change made straight through the core, even off the GUI thread,
reaches the open views; and services that were replaced hear nothing more.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from secretariat.changes import Changes
from secretariat.followup.status import ResolutionStatus
from secretariat.members.agencies import AgencyDraft
from tests.support.window_meetings import AGENCIES, FUTURE_DATE, finalized_meeting, make_council, plan
from ui.rtl import RLM
from ui.window.main_window import RESOLUTIONS, MainWindow

NEW_TEXT = "مقرر شد گزارش ماهانه تا دهم هر ماه به دبیرخانه ارسال شود."
NEW_DUE = "۱۴۰۴/۰۶/۱۵"


@pytest.fixture
def agencies(services):
    return make_council(services)


@pytest.fixture
def window(qtbot, services, agencies):
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.resize(1300, 800)
    main.show()
    return main


def shown(label) -> str:
    return label.text().removeprefix(RLM)


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_amendment_in_the_meeting_window_shows_in_the_open_follow_up_window(
    qtbot, services, agencies, window, type_text, run_modal
):
    plan(services, FUTURE_DATE)  # first: the meeting's id and its resolution's differ
    meeting = finalized_meeting(services, agencies)
    [resolution] = services.minutes.resolutions(meeting.id)
    assert meeting.id != resolution.id
    window.show_section(RESOLUTIONS)
    followup = window.register_view.open_followup(resolution.id)
    assert shown(followup.text) == resolution.current_text
    assert shown(followup.due) == "تا جلسه بعد"
    meeting_window = window.show_meeting(meeting.id)
    tab = meeting_window.resolutions
    meeting_window.show_tab(tab)
    assert tab.selected_resolution().id == resolution.id  # the only one, selected on opening

    def amend_text(dialog) -> None:
        dialog.text.clear()
        type_text(dialog.text, NEW_TEXT)
        type_text(dialog.reason, "اصلاح مهلت ارسال")
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.amend_button), amend_text)

    qtbot.waitUntil(lambda: shown(followup.text) == NEW_TEXT)

    def amend_deadline(dialog) -> None:
        click(qtbot, dialog.due_choice)
        dialog.due_date.setText(NEW_DUE)
        type_text(dialog.reason, "درخواست دستگاه مسئول")
        click(qtbot, dialog.save_button())

    run_modal(lambda: click(qtbot, tab.amend_button), amend_deadline)

    qtbot.waitUntil(lambda: shown(followup.due) == NEW_DUE)
    assert shown(followup.text) == NEW_TEXT
    assert followup.deadline_model.rowCount() == 0  # an amendment, not a deadline moved in follow-up
    # The meeting window shows both amendments, and the register the new deadline.
    assert tab.amendment_model.rowCount() == 2
    register = window.register_view
    row = register.model.row_of(resolution.id)
    assert register.model.index(row, register.model.column("due")).data() == NEW_DUE


def test_a_change_made_through_the_core_off_the_gui_thread_reaches_the_open_views(
    qtbot, services, agencies, window
):
    meeting = finalized_meeting(services, agencies)
    [resolution] = services.minutes.resolutions(meeting.id)
    window.show_section(RESOLUTIONS)
    register = window.register_view
    followup = register.open_followup(resolution.id)
    assert followup.row.status is ResolutionStatus.OPEN

    # Not a dialog, not the GUI thread: a script, a worker, another part of the core.
    writer = threading.Thread(
        target=lambda: services.followup.mark_done(resolution.id, evidence="نامه شماره ۱۲۳۴ مورخ ۱۴۰۴/۰۳/۰۱")
    )
    writer.start()
    writer.join()

    qtbot.waitUntil(lambda: followup.row.status is ResolutionStatus.DONE)
    assert "نامه شماره ۱۲۳۴" in followup.state.text()
    row = register.model.row_of(resolution.id)
    assert register.model.index(row, register.model.column("status")).data() == ResolutionStatus.DONE.label


def test_a_change_made_through_the_core_on_the_gui_thread_shows_at_once(services, agencies, window):
    assert len(AGENCIES) == 5 and window.counts.text().startswith("۵ دستگاه فعال")

    services.agencies.add(AgencyDraft(name="شبکه بهداشت و درمان پردیس"))

    assert window.counts.text().startswith("۶ دستگاه فعال")  # no event loop turn needed


def test_one_commit_is_one_announcement_with_every_id(qtbot, services, agencies):
    meeting = finalized_meeting(services, agencies)
    [resolution] = services.minutes.resolutions(meeting.id)
    heard: list[Changes] = []
    services.changes.changed.connect(heard.append)
    resolutions: list[int] = []
    services.changes.resolutions_changed.connect(resolutions.append)

    services.minutes.amend_resolution(resolution.id, reason="اصلاح", author="دبیر", text=NEW_TEXT)

    [changes] = heard
    assert changes.touches_resolution(resolution.id) and changes.touches_meeting(meeting.id)
    assert resolutions == [resolution.id]  # once, though the commit wrote two rows of it


def test_replaced_services_hear_nothing_more(qtbot, services, agencies, window):
    old = window.detach()
    assert old is services
    heard: list[Changes] = []
    services.changes.changed.connect(heard.append)

    services.agencies.add(AgencyDraft(name="شبکه بهداشت و درمان پردیس"))

    assert heard == []


def test_a_record_has_one_window_until_it_is_closed(qtbot, services, agencies, window):
    meeting = finalized_meeting(services, agencies)
    first = window.show_meeting(meeting.id)
    assert window.show_meeting(meeting.id) is first
    assert window.meetings_view.open_windows() == [first]

    first.close()

    assert window.meetings_view.open_windows() == []
    second = window.show_meeting(meeting.id)
    qtbot.addWidget(second)
    assert second is not first
    assert window.close_child_windows()
    assert window.meetings_view.open_windows() == []
