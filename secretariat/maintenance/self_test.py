"""The self-test, the part without Qt: does this installation work, end to end?

``main.py --self-test`` (and the built app's ``council-secretariat-selftest``)
runs these checks, then the window's (``ui.start.self_test``). It is what proves
that a build carries every file and module the app needs: the migrations
(the database reaches Alembic's head revision, and an old database is
backed up and migrated), the report fonts and the data of reportlab,
arabic-reshaper and jdatetime (the PDFs print with Vazirmatn embedded), and
the modules imported only inside functions (the yearly archive).

Each check prints one line as it ends, «✓ name: what was seen» or
«✗ name: why»; a check whose prerequisite failed is reported as not run.
The lines are in English: this is a diagnostic read in a console (which
does not shape Persian) and sent to whoever supports the installation.
Everything happens in a new temporary data folder (``SECRETARIAT_DATA_DIR``
for the run), removed at the end: the user's own data is never opened.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the checks import the core themselves: importing it is part of what they test
    from secretariat.core import Secretariat

# The checks, in the order they run; the test of the installer expects each.
DATA_FOLDER = "data folder"
DATABASE = "database"
UPGRADE = "upgrade"
DEMO = "demo council"
MINUTES_PDF = "minutes PDF"
DIRECTORY_PDF = "directory PDF"
ARCHIVE = "yearly archive"
CORE_CHECKS = (DATA_FOLDER, DATABASE, UPGRADE, DEMO, MINUTES_PDF, DIRECTORY_PDF, ARCHIVE)

PASS_MARK = "✓"
FAIL_MARK = "✗"
REPORT_NAME = "council-secretariat-self-test.txt"
PDF_FONT = b"Vazirmatn"


class CheckFailed(Exception):
    """A check saw something wrong (its message says what)."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class Checks:
    """Runs named checks in order and reports each as it ends.

    A check is a function returning what it saw (one line) or raising; a
    check that ``needs`` one that failed is not run, and counts as failed.
    """

    write: Callable[[str], None]
    results: list[CheckResult] = field(default_factory=list)

    def run(self, name: str, check: Callable[[], str], *, needs: Sequence[str] = ()) -> bool:
        failed = [need for need in needs if not self.passed(need)]
        started = time.perf_counter()
        trace = ""
        if failed:
            ok, detail = False, f"not run ({', '.join(failed)} failed)"
        else:
            try:
                ok, detail = True, check()
            except Exception as error:  # a failed check is reported, never raised
                ok, detail = False, _reason(error)
                if not isinstance(error, CheckFailed):
                    trace = traceback.format_exc()
        seconds = time.perf_counter() - started
        self.results.append(CheckResult(name, ok, detail, seconds))
        mark = PASS_MARK if ok else FAIL_MARK
        self.write(f"{mark} {name}: {detail}" + (f" ({seconds:.1f} s)" if not failed else ""))
        if trace:
            self.write("    " + trace.rstrip().replace("\n", "\n    "))
        return ok

    def passed(self, name: str) -> bool:
        return any(result.name == name and result.ok for result in self.results)

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(result.ok for result in self.results)

    def summary(self) -> str:
        failed = [result.name for result in self.results if not result.ok]
        if not failed:
            return f"self-test passed: all {len(self.results)} checks"
        return f"self-test FAILED: {len(failed)} of {len(self.results)} checks ({', '.join(failed)})"


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if isinstance(error, CheckFailed):
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# -- the data folder ----------------------------------------------------------------------------


