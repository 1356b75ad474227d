"""The resolutions register and follow-up from the command line."""

import datetime as dt
import json

import pytest

from secretariat import clock
from secretariat.cli import main
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

# A follow-up's date: after the demo's meetings (it is built around today) and not in the future.
YESTERDAY = jalali.format_short(clock.today() - dt.timedelta(days=1), persian_digits=False)


def listed(demo_copy, capsys, *args):
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "list", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_find_an_agencys_overdue_resolutions_follow_one_up_and_close_it(demo_copy, capsys):
    overdue = listed(demo_copy, capsys, "--overdue")
    assert overdue and all(row["overdue"] for row in overdue)
    agency = overdue[0]["responsible"]
    mine = listed(demo_copy, capsys, "--overdue", "--agency", agency)
    assert mine and {"id", "code", "text", "status", "due_date", "overdue", "responsible"} <= set(mine[0])
    code = mine[0]["code"]
    assert (
        main(
            [
                "--db",
                str(demo_copy),
                "resolutions",
                "follow-up",
                code,
                "--date",
                YESTERDAY,
                "--kind",
                "تماس تلفنی",
                "--progress",
                "۶۰",
                "--by",
                "دبیرخانه",
            ]
        )
        == 0
    )
    assert [r["status"] for r in listed(demo_copy, capsys, "--agency", agency) if r["code"] == code] == [
        "in_progress"
    ]
    assert (
        main(
            [
                "--db",
                str(demo_copy),
                "resolutions",
                "set-status",
                code,
                "--status",
                "done",
                "--evidence",
                "نامه شماره ۴۵۶ دستگاه",
            ]
        )
        == 0
    )
    assert code not in [r["code"] for r in listed(demo_copy, capsys, "--overdue")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["follow-up", "1", "--date", "1300/01/01"], "پیش از جلسه"),
        (["follow-up", "1", "--date", YESTERDAY, "--progress", "150"], "۰ و ۱۰۰"),
        (["set-status", "1", "--status", "done"], "مستند انجام"),
        (["deadline", "1", "--due", "1405/12/01"], "دلیل تغییر مهلت"),
        (["follow-up", "99999", "--date", YESTERDAY], "در فهرست نیست"),
    ],
)
def test_refusals_exit_2_with_a_persian_message(demo_copy, capsys, args, message):
    before = listed(demo_copy, capsys, "--meeting", "1")
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", *args]) == 2
    assert message in capsys.readouterr().err
    assert listed(demo_copy, capsys, "--meeting", "1") == before


def test_a_follow_up_keeps_the_document_given_with_it(demo_copy, capsys, tmp_path):
    from secretariat.core import Secretariat

    scan = tmp_path / "نامه ۴۱۲.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    resolution = listed(demo_copy, capsys, "--overdue")[0]
    code = resolution["code"]
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(demo_copy),
                "resolutions",
                "follow-up",
                code,
                "--date",
                YESTERDAY,
                "--note",
                "نامه پیگیری",
                "--document",
                str(scan),
            ]
        )
        == 0
    )
    assert "«نامه ۴۱۲.pdf»" in capsys.readouterr().out
    with Secretariat.open(demo_copy) as secretariat:
        entry = secretariat.followup.log(resolution["id"])[-1]
        assert entry.document_name == scan.name
        assert secretariat.followup.document(entry.id).data == scan.read_bytes()


def _rows(demo_copy, table: str) -> int:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(demo_copy)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_missing_document_refuses_the_follow_up(demo_copy, capsys, tmp_path):
    missing = tmp_path / "نیست.pdf"
    before = {table: _rows(demo_copy, table) for table in ("follow_up", "attachment", "attachment_content")}
    code = listed(demo_copy, capsys, "--overdue")[0]["code"]
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(demo_copy),
                "resolutions",
                "follow-up",
                code,
                "--date",
                YESTERDAY,
                "--document",
                str(missing),
            ]
        )
        == 2
    )
    assert f"پرونده «{missing}» پیدا نشد." in capsys.readouterr().err
    assert {table: _rows(demo_copy, table) for table in before} == before


def dashboard(demo_copy, capsys) -> dict:
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "dashboard", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_dashboard_changes_when_an_overdue_resolution_is_done(demo_copy, capsys):
    before = dashboard(demo_copy, capsys)
    assert before["overdue"] == len(listed(demo_copy, capsys, "--overdue")) > 0
    assert before["open"] == len(listed(demo_copy, capsys, "--open"))
    worst = before["worst_agencies"][0]
    assert worst["overdue"] == len(
        listed(demo_copy, capsys, "--overdue", "--agency", str(worst["agency_id"]))
    )
    code = listed(demo_copy, capsys, "--overdue", "--agency", str(worst["agency_id"]))[0]["code"]
    assert (
        main(
            [
                "--db",
                str(demo_copy),
                "resolutions",
                "set-status",
                code,
                "--status",
                "done",
                "--evidence",
                "گزارش دستگاه",
            ]
        )
        == 0
    )
    after = dashboard(demo_copy, capsys)
    assert after["overdue"] == before["overdue"] - 1
    assert after["open"] == before["open"] - 1
    assert after["done_this_year"] == before["done_this_year"] + 1
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "dashboard"]) == 0
    assert f"معوق: {to_persian_digits(after['overdue'])}" in capsys.readouterr().out


def test_prepare_review_puts_the_open_resolutions_on_the_next_meeting(demo_copy, capsys):
    next_meeting = dashboard(demo_copy, capsys)["next_meetings"][0]
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "prepare-review"]) == 0
    out = capsys.readouterr().out
    assert next_meeting["title"] in out
    assert main(["--db", str(demo_copy), "meetings", "show", str(next_meeting["id"]), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["agenda"][0]["title"] == "گزارش پیگیری مصوبات باز جلسات پیشین"


def test_list_by_a_range_of_meeting_dates(demo_copy, capsys):
    everything = listed(demo_copy, capsys)
    dates = sorted({row["meeting_date"] for row in everything})
    first, last = dates[0], dates[-1]
    only_first = listed(demo_copy, capsys, "--to", first.replace("-", "/"))
    assert {row["meeting_date"] for row in only_first} == {first}
    assert {row["meeting_date"] for row in listed(demo_copy, capsys, "--from", last.replace("-", "/"))} == {
        last
    }
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "resolutions", "list", "--from", "1404/13/01"]) == 2
    assert "--from" in capsys.readouterr().err
