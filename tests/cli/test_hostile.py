"""Hostile command lines: every command refuses in Persian (exit 2) or works (exit 0),
never prints a traceback or English argparse text, and a refusal changes nothing.

The property test enumerates the commands from ``build_parser()``, so a new
command or option is fed hostile values without anyone adding it here.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.cli import build_parser, main
from tests.support.backends import clone_postgres, drop_postgres, fresh_postgres, needs_postgres, table_rows

BUG_LINE = "خطای پیش‌بینی‌نشده"
# What argparse or Python would print in English.
ENGLISH = re.compile(
    r"Traceback|usage:|error:|invalid choice|expected (one|at most|at least)|arguments are required"
    r"|unrecognized arguments|invalid \w+ value|not allowed with|ambiguous option|Exception|Error\b"
)
# Commands whose exit 1 means "does not match", not a bug (see cli/archive.py).
# Commands for SQLite files only, by design: refused on PostgreSQL.
SQLITE_ONLY = {"backup", "restore", "demo"}
MISMATCH_EXIT_1 = {("archive", "verify"), ("archive", "verify-document")}

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m\x7f",
    "\u202e\u200f\u200c",
    "\n\r\t",
    "-1",
    "-0",
    "0",
    "+5",
    "1",
    "۱",
    "٣",
    "²",
    "¹²³",
    "١٢",
    "1.5",
    "1e9",
    "0x10",
    "9" * 5000,
    "۹" * 5000,
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    "-" + "9" * 30,
    "1404/07/15",
    "۱۴۰۴/۰۷/۱۵",
    "1" * 5000 + "/01/01",
    "1404/" + "0" * 5000 + "7/15",
    "1404/13/40",
    "99:99",
    "9" * 5000 + ":00",
    "۱۴۰۴-۰۷-۰۱",
    "x" * 25000,
    "آ" * 25000,
    " ".join(["ب"] * 5000),
    "%_\\*?[",
    "'; DROP TABLE agency; --",
    "a\udcffb",
    "\udc80",
    "\ud800",
    "/",
    ".",
    "/dev/null",
    "no/such/folder/out.pdf",
    "out.pdf",
    "out.zip",
    "regular",
    "done",
    "present",
    "--json",
    "-x",
    "بانک ملی",
]
TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩²³¹/-:", min_size=1, max_size=30),
)


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every leaf command (one with no sub-commands) under ``parser``, with its words."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found = []
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name))
            return found
    return [(path, parser)]


LEAVES = commands(build_parser())


def test_every_command_is_enumerated():
    words = {" ".join(path) for path, _ in LEAVES}
    assert {"init", "meetings create", "resolutions follow-up", "archive verify", "restore"} <= words
    assert len(LEAVES) >= 30


@st.composite
def command_lines(draw: st.DrawFn, path: tuple[str, ...], parser: argparse.ArgumentParser) -> list[str]:
    """The command's words, a value for each positional and some options with hostile values."""
    argv = list(path)
    options = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            options.append(action)
        else:
            choices = list(action.choices or ())
            argv.append(draw(st.sampled_from(choices) | TEXT) if choices else draw(TEXT))
    for action in draw(st.lists(st.sampled_from(options), max_size=4)) if options else []:
        option = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            argv.append(option)
        elif draw(st.booleans()):
            argv.append(f"{option}={draw(TEXT)}")
        else:
            argv += [option, draw(TEXT)]
    return argv


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def rows_digest(url: str) -> str:
    """PostgreSQL has no file to checksum: a hash of every table's rows, ordered."""
    return hashlib.sha256(repr(table_rows(url)).encode("utf-8", "backslashreplace")).hexdigest()


