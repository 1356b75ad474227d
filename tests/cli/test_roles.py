"""Each role against each door of the command line, on the demo council with its three accounts:
a command beyond the role exits 2 with the Persian refusal and changes nothing; reading and
printing are everyone's."""

from __future__ import annotations

import json

import pytest

from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.maintenance.backup import backup_to
from tests.support.backends import table_rows
from tests.support.office_accounts import add_accounts_to, password

# What signing in itself writes (the attempt counted, the sign-in in the trail): not a change.
SIGN_IN_TABLES = {"audit_entry", "user_account", "desk_change"}


@pytest.fixture
def office(demo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SECRETARIAT_NEW_PASSWORD", raising=False)
    add_accounts_to(demo_copy)
    return demo_copy


def as_user(path, monkeypatch, user, *args):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", password(user))
    return main(["--db", str(path), "--user", user, *args])


def records(path):
    return {table: rows for table, rows in table_rows(path).items() if table not in SIGN_IN_TABLES}


def meeting_status(path, meeting_id):
    with Secretariat.open(path) as secretariat:
        return secretariat.meetings.get(meeting_id).status


HELD = 10  # the demo's meeting held and not yet finalized

WRITES = {
    "agencies add": ["agencies", "add", "--name", "اداره آزمایشی نو"],
    "follow-up": ["resolutions", "follow-up", "1", "--date", "1405/09/01", "--note", "پیگیری شد"],
    "meetings finalize": ["meetings", "finalize", str(HELD)],
    "users add": ["users", "add", "--username", "reza", "--name", "رضا موسوی", "--role", "viewer"],
    "audit list": ["audit", "list", "--json"],
}
REFUSED = [
    ("nazer", "agencies add", "«ثبت و ویرایش» در اختیار نقش «ناظر» نیست"),
    ("nazer", "follow-up", "«ثبت و ویرایش» در اختیار نقش «ناظر» نیست"),
    ("nazer", "meetings finalize", "«نهایی کردن و اصلاح صورتجلسه نهایی» در اختیار نقش «ناظر» نیست"),
    ("karshenas", "meetings finalize", "«نهایی کردن و اصلاح صورتجلسه نهایی» در اختیار نقش «کارشناس» نیست"),
    ("karshenas", "users add", "«مدیریت کاربران» در اختیار نقش «کارشناس» نیست"),
    ("karshenas", "audit list", "«مرور سابقه کامل تغییرات» در اختیار نقش «کارشناس» نیست"),
    ("nazer", "audit list", "«مرور سابقه کامل تغییرات» در اختیار نقش «ناظر» نیست"),
]


@pytest.mark.parametrize(("user", "door", "refusal"), REFUSED, ids=[f"{u}-{d}" for u, d, _ in REFUSED])
def test_a_door_beyond_the_role_is_refused_and_nothing_changes(
    office, monkeypatch, capsys, user, door, refusal
):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "reza-secret")
    before = records(office)
    assert as_user(office, monkeypatch, user, *WRITES[door]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"خطا: {refusal}؛ از دبیر شورا بخواهید. چیزی تغییر داده نشد."
    assert "Traceback" not in captured.err and captured.out == ""
    assert records(office) == before


@pytest.mark.parametrize("door", list(WRITES))
def test_the_secretary_passes_every_door(office, monkeypatch, capsys, door):
    monkeypatch.setenv("SECRETARIAT_NEW_PASSWORD", "reza-secret")
    assert as_user(office, monkeypatch, "dabir", *WRITES[door]) == 0, capsys.readouterr().err


def test_the_expert_records_and_the_signed_in_name_is_who_did_it(office, monkeypatch, capsys):
    assert as_user(office, monkeypatch, "karshenas", *WRITES["follow-up"], "--by", "کسی دیگر") == 0
    assert as_user(office, monkeypatch, "dabir", "meetings", "finalize", str(HELD)) == 0
    capsys.readouterr()
    assert as_user(office, monkeypatch, "dabir", "audit", "list", "--json", "--kind", "follow_up") == 0
    (entry, *_) = json.loads(capsys.readouterr().out)
    assert (entry["user"], entry["changes"]["recorded_by"]) == ("karshenas", "علی رضایی")
    assert as_user(office, monkeypatch, "dabir", "meetings", "show", str(HELD), "--json") == 0
    assert json.loads(capsys.readouterr().out)["finalized_by"] == "مریم احمدی"


READS = [
    ["agencies", "list"],
    ["people", "list", "--json"],
    ["meetings", "list"],
    ["meetings", "show", "1"],
    ["resolutions", "list", "--json"],
    ["resolutions", "dashboard"],
    ["monthly", "matrix", "--year", "1404"],
    ["letters", "list"],
    ["evaluation", "ranking", "--year", "1404"],
    ["users", "list"],
]


@pytest.mark.parametrize("args", READS, ids=[" ".join(args[:2]) for args in READS])
def test_the_viewer_reads_everything(office, monkeypatch, capsys, args):
    before = records(office)
    assert as_user(office, monkeypatch, "nazer", *args) == 0, capsys.readouterr().err
    assert records(office) == before


def test_the_viewer_prints_and_backs_up(office, tmp_path, monkeypatch, capsys):
    assert (
        as_user(
            office,
            monkeypatch,
            "nazer",
            "report",
            "minutes",
            "--meeting",
            "1",
            "--out",
            str(tmp_path / "m.pdf"),
        )
        == 0
    )
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert as_user(office, monkeypatch, "nazer", "backup", "--out", str(tmp_path / "b.sqlite3")) == 0


# -- restore and archive import: the core's own checks ----------------------------------------


@pytest.fixture
def backup(office, tmp_path):
    """A backup of the demo without its accounts (taken before they were added)."""
    with Secretariat.open(office) as secretariat:
        target = tmp_path / "backups" / "before.sqlite3"
        backup_to(secretariat.database, target)
    return target


@pytest.mark.parametrize("user", ["karshenas", "nazer"])
def test_only_the_secretary_restores(office, backup, monkeypatch, capsys, user):
    assert as_user(office, monkeypatch, "dabir", "agencies", "add", "--name", "اداره آزمایشی نو") == 0
    capsys.readouterr()
    assert as_user(office, monkeypatch, user, "restore", str(backup)) == 2
    assert "«بازگرداندن پشتیبان و ورود بایگانی» در اختیار نقش" in capsys.readouterr().err
    assert not list(office.parent.glob("*before-restore*"))
    assert "اداره آزمایشی نو" in json.dumps(records(office)["agency"], ensure_ascii=False)

    assert as_user(office, monkeypatch, "dabir", "restore", str(backup)) == 0
    assert "بازگردانده شد" in capsys.readouterr().out
    assert "اداره آزمایشی نو" not in json.dumps(records(office)["agency"], ensure_ascii=False)


def test_restore_over_a_council_with_accounts_needs_the_user(office, backup, monkeypatch, capsys):
    monkeypatch.delenv("SECRETARIAT_PASSWORD", raising=False)
    assert main(["--db", str(office), "restore", str(backup)]) == 2
    assert "--user" in capsys.readouterr().err
    assert not list(office.parent.glob("*before-restore*"))


def test_only_the_secretary_imports_an_archive(tmp_path, monkeypatch, capsys, demo_path):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    records_file = tmp_path / "records.json"
    from secretariat.archive.formats import records_json
    from secretariat.archive.records import year_records

    with Secretariat.open(demo_path) as demo:
        records_file.write_bytes(records_json(year_records(demo.database, 1404)))
    empty = tmp_path / "new.sqlite3"
    add_accounts_to(empty)
    assert as_user(empty, monkeypatch, "karshenas", "archive", "import", str(records_file)) == 2
    assert "«بازگرداندن پشتیبان و ورود بایگانی» در اختیار نقش «کارشناس» نیست" in capsys.readouterr().err
    assert records(empty)["meeting"] == []

    assert as_user(empty, monkeypatch, "dabir", "archive", "import", str(records_file)) == 0
    capsys.readouterr()
    assert as_user(empty, monkeypatch, "dabir", "audit", "list", "--json", "--kind", "archive") == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert (entry["action"], entry["record"], entry["user"]) == ("import", "1404", "dabir")


def test_the_secretary_publishes_and_amends_without_naming_themself(office, monkeypatch, capsys):
    amend = ["evaluation", "amend", "--year", "1404", "--agency", "شهرداری پردیس"]
    amend += ["--criterion", "ابتکار و نوآوری", "--score", "10", "--reason", "بازبینی داوران"]
    assert as_user(office, monkeypatch, "dabir", *amend) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert as_user(office, monkeypatch, "dabir", "audit", "list", "--json", "--kind", "evaluation") == 0
    (entry, *_) = json.loads(capsys.readouterr().out)
    assert entry["user"] == "dabir" and "مریم احمدی" in json.dumps(entry["changes"], ensure_ascii=False)
