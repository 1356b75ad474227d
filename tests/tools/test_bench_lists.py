"""The lists' benchmark runs (on the demo council, one repetition): its figures are not checked here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_lists_benchmark_times_every_action_of_the_register_and_the_meeting_list(demo_copy):
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_lists", "--db", str(demo_copy), "--runs", "1"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: a figure missed its target
    lines = result.stdout.splitlines()
    timed = [line for line in lines if "median" in line and "stall" in line]
    actions = (
        "search, one letter",
        "agency filter",
        "sort by lead",
        "scroll to the end",
        "reload, at the top",
    )
    for action in (*actions, "reload, scrolled to the end", "year filter", "repaint"):
        assert any(line.strip().startswith(action) for line in timed), action
    assert "the register (46 resolutions)" in result.stdout
    assert "the meeting list (12 meetings)" in result.stdout
