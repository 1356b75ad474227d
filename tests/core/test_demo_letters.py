"""The demo's letter register: a year and a half of letters in and out, numbered in the order of
their dates, linked to what they concern, agreeing with the follow-up log."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from sqlalchemy import select

from db.models import FollowUp, Letter
from secretariat import clock
from secretariat.core import Secretariat
from secretariat.demo.council import create_demo_database
from secretariat.letters.register import Concerns, LetterKind, LetterQuery, LetterSort, OutgoingDraft
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.persian import jalali
from secretariat.persian.text import to_latin_digits

DAY = "1405/09/12"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    day = jalali.parse(DAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: day)
        secretariat = Secretariat(create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
        yield secretariat
        secretariat.close()


def register(demo, **query):
    return demo.letters.page(LetterQuery(sort=LetterSort.NUMBER, descending=False, **query), limit=None)


def test_letters_in_and_out_this_year_and_last(demo):
    this_year = jalali.jalali_year(jalali.parse(DAY))
    for year in (this_year - 1, this_year):
        for direction in ("out", "in"):
            assert demo.letters.count(LetterQuery(year=year, direction=direction)) >= 3, (year, direction)
    rows = register(demo)
    assert 300 <= len(rows) <= 600
    kinds = {row.kind for row in rows}
    assert kinds >= {
        LetterKind.INVITATION,
        LetterKind.COMMUNICATION,
        LetterKind.FOLLOWUP,
        LetterKind.MONTHLY_REMINDER,
        LetterKind.INCOMING,
    }


def test_each_year_is_numbered_from_one_without_gaps_in_the_order_of_the_dates(demo):
    sequences = defaultdict(list)
    for row in register(demo):
        seq, _series, year = to_latin_digits(row.number).split("/")
        assert int(year) == jalali.jalali_year(row.date)
        sequences[row.direction, int(year)].append((int(seq), row.date))
    assert len(sequences) == 4
    for key, numbered in sequences.items():
        assert [seq for seq, _ in numbered] == list(range(1, len(numbered) + 1)), key
        dates = [day for _, day in numbered]
        assert dates == sorted(dates), key


def test_a_voided_letter_keeps_its_number_and_printing_it_again_reprints_the_one_sent(demo):
    voided = [row for row in register(demo) if row.voided]
    assert len(voided) == 1
    letter = demo.letters.get(voided[0].id)
    assert letter.voided_reason and letter.voided_by and letter.voided_at.date() == letter.date
    with demo.database.reading() as session:
        key = session.scalar(select(Letter.source_key).where(Letter.id == letter.id))
    assert key
    reprint = demo.letters.issue(
        OutgoingDraft(kind=letter.kind.value, source_key=key, party=letter.party, subject=letter.subject)
    )
    assert reprint.copy and reprint.id != letter.id and reprint.date == letter.date
    assert reprint.shown_number in letter.voided_reason  # the reason names the letter that was sent


def test_the_invitations_went_out_before_each_meeting(demo):
    meetings = {m.id: m for m in demo.meetings.page(MeetingQuery(), limit=None)}
    invitations = register(demo, concerns=Concerns.MEETING.value)
    assert len(invitations) >= 200
    for row in invitations:
        letter = demo.letters.get(row.id)
        assert row.date < meetings[letter.meeting_id].date
    held = [m for m in meetings.values() if m.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)]
    invited = {demo.letters.get(row.id).meeting_id for row in invitations}
    assert {m.id for m in held} <= invited


def test_each_finalized_meetings_resolutions_were_communicated_and_print_again_as_copies(demo):
    finalized = [
        m for m in demo.meetings.page(MeetingQuery(), limit=None) if m.status is MeetingStatus.FINALIZED
    ]
    assert len(finalized) >= 5
    for meeting in finalized:
        communicated = [r for r in demo.minutes.resolutions(meeting.id) if r.assignments]
        for resolution in communicated:
            letters = demo.letters.of_resolution(resolution.id)
            assert any(letter.kind is LetterKind.COMMUNICATION for letter in letters), resolution.code
    meeting = finalized[-1]
    before = demo.letters.count()
    again = demo.communicate(meeting.id)
    assert again.letters and all(letter.letter.copy for letter in again.letters)
    assert all(letter.letter.resolution_ids for letter in again.letters)
    assert demo.letters.count() == before  # nothing new registered


def test_an_answer_to_a_resolution_is_in_its_follow_up_log_with_the_progress_it_reports(demo):
    answers = [
        demo.letters.get(row.id)
        for row in register(demo, direction="in")
        if demo.letters.get(row.id).answers_letter_id is not None
    ]
    logged = []
    for letter in answers:
        for resolution_id in letter.resolution_ids:
            for entry in demo.followup.log(resolution_id):
                if letter.shown_number in entry.note:
                    logged.append((letter, entry))
    assert len(logged) >= 2
    assert all(entry.date == letter.date and entry.progress is not None for letter, entry in logged)
    kinds = {demo.letters.get(letter.answers_letter_id).kind for letter, _ in logged}
    assert kinds == {LetterKind.FOLLOWUP, LetterKind.COMMUNICATION}


def test_the_letters_the_follow_up_log_cites_are_the_registers(demo):
    with demo.database.reading() as session:
        entries = session.execute(select(FollowUp.resolution_id, FollowUp.date, FollowUp.note)).all()
    cited = 0
    for resolution_id, day, note in entries:
        for number in re.findall(r"[۰-۹]+/ش/[۰-۹]{4}", note):
            letter = demo.letters.find(number)
            assert letter.date == day and resolution_id in letter.resolution_ids, number
            cited += 1
    assert cited >= 15


def test_reminders_went_to_agencies_whose_report_had_not_come_and_one_came_by_letter(demo):
    reminders = register(demo, concerns=Concerns.MONTHLY.value, direction="out")
    assert len(reminders) >= 10
    cells = {}
    for year in demo.monthly_matrix.years():
        for row in demo.monthly_matrix.year(MatrixQuery(year)).rows:
            cells |= {(row.agency_id, cell.month): cell for cell in row.cells}
    for row in reminders:
        letter = demo.letters.get(row.id)
        cell = cells[letter.agency_id, letter.report_month]
        assert cell.state is CellState.MISSING or (
            cell.state is CellState.LATE and cell.received_on >= row.date
        )
    by_letter = register(demo, concerns=Concerns.MONTHLY.value, direction="in")
    assert len(by_letter) == 1
    report = demo.letters.get(by_letter[0].id)
    assert report.their_number and report.report_month is not None
    answered = demo.letters.get(report.answers_letter_id)
    assert answered.kind is LetterKind.MONTHLY_REMINDER and answered.report_month == report.report_month


def test_a_letter_from_outside_the_council_with_its_scan(demo):
    outside = [demo.letters.get(row.id) for row in register(demo, direction="in")]
    outside = [letter for letter in outside if letter.agency_id is None]
    assert len(outside) == 1
    letter = outside[0]
    assert letter.party and letter.their_number and letter.has_document
    name, data = demo.letters.document(letter.id)
    assert name.endswith(".pdf") and data.startswith(b"%PDF")
