"""Benchmark: what the shared office costs a save and a desk's poll.

Every save of the app runs the office's hooks (``secretariat.office``): the
role check, the audit trail (one ``audit_entry`` row per record written) and
the desks' news (one ``desk_change`` row per save), and each desk asks the
others' news every few seconds (``Database.news``). Printed, with the
dataset's size:

- ``--entries`` follow-up entries saved one by one (each its own
  transaction, ``FollowUpService.add``, a secretary signed in) with the
  hooks installed, as the app saves them; beside them, measured in the same
  run in alternating blocks, the same saves with the hooks removed (the
  writing sessions made without them, no ``desk_change`` row): the baseline.
- one ``news()`` poll with ``--rows`` rows in ``desk_change`` and as many in
  ``audit_entry`` (written in bulk first): when nothing is new (almost every
  poll) and when another desk saved once since; beside them the least a
  read costs (a session and ``SELECT 1``).

    python -m bench.bench_office [--db URL] [--entries N] [--rows N] [--runs N]

``--db`` takes the URL of an empty PostgreSQL database the benchmark may
fill (its tables are made there); by default a new SQLite file in a
temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, func, insert, literal, select
from sqlalchemy.orm import sessionmaker

from bench.measure import Figure, Target, header, line, stopwatch
from db.models import AuditEntry, DeskChange, FollowUp
from secretariat import changes
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.followup.lifecycle import FollowUpDraft
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.office import desks
from secretariat.office.accounts import UserDraft

BLOCK = 50  # saves in a row of one kind before the other kind's turn
SAVE_TARGET = Target(ratio=1.5)  # the office's hooks: at most half again a bare save
POLL_TARGET = Target(median=5)  # ms: a poll every three seconds must not be felt


def prepare(secretariat: Secretariat, resolutions: int = 10) -> list[int]:
    """A council with a signed-in secretary and a held meeting's resolutions to follow up."""
    secretariat.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس", city="پردیس"))
    secretariat.users.add(UserDraft("dabir", "مریم احمدی", "secretary", "bench-password-1404"))
    agencies = [secretariat.agencies.add(AgencyDraft(name=f"دستگاه شماره {n}")).id for n in range(1, 6)]
    meeting = secretariat.meetings.plan(MeetingDraft(date="1403/02/10")).meeting
    entries = [AttendanceEntry(each.id, "present") for each in secretariat.attendance.invitations(meeting.id)]
    secretariat.attendance.record(meeting.id, entries)
    return [
        secretariat.minutes.add_resolution(
            meeting.id,
            ResolutionDraft(
                text=f"مقرر شد گزارش شماره {n} تهیه شود.",
                lead_agency_id=agencies[n % 5],
                due_next_meeting=True,
            ),
        ).id
        for n in range(resolutions)
    ]


@contextmanager
def without_office_hooks(database: Database) -> Iterator[None]:
    """Saves as they were before the shared office: writing sessions without the role check, the
    audit trail and the version notes, and no desk_change row (the app's own change feed stays)."""
    hooked = database._writes
    bare: sessionmaker = sessionmaker(hooked.kw["bind"], expire_on_commit=False)
    event.listen(bare, "after_flush", changes.collect_flushed)
    tell = desks.tell
    database._writes = bare
    desks.tell = lambda *_arguments: None  # type: ignore[assignment]
    try:
        yield
    finally:
        database._writes = hooked
        desks.tell = tell


def save_figures(secretariat: Secretariat, resolutions: list[int], entries: int) -> Figure:
    figure = Figure(
        "office: a follow-up entry saved",
        "ms",
        SAVE_TARGET,
        note=(
            f"{entries:,} entries saved one by one with the hooks (role check, audit trail, desks' news); "
            f"baseline: {entries:,} more without them, in alternating blocks of {BLOCK}"
        ),
    )
    followup = secretariat.followup

    def save(number: int) -> float:
        draft = FollowUpDraft(
            date=f"1403/0{4 + number % 5}/1{number % 9}",
            note=f"نامه پیگیری شماره {number}",
            progress=str(number % 100),
        )
        return stopwatch(lambda: followup.add(resolutions[number % len(resolutions)], draft))

    save(-1)  # warm-up: the first save of each kind pays for what is made once
    with without_office_hooks(secretariat.database):
        save(-2)
    done = 0
    while done < entries:
        block = range(done, min(entries, done + BLOCK))
        figure.samples.extend(save(n) for n in block)
        with without_office_hooks(secretariat.database):
            figure.baseline.extend(save(entries + n) for n in block)
        done = block.stop
    return figure


