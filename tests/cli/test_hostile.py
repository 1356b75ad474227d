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
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretariat.cli import build_parser, main

BUG_LINE = "خطای پیش‌بینی‌نشده"
# What argparse or Python would print in English.
ENGLISH = re.compile(
    r"Traceback|usage:|error:|invalid choice|expected (one|at most|at least)|arguments are required"
    r"|unrecognized arguments|invalid \w+ value|not allowed with|ambiguous option|Exception|Error\b"
)
# Commands whose exit 1 means "does not match", not a bug (see cli/archive.py).
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


# A few hundred command lines in all by default; more (and new ones each run) with e.g.
# SECRETARIAT_HOSTILE_EXAMPLES=100.
EXAMPLES = int(os.environ.get("SECRETARIAT_HOSTILE_EXAMPLES", "8"))
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _tally():
    yield
    if TALLY:
        print(
            f"\nhostile command lines: {TALLY['tried']} tried, {TALLY['refused']} refused in Persian, "
            f"{TALLY['ok']} done, {TALLY['mismatch']} mismatches, {TALLY['bug']} tracebacks"
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


@pytest.mark.parametrize(("path", "parser"), LEAVES, ids=[" ".join(path) for path, _ in LEAVES])
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="SECRETARIAT_HOSTILE_EXAMPLES" not in os.environ,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_hostile_values_are_refused_in_persian_and_change_nothing(council_copy, path, parser, data):
    argv = data.draw(command_lines(path, parser), label="argv")
    before = checksum(council_copy)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(council_copy), *argv])
    message = err.getvalue()
    TALLY["tried"] += 1
    if BUG_LINE in message or "Traceback" in message:
        TALLY["bug"] += 1
    assert BUG_LINE not in message, message
    assert not ENGLISH.search(message), message
    if code == 1 and path in MISMATCH_EXIT_1:
        TALLY["mismatch"] += 1
        return
    assert code in (0, 2), (code, message)
    if code == 2:
        TALLY["refused"] += 1
        assert message.strip(), "a refusal says why"
        assert checksum(council_copy) == before, "a refusal changed the database"
    else:
        TALLY["ok"] += 1
