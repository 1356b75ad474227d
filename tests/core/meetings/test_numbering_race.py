"""Numbers handed out at the same moment by several processes: never twice.

Each trial forks a few processes that open the same database, wait at a
barrier and then save at once (as `for m in 4 5 6; do ... & done` did, only
always together): every one of them must have saved, or have been refused in
Persian because the database stayed busy, and no number or code may appear
twice. Before BEGIN IMMEDIATE, 6 trials in 6 gave two meetings one number.

The same on PostgreSQL (see tests/support/backends.py), in a fresh schema
per test, where the numbering lock is an advisory lock and the busy timeout
is the save's lock_timeout: more trials and more processes, as a server
runs the saves truly side by side.

And a series' start (a council moving from paper) changed as its first
meeting is held: the meeting takes the start saved before it, or the change,
coming after it, is refused.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter

import pytest
from sqlalchemy import select

from db.models import Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.errors import DatabaseBusyError, ValidationError
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.numbering_start import NumberingStartDraft
from secretariat.members.council import CouncilDraft
from secretariat.persian import jalali
from tests.support.backends import BACKENDS, database_location
from tests.support.meetings import Council

# Per backend: trials, processes holding one meeting each per trial, and
# processes adding a resolution to one meeting per trial.
TRIALS = {"sqlite": 20, "postgresql": 40}
HOLDERS = {"sqlite": 3, "postgresql": 5}
WRITERS = {"sqlite": 4, "postgresql": 6}

fork = multiprocessing.get_context("fork")

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the race forks its processes"
)


def _hold(location, meeting_id, agency_id, barrier, results):
    with Secretariat.open(location, create=False) as secretariat:
        barrier.wait(timeout=60)
        _report(results, lambda: secretariat.attendance.record_agency(meeting_id, agency_id, "present"))


def _resolve(location, meeting_id, agency_id, text, barrier, results):
    draft = ResolutionDraft(text=text, lead_agency_id=agency_id, due_next_meeting=True)
    with Secretariat.open(location, create=False) as secretariat:
        barrier.wait(timeout=60)
        _report(results, lambda: secretariat.minutes.add_resolution(meeting_id, draft))


def _start_at_30(location, barrier, results):
    draft = CouncilDraft(name="شورای پردیس", numbering=(NumberingStartDraft("council", "30", "5"),))
    with Secretariat.open(location, create=False) as secretariat:
        barrier.wait(timeout=60)
        _report(results, lambda: secretariat.council.update(draft))


def _report(results, save):
    try:
        save()
    except DatabaseBusyError as error:
        results.put(("busy", error.message))
    except ValidationError as error:
        results.put(("refused", " ".join(error.errors.values())))
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


@pytest.fixture(params=BACKENDS)
def council_file(request, tmp_path):
    """A council with one agency on each backend; the test closes the database before it forks.

    Yields the backend, the database's location (a file, or a PostgreSQL URL), the council and the agency.
    """
    backend = request.param
    location = database_location(backend, tmp_path)
    with Secretariat.open(location) as secretariat:
        council = Council(secretariat)
        agency = council.agency("بهزیستی")
        yield backend, location, council, agency


def test_meetings_held_at_the_same_moment_get_different_numbers(council_file):
    backend, location, council, agency = council_file
    trials, holders = TRIALS[backend], HOLDERS[backend]
    # Planned meetings whose day has passed, in one series, one per process and trial.
    start = jalali.parse("1400/01/05")
    dates = [start + dt.timedelta(days=3 * i) for i in range(trials * holders)]
    meetings = [
        council.plan(jalali.format_short(date, persian_digits=False), kind="working_group").id
        for date in dates
    ]
    council.database.close()

    outcomes: Counter[str] = Counter()
    for trial in range(trials):
        chosen = meetings[trial * holders : (trial + 1) * holders]
        outcomes += _race(_hold, [(location, meeting_id, agency) for meeting_id in chosen])

    with Secretariat.open(location, create=False) as secretariat, secretariat.database.reading() as session:
        held = session.execute(
            select(Meeting.number, Meeting.jalali_year, Meeting.year_number).where(Meeting.status == "held")
        ).all()
    numbers = [number for number, _, _ in held]
    year_numbers = [(year, number) for _, year, number in held]
    print(f"holding on {backend}: {trials} trials x {holders} processes: {dict(outcomes)}, {len(held)} held")
    assert len(held) == outcomes["ok"]
    assert sorted(numbers) == list(range(1, len(held) + 1))  # no number twice, none skipped
    assert len(set(year_numbers)) == len(year_numbers)
    assert outcomes["ok"] + outcomes["busy"] == trials * holders
    assert outcomes["ok"] >= trials * holders // 2  # a bounded wait, not a refusal of everything


def test_resolutions_added_at_the_same_moment_get_different_numbers_and_codes(council_file):
    backend, location, council, agency = council_file
    trials, writers = TRIALS[backend], WRITERS[backend]
    meeting = council.plan("1403/02/10")
    council.hold(meeting.id)
    council.database.close()

    outcomes: Counter[str] = Counter()
    for trial in range(trials):
        outcomes += _race(
            _resolve,
            [
                (location, meeting.id, agency, f"مقرر شد گزارش شماره {trial}-{writer} تهیه شود.")
                for writer in range(writers)
            ],
        )

    with Secretariat.open(location, create=False) as secretariat, secretariat.database.reading() as session:
        rows = session.execute(select(Resolution.number, Resolution.code)).all()
    numbers = [number for number, _ in rows]
    codes = [code for _, code in rows]
    print(f"resolutions on {backend}: {trials} trials x {writers} processes: {dict(outcomes)}, {len(rows)}")
    assert len(rows) == outcomes["ok"]
    assert sorted(numbers) == list(range(1, len(rows) + 1))
    assert len(set(codes)) == len(codes)
    assert outcomes["ok"] + outcomes["busy"] == trials * writers
    assert outcomes["ok"] >= trials * writers // 2


def test_a_start_changed_as_the_first_meeting_is_held_is_either_its_number_or_refused(
    tmp_path, backend_of_race
):
    # The start is read by the save that holds, and the held meetings are read by the save that
    # changes the start, each under the series' lock: the first held meeting takes the start
    # saved before it, or the change comes after it and is refused; never a held 1 under a start
    # of 30. A fresh database per trial: once a meeting is held the start is fixed.
    backend = backend_of_race
    outcomes: Counter[tuple[str, ...]] = Counter()
    for trial in range(TRIALS[backend] // 4):
        (tmp_path / str(trial)).mkdir()
        location = database_location(backend, tmp_path / str(trial))
        with Secretariat.open(location) as secretariat:
            council = Council(secretariat)
            agency = council.agency("بهزیستی")
            meeting = council.plan("1403/02/10").id
        barrier = fork.Barrier(2)
        results = fork.Queue()
        processes = [
            fork.Process(target=_hold, args=(location, meeting, agency, barrier, results)),
            fork.Process(target=_start_at_30, args=(location, barrier, results)),
        ]
        for process in processes:
            process.start()
        ended = sorted(results.get(timeout=120) for _ in processes)
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0
        kinds = tuple(kind for kind, _detail in ended)
        assert "error" not in kinds, ended
        with Secretariat.open(location, create=False) as secretariat:
            held = secretariat.meetings.get(meeting)
            start = secretariat.council.numbering()[0].start  # the council's meetings
        if kinds == ("ok", "ok"):  # the start first, then the meeting held at it
            assert (held.number, held.year_number, start.number) == (30, 5, 30)
        elif "refused" in kinds:  # the meeting held first, at 1: the start stays
            assert (held.number, start.number) == (1, 1)
            assert "دیگر تغییر نمی‌کند" in dict(ended)["refused"]
        else:  # one of them found the database busy and saved nothing
            assert "busy" in kinds
        outcomes[kinds] += 1
    print(f"start against hold on {backend}: {dict(outcomes)}")


@pytest.fixture(params=BACKENDS)
def backend_of_race(request):
    return request.param