@contextmanager
def temporary_data_folder(*, keep: bool = False) -> Iterator[Path]:
    """A new, empty data folder for the run (``SECRETARIAT_DATA_DIR``); removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="council-secretariat-self-test-"))
    previous = os.environ.get("SECRETARIAT_DATA_DIR")
    os.environ["SECRETARIAT_DATA_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("SECRETARIAT_DATA_DIR", None)
        else:
            os.environ["SECRETARIAT_DATA_DIR"] = previous
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def report_path() -> Path:
    """Where the report is also written: a windowed program on Windows has no console to print to."""
    return Path(tempfile.gettempdir()) / REPORT_NAME


# -- the checks ---------------------------------------------------------------------------------


class CoreSelfTest:
    """The checks of the core, sharing what they made: the folder, the demo database."""

    def __init__(self, checks: Checks, folder: Path):
        self.checks = checks
        self.folder = folder
        # The secretariat on the open demo database, for the window's check.
        self.demo: Secretariat | None = None
        self.minutes_pdf: bytes | None = None  # for the Qt PDF check

    def run(self) -> None:
        run = self.checks.run
        run(DATA_FOLDER, self.check_data_folder)
        run(DATABASE, self.check_database, needs=[DATA_FOLDER])
        run(UPGRADE, self.check_upgrade, needs=[DATABASE])
        run(DEMO, self.check_demo, needs=[DATABASE])
        run(MINUTES_PDF, self.check_minutes, needs=[DEMO])
        run(DIRECTORY_PDF, self.check_directory, needs=[DEMO])
        run(ARCHIVE, self.check_archive, needs=[DEMO])

    def close(self) -> None:
        if self.demo is not None:
            self.demo.close()
            self.demo = None

    def check_data_folder(self) -> str:
        from secretariat import paths

        folder = paths.data_folder()
        if folder.resolve() != self.folder.resolve():
            raise CheckFailed(f"the app's data folder is {folder}, not {self.folder}")
        probe = folder / "write-probe"
        probe.write_bytes(b"ok")
        probe.unlink()
        return f"{folder} (empty, writable)"

    def check_database(self) -> str:
        from sqlalchemy import inspect

        from db import schema
        from secretariat import paths
        from secretariat.database import open_database

        path = paths.default_database_path()
        database = open_database(path)
        try:
            with database.engine.connect() as connection:
                revision = schema.current_revision(connection)
                tables = len(inspect(connection).get_table_names())
        finally:
            database.close()
        head = schema.alembic_head()  # read from the migration scripts on disk
        if head != schema.HEAD_REVISION:
            raise CheckFailed(f"the migrations' head is {head}, the code expects {schema.HEAD_REVISION}")
        if revision != head:
            raise CheckFailed(f"created at revision {revision}, not at the head {head}")
        return f"{path.name} created and migrated to revision {revision} (Alembic head), {tables} tables"

    def check_upgrade(self) -> str:
        """An old database is backed up beside itself, then migrated (what a newer version does)."""
        from alembic import command
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        from db import engine as db_engine
        from db import schema
        from secretariat.database import open_database

        config = Config()
        config.set_main_option("script_location", str(schema.MIGRATIONS))
        revisions = list(ScriptDirectory.from_config(config).walk_revisions())
        oldest = revisions[-1].revision
        path = self.folder / "old.sqlite3"
        engine = db_engine.make_engine(db_engine.sqlite_url(path))
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, oldest)
        finally:
            engine.dispose()
        database = open_database(path)
        try:
            with database.engine.connect() as connection:
                revision = schema.current_revision(connection)
        finally:
            database.close()
        backups = sorted(path.parent.glob("old.before-upgrade-*.sqlite3"))
        if revision != schema.HEAD_REVISION:
            raise CheckFailed(f"a database at {oldest} was left at {revision}")
        if not backups:
            raise CheckFailed(f"a database at {oldest} was migrated without its before-upgrade backup")
        return (
            f"a database at revision {oldest} was backed up ({backups[0].name}) and migrated "
            f"through {len(revisions) - 1} revisions to {revision}"
        )

    def check_demo(self) -> str:
        from secretariat import paths
        from secretariat.core import Secretariat
        from secretariat.demo.council import create_demo_database
        from secretariat.meetings.kinds import MeetingStatus
        from secretariat.meetings.planning import MeetingQuery

        self.demo = Secretariat(create_demo_database(paths.demo_database_path()))
        meetings = self.demo.meetings
        count = meetings.count()
        finalized = meetings.count(MeetingQuery(status=MeetingStatus.FINALIZED))
        if not finalized:
            raise CheckFailed(f"the demo has {count} meetings, none with finalized minutes")
        return f"{count} meetings, {finalized} with finalized minutes"

    def _demo(self) -> Secretariat:
        """The demo secretariat ``check_demo`` opened; the checks after it need it."""
        if self.demo is None:
            raise CheckFailed("the demo council was not created")
        return self.demo

    def check_minutes(self) -> str:
        from secretariat.meetings.kinds import MeetingStatus
        from secretariat.meetings.planning import MeetingQuery
        from secretariat.reports import render_minutes
        from secretariat.reports.shaping import harfbuzz_available

        if not harfbuzz_available():  # a build without it would print unplaced marks, silently
            raise CheckFailed("uharfbuzz (HarfBuzz shaping of the reports) is missing")
        demo = self._demo()
        meeting = demo.meetings.page(MeetingQuery(status=MeetingStatus.FINALIZED), limit=1)[0]
        pdf = render_minutes(demo, meeting.id)
        self.minutes_pdf = pdf
        return f"meeting {meeting.id}, shaped by HarfBuzz: {describe_pdf(pdf)}"

    def check_directory(self) -> str:
        from secretariat.reports import render_directory

        return describe_pdf(render_directory(self._demo()))

    def check_archive(self) -> str:
        from secretariat.archive import export_archive, verify_archive
        from secretariat.meetings.kinds import MeetingStatus
        from secretariat.meetings.planning import MeetingQuery

        demo = self._demo()
        meetings = demo.meetings
        year = next(
            (
                year
                for year in meetings.years()
                if meetings.count(MeetingQuery(jalali_year=year, status=MeetingStatus.FINALIZED))
            ),
            None,
        )
        if year is None:
            raise CheckFailed("no year of the demo has finalized minutes")
        result = export_archive(demo.database, year, self.folder / f"archive-{year}.zip")
        verified = verify_archive(result.path)
        if not verified.ok:
            raise CheckFailed(f"the archive of {year} does not verify: {'; '.join(verified.problems()[:3])}")
        return (
            f"{year}: {result.meetings} meetings, {result.minutes} minutes, {result.size // 1024} KB; "
            f"verified {verified.checked} files against the manifest"
        )


def describe_pdf(pdf: bytes) -> str:
    """What a PDF holds, checked: a PDF, with pages, with the Vazirmatn font embedded."""
    if not pdf.startswith(b"%PDF-"):
        raise CheckFailed("not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    if not pages:
        raise CheckFailed("a PDF with no pages")
    if PDF_FONT not in pdf or b"/FontFile2" not in pdf:
        raise CheckFailed("Vazirmatn is not embedded")
    return f"{pages} page{'s' if pages != 1 else ''}, {len(pdf) // 1024} KB, Vazirmatn embedded"
