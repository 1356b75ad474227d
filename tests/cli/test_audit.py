"""``audit list``: the trail as JSON objects (``at`` in Jalali with the time, ``user``, ``action``,
``kind``, ``record``, ``changes``) or a Persian table, filtered by user, kind, record and days."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from secretariat import clock
from secretariat.cli import main
from tests.support.office_accounts import add_accounts_to, password

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
IRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A council whose trail holds: on 1405/08/29 the expert adds an agency, on 1405/09/13 the
    secretary renames it and adds another."""
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", COUNCIL]) == 0
    add_accounts_to(path)
    at(monkeypatch, dt.datetime(2026, 11, 20, 10, 24, 5, tzinfo=IRAN))  # 1405/08/29
    assert as_user(path, monkeypatch, "karshenas", "agencies", "add", "--name", "اداره گاز") == 0
    at(monkeypatch, dt.datetime(2026, 12, 4, 9, 0, 0, tzinfo=IRAN))  # 1405/09/13
    assert as_user(path, monkeypatch, "dabir", "agencies", "add", "--name", "اداره پست") == 0
    assert as_user(path, monkeypatch, "dabir", "agencies", "deactivate", "اداره گاز") == 0
    return path


def at(monkeypatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def as_user(path, monkeypatch, user, *args):
    monkeypatch.setenv("SECRETARIAT_PASSWORD", password(user))
    return main(["--db", str(path), "--user", user, *args])


def listed(path, monkeypatch, capsys, *filters, user="dabir"):
    capsys.readouterr()
    assert as_user(path, monkeypatch, user, "audit", "list", "--json", *filters) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_each_entry_says_when_who_what_and_the_changes(office, monkeypatch, capsys):
    entries = listed(office, monkeypatch, capsys, "--kind", "agency")
    assert [(e["action"], e["user"], e["record"]) for e in entries] == [
        ("deactivate", "dabir", "1"),
        ("create", "dabir", "2"),
        ("create", "karshenas", "1"),
    ]
    first = entries[-1]
    assert first["at"] == "1405/08/29 10:24:05"
    assert {"at", "user", "action", "kind", "record", "changes"} <= first.keys()
    assert (first["kind"], first["kind_label"], first["action_label"]) == ("agency", "دستگاه", "ثبت")
    assert first["user_name"] == "علی رضایی"
    assert first["changes"]["name"] == "اداره گاز"
    assert entries[0]["changes"]["active"] == [True, False]
    assert re.fullmatch(r"1405/09/13 \d\d:\d\d:\d\d", entries[0]["at"])


def test_filters_by_user_kind_record_and_days_in_any_digits(office, monkeypatch, capsys):
    by_expert = listed(office, monkeypatch, capsys, "--user", "karshenas")
    assert {e["user"] for e in by_expert} == {"karshenas"}
    assert [e["action"] for e in by_expert if e["kind"] == "agency"] == ["create"]

    persian_kind = listed(office, monkeypatch, capsys, "--kind", "دستگاه", "--record", "۱")
    assert [(e["action"], e["record"]) for e in persian_kind] == [("deactivate", "1"), ("create", "1")]

    day = listed(
        office, monkeypatch, capsys, "--kind", "agency", "--from", "۱۴۰۵/۰۸/۲۹", "--to", "1405/08/29"
    )
    assert [(e["action"], e["user"]) for e in day] == [("create", "karshenas")]
    later = listed(office, monkeypatch, capsys, "--from", "1405/08/30")
    assert later and all(e["at"] >= "1405/09/13" for e in later)


def test_the_text_table_is_persian(office, monkeypatch, capsys):
    capsys.readouterr()
    assert as_user(office, monkeypatch, "dabir", "audit", "list", "--kind", "agency", "--record", "1") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["زمان", "کاربر", "کار", "نوع", "رکورد", "تغییرات"]
    oldest = lines[2].split("\t")
    assert oldest[:5] == ["۱۴۰۵/۰۸/۲۹ ۱۰:۲۴:۰۵", "علی رضایی", "ثبت", "دستگاه", "۱"]
    assert "name: اداره گاز" in oldest[5]
    assert lines[1].split("\t")[2] == "غیرفعال کردن" and "active: بله ← خیر" in lines[1]
    assert lines[-1] == "۲ رویداد"


def test_a_kind_or_a_day_that_is_not_one_is_refused(office, monkeypatch, capsys):
    assert as_user(office, monkeypatch, "dabir", "audit", "list", "--kind", "سیاره") == 2
    assert "نوع رکورد «سیاره» شناخته نیست" in capsys.readouterr().err
    assert as_user(office, monkeypatch, "dabir", "audit", "list", "--from", "1405/13/01") == 2
    assert "--from" in capsys.readouterr().err
    assert (
        as_user(office, monkeypatch, "dabir", "audit", "list", "--from", "1405/09/02", "--to", "1405/09/01")
        == 2
    )


@pytest.mark.parametrize("user", ["karshenas", "nazer"])
def test_only_the_secretary_reads_the_trail(office, monkeypatch, capsys, user):
    capsys.readouterr()
    assert as_user(office, monkeypatch, user, "audit", "list") == 2
    assert "«مرور سابقه کامل تغییرات» در اختیار نقش" in capsys.readouterr().err
