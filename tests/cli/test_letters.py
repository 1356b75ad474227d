"""``letters ...`` on the command line: the register's list and JSON, incoming letters and what
they answer, voids; refusals exit 2 with a Persian message and change nothing."""

import json
import shutil

import pytest

from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.letters.register import LetterKind, OutgoingDraft


@pytest.fixture(scope="module")
def council_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("council") / "council.sqlite3"

    def run(*args):
        assert main(["--db", str(path), *args]) == 0

    run("init", "--council", "شورای هماهنگی روابط عمومی‌های استان البرز")
    run("agencies", "add", "--name", "بانک ملی")
    run("agencies", "add", "--name", "اداره کل ورزش و جوانان")
    with Secretariat.open(path) as secretariat:
        secretariat.letters.issue(
            OutgoingDraft(
                kind=LetterKind.FOLLOWUP.value,
                source_key="followup:1",
                party="بانک ملی",
                agency_id=1,
                subject="پیگیری مصوبات جلسه سوم",
            )
        )
    return path


@pytest.fixture
def cli(council_file, tmp_path, capsys):
    path = tmp_path / "council.sqlite3"
    shutil.copyfile(council_file, path)

    def run(*args):
        capsys.readouterr()
        code = main(["--db", str(path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def listed(cli, *args):
    code, out, err = cli("letters", "list", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_list_gives_the_register_as_json(cli):
    (letter,) = listed(cli)
    assert {"id", "number", "date", "direction", "party", "subject", "concerns", "voided"} <= set(letter)
    assert letter["direction"] == "out" and letter["voided"] is False and "/ش/" in letter["number"]


def test_an_incoming_letter_answers_ours_and_gets_a_receipt_number(cli):
    number = listed(cli)[0]["number"]
    code, out, err = cli(
        "letters", "incoming", "--from", "بانک ملي", "--their-number", "۷۸۹/ر", "--their-date", "1405/01/10",
        "--received", "1405/01/12", "--subject", "پاسخ پیگیری", "--answers", number,
    )  # fmt: skip
    assert code == 0, err
    assert "/و/" in out
    assert [row["direction"] for row in listed(cli, "--direction", "in")] == ["in"]
    assert listed(cli, "--search", "۷۸۹")[0]["subject"] == "پاسخ پیگیری"
    assert len(listed(cli, "--agency", "بانک ملی")) == 2


def test_a_sender_outside_the_council_is_named(cli):
    code, _out, err = cli("letters", "incoming", "--from", "کتابخانه عمومی شهر", "--received", "1405/01/12",
                          "--subject", "دعوت به نمایشگاه")  # fmt: skip
    assert code == 0, err
    assert listed(cli, "--direction", "in")[0]["party"] == "کتابخانه عمومی شهر"


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "بانک ملی", "--received", "1500/01/01", "--subject", "از آینده"),
        ("--from", "بانک ملی", "--received", "1405/02/31/", "--subject", "تاریخ نادرست"),
        ("--from", "بانک ملی", "--received", "1405/01/12", "--subject", " "),
        ("--from", "بانک ملی", "--received", "1405/01/12", "--subject", "پاسخ", "--answers", "1405-ک99-9"),
        ("--from", "99", "--received", "1405/01/12", "--subject", "دستگاه ناشناس"),
    ],
)
def test_impossible_incoming_letters_are_refused(cli, args):
    code, out, err = cli("letters", "incoming", *args)
    assert code == 2, out
    assert err.startswith("خطا: ")
    assert [row["direction"] for row in listed(cli)] == ["out"]


def test_a_void_keeps_the_letter_and_its_number(cli):
    number = listed(cli)[0]["number"]
    code, _out, err = cli("letters", "void", number, "--reason", "نامه به نشانی اشتباه رفت")
    assert code == 0, err
    assert listed(cli)[0]["voided"] is True
    code, _out, err = cli("letters", "void", number, "--reason", "دوباره")
    assert code == 2 and "پیش‌تر" in err
    code, _out, err = cli("letters", "void", "999/ش/1405", "--reason", "نیست")
    assert code == 2


def test_the_pattern_is_shown_and_checked(cli):
    code, out, _err = cli("letters", "pattern", "{seq}/د/{yy}")
    assert code == 0 and "{seq}/د/{yy}" in out
    code, _out, err = cli("letters", "pattern", "{seq}")
    assert code == 2 and "{year}" in err