def fill_trail(database: Database, rows: int) -> None:
    """``rows`` rows in desk_change and in audit_entry, as a busy office's day leaves them."""
    now = dt.datetime.now().replace(microsecond=0)
    other = uuid.uuid4().hex
    news = '{"followups": [1], "resolutions": [1]}'
    with database.engine.begin() as connection:
        for start in range(0, rows, 10_000):
            batch = range(start, min(rows, start + 10_000))
            at = [now - dt.timedelta(seconds=(rows - n) * 0.8) for n in batch]
            connection.execute(insert(DeskChange), [{"at": a, "desk": other, "changes": news} for a in at])
            connection.execute(
                insert(AuditEntry),
                [
                    {
                        "at": a,
                        "username": "dabir",
                        "user_name": "مریم احمدی",
                        "action": "create",
                        "kind": "follow_up",
                        "record": str(n),
                        "about_kind": "resolution",
                        "about": "1",
                        "changes": '{"note": "نامه پیگیری"}',
                    }
                    for n, a in zip(batch, at, strict=True)
                ],
            )


def poll_figures(database: Database, runs: int) -> list[Figure]:
    def bare_read() -> float:
        def read() -> None:
            with database.reading() as session:
                session.scalar(select(literal(1)))

        return stopwatch(read)

    database.start_listening()
    quiet = Figure(
        "office: news() poll, nothing new", "ms", POLL_TARGET, note="baseline: a session and SELECT 1"
    )
    told = Figure(
        "office: news() poll, another desk saved",
        "ms",
        POLL_TARGET,
        note="one desk_change row from another desk since the last poll (written untimed before it)",
    )
    other = uuid.uuid4().hex
    database.news()
    bare_read()
    for _ in range(runs):
        quiet.samples.append(stopwatch(database.news))
        quiet.baseline.append(bare_read())
        with database.engine.begin() as connection:
            connection.execute(
                insert(DeskChange),
                [
                    {
                        "at": dt.datetime.now().replace(microsecond=0),
                        "desk": other,
                        "changes": '{"agencies": [1]}',
                    }
                ],
            )
        told.samples.append(stopwatch(database.news))
        told.baseline.append(bare_read())
    return [quiet, told]


def describe(database: Database, location: str) -> str:
    with database.reading() as session:
        follow_ups = session.scalar(select(func.count(FollowUp.id)))
        desk_rows = session.scalar(select(func.count(DeskChange.id)))
        audit_rows = session.scalar(select(func.count(AuditEntry.id)))
    return (
        f"{database.engine.dialect.name} ({location}): {follow_ups:,} follow-up entries, "
        f"{desk_rows:,} desk_change rows, {audit_rows:,} audit entries"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_office", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: a new SQLite file)")
    parser.add_argument("--entries", type=int, default=1000, help="follow-up entries saved of each kind")
    parser.add_argument(
        "--rows", type=int, default=100_000, help="desk_change and audit_entry rows for the poll"
    )
    parser.add_argument("--runs", type=int, default=30, help="polls of each kind")
    args = parser.parse_args(argv)
    if args.entries < 1 or args.rows < 0 or args.runs < 1:
        parser.error("--entries and --runs must be above zero, --rows not below")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    with tempfile.TemporaryDirectory(prefix="bench-office-") as folder:
        location = args.db or str(Path(folder) / "office.sqlite3")
        with Secretariat.open(location) as secretariat:
            database = secretariat.database
            started = time.perf_counter()
            resolutions = prepare(secretariat)
            figures = [save_figures(secretariat, resolutions, args.entries)]
            print(f"dataset for the saves: {describe(database, 'a new council' if not args.db else args.db)}")
            fill_trail(database, args.rows)
            print(f"dataset for the polls: {describe(database, 'the same, the trail filled in bulk')}")
            figures += poll_figures(database, args.runs)
            print()
            print(header())
            for figure in figures:
                print(line(figure))
            print("\nwhat each figure measured:")
            for figure in figures:
                print(f"  {figure.name}: {figure.note}")
            print(f"\nthe run took {time.perf_counter() - started:.0f} s")
    return 0 if all(figure.ok for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
