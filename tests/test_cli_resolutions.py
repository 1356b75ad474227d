"""The resolutions register and follow-up from the command line."""

import json

import pytest

from secretariat.cli import main
from secretariat.demo import create_demo_database


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path).close()
    return path


@pytest.fixture
def db(demo_path, tmp_path):
    copy = tmp_path / "council.sqlite3"
    copy.write_bytes(demo_path.read_bytes())
    return copy


def listed(db, capsys, *args):
    capsys.readouterr()
    assert main(["--db", str(db), "resolutions", "list", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_find_an_agencys_overdue_resolutions_follow_one_up_and_close_it(db, capsys):
    overdue = listed(db, capsys, "--overdue")
    assert overdue and all(row["overdue"] for row in overdue)
    agency = overdue[0]["responsible"]
    mine = listed(db, capsys, "--overdue", "--agency", agency)
    assert mine and {"id", "code", "text", "status", "due_date", "overdue", "responsible"} <= set(mine[0])
    code = mine[0]["code"]
    assert main(["--db", str(db), "resolutions", "follow-up", code, "--date", "1405/09/01",
                 "--kind", "تماس تلفنی", "--progress", "۶۰", "--by", "دبیرخانه"]) == 0
    assert [r["status"] for r in listed(db, capsys, "--agency", agency) if r["code"] == code] == ["in_progress"]
    assert main(["--db", str(db), "resolutions", "set-status", code, "--status", "done",
                 "--evidence", "نامه شماره ۴۵۶ دستگاه"]) == 0
    assert code not in [r["code"] for r in listed(db, capsys, "--overdue")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["follow-up", "1", "--date", "1300/01/01"], "پیش از جلسه"),
        (["follow-up", "1", "--date", "1405/09/01", "--progress", "150"], "۰ و ۱۰۰"),
        (["set-status", "1", "--status", "done"], "مستند انجام"),
        (["deadline", "1", "--due", "1405/12/01"], "دلیل تغییر مهلت"),
        (["follow-up", "99999", "--date", "1405/09/01"], "در فهرست نیست"),
    ],
)
def test_refusals_exit_2_with_a_persian_message(db, capsys, args, message):
    before = listed(db, capsys, "--meeting", "1")
    capsys.readouterr()
    assert main(["--db", str(db), "resolutions", *args]) == 2
    assert message in capsys.readouterr().err
    assert listed(db, capsys, "--meeting", "1") == before
