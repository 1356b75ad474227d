"""``python -m secretariat archive ...``: export, verify, verify-document, import; exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from secretariat.cli import main
from secretariat.core import Secretariat
from tests.support.archive import rewrite_zip, yearbook_available

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture(scope="module")
def year(demo_path) -> int:
    with Secretariat.open(demo_path) as secretariat:
        return max(secretariat.meetings.years())


@pytest.fixture
def archive(demo_copy, year, tmp_path, capsys) -> Path:
    out = tmp_path / "archive.zip"
    assert main(["--db", str(demo_copy), "archive", "export", "--year", str(year), "--out", str(out)]) == 0
    capsys.readouterr()
    return out


def test_export_writes_the_archive_and_says_what_it_holds(demo_copy, year, tmp_path, capsys):
    out = tmp_path / "بایگانی.zip"
    persian_year = str(year).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert main(["--db", str(demo_copy), "archive", "export", "--year", persian_year, "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "ذخیره شد" in captured.out and "مصوبه" in captured.out
    assert captured.err == ""  # not a terminal: no percentages
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1390", "--out", "a.zip"], "جلسه‌ای ثبت نشده"),
        (["--year", "سال", "--out", "a.zip"], "سال نیست"),
        (["--year", "1404", "--out", "a.pdf"], ".zip"),
    ],
)
def test_export_refusals_exit_2_in_persian(demo_copy, tmp_path, capsys, args, message):
    args = [str(tmp_path / arg) if arg.endswith((".zip", ".pdf")) else arg for arg in args]
    assert main(["--db", str(demo_copy), "archive", "export", *args]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.glob("a.*")) == []


def test_verify_exits_0_when_every_file_matches(archive, capsys):
    assert main(["archive", "verify", str(archive)]) == 0
    assert "درست است" in capsys.readouterr().out


def test_verify_names_a_changed_file_and_exits_1(archive, tmp_path, capsys):
    tampered = tmp_path / "tampered.zip"
    rewrite_zip(
        archive,
        tampered,
        change=lambda name, data: data + b" " if name == "data/records.json" else data,
        add={"minutes/added.pdf": b"%PDF"},
    )
    assert main(["archive", "verify", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert "تغییر کرده: data/records.json" in out and "minutes/added.pdf" in out


def test_verify_refuses_what_is_not_an_archive_with_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path / "data"))
    text = tmp_path / "notes.zip"
    text.write_text("not a zip", encoding="utf-8")
    assert main(["archive", "verify", str(text)]) == 2
    assert "ZIP نیست" in capsys.readouterr().err
    assert not (tmp_path / "data" / "council.sqlite3").exists()  # verifying opens no database


def test_verify_document_exit_codes(archive, demo_copy, capsys):
    with zipfile.ZipFile(archive) as opened:
        data = json.loads(opened.read("data/records.json"))
    code = next(m["minutes_code"] for m in data["tables"]["meetings"] if m["minutes_code"])
    assert main(["--db", str(demo_copy), "archive", "verify-document", code]) == 0
    assert "می‌خواند" in capsys.readouterr().out
    changed = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert main(["--db", str(demo_copy), "archive", "verify-document", changed]) == 1
    assert "نمی‌خواند" in capsys.readouterr().out
    assert main(["--db", str(demo_copy), "archive", "verify-document", "not-a-code"]) == 2
    assert "کد سند" in capsys.readouterr().err


def test_import_into_a_new_database_then_again_is_refused(archive, tmp_path, capsys):
    new = tmp_path / "new.sqlite3"
    assert main(["--db", str(new), "archive", "import", str(archive)]) == 0
    assert "وارد شد" in capsys.readouterr().out
    assert main(["--db", str(new), "meetings", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["--db", str(new), "archive", "import", str(archive)]) == 2
    assert "پیش‌تر وارد شده" in capsys.readouterr().err


def test_the_module_runs_as_a_command(archive):
    """``python -m secretariat archive verify``: as people type it, Persian on a UTF-8 stdout."""
    done = subprocess.run(
        [sys.executable, "-m", "secretariat", "archive", "verify", str(archive)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert "درست است" in done.stdout.decode("utf-8")
