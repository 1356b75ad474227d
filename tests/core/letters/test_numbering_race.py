"""Two (or more) desks issuing letters at the same moment never share a number and skip none.

Processes open the same database, wait at a barrier and issue at once; on
SQLite the save holds the write lock from its start, on PostgreSQL the
numbering takes an advisory lock. Every process must have issued its letter
or been refused in Persian because the database stayed busy.
"""

from __future__ import annotations

import multiprocessing

import pytest

from secretariat.core import Secretariat
from secretariat.errors import DatabaseBusyError
from secretariat.letters.register import LetterKind, LetterQuery, OutgoingDraft
from tests.support.backends import BACKENDS, database_location
from tests.support.meetings import Council

TRIALS = {"sqlite": 8, "postgresql": 15}
WRITERS = {"sqlite": 4, "postgresql": 6}
fork = multiprocessing.get_context("fork")
pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="the race forks its processes"
)


def _issue(location, key, barrier, results):
    draft = OutgoingDraft(kind=LetterKind.OTHER.value, source_key=key, party="بهزیستی", subject="آزمون")
    with Secretariat.open(location, create=False) as secretariat:
        barrier.wait(timeout=60)
        try:
            letter = secretariat.letters.issue(draft)
        except DatabaseBusyError:
            results.put(("busy", ""))
        except BaseException as error:  # noqa: BLE001 - the parent shows what went wrong
            results.put(("error", repr(error)))
        else:
            results.put(("ok", letter.number))


@pytest.mark.parametrize("backend", BACKENDS)
def test_letters_issued_at_the_same_moment_get_different_numbers(backend, tmp_path):
    location = database_location(backend, tmp_path)
    with Secretariat.open(location) as secretariat:
        Council(secretariat)
    issued: list[str] = []
    for trial in range(TRIALS[backend]):
        writers = WRITERS[backend]
        barrier, results = fork.Barrier(writers), fork.Queue()
        processes = [
            fork.Process(target=_issue, args=(location, f"race:{trial}:{n}", barrier, results))
            for n in range(writers)
        ]
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=120) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert not [detail for kind, detail in outcomes if kind == "error"]
        issued += [number for kind, number in outcomes if kind == "ok"]
    assert len(issued) == len(set(issued)) > 0
    with Secretariat.open(location, create=False) as secretariat:
        rows = secretariat.letters.page(LetterQuery(), limit=None)
    sequences = sorted(int(row.number.split("/")[0]) for row in rows)
    assert sequences == list(range(1, len(rows) + 1))  # none skipped
