"""Numbers handed out at the same moment by several processes: never twice.

Each trial forks a few processes that open the same file, wait at a barrier
and then save at once (as `for m in 4 5 6; do ... & done` did, only always
together): every one of them must have saved, or have been refused in
Persian because the database stayed busy, and no number or code may appear
twice. Before BEGIN IMMEDIATE, 6 trials in 6 gave two meetings one number.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter

import pytest
from sqlalchemy import select

from db.models import Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.errors import DatabaseBusyError
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.persian import jalali
from tests.support.meetings import Council

TRIALS = 20
HOLDERS = 3  # processes holding one meeting each, per trial
WRITERS = 4  # processes adding a resolution to one meeting, per trial

fork = multiprocessing.get_context("fork")

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the race forks its processes"
)


def _hold(path, meeting_id, agency_id, barrier, results):
    with Secretariat.open(path, create=False) as secretariat:
        barrier.wait(timeout=60)
        _report(results, lambda: secretariat.attendance.record_agency(meeting_id, agency_id, "present"))


def _resolve(path, meeting_id, agency_id, text, barrier, results):
    draft = ResolutionDraft(text=text, lead_agency_id=agency_id, due_next_meeting=True)
    with Secretariat.open(path, create=False) as secretariat:
        barrier.wait(timeout=60)
        _report(results, lambda: secretariat.minutes.add_resolution(meeting_id, draft))


def _report(results, save):
    try:
        save()
    except DatabaseBusyError as error:
        results.put(("busy", error.message))
    except BaseException as error:  # noqa: BLE001 - the parent shows what went wrong
        results.put(("error", repr(error)))
    else:
        results.put(("ok", ""))


def _race(target, argument_lists) -> Counter[str]:
    """Run one trial: the processes start together; what each of them ended with."""
    barrier = fork.Barrier(len(argument_lists))
    results = fork.Queue()
    processes = [
        fork.Process(target=target, args=(*arguments, barrier, results)) for arguments in argument_lists
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    errors = [detail for kind, detail in outcomes if kind == "error"]
    assert not errors, errors
    for kind, detail in outcomes:
        if kind == "busy":
            assert "پایگاه داده در حال استفاده است" in detail
    return Counter(kind for kind, _ in outcomes)


@pytest.fixture
def council_file(tmp_path):
    """A council with one agency; the database is closed again before any process forks."""
    path = tmp_path / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        council = Council(secretariat)
        agency = council.agency("بهزیستی")
        yield path, council, agency


def test_meetings_held_at_the_same_moment_get_different_numbers(council_file):
    path, council, agency = council_file
    # Planned meetings whose day has passed, in one series, three per trial.
    start = jalali.parse("1403/01/05")
    dates = [start + dt.timedelta(days=3 * i) for i in range(TRIALS * HOLDERS)]
    meetings = [
        council.plan(jalali.format_short(date, persian_digits=False), kind="working_group").id
        for date in dates
    ]
    council.database.close()

    outcomes: Counter[str] = Counter()
    for trial in range(TRIALS):
        chosen = meetings[trial * HOLDERS : (trial + 1) * HOLDERS]
        outcomes += _race(_hold, [(path, meeting_id, agency) for meeting_id in chosen])

    with Secretariat.open(path, create=False) as secretariat, secretariat.database.reading() as session:
        held = session.execute(
            select(Meeting.number, Meeting.jalali_year, Meeting.year_number).where(Meeting.status == "held")
        ).all()
    numbers = [number for number, _, _ in held]
    year_numbers = [(year, number) for _, year, number in held]
    print(f"holding: {TRIALS} trials x {HOLDERS} processes: {dict(outcomes)}, {len(held)} held")
    assert len(held) == outcomes["ok"]
    assert sorted(numbers) == list(range(1, len(held) + 1))  # no number twice, none skipped
    assert len(set(year_numbers)) == len(year_numbers)
    assert outcomes["ok"] + outcomes["busy"] == TRIALS * HOLDERS
    assert outcomes["ok"] >= TRIALS * HOLDERS // 2  # a bounded wait, not a refusal of everything


def test_resolutions_added_at_the_same_moment_get_different_numbers_and_codes(council_file):
    path, council, agency = council_file
    meeting = council.plan("1403/02/10")
    council.hold(meeting.id)
    council.database.close()

    outcomes: Counter[str] = Counter()
    for trial in range(TRIALS):
        outcomes += _race(
            _resolve,
            [
                (path, meeting.id, agency, f"مقرر شد گزارش شماره {trial}-{writer} تهیه شود.")
                for writer in range(WRITERS)
            ],
        )

    with Secretariat.open(path, create=False) as secretariat, secretariat.database.reading() as session:
        rows = session.execute(select(Resolution.number, Resolution.code)).all()
    numbers = [number for number, _ in rows]
    codes = [code for _, code in rows]
    print(f"resolutions: {TRIALS} trials x {WRITERS} processes: {dict(outcomes)}, {len(rows)} saved")
    assert len(rows) == outcomes["ok"]
    assert sorted(numbers) == list(range(1, len(rows) + 1))
    assert len(set(codes)) == len(codes)
    assert outcomes["ok"] + outcomes["busy"] == TRIALS * WRITERS
    assert outcomes["ok"] >= TRIALS * WRITERS // 2