# A few hundred command lines in all by default; more (and new ones each run) with e.g.
# SECRETARIAT_HOSTILE_EXAMPLES=100. On PostgreSQL, where each command line opens a
# connection and the rows are dumped before and after, half as many.
EXAMPLES = int(os.environ.get("SECRETARIAT_HOSTILE_EXAMPLES", "8"))
POSTGRES_EXAMPLES = max(1, EXAMPLES // 2)
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _tally():
    yield
    for backend in ("sqlite", "postgresql"):
        if TALLY[f"{backend} tried"]:
            print(
                f"\nhostile command lines on {backend}: {TALLY[f'{backend} tried']} tried, "
                f"{TALLY[f'{backend} refused']} refused in Persian, {TALLY[f'{backend} ok']} done, "
                f"{TALLY[f'{backend} mismatch']} mismatches, {TALLY[f'{backend} bug']} tracebacks"
            )


@pytest.fixture
def council_copy(demo_path, tmp_path, monkeypatch):
    """A copy of the demo council; the data folder and the working folder in tmp_path."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    copy = tmp_path / "council.sqlite3"
    copy.write_bytes(demo_path.read_bytes())
    return copy


@pytest.fixture(scope="module")
def postgres_demo() -> str:
    """The demo council built once in the PostgreSQL test database: the template of each test's copy."""
    from secretariat.core import Secretariat
    from secretariat.demo.council import build_demo

    url = fresh_postgres()
    with Secretariat.open(url) as secretariat:
        build_demo(secretariat)
    return url


@pytest.fixture
def postgres_council(postgres_demo, tmp_path, monkeypatch):
    """A copy of the demo council in a database of its own; the folders as for ``council_copy``."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    url = clone_postgres(postgres_demo, "council_hostile")
    yield url
    drop_postgres(url)


LEAF_IDS = [" ".join(path) for path, _ in LEAVES]
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
DERANDOMIZE = "SECRETARIAT_HOSTILE_EXAMPLES" not in os.environ


@pytest.mark.parametrize(("path", "parser"), LEAVES, ids=LEAF_IDS)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=HEALTH)
@given(data=st.data())
def test_hostile_values_are_refused_in_persian_and_change_nothing(council_copy, path, parser, data):
    check_command_line(
        "sqlite",
        str(council_copy),
        lambda: checksum(council_copy),
        path,
        data.draw(command_lines(path, parser)),
    )


@needs_postgres
@pytest.mark.parametrize(("path", "parser"), LEAVES, ids=LEAF_IDS)
@settings(
    max_examples=POSTGRES_EXAMPLES, deadline=None, derandomize=DERANDOMIZE, suppress_health_check=HEALTH
)
@given(data=st.data())
def test_hostile_values_are_refused_in_persian_and_change_nothing_on_postgresql(
    postgres_council, path, parser, data
):
    """The same on PostgreSQL: ``backup``, ``restore`` and ``demo`` (SQLite files by design)
    are refused there in Persian, as any other refusal is."""
    check_command_line(
        "postgresql",
        postgres_council,
        lambda: rows_digest(postgres_council),
        path,
        data.draw(command_lines(path, parser)),
    )


def logged(message: str) -> str:
    """The traceback a bug line names (the log's last entry), for the failure's report."""
    found = re.search(r"«([^»]+)»", message)
    if found is None or not Path(found.group(1)).is_file():
        return ""
    return Path(found.group(1)).read_text(encoding="utf-8").rpartition("--- ")[2]


def check_command_line(
    backend: str, location: str, state: Callable[[], str], path: tuple[str, ...], argv: list[str]
) -> int:
    """Run ``argv`` on the database at ``location``: exit 0 or 2, never a traceback or English,
    and ``state()`` (the database's checksum) the same after a refusal."""
    before = state()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", location, *argv])
    message = err.getvalue()
    TALLY[f"{backend} tried"] += 1
    if BUG_LINE in message or "Traceback" in message:
        TALLY[f"{backend} bug"] += 1
    assert BUG_LINE not in message, (argv, message, logged(message))
    assert not ENGLISH.search(message), (argv, message)
    if code == 1 and path in MISMATCH_EXIT_1:
        TALLY[f"{backend} mismatch"] += 1
        return code
    assert code in (0, 2), (argv, code, message)
    if backend == "postgresql" and path[0] in SQLITE_ONLY:
        assert code == 2, f"{argv} is for SQLite files, yet did not refuse on PostgreSQL: {out.getvalue()}"
    if code == 2:
        TALLY[f"{backend} refused"] += 1
        assert message.strip(), "a refusal says why"
        assert state() == before, f"a refusal changed the database: {argv}"
    else:
        TALLY[f"{backend} ok"] += 1
    return code


@needs_postgres
@pytest.mark.parametrize(
    "argv",
    [
        ["meetings", "show", str(2**31)],
        ["meetings", "show", str(2**63 - 1)],
        ["resolutions", "set-status", str(2**63 - 1), "--status", "done"],
        ["meetings", "amend", "\x00"],
        ["agencies", "list", "--search", "a\x00b"],
        ["demo"],
        ["demo", "--force"],
        ["backup", "--daily"],
    ],
    ids=[
        "id past int4",
        "id past int8",
        "id in a save",
        "NUL in a code",
        "NUL in a search",
        "demo",
        "demo force",
        "daily backup",
    ],
)
def test_what_only_postgresql_refuses_is_refused_in_persian(postgres_council, argv):
    """Found by the property test: ids past PostgreSQL's integer columns and NUL characters
    (SQLite takes both), and the SQLite-only commands, which made a file named after the URL
    (``demo``) or said today's backup was taken (``backup --daily``)."""
    code = check_command_line(
        "postgresql", postgres_council, lambda: rows_digest(postgres_council), tuple(argv[:2]), argv
    )
    assert code == 2
    assert list(Path.cwd().iterdir()) == [], "nothing is written beside the command line"
