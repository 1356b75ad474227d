"""The register finds and orders what a plain reading of the rows says, on SQLite and PostgreSQL.

Each filter and order is checked against a reference computed in Python
from the rows themselves (every resolution, its meeting, its agencies, its
folded text): the whole list, the count, and the list read a page at a time
from any offset, so that every way the register reads a page (through the
order's index or the filters', from the start or backwards from the end)
gives the same rows. Then the stored Persian sort keys stay right when a
text is edited, a lead changes, an agency is renamed; and the count
follows every save, and on SQLite another program's too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from db.models import Agency, Assignment, Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.followup.register import RegisterSort, ResolutionQuery
from secretariat.followup.status import RUNNING, STILL_OPEN, ResolutionStatus
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.persian import collation
from secretariat.persian.text import search_terms
from tests.support.backends import BACKENDS, database_location
from tests.support.followup import in_days
from tests.support.meetings import Council

# Texts whose Persian order code points get wrong (پ چ ژ گ after ی, ه before و), numbers by value,
# one written twice, and the words searched for below.
TEXTS = [
    "مقرر شد گزارش پایش رسانه‌ها هر ماه ارسال شود.",
    "مقرر شد ژورنال داخلی منتشر شود.",
    "مقرر شد چاپ نشریه ۱۰ در پاییز انجام شود.",
    "مقرر شد چاپ نشریه ۲ در تابستان انجام شود.",
    "مقرر شد وبگاه شورا به‌روز شود.",
    "مقرر شد همایش سالانه برگزار شود.",
    "مقرر شد يک دوره آموزشي برگزار شود.",  # Arabic ي and ك
    "مقرر شد گزارش پایش رسانه‌ها هر ماه ارسال شود.",
    "مقرر شد 50% بودجه تبلیغات به فضای مجازی برسد.",
    "مقرر شد آیین‌نامه خبرنگاران بازنگری شود.",
    "Sample text in Latin letters.",
    "مقرر شد برنامه هفته سلامت اعلام شود.",
]
AGENCIES = ["گمرک پردیس", "پست پردیس", "اداره ارشاد", "ژئوفیزیک", "منطقه ۱۰", "منطقه ۲", "یگان حفاظت"]


@dataclass(frozen=True)
class Row:
    """A resolution as the reference reads it."""

    id: int
    meeting_id: int
    meeting_date: dt.date
    jalali_year: int
    number: int
    text: str
    search_text: str
    status: str
    due_date: dt.date | None
    closed_on: dt.date | None
    lead_name: str
    agencies: frozenset[int]


def build_world(secretariat: Secretariat) -> dict:
    """Four held meetings over a year with a dozen resolutions in every state, and one to come."""
    council = Council(secretariat)
    agencies = [council.agency(name) for name in AGENCIES]
    held_days_ago = (400, 200, 60, 20)
    meetings = []
    for days in held_days_ago:
        meeting = council.plan(in_days(-days))
        council.hold(meeting.id)
        meetings.append(meeting)
    upcoming = council.plan(in_days(30))
    resolutions = []
    for index, text in enumerate(TEXTS * 2):
        meeting = index % len(meetings)
        lead = agencies[(index * 3) % len(agencies)]
        collaborators = (agencies[(index + 1) % len(agencies)],) if index % 3 == 0 else ()
        # Some due at the next meeting (no date), the others from a month ago to two months ahead.
        due_in = max(-30 + 9 * (index % 9), -held_days_ago[meeting])
        due = {} if index % 5 == 0 else {"due_date": in_days(due_in)}
        resolutions.append(council.resolve(meetings[meeting].id, text, lead, *collaborators, **due))
    followup = secretariat.followup
    for index, resolution in enumerate(resolutions):
        match index % 6:
            case 1:
                followup.add(resolution.id, FollowUpDraft(date=in_days(-1), progress="40"))
            case 2:
                followup.mark_done(resolution.id, evidence="نامه ۱۲", on=in_days(-index))
            case 3:
                followup.cancel(resolution.id, reason="اعتبار تأمین نشد.")
            case 4 if index < 12:
                followup.defer(resolution.id, meeting_id=upcoming.id)
    return {"agencies": agencies, "meetings": meetings, "resolutions": resolutions}


def reference_rows(secretariat: Secretariat) -> list[Row]:
    with secretariat.database.reading() as session:
        assigned: dict[int, set[int]] = {}
        for resolution_id, agency_id in session.execute(
            select(Assignment.resolution_id, Assignment.agency_id)
        ):
            assigned.setdefault(resolution_id, set()).add(agency_id)
        leads = dict(
            session.execute(
                select(Assignment.resolution_id, Agency.name)
                .join(Agency, Agency.id == Assignment.agency_id)
                .where(Assignment.role == "lead")
            ).all()
        )
        return [
            Row(
                id=r.id,
                meeting_id=m.id,
                meeting_date=m.date,
                jalali_year=m.jalali_year,
                number=r.number,
                text=r.text,
                search_text=r.search_text,
                status=r.status,
                due_date=r.due_date,
                closed_on=r.closed_on,
                lead_name=leads.get(r.id, ""),
                agencies=frozenset(assigned.get(r.id, ())),
            )
            for r, m in session.execute(
                select(Resolution, Meeting).join(Meeting, Meeting.id == Resolution.meeting_id)
            )
        ]


def reference(rows: list[Row], query: ResolutionQuery) -> list[int]:
    """The ids ``query`` should list, in its order: the filters and orders as the register says them."""
    today = dt.date.today()
    terms = search_terms(query.search)

    def kept(row: Row) -> bool:
        running = row.status in RUNNING
        return all(
            (
                query.status is None or row.status == query.status.value,
                not query.still_open or row.status in STILL_OPEN,
                not query.overdue or (running and row.due_date is not None and row.due_date < today),
                query.due_within_days is None
                or (
                    running
                    and row.due_date is not None
                    and today <= row.due_date <= today + dt.timedelta(days=query.due_within_days)
                ),
                query.agency_id is None or query.agency_id in row.agencies,
                query.meeting_id is None or row.meeting_id == query.meeting_id,
                query.jalali_year is None or row.jalali_year == query.jalali_year,
                query.meeting_from is None or row.meeting_date >= query.meeting_from,
                query.meeting_to is None or row.meeting_date <= query.meeting_to,
                query.closed_from is None
                or (row.closed_on is not None and row.closed_on >= query.closed_from),
                query.closed_to is None or (row.closed_on is not None and row.closed_on <= query.closed_to),
                all(term in row.search_text for term in terms),
            )
        )

    def order(row: Row) -> tuple:
        match query.sort:
            case RegisterSort.MEETING_DATE | RegisterSort.CODE:
                return (row.meeting_date, row.number, row.id)
            case RegisterSort.DUE_DATE:
                return (row.due_date is None, row.due_date or dt.date.min, row.id)
            case RegisterSort.STATUS:
                return (row.status, row.id)
            case RegisterSort.LEAD:
                return (collation.sort_key(row.lead_name), row.id)
            case RegisterSort.TEXT:
                return (collation.sort_key(row.text), row.id)
        raise AssertionError(query.sort)

    return [row.id for row in sorted(filter(kept, rows), key=order, reverse=query.descending)]


@pytest.fixture(params=BACKENDS)
def world(request, tmp_path):
    with Secretariat.open(database_location(request.param, tmp_path)) as secretariat:
        yield secretariat, build_world(secretariat)


def queries(world: dict) -> list[ResolutionQuery]:
    agencies, meetings = world["agencies"], world["meetings"]
    today = dt.date.today()
    filters = [
        ResolutionQuery(),
        *(ResolutionQuery(status=status) for status in ResolutionStatus),
        ResolutionQuery(still_open=True),
        ResolutionQuery(overdue=True),
        ResolutionQuery(due_within_days=7),
        ResolutionQuery(due_within_days=90),
        *(ResolutionQuery(agency_id=agency) for agency in agencies[:3]),
        ResolutionQuery(meeting_id=meetings[1].id),
        ResolutionQuery(jalali_year=meetings[-1].jalali_year),
        ResolutionQuery(meeting_from=meetings[1].date, meeting_to=meetings[2].date),
        ResolutionQuery(closed_from=today - dt.timedelta(days=10), closed_to=today),
        ResolutionQuery(search="پ"),  # one letter
        ResolutionQuery(search="رس"),  # two
        ResolutionQuery(search="گزارش"),  # three or more
        ResolutionQuery(search="چاپ ۱۰"),  # a word and a short number
        ResolutionQuery(search="یک آموزشی"),  # typed with the Persian letters of the Arabic text
        ResolutionQuery(search="0%"),  # a wildcard of LIKE is a letter here
        ResolutionQuery(search="%"),
        ResolutionQuery(search="ژ"),
        ResolutionQuery(search="واژه‌ای که نیست"),
        ResolutionQuery(search="پ", status=ResolutionStatus.OPEN),
        ResolutionQuery(search="شد", agency_id=agencies[0]),
        ResolutionQuery(still_open=True, agency_id=agencies[1]),
    ]
    orders = [
        {"sort": sort, "descending": descending} for sort in RegisterSort for descending in (False, True)
    ]
    every_order = filters[:3] + [ResolutionQuery(search="پ"), ResolutionQuery(still_open=True)]
    return [replace(f, **o) for f in every_order for o in orders] + [
        replace(f, **o)
        for f in filters[3:]
        for o in orders
        if o["sort"] in (RegisterSort.MEETING_DATE, RegisterSort.TEXT)
    ]


def test_every_filter_and_order_lists_what_the_rows_say(world):
    secretariat, made = world
    register = secretariat.register
    rows = reference_rows(secretariat)
    assert len(rows) == 2 * len(TEXTS)
    for query in queries(made):
        expected = reference(rows, query)
        assert register.count(query) == len(expected), query
        assert [row.id for row in register.page(query, limit=None)] == expected, query
        # A page at a time from every offset: from the start, through the middle, to the end.
        for size in (1, 4):
            for offset in range(0, len(expected) + 1):
                page = [row.id for row in register.page(query, offset=offset, limit=size)]
                assert page == expected[offset : offset + size], (query, offset, size)


def test_the_text_order_follows_an_edited_text(world):
    secretariat, made = world
    register, minutes = secretariat.register, secretariat.minutes
    by_text = ResolutionQuery(sort=RegisterSort.TEXT, descending=False)
    moved = made["resolutions"][5]
    record = minutes.update_resolution(
        moved.id,
        ResolutionDraft("آب‌رسانی به روستاها پیگیری شود.", made["agencies"][0], due_next_meeting=True),
    )
    rows = reference_rows(secretariat)
    ids = [row.id for row in register.page(by_text, limit=None)]
    assert ids == reference(rows, by_text)
    assert ids[0] == record.id  # «آ» comes first
    assert register.page(replace(by_text, descending=True), offset=len(ids) - 1, limit=1)[0].id == record.id


def test_the_lead_order_follows_a_new_lead_and_a_renamed_agency(world):
    secretariat, made = world
    register = secretariat.register
    by_lead = ResolutionQuery(sort=RegisterSort.LEAD, descending=False)
    agencies = made["agencies"]
    # A resolution of «یگان حفاظت» (last in the alphabet) led by «اداره ارشاد» from now on.
    moved = next(r for r in made["resolutions"] if r.lead is not None and r.lead.agency_id == agencies[-1])
    secretariat.minutes.update_resolution(
        moved.id, ResolutionDraft(moved.text, agencies[2], due_next_meeting=True)
    )
    assert [row.id for row in register.page(by_lead, limit=None)] == reference(
        reference_rows(secretariat), by_lead
    )
    # «گمرک پردیس» renamed «آژانس گمرک»: its resolutions move to the front.
    secretariat.agencies.update(agencies[0], AgencyDraft(name="آژانس گمرک"))
    ids = [row.id for row in register.page(by_lead, limit=None)]
    assert ids == reference(reference_rows(secretariat), by_lead)
    assert {row.lead_agency_name for row in register.page(by_lead, limit=3)} == {"آژانس گمرک"}


def test_the_count_follows_every_save(world):
    secretariat, made = world
    register = secretariat.register
    open_ones = ResolutionQuery(status=ResolutionStatus.OPEN)
    before = register.count(open_ones)
    first = register.page(open_ones, limit=1)[0]
    secretariat.followup.mark_done(first.id, evidence="نامه ۱۳")
    assert register.count(open_ones) == before - 1
    assert register.count(replace(open_ones, sort=RegisterSort.TEXT)) == before - 1
    secretariat.minutes.add_resolution(
        made["meetings"][-1].id,
        ResolutionDraft("مقرر شد کار تازه‌ای آغاز شود.", made["agencies"][0], due_next_meeting=True),
    )
    assert register.count(open_ones) == before


def test_the_count_follows_another_programs_save_on_sqlite(tmp_path):
    path = tmp_path / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        build_world(secretariat)
        register = secretariat.register
        done = ResolutionQuery(status=ResolutionStatus.DONE)
        before = register.count(done)
        with closing(sqlite3.connect(path)) as other:
            other.execute("UPDATE resolution SET status = 'done' WHERE status = 'open'")
            other.commit()
            changed = other.execute("SELECT count(*) FROM resolution WHERE status = 'done'").fetchone()[0]
        assert changed > before
        for _ in range(3):  # whichever connection of the pool reads it
            assert register.count(done) == changed
            assert len(register.page(done, limit=None)) == changed


SHORT_TERMS = ["ظ", "ظه", "ژ", "ژو", "نه", "%", "x"]


def test_terms_of_one_or_two_letters_follow_edits_amendments_and_removals(world):
    secretariat, made = world
    register, minutes = secretariat.register, secretariat.minutes
    meetings, resolutions, lead = made["meetings"], made["resolutions"], made["agencies"][0]

    def assert_found_as_the_rows_say() -> None:
        rows = reference_rows(secretariat)
        for term in SHORT_TERMS:
            query = ResolutionQuery(search=term)
            assert [row.id for row in register.page(query, limit=None)] == reference(rows, query), term
            assert register.count(query) == len(reference(rows, query)), term

    assert_found_as_the_rows_say()
    # Edited in the minutes: «ژورنال» leaves one of its two resolutions, «ظهر» comes.
    journal = next(r for r in resolutions if "ژورنال" in r.text and r.meeting_id != meetings[0].id)
    minutes.update_resolution(
        journal.id, ResolutionDraft("جلسه ظهر برگزار شود.", lead, due_next_meeting=True)
    )
    assert register.count(ResolutionQuery(search="ظه")) == 1
    assert_found_as_the_rows_say()
    # Amended once the minutes are final: the text in force is what is searched.
    first_meeting = [r for r in resolutions if r.meeting_id == meetings[0].id]
    secretariat.minutes.finalize(meetings[0].id, by="دبیر شورا")
    minutes.amend_resolution(first_meeting[0].id, text="نهالکاری ظهر جمعه", reason="اصلاح", author="دبیر")
    assert register.count(ResolutionQuery(search="ظه")) == 2
    assert_found_as_the_rows_say()
    # Removed from draft minutes: no longer found.
    minutes.remove_resolution(journal.id)
    assert register.count(ResolutionQuery(search="ظه")) == 1
    assert_found_as_the_rows_say()
