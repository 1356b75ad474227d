"""A council just created, for ``--screenshots``: the home page's first-run guide, and what
each list says while it is empty (``ui/widgets/empty_state.py``).

These steps photograph a second main window on a council of their own, in a
temporary database (``Stage.empty_window``), not the demo: the demo is never
empty. The last steps add to that council (two agencies, one PR manager, a
meeting), to show the guide ticking and a new meeting's empty tabs; the
temporary database is deleted at the end.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from tools.screenshots.stage import Stage
from ui.meetings.window.meeting_window import MeetingWindow
from ui.window.main_window import AGENCIES, DASHBOARD, PEOPLE, RESOLUTIONS

FIRST_MEETING = "1420/01/15"  # always to come


def dashboard(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_section(DASHBOARD)
    return window


def agencies(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_section(AGENCIES)
    return window


def people(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_section(PEOPLE)
    return window


def calendar(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_meeting_calendar()
    return window


def meeting_list(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_meeting_list()
    return window


def register(stage: Stage) -> QWidget:
    window = stage.empty_window()
    window.show_section(RESOLUTIONS)
    return window


def register_no_match(stage: Stage) -> QWidget:
    """A search that finds nothing: the list offers to clear it."""
    window = stage.empty_window()
    window.show_section(RESOLUTIONS)
    view = window.register_view
    view.search_box.setText("نمایشگاه")
    view.search_box.flush()
    return window


def dashboard_in_progress(stage: Stage) -> QWidget:
    """Two agencies (one with its PR manager) and a meeting planned: three steps under way."""
    services = stage.empty_services()
    window = stage.empty_window()
    window.register_view.clear_filters()
    town = services.agencies.add(AgencyDraft(name="شهرداری نمونه")).id
    services.agencies.add(AgencyDraft(name="اداره آموزش و پرورش شهرستان نمونه"))
    person = services.people.add(PersonDraft(full_name="مریم احمدی")).id
    services.people.appoint(AppointmentDraft(agency_id=town, person_id=person, start_date="1404/01/15"))
    services.meetings.plan(MeetingDraft(date=FIRST_MEETING, start_time="10:00", host_agency_id=town))
    window.show_section(DASHBOARD)
    window.dashboard_view.reload()
    return window


def new_meeting_agenda(stage: Stage) -> QWidget:
    """The first meeting's window: its agenda is empty and says what goes in it."""
    services = stage.empty_services()
    meeting_id = services.first_steps.load().meeting_to_hold
    if meeting_id is None:
        return stage.empty_window()
    meeting_window = MeetingWindow(services, meeting_id, stage.empty_window())
    stage.track(meeting_window)
    meeting_window.show()
    meeting_window.tabs.setCurrentWidget(meeting_window.agenda)
    return meeting_window


SHOTS: list[tuple[str, Callable[[Stage], QWidget]]] = [
    ("empty-dashboard", dashboard),
    ("empty-agencies", agencies),
    ("empty-people", people),
    ("empty-meetings-calendar", calendar),
    ("empty-meeting-list", meeting_list),
    ("empty-register", register),
    ("empty-register-no-match", register_no_match),
    ("empty-dashboard-in-progress", dashboard_in_progress),
    ("empty-meeting-agenda", new_meeting_agenda),
]
