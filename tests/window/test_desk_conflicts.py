"""Two desks editing one record, through the real forms: the later save is refused, the form shows
the newer record and the message naming who saved it; saved again, both changes are kept.

The window's desk is the test's ``services``; the other desk is a second
``Secretariat`` opened on the same database file, as another PC would.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft, draft_from_record
from secretariat.members.people import PersonDraft
from secretariat.office.accounts import UserDraft
from secretariat.persian.text import to_latin_digits
from ui.agencies.agencies_view import AgenciesView
from ui.agencies.agency_dialog import AgencyDialog
from ui.meetings.meeting_dialog import MeetingDialog
from ui.office.desk_news import DeskNews
from ui.people.person_dialog import PersonDialog

NOW = dt.datetime(2025, 5, 3, 9, 5)  # ۰۹:۰۵
OTHER_USER = "مریم احمدی"


def refusal(who: str) -> str:
    return (
        f"این رکورد را {who} در ساعت ۰۹:۰۵ تغییر داده است؛ آخرین نسخه نمایش داده شد. "
        "تغییرات خود را دوباره وارد کنید."
    )


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW.astimezone())
    monkeypatch.setattr(clock, "today", lambda: NOW.date())


@pytest.fixture
def other_desk(services, council, database):
    """The second desk: the expert مریم احمدی, signed in on the same file (this desk's secretary
    made her account)."""
    services.users.add(UserDraft("ali", "علی رضایی", "secretary", "ali-pass-1404"))
    services.users.add(UserDraft("maryam", OTHER_USER, "expert", "maryam-pass-1404"))
    desk = Secretariat.open(database.path)
    desk.users.sign_in("maryam", "maryam-pass-1404")
    yield desk
    desk.close()


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)


def test_the_agency_form_refuses_a_save_over_the_other_desks_and_shows_the_newer_record(
    qtbot, services, other_desk, type_text, run_modal
):
    record = services.agencies.add(AgencyDraft(name="اداره کل آموزش و پرورش", phones="021-1111"))
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.show()
    view.select_agency(record.id)
    seen: dict[str, object] = {}

    def edit_meanwhile(dialog: AgencyDialog) -> None:
        # The other desk saves a new phone number while this form is open.
        theirs = draft_from_record(other_desk.agencies.get(record.id))
        other_desk.agencies.update(
            record.id, AgencyDraft(**{**vars(theirs), "phones": "021-2222"}), expected_version=1
        )
        dialog.name.selectAll()
        type_text(dialog.name, "آموزش و پرورش استان")
        save(qtbot, dialog)
        seen["open"] = dialog.isVisible()
        seen["message"] = dialog.form.general_error()
        seen["fields"] = (dialog.name.text(), dialog.phones.text())
        seen["asks before closing"] = dialog.changes.changed()
        # Entered again over the newer record, the change goes through.
        dialog.name.selectAll()
        type_text(dialog.name, "آموزش و پرورش استان")
        save(qtbot, dialog)
        seen["closed"] = not dialog.isVisible()

    run_modal(view.edit_button.click, edit_meanwhile)

    assert seen["open"] is True
    assert seen["message"] == refusal(OTHER_USER)
    # The newer record, not what was typed: the other desk's phone number, the name as it was.
    assert seen["fields"] == ("اداره کل آموزش و پرورش", "۰۲۱-۲۲۲۲")
    assert seen["asks before closing"] is False
    assert seen["closed"] is True
    now = services.agencies.get(record.id)
    assert (now.name, to_latin_digits(now.phones), now.version) == ("آموزش و پرورش استان", "021-2222", 3)
    assert [row.username for row in services.audit.history("agency", record.id)] == ["ali", "maryam", "ali"]


def test_the_person_form_shows_the_newer_record_on_a_conflict(qtbot, services, other_desk, type_text):
    person = services.people.add(PersonDraft(full_name="زهرا کریمی"))
    dialog = PersonDialog(services.people, services.people.get(person.id))
    qtbot.addWidget(dialog)
    dialog.show()
    other_desk.people.update(person.id, PersonDraft(full_name="زهرا کریمی", mobile="09121234567"))
    type_text(dialog.fields.honorific, "دکتر")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.general_error() == refusal(OTHER_USER)
    assert (dialog.fields.honorific.text(), dialog.fields.mobile.text()) == ("", "۰۹۱۲۱۲۳۴۵۶۷")
    assert services.people.get(person.id).honorific == ""


def test_the_meeting_form_shows_the_newer_record_on_a_conflict(qtbot, services, other_desk, type_text):
    meeting = services.meetings.plan(MeetingDraft(date="1420/01/15", venue="سالن اجتماعات")).meeting
    dialog = MeetingDialog(services.meetings, services.agencies, services.meetings.get(meeting.id))
    qtbot.addWidget(dialog)
    dialog.show()
    other_desk.meetings.update(meeting.id, MeetingDraft(date="1420/01/15", venue="تالار شهرداری"))
    dialog.occasion.clear()
    type_text(dialog.occasion, "روز ملی روابط عمومی")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.general_error() == refusal(OTHER_USER)
    assert (dialog.venue.text(), dialog.occasion.text()) == ("تالار شهرداری", "")
    save(qtbot, dialog)  # nothing entered again: the newer record saved as it is
    assert not dialog.isVisible()
    assert services.meetings.get(meeting.id).venue == "تالار شهرداری"


def test_the_window_hears_the_other_desks_saves(qtbot, services, other_desk):
    record = services.agencies.add(AgencyDraft(name="بانک ملی"))
    view = AgenciesView(services)
    qtbot.addWidget(view)
    view.show()
    news = DeskNews(services.database)
    news.start()
    other_desk.agencies.update(record.id, AgencyDraft(name="بانک ملی ایران"))
    with qtbot.waitSignal(services.changes.agency_changed, timeout=10_000) as heard:
        news.ask()
    assert heard.args == [record.id]
    qtbot.waitUntil(lambda: view.model.index(0, view.model.column("name")).data() == "بانک ملی ایران")
    news.stop()


def test_the_resolution_form_shows_the_newer_record_on_a_conflict(qtbot, services, other_desk, type_text):
    from secretariat.meetings.attendance import AttendanceEntry
    from secretariat.meetings.minutes import ResolutionDraft
    from ui.meetings.window.resolution_dialog import ResolutionDialog

    lead = services.agencies.add(AgencyDraft(name="فرمانداری")).id
    held = services.meetings.plan(MeetingDraft(date="1403/05/10")).meeting
    present = [AttendanceEntry(each.id, "present") for each in services.attendance.invitations(held.id)]
    services.attendance.record(held.id, present)
    resolution = services.minutes.add_resolution(
        held.id, ResolutionDraft(text="برگزاری نمایشگاه", lead_agency_id=lead, due_next_meeting=True)
    )
    detail = services.meetings.detail(held.id)
    dialog = ResolutionDialog(services.minutes, services.agencies, detail.meeting, detail.agenda, resolution)
    qtbot.addWidget(dialog)
    dialog.show()
    other_desk.minutes.update_resolution(
        resolution.id,
        ResolutionDraft(text="برگزاری نمایشگاه کتاب", lead_agency_id=lead, due_next_meeting=True),
    )
    dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.general_error() == refusal(OTHER_USER)
    assert (dialog.text.toPlainText(), dialog.priority.currentData()) == ("برگزاری نمایشگاه کتاب", "normal")
    assert services.minutes.resolution(resolution.id).priority.value == "normal"
