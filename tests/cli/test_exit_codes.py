"""What the command line does with what it does not expect: Persian refusals (exit 2)
for mistyped command lines, values out of their limits, busy or full databases and
unreadable files; exit 1 and a log file for a bug; never a traceback on the screen."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import exc as sql_errors

from secretariat.cli import LOG_NAME, build_parser, main
from secretariat.cli.persian_parser import PersianArgumentParser
from secretariat.persian.text import MAX_SEARCH_TERMS, MAX_TERM_LENGTH, search_terms

ROOT = Path(__file__).resolve().parents[2]
BUG_LINE = "خطای پیش‌بینی‌نشده؛ جزئیات در"


@pytest.fixture
def council(demo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return demo_copy


def run(db: Path, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# -- a bug: exit 1, one Persian line, the traceback in the log -----------------


def _explode(*args, **kwargs):
    raise RuntimeError("a bug in the core")


def test_a_bug_exits_1_with_one_persian_line_and_the_traceback_in_the_log(
    council, capsys, monkeypatch, tmp_path
):
    monkeypatch.setattr("secretariat.cli.meetings.run", _explode)
    code, out, err = run(council, capsys, "meetings", "list")
    assert code == 1
    assert err.count("\n") == 1 and err.startswith(BUG_LINE)
    log = tmp_path / "data" / "logs" / LOG_NAME
    assert str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug in the core" in text and "'meetings', 'list'" in text


def test_the_log_goes_to_the_temp_folder_when_the_data_folder_cannot_be_written(
    council, capsys, monkeypatch, tmp_path
):
    def no_data_folder():
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr("secretariat.cli.meetings.run", _explode)
    monkeypatch.setattr("secretariat.cli._data_logs", no_data_folder)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    code, _, err = run(council, capsys, "meetings", "list")
    assert code == 1
    assert str(tmp_path / "temp" / LOG_NAME) in err
    assert "RuntimeError" in (tmp_path / "temp" / LOG_NAME).read_text(encoding="utf-8")


# -- the database and files: Persian refusals ---------------------------------


def _raising(error: BaseException):
    def raise_it(*args, **kwargs):
        raise error

    return raise_it


def _operational(message: str) -> sql_errors.OperationalError:
    return sql_errors.OperationalError("INSERT ...", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (_operational("database is locked"), "قفل است"),
        (_operational("database or disk is full"), "دیسک پر است"),
        (_operational("attempt to write a readonly database"), "فقط‌خواندنی"),
        (_operational("disk I/O error"), "خوانده نشد"),
        (
            sql_errors.DatabaseError("SELECT", {}, sqlite3.DatabaseError("file is not a database")),
            "آسیب دیده",
        ),
        (sqlite3.OperationalError("database is locked"), "قفل است"),
        (OSError(errno.ENOSPC, "No space left on device", "out.pdf"), "دیسک پر است"),
        (PermissionError(errno.EACCES, "Permission denied", "/root/x"), "اجازه دسترسی نیست"),
        (
            FileNotFoundError(errno.ENOENT, "No such file", "gone.pdf"),
            "«gone.pdf» خوانده یا نوشته نشد: پیدا نشد",
        ),
    ],
)
def test_busy_full_or_unreadable_is_a_persian_refusal(council, capsys, monkeypatch, error, reason):
    monkeypatch.setattr("secretariat.cli.meetings.run", _raising(error))
    code, _, err = run(council, capsys, "meetings", "list")
    assert code == 2
    assert err.startswith("خطا: ") and reason in err
    assert not any(english in err for english in ("locked", "No space", "denied", "Error"))


def test_a_broken_constraint_is_a_bug_not_a_refusal(council, capsys, monkeypatch):
    error = sql_errors.IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    monkeypatch.setattr("secretariat.cli.meetings.run", _raising(error))
    code, _, err = run(council, capsys, "meetings", "list")
    assert code == 1 and err.startswith(BUG_LINE)


def test_a_report_into_a_missing_folder_is_refused_in_persian(council, capsys):
    code, _, err = run(council, capsys, "report", "directory", "--out", "no/such/folder/x.pdf")
    assert code == 2 and "نوشته نشد" in err


# -- argparse in Persian ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["agencies", "list", "--x"], "گزینه ناشناخته: --x"),
        (["meetings", "list", "extra"], "آرگومان اضافه: extra"),
        (["report", "nonsense", "--out", "x.pdf"], "مقدار «nonsense» برای kind پذیرفته نیست؛ یکی از"),
        (["resolutions", "follow-up", "1"], "گزینه --date لازم است"),
        (["meetings", "create", "--kind"], "گزینه --kind یک مقدار می‌خواهد"),
        (["meetings", "lst"], "زیرفرمان ناشناخته: «lst»"),
        (["nothing"], "فرمان ناشناخته: «nothing»"),
        ([], "فرمان را بنویسید؛ یکی از این‌ها: init"),
        (["backup"], "یکی از این گزینه‌ها لازم است: --out، --daily"),
        (["backup", "--out", "b.sqlite3", "--daily"], "را با هم ندهید"),
        (["agencies", "list", "--json=yes"], "گزینه --json مقداری نمی‌پذیرد"),
    ],
)
def test_a_mistyped_command_line_is_refused_in_persian(council, capsys, args, message):
    code, out, err = run(council, capsys, *args)
    assert code == 2 and out == ""
    assert message in err
    assert "طرز استفاده: python -m secretariat" in err
    assert "usage" not in err and "error:" not in err and "argument" not in err


@pytest.mark.parametrize(
    ("message", "persian"),
    [
        ("argument --n: invalid int value: 'x'", "مقدار «x» برای --n پذیرفته نیست"),
        ("the following arguments are required: --a, --b", "این‌ها لازم است: --a، --b"),
        ("ambiguous option: --st could match --start, --status", "گزینه «--st» روشن نیست"),
        ("argument --n: expected at least one argument", "گزینه --n دست‌کم یک مقدار می‌خواهد"),
        ("something new", "خط فرمان پذیرفته نیست"),
    ],
)
def test_argparse_messages_are_translated(message, persian):
    assert persian in PersianArgumentParser(prog="x").translate(message)


def test_every_parser_is_persian():
    pending = [build_parser()]
    seen = 0
    while pending:
        parser = pending.pop()
        assert isinstance(parser, PersianArgumentParser), parser.prog
        seen += 1
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending += action.choices.values()
    assert seen > 30


def test_help_is_persian_and_exits_0(council, capsys):
    code, out, err = run(council, capsys, "meetings", "create", "--help")
    assert code == 0 and err == ""
    assert out.startswith("طرز استفاده:") and "نمایش این راهنما" in out and "گزینه‌ها" in out
    assert "usage" not in out and "show this help" not in out


# -- limits of numbers, ids, dates, choices, text -----------------------------


@pytest.mark.parametrize("value", [str(2**63), "9" * 5000, "0", "-1", "²", "1.5", "", "۱۲a", "+1"])
def test_ids_out_of_range_or_not_decimal_are_refused(council, capsys, value):
    code, _, err = run(council, capsys, "meetings", "show", value)
    assert code == 2
    assert "شناسه «" in err and "معتبر نیست" in err


@pytest.mark.parametrize("value", ["1", "۱", "١", "0001"])
def test_ids_are_read_in_every_digit_script(council, capsys, value):
    code, out, _ = run(council, capsys, "meetings", "show", value, "--json")
    assert code == 0 and json.loads(out)["id"] == 1


def test_the_largest_id_is_looked_up_and_not_found(council, capsys):
    code, _, err = run(council, capsys, "meetings", "show", str(2**63 - 1))
    assert code == 2 and "در فهرست نیست" in err


@pytest.mark.parametrize(
    "args",
    [
        ["agencies", "deactivate", "²"],
        ["agencies", "deactivate", str(2**63)],
        ["agencies", "deactivate", "۹" * 5000],
        ["agencies", "deactivate", ""],
        ["resolutions", "set-status", str(2**64), "--status", "done"],
        ["resolutions", "set-status", "²", "--status", "done"],
        ["resolutions", "set-status", "1", "--status", ""],
        ["resolutions", "list", "--agency", str(2**63)],
        ["resolutions", "list", "--due-within", "9" * 5000],
        ["resolutions", "list", "--due-within", "0"],
        ["resolutions", "list", "--year", "9" * 5000],
        ["resolutions", "list", "--year", "99999"],
        ["resolutions", "list", "--from", "1" * 5000 + "/01/01"],
        ["resolutions", "follow-up", "1", "--date", "1404/07/15", "--progress", "9" * 5000],
        ["resolutions", "follow-up", "1", "--date", "1" * 5000 + "/07/15"],
        ["meetings", "create", "--date", "1404/" + "0" * 5000 + "7/15"],
        ["meetings", "create", "--date", "1404/09/18", "--start", "9" * 5000 + ":00"],
        ["meetings", "list", "--year", "²"],
        ["meetings", "attach", "1", "a\x00b"],
        ["people", "appoint", "--agency", "1", "--person", "x", "--start", "1404/01/01"],
        ["backup", "--daily", "--keep", "0"],
        ["init", "--council", "x", "--quorum-count", "9" * 5000],
        ["archive", "export", "--year", "9" * 5000, "--out", "a.zip"],
        ["report", "register", "--out", "", "--search", "x"],
    ],
)
def test_values_out_of_their_limits_are_refused_and_change_nothing(council, capsys, args):
    before = council.read_bytes()
    code, _, err = run(council, capsys, *args)
    assert code == 2, err
    assert err.strip() and "Error" not in err
    assert council.read_bytes() == before


def test_an_empty_choice_is_the_option_left_out(council, capsys):
    code, out, _ = run(council, capsys, "meetings", "list", "--kind", "", "--status", "", "--json")
    assert code == 0
    assert len(json.loads(out)) == len(json.loads(run(council, capsys, "meetings", "list", "--json")[1]))
    code, out, _ = run(council, capsys, "meetings", "create", "--kind", "", "--date", "1405/09/18", "--json")
    assert code == 0 and json.loads(out)["kind"] == "regular"


def test_choices_of_init_take_the_persian_label(tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    code, _, err = run(db, capsys, "init", "--council", "شورای استان", "--level", "استان", "--quorum", "")
    assert code == 0, err
    code, _, err = run(tmp_path / "other.sqlite3", capsys, "init", "--council", "شورا", "--level", "کشور")
    assert code == 2 and "سطح شورا «کشور» شناخته نیست" in err


def test_undecodable_bytes_are_refused_in_persian(council, capsys):
    code, _, err = run(council, capsys, "agencies", "add", "--name", "bad\udcff\udcfe")
    assert code == 2 and "آرگومان با نویسه‌های نامعتبر" in err and "bad\ufffd\ufffd" in err


@pytest.mark.skipif(sys.platform == "win32", reason="Windows passes the command line as UTF-16")
def test_undecodable_bytes_from_a_real_command_line(council):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUTF8": "1"}
    result = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"secretariat",
            b"--db",
            bytes(council),
            b"agencies",
            b"list",
            b"--search",
            b"\xff\xfe",
        ],
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "آرگومان با نویسه‌های نامعتبر" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("", "مسیر پرونده خالی است"),
        ("x" * 5000, "مسیر پرونده نیست"),
        ("a\x00b", "مسیر پرونده نیست"),
        ("mysql://somewhere/x", "نشانی «mysql://somewhere/x» پذیرفته نیست"),
    ],
)
def test_a_database_location_that_cannot_be_one_is_refused(capsys, location, message):
    capsys.readouterr()
    assert main(["--db", location, "meetings", "list"]) == 2
    assert message in capsys.readouterr().err


# -- search: capped, never "too complex" ----------------------------------------


def test_search_terms_are_capped():
    assert len(search_terms(" ".join(f"واژه{i}" for i in range(50)))) == MAX_SEARCH_TERMS
    (term,) = search_terms("ب" * 25_000)
    assert term == "ب" * MAX_TERM_LENGTH
    assert search_terms("مدير  روابط‌عمومي") == ["مدیر", "روابط", "عمومی"]


@pytest.mark.parametrize(
    "command",
    [
        ["agencies", "list"],
        ["people", "list"],
        ["resolutions", "list"],
        ["agencies", "deactivate"],
    ],
)
@pytest.mark.parametrize("search", ["آ" * 25_000, "%" * 25_000, " ".join(["ب_"] * 5_000)])
def test_a_huge_search_is_not_too_complex(council, capsys, command, search):
    if command[-1] == "deactivate":
        code, _, err = run(council, capsys, *command, search)
        assert code == 2 and "پیدا نشد" in err
    else:
        code, _, err = run(council, capsys, *command, "--search", search)
        assert code == 0, err


def test_a_long_search_still_finds_by_its_first_hundred_characters(council, capsys):
    name = "اداره " + "ک" * MAX_TERM_LENGTH
    assert run(council, capsys, "agencies", "add", "--name", name)[0] == 0
    search = "ک" * MAX_TERM_LENGTH + "ز" * 50  # what is beyond the first hundred is not read
    code, out, _ = run(council, capsys, "agencies", "list", "--search", search, "--json")
    assert code == 0 and [row["name"] for row in json.loads(out)] == [name]
