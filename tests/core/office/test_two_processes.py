"""Two processes on one database hear each other: what the other saved is news within one poll.

The parent holds the council open as the window does (``start_listening``,
then ``news`` every few seconds); another process (the command line, as a
second PC or a script would run it) saves on the same database. The
parent's next ``news`` names what the other saved, and publishes it on the
parent's own change feed, as the window hears its own saves. On SQLite
(one file) and on PostgreSQL (one server).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.changes import NOTHING, Changes
from secretariat.core import Secretariat
from secretariat.errors import ConflictError
from secretariat.members.agencies import AgencyDraft, draft_from_record
from secretariat.members.council import CouncilDraft
from tests.support.backends import BACKENDS, database_location

ROOT = Path(__file__).resolve().parents[3]


def command_line(location: str | Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``python -m secretariat --db LOCATION …`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "secretariat", "--db", str(location), *arguments],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_what_another_process_saves_is_news_here(backend, tmp_path):
    location = database_location(backend, tmp_path)
    with Secretariat.open(location) as here:
        here.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس", city="پردیس"))
        kept = here.agencies.add(AgencyDraft(name="اداره کل ارشاد", phones="021-1111"))
        here.database.start_listening()
        assert here.database.news() == NOTHING  # what was saved before listening is not news
        heard: list[Changes] = []
        here.database.changes.subscribe(heard.append)

        added = command_line(location, "agencies", "add", "--name", "بانک ملی شعبه پردیس")
        assert added.returncode == 0, added.stderr
        news = here.database.news()
        new_agency = here.agencies.find_by_name("بانک ملی شعبه پردیس")
        assert new_agency is not None
        assert new_agency.id in news.agencies
        assert heard == [news]  # published here, so the windows of this desk refresh
        assert here.database.news() == NOTHING  # heard once

        # The other process deactivates the agency this desk has open: news, and this desk's
        # save from the version it read is refused rather than written over it.
        read = here.agencies.get(kept.id)
        deactivated = command_line(location, "agencies", "deactivate", str(kept.id))
        assert deactivated.returncode == 0, deactivated.stderr
        assert kept.id in here.database.news().agencies
        with pytest.raises(ConflictError) as refused:
            here.agencies.update(
                kept.id,
                AgencyDraft(**{**vars(draft_from_record(read)), "phones": "021-2222"}),
                expected_version=read.version,
            )
        assert "میز دیگری" in refused.value.message
        now = here.agencies.get(kept.id)
        assert (now.active, now.phones) == (False, "021-1111")


@pytest.mark.parametrize("backend", BACKENDS)
def test_this_desks_own_saves_are_not_news_to_it(backend, tmp_path):
    location = database_location(backend, tmp_path)
    with Secretariat.open(location) as here, Secretariat.open(location) as there:
        here.database.start_listening()
        there.database.start_listening()
        agency = here.agencies.add(AgencyDraft(name="شهرداری پردیس"))
        assert here.database.news() == NOTHING
        assert there.database.news().agencies == frozenset({agency.id})
