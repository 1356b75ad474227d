"""The command line: the same rules as the window, Persian errors, exit 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.cli import main
from secretariat.persian import collation

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"]) == 0
    return path


def run(db_path, *args):
    return main(["--db", str(db_path), *args])


def listed(db_path, capsys, *args):
    capsys.readouterr()
    assert run(db_path, "agencies", "list", "--json", *args) == 0
    return json.loads(capsys.readouterr().out)


def test_added_agencies_are_listed_in_persian_order_with_their_fields(db_path, capsys):
    for name in ["گاز شهرستان", "پست شهرستان", "بانک ملی", "تأمین اجتماعی", "آموزش و پرورش"]:
        assert run(db_path, "agencies", "add", "--name", name, "--category", "اداره کل") == 0
    rows = listed(db_path, capsys)
    names = [row["name"] for row in rows]
    assert names == ["آموزش و پرورش", "بانک ملی", "پست شهرستان", "تأمین اجتماعی", "گاز شهرستان"]
    assert names == collation.sorted_persian(names)
    assert {"id", "name", "category", "active", "pr_manager"} <= set(rows[0])
    assert rows[0]["category"] == "اداره کل" and rows[0]["active"] is True and rows[0]["pr_manager"] is None


def test_search_ignores_letter_variants_and_digit_scripts(db_path, capsys):
    run(db_path, "agencies", "add", "--name", "مدیریت روابط‌عمومی بهزیستی", "--phone", "021-76253030")
    run(db_path, "agencies", "add", "--name", "شهرداری بومهن")
    assert [r["name"] for r in listed(db_path, capsys, "--search", "مدير روابط عمومي")] == [
        "مدیریت روابط‌عمومی بهزیستی"
    ]
    assert len(listed(db_path, capsys, "--search", "۷۶۲۵۳")) == 1


def test_duplicate_in_another_spelling_exits_2_with_persian_message_and_changes_nothing(db_path, capsys):
    assert run(db_path, "agencies", "add", "--name", "شهرداری پردیس") == 0
    capsys.readouterr()
    assert run(db_path, "agencies", "add", "--name", "شهرداري  پرديس") == 2
    err = capsys.readouterr().err
    assert "از پیش در فهرست هست" in err
    assert len(listed(db_path, capsys)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", ""], "نام دستگاه را بنویسید"),
        (["--name", "اداره گاز", "--email", "not-an-email"], "رایانامه"),
        (["--name", "اداره گاز", "--joined", "۱۴۰۴/۱۲/۳۰"], "کبیسه نیست"),
        (["--name", "اداره گاز", "--category", "هتل"], "رده دستگاه"),
    ],
)
def test_bad_input_is_refused_with_exit_2(db_path, capsys, args, message):
    capsys.readouterr()
    assert run(db_path, "agencies", "add", *args) == 2
    assert message in capsys.readouterr().err
    assert listed(db_path, capsys) == []


def test_deactivated_agency_leaves_the_list_until_all_is_asked(db_path, capsys):
    run(db_path, "agencies", "add", "--name", "اداره پست")
    assert run(db_path, "agencies", "deactivate", "اداره پست") == 0
    assert listed(db_path, capsys) == []
    rows = listed(db_path, capsys, "--all")
    assert [(r["name"], r["active"]) for r in rows] == [("اداره پست", False)]
    assert run(db_path, "agencies", "activate", str(rows[0]["id"])) == 0
    assert [r["active"] for r in listed(db_path, capsys)] == [True]


def test_appointing_a_pr_manager_shows_in_the_list(db_path, capsys):
    run(db_path, "agencies", "add", "--name", "اداره بهزیستی")
    run(db_path, "people", "add", "--name", "فاطمه رحیمي")
    assert (
        run(
            db_path,
            "people",
            "appoint",
            "--agency",
            "اداره بهزیستی",
            "--person",
            "1",
            "--start",
            "۱۴۰۳/۰۲/۲۷",
        )
        == 0
    )
    assert listed(db_path, capsys)[0]["pr_manager"] == "فاطمه رحیمی"


def test_commands_refuse_a_database_without_a_council(tmp_path, capsys):
    path = tmp_path / "x.sqlite3"
    assert main(["--db", str(path), "agencies", "add", "--name", "شهرداری پردیس"]) == 2
    assert "init" in capsys.readouterr().err
    # A list only reads: it does not even make the file.
    path.unlink()
    assert main(["--db", str(path), "agencies", "list"]) == 2
    assert "پیدا نشد" in capsys.readouterr().err
    assert not path.exists()


def test_a_foreign_file_is_refused_and_left_as_it_was(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("نامه اداری، نه پایگاه داده")
    before = path.read_bytes()
    assert main(["--db", str(path), "agencies", "list"]) == 2
    assert "پایگاه داده این برنامه نیست" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_module_entry_point_runs_as_a_process(tmp_path):
    path = tmp_path / "demo.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "secretariat", "--db", str(path), "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    listing = subprocess.run(
        [sys.executable, "-m", "secretariat", "--db", str(path), "agencies", "list", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    rows = json.loads(listing.stdout)
    assert len(rows) >= 20
    assert [r["name"] for r in rows] == collation.sorted_persian([r["name"] for r in rows])
