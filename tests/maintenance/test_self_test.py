"""The self-test (``main.py --self-test``): how it reports, and that it passes from source.

The built app's self-test is run by ``test_installer.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.maintenance.self_test import CheckFailed, Checks, describe_pdf, temporary_data_folder
from ui.start.self_test import ALL_CHECKS

REPO = Path(__file__).resolve().parents[2]


def test_each_check_prints_a_line_and_a_failure_says_why():
    lines: list[str] = []
    checks = Checks(lines.append)
    assert checks.run("first", lambda: "all there")

    def broken() -> str:
        raise CheckFailed("the font is missing")

    assert not checks.run("second", broken)
    assert lines[0].startswith("✓ first: all there (")
    assert lines[1].startswith("✗ second: the font is missing (")
    assert not checks.ok
    assert checks.summary() == "self-test FAILED: 1 of 2 checks (second)"


def test_an_unexpected_error_is_reported_with_its_traceback_and_what_needs_it_is_not_run():
    lines: list[str] = []
    checks = Checks(lines.append)

    def missing_module() -> str:
        import secretariat.no_such_module  # noqa: F401

        return ""

    checks.run("reports", missing_module)
    checks.run("preview", lambda: "shown", needs=["reports"])
    assert lines[0].startswith("✗ reports: ModuleNotFoundError: No module named 'secretariat.no_such_module'")
    assert "Traceback" in lines[1]
    assert lines[2] == "✗ preview: not run (reports failed)"
    assert [result.ok for result in checks.results] == [False, False]


def test_all_checks_passing_is_the_only_success():
    checks = Checks(lambda _line: None)
    assert not checks.ok  # nothing checked is not a pass
    checks.run("one", lambda: "ok")
    assert checks.ok and checks.summary() == "self-test passed: all 1 checks"


def test_a_pdf_must_have_pages_and_the_persian_font():
    good = b"%PDF-1.4\n<< /Type /Page >> << /Type /Pages /Count 1 >> /BaseFont /AAAAAA+Vazirmatn /FontFile2"
    assert describe_pdf(good).startswith("1 page,")
    for bad, reason in (
        (b"<html>", "not a PDF"),
        (b"%PDF-1.4\n<< /Type /Pages >>", "no pages"),
        (b"%PDF-1.4\n<< /Type /Page >> /BaseFont /Helvetica", "Vazirmatn is not embedded"),
    ):
        with pytest.raises(CheckFailed, match=reason):
            describe_pdf(bad)


def test_the_data_folder_is_new_and_goes_away_and_the_users_is_left_as_it_was(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRETARIAT_DATA_DIR", str(tmp_path))
    with temporary_data_folder() as folder:
        assert os.environ["SECRETARIAT_DATA_DIR"] == str(folder) != str(tmp_path)
        (folder / "council.sqlite3").write_bytes(b"x")
    assert not folder.exists()
    assert os.environ["SECRETARIAT_DATA_DIR"] == str(tmp_path)


def test_the_self_test_passes_from_source():
    environment = {name: value for name, value in os.environ.items() if name != "SECRETARIAT_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "main.py", "--self-test"],
        cwd=REPO,
        capture_output=True,
        env=dict(environment, QT_QPA_PLATFORM="offscreen"),
        timeout=300,
    )
    output = result.stdout.decode("utf-8")
    assert result.returncode == 0, output + result.stderr.decode("utf-8", errors="replace")
    assert "from source at" in output
    for check in ALL_CHECKS:
        assert f"✓ {check}:" in output
