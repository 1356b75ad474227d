"""The screenshot set at 1366×768: every window and dialog whole on the screen and its
fields right-aligned (issue 14). The checks themselves are in tools/screenshots/checks.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.screenshots.screenshots import PROBLEMS_FILE, STEPS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data_folder(tmp_path_factory) -> Path:
    """One user data folder for the module: the demo is built once, on the first run."""
    return tmp_path_factory.mktemp("data")


def _take(data: Path, shots: Path, *options: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "SECRETARIAT_DATA_DIR": str(data), "HOME": str(data)}
    command = [sys.executable, "main.py", "--demo", "--screenshots", str(shots), *options]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600)


def test_the_demo_is_built_and_every_screen_is_whole_and_right_aligned_at_1366_by_768(data_folder, tmp_path):
    result = _take(data_folder, tmp_path / "shots", "--screen-size", "1366x768")
    problems = (tmp_path / "shots" / PROBLEMS_FILE).read_text(encoding="utf-8")
    assert problems == "", problems
    assert result.returncode == 0, result.stderr[-2000:]
    assert (data_folder / "demo.sqlite3").exists()  # built on first use
    # In the order taken: by their number, not as text («100-» after «99-»).
    pictures = sorted((tmp_path / "shots").glob("*.png"), key=lambda p: int(p.stem.split("-", 1)[0]))
    assert [p.stem.split("-", 1)[1] for p in pictures] == [step.name for step in STEPS]
    assert all(p.stat().st_size > 5000 for p in pictures)


def test_a_window_too_large_for_the_screen_is_reported(data_folder, tmp_path):
    # The checks can fail: on a screen smaller than the main window's least size, they say so.
    result = _take(data_folder, tmp_path / "shots", "--screen-size", "700x500")
    problems = (tmp_path / "shots" / PROBLEMS_FILE).read_text(encoding="utf-8")
    assert "MainWindow" in problems and "larger than the 700×500 screen" in problems
    assert result.returncode == 1


def test_a_screen_size_that_is_not_one_is_refused(data_folder, tmp_path):
    result = _take(data_folder, tmp_path / "shots", "--screen-size", "big")
    assert result.returncode == 2
    assert "is not a screen size" in result.stderr
