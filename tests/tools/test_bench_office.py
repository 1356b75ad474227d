"""``python -m bench.bench_office`` runs to its end at a tiny size and prints each figure and the dataset.

Speed is not checked (the machine is shared): the figures' lines, with the
dataset's size, and an exit code of 0 or 1, never a traceback.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = [
    "office: a follow-up entry saved",
    "office: news() poll, nothing new",
    "office: news() poll, another desk saved",
]


def test_the_office_benchmark_prints_its_figures_and_the_dataset():
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_office", "--entries", "12", "--rows", "300", "--runs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("dataset for the saves: sqlite") for line in lines)
    polls = next(line for line in lines if line.startswith("dataset for the polls: "))
    assert re.search(r"\b3\d\d desk_change rows, 3\d\d audit entries$", polls), polls
    table = [re.split(r"\s{2,}", line.strip()) for line in lines if re.search(r"\s(ok|FAIL)$", line)]
    assert [row[0] for row in table] == FIGURES
    for name, median, _p95, baseline, ratio, _target, _verdict in table:
        assert re.match(r"^\d+\.\d ms$", median) and re.match(r"^\d+\.\d ms$", baseline), name
        assert re.match(r"^\d+\.\d\d×$", ratio), name
    failed = [row for row in table if row[-1] == "FAIL"]
    assert result.returncode == (1 if failed else 0)
