"""How a deadline reads: one rule for the screens, the printed pages and the command line."""

import datetime as dt

from secretariat.followup.register import ResolutionRow
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.deadline import (
    NEXT_MEETING,
    NO_DEADLINE,
    deadline_text,
    kept_deadline,
    kept_deadline_text,
    parse_kept_deadline,
)

DAY = dt.date(2025, 11, 19)  # ۱۴۰۴/۰۸/۲۸


def test_a_deadline_reads_as_a_jalali_date_in_persian_digits_next_meeting_or_none():
    assert deadline_text(DAY) == "۱۴۰۴/۰۸/۲۸"
    assert deadline_text(DAY, True) == "۱۴۰۴/۰۸/۲۸"  # a day given wins
    assert deadline_text(None, True) == NEXT_MEETING == "تا جلسه بعد"
    assert deadline_text(None) == NO_DEADLINE == "بدون مهلت"


def test_an_amendment_keeps_a_deadline_in_latin_digits_and_reads_it_back():
    assert kept_deadline(DAY) == "1404/08/28"
    assert kept_deadline(None, True) == NEXT_MEETING
    assert kept_deadline(None) == ""
    for due, next_meeting in [(DAY, False), (None, True), (None, False)]:
        assert parse_kept_deadline(kept_deadline(due, next_meeting)) == (due, next_meeting)
    assert parse_kept_deadline("not a date") == (None, False)


def test_a_kept_deadline_reads_as_any_other():
    assert kept_deadline_text("1404/08/28") == "۱۴۰۴/۰۸/۲۸"
    assert kept_deadline_text(NEXT_MEETING) == NEXT_MEETING
    assert kept_deadline_text("") == NO_DEADLINE
    assert kept_deadline_text("1404/13/01") == "۱۴۰۴/۱۳/۰۱"  # not a date this app wrote: shown as it is


def test_the_register_row_reads_its_deadline_by_the_same_rule():
    def row(due, next_meeting):
        return ResolutionRow(
            id=1,
            code="1404-07-01",
            text="",
            meeting_id=1,
            meeting_title="",
            meeting_date=DAY,
            lead_agency_id=None,
            lead_agency_name="",
            due_date=due,
            due_next_meeting=next_meeting,
            status=ResolutionStatus.OPEN,
            overdue=False,
        )

    assert [row(d, n).due_text for d, n in [(DAY, False), (None, True), (None, False)]] == [
        deadline_text(DAY),
        NEXT_MEETING,
        NO_DEADLINE,
    ]
