"""The audit trail in the window: the secretary's browser (filters, pages read as scrolled, the
change in full), a meeting's history tab following its changes, and the browser greyed for
another role, saying why."""

from __future__ import annotations

import pytest

from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.roles import Permission, refusal
from secretariat.persian.text import format_int
from ui.audit.audit_models import AuditTableModel
from ui.meetings.window.meeting_window import MeetingWindow
from ui.widgets.table_setup import select_row

SECRETARY = UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12")
EXPERT = UserDraft("ali", "علی رضایی", "expert", "secret-34")


@pytest.fixture
def office(services, council):
    """Two people at work: the secretary adds agencies, the expert renames one and adds more."""
    services.users.add(SECRETARY)
    services.users.add(EXPERT)
    for number in range(1, 9):
        services.agencies.add(AgencyDraft(name=f"اداره شماره {number}"))
    services.users.sign_in(EXPERT.username, EXPERT.password)
    first = services.agencies.page(limit=1)[0].id
    services.agencies.update(first, AgencyDraft(name="اداره کل ارشاد اسلامی"))
    for number in range(9, 12):
        services.agencies.add(AgencyDraft(name=f"اداره شماره {number}"))
    services.users.sign_in(SECRETARY.username, SECRETARY.password)
    return services


def rows_of(browser) -> list:
    model = browser.model
    return [model.record(row) for row in range(model.rowCount())]


def test_the_browser_filters_by_user_and_kind_reads_by_the_page_and_shows_a_change_whole(
    qtbot, window, office, monkeypatch
):
    monkeypatch.setattr(AuditTableModel, "PAGE_SIZE", 5)
    browser = window.show_audit()
    qtbot.addWidget(browser)
    everything = office.audit.count()
    assert browser.model.total() == everything > 15
    assert browser.model.held_rows() < everything  # read a page at a time, not all at once
    assert browser.count.text() == f"{format_int(everything)} تغییر"

    browser.user_filter.setCurrentIndex(browser.user_filter.findData("ali"))
    assert browser.user_filter.currentText() == "علی رضایی (ali)"
    by_ali = rows_of(browser)
    assert {row.username for row in by_ali} == {"ali"} and len(by_ali) == 5  # signed in, 1 rename, 3 added
    browser.kind_filter.setCurrentIndex(browser.kind_filter.findData("agency"))
    renamed_and_added = rows_of(browser)
    assert [row.action for row in renamed_and_added] == [
        "create",
        "create",
        "create",
        "change",
    ]  # newest first

    select_row(browser.table, 3)
    details = browser.details
    assert "ویرایش دستگاه" in details.heading.text() and "علی رضایی" in details.heading.text()
    model = details.model
    assert [model.data(model.index(0, column)) for column in range(3)] == [
        "نام",
        "اداره شماره ۱",
        "اداره کل ارشاد اسلامی",
    ]

    browser.clear_filters()
    assert browser.model.total() == everything
    # A change made anywhere comes in at the top.
    office.agencies.add(AgencyDraft(name="بانک ملی"))
    browser.model.wait_for_reads()
    assert browser.model.total() == everything + 1
    newest = browser.model.record(0)
    assert (newest.kind, newest.action, newest.username) == ("agency", "create", "zahra")


def test_a_period_typed_in_any_digits_filters_and_a_backward_one_is_refused_beside_it(qtbot, window, office):
    browser = window.show_audit()
    qtbot.addWidget(browser)
    browser.from_filter.setText("1399/01/01")  # long before anything was saved
    browser.to_filter.setText("۱۳۹۹/۱۲/۳۰")
    browser.to_filter.lineEdit().editingFinished.emit()
    browser.from_filter.lineEdit().editingFinished.emit()
    assert browser.model.total() == 0 and browser.count.text() == "با این فیلترها تغییری نیست."
    assert not browser.print_button.isEnabled()
    browser.from_filter.setText("1400/01/01")
    browser.from_filter.lineEdit().editingFinished.emit()
    assert "پیش از" in browser.to_filter.error()
    browser.clear_filters()
    assert browser.to_filter.error() == "" and browser.model.total() > 0


def test_a_meetings_history_tab_lists_its_creation_and_follows_a_change(qtbot, services, council):
    agency = services.agencies.add(AgencyDraft(name="بانک ملی")).id
    meeting = services.meetings.plan(MeetingDraft(kind="regular", date="1404/02/10", host_agency_id=agency))
    window = MeetingWindow(services, meeting.meeting.id)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.history)
    history = window.history.history
    entries = history.entries()
    assert (entries[0].kind, entries[0].action) == ("meeting", "create")
    assert history.model.data(history.model.index(0, history.model.column("action"))) == "ثبت"
    assert history.count.text() == f"{format_int(len(entries))} تغییر، از قدیم به جدید"

    services.agenda.add(meeting.meeting.id, AgendaItemDraft(title="گزارش هفته کتاب"))
    qtbot.waitUntil(lambda: len(history.entries()) == len(entries) + 1)
    added = history.entries()[-1]
    assert (added.kind, added.action) == ("agenda_item", "create")
    assert history.selected_entry() == added  # the newest selected, shown in full below
    assert "ثبت دستور جلسه" in history.details.heading.text()


def test_another_role_sees_the_browser_greyed_and_told_why(qtbot, window, office, message_boxes):
    office.users.sign_in(EXPERT.username, EXPERT.password)
    window._update_audit_action()  # as the menu does when it opens
    why = refusal(office.user, Permission.USERS)
    assert not window.audit_action.isEnabled()
    assert window.audit_action.toolTip() == why and "کارشناس" in why
    assert window.show_audit() is None and message_boxes.shown == [("warn", why)]
    office.users.sign_in(SECRETARY.username, SECRETARY.password)
    window._update_audit_action()
    assert window.audit_action.isEnabled()
