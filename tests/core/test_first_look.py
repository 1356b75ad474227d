"""The first look at start-up: the home page's four figures read with ``sqlite3`` alone, as the
dashboard counts them, from a file it leaves as it was; anything unusual is left to the opening."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.core import Secretariat
from secretariat.first_look import first_look
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from tests.support.followup import followup_world, in_days
from tests.support.meetings import Council
from tests.support.monthly import TODAY, add_agency, fix_today, record

AGENCY_NAMES = ("شهرداری پردیس", "آموزش و پرورش", "شبکه بهداشت")  # the follow-up world's

REPO = Path(__file__).resolve().parents[2]


def _figures(board) -> tuple[object, ...]:
    line = board.monthly
    monthly = (line.month, line.due_date, line.expected, line.received, line.late)
    return board.still_open, board.overdue, board.due_soon, board.done_this_year, monthly


@pytest.fixture
def council_file(tmp_path):
    """A council that has held a meeting, with resolutions in every state; closed, as the app leaves it."""
    path = tmp_path / "council.sqlite3"
    secretariat = Secretariat.open(path)
    world = followup_world(secretariat)
    # Two in progress (a follow-up with its progress): running, as open ones are, one of them late.
    for name in ("later", "late_town"):
        entry = FollowUpDraft(date=in_days(-1), note="پیگیری شد", progress="30")
        secretariat.followup.add(world[name].id, entry)
    secretariat.close()
    return path


def test_the_figures_are_the_dashboards(council_file):
    look = first_look(council_file)
    assert look is not None
    assert look.council_name == "شورای هماهنگی روابط عمومی‌های شهرستان پردیس" and not look.is_demo
    with Secretariat.open(council_file) as secretariat:
        assert _figures(look) == _figures(secretariat.dashboard.load())
    assert _figures(look)[:4] == (6, 3, 1, 1)


@pytest.mark.parametrize("day", ["1405/01/01", "1405/12/29", "1403/12/30"])
def test_the_demo_on_any_day_gives_the_dashboards_figures(demo_path, day):
    today = jalali.parse(day)
    look = first_look(demo_path, today)
    assert look is not None and look.is_demo and look.today == today
    with Secretariat.open(demo_path, read_only=True) as demo:
        assert _figures(look) == _figures(demo.dashboard.load(today))


def test_the_monthly_line_is_the_dashboards_with_the_councils_due_day(council_file, monkeypatch):
    """Last month's reports counted as ``month_summary`` counts them: on time, late, exempt, from an
    agency that left since, and with the council's own due day."""
    fix_today(monkeypatch)  # 1405/08/12: Mehr's reports were due on the 5th
    with Secretariat.open(council_file) as secretariat:
        town, school, health = (secretariat.agencies.find_by_name(n).id for n in AGENCY_NAMES)
        left = add_agency(secretariat, "اداره پست شهرستان پردیس")
        record(secretariat, town, "1405/07", "1405/08/03")
        record(secretariat, school, "1405/07", "1405/08/09")  # four days late
        record(secretariat, left, "1405/07", "1405/08/01")
        secretariat.agencies.set_active(left, False)
        secretariat.monthly_reports.exempt(health, "1405/07", reason="ادغام در سازمان استانی")
    for due_day, late in (("5", 1), ("10", 0)):
        with Secretariat.open(council_file) as secretariat:
            secretariat.council_settings.set_monthly_due_day(due_day)
            board = secretariat.dashboard.load(TODAY)
        look = first_look(council_file, TODAY)
        assert look is not None
        assert _figures(look) == _figures(board)
        assert (look.monthly.month, look.monthly.expected, look.monthly.received) == (Month(1405, 7), 3, 3)
        assert look.monthly.late == late


def test_the_file_is_left_as_it_was_and_nothing_is_made_beside_it(council_file):
    before = council_file.read_bytes()
    assert first_look(council_file) is not None
    assert council_file.read_bytes() == before
    assert sorted(p.name for p in council_file.parent.iterdir()) == ["council.sqlite3"]


def test_a_council_that_has_held_no_meeting_waits_for_the_core(tmp_path):
    """Its home page shows the first-run guide, which the core fills."""
    path = tmp_path / "new.sqlite3"
    with Secretariat.open(path) as secretariat:
        council = Council(secretariat)
        assert first_look(path) is None
        planned = council.plan(in_days(-5))  # a planned meeting is not a held one
        assert first_look(path) is None
        council.hold(planned.id)
        assert first_look(path) is not None


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


@pytest.mark.parametrize("revision", ["0007", "9999_from_the_future"])
def test_an_older_or_newer_schema_is_left_to_the_opening(council_file, revision):
    _set_revision(council_file, revision)
    assert first_look(council_file) is None


def test_files_that_are_not_a_council_database_are_left_to_the_opening(tmp_path):
    missing = tmp_path / "missing.sqlite3"
    letter = tmp_path / "letter.sqlite3"
    letter.write_bytes(b"%PDF-1.4 not a database" * 10)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    for path in (missing, letter, empty, other, cut):
        assert first_look(path) is None, path.name
    assert not missing.exists()


def test_the_figures_follow_the_day(council_file):
    """Overdue and due soon are counted against the day asked for, as the dashboard counts them."""
    tomorrow_week = dt.date.today() + dt.timedelta(days=8)
    look = first_look(council_file, tomorrow_week)
    assert look is not None
    with Secretariat.open(council_file) as secretariat:
        assert _figures(look) == _figures(secretariat.dashboard.load(tomorrow_week))
    assert look.due_soon == 0 and look.overdue == 4  # the one due in three days is late by then


def test_reading_it_loads_neither_sqlalchemy_nor_the_models(council_file):
    """The point of it: the figures before the database layer has loaded."""
    script = (
        "import sys; from pathlib import Path; from secretariat.first_look import first_look; "
        f"assert first_look(Path({str(council_file)!r})) is not None; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
        "or m.startswith('db.models')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, env=os.environ, check=True
    )
    assert result.stdout.strip() == "[]"
