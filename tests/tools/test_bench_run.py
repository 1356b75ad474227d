"""``python -m bench`` keeps its contract at a tiny scale: every figure's line, with its columns.

It is run as a developer runs it, in a process of its own. Speed is not
checked (the figures say FAIL or ok as they may; the machine is shared):
the benchmark must run to its end, measure every figure and exit 0 or 1,
never 2 or with a traceback; and it must never change a database it was
given or keeps in its cache.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from ui.resolutions.register_table_model import RegisterTableModel

ROOT = Path(__file__).resolve().parents[2]
TINY = ["--scale", "0.01", "--runs", "2", "--starts", "1"]
SORTS = [f"register: sort by {column.key}" for column in RegisterTableModel.columns if column.sortable]
FIGURES = [
    "start: home page painted",
    "start: memory after start",
    "register: search, 1 letter",
    "register: search, 2 letters",
    "register: search, 3+ letters",
    "register: status",
    "register: agency",
    "register: deadline window",
    "register: year",
    "register: meeting",
    *SORTS,
    "register: reload after a change, at the top",
    "register: scroll to the end",
    "register: reload after a change, at the end",
    "agencies: filter",
    "agencies: sort by name",
    "agencies: sort by pr_manager",
    "calendar: month",
    "meeting list: year",
    "meeting list: search",
    "home page: reload",
    "event loop: longest stall",
    "monthly: the year's matrix",
    "monthly: home page line",
    "letters: first page and years",
    "letters: direction",
    "letters: search",
    "letters: agency",
    "letters: awaiting an answer",
    "letters: home page line",
    "evaluation: ranking, a draft",
    "evaluation: ranking, published",
    "minutes PDF",
    "register report, 2,000 rows",
    "backup",
    "archive, the busiest year",
]
VALUE = re.compile(r"^(\d+\.\d+ (ms|s|MiB)|—)$")


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def digests(files: list[Path]) -> dict[str, str]:
    return {file.name: hashlib.sha256(file.read_bytes()).hexdigest() for file in files}


def test_every_figure_has_its_line_and_the_exit_code_says_whether_all_met_their_target(tmp_path):
    result = run_bench(*TINY, "--cache", str(tmp_path))

    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    dataset = next(line for line in lines if line.startswith("dataset: "))  # after «generating ...»
    assert dataset.startswith("dataset: scale 0.01: ")
    assert "300 resolutions, 1,500 follow-up entries" in dataset and " monthly reports" in dataset
    assert " letters; " in dataset
    table = [re.split(r"\s{2,}", line.strip()) for line in lines if re.search(r"\s(ok|FAIL)$", line)]
    assert [row[0] for row in table] == FIGURES
    for name, median, p95, baseline, ratio, target, _verdict in table:
        assert VALUE.match(median) and VALUE.match(p95) and VALUE.match(baseline), name
        assert re.match(r"^(\d+\.\d\d×|—)$", ratio), name
        assert target.startswith("≤ "), name
    assert "could not be measured" not in result.stdout
    failed = [row[0] for row in table if row[-1] == "FAIL"]
    assert result.returncode == (1 if failed else 0)
    assert lines[-1].startswith(f"{len(failed)} of {len(FIGURES)} figures missed" if failed else "all ")


def test_the_cache_is_reused_and_no_run_changes_a_database_it_did_not_make(tmp_path):
    cache = tmp_path / "cache"
    first = run_bench("--scale", "0.01", "--only", "backup", "--cache", str(cache))
    assert first.returncode in (0, 1), first.stderr
    assert "prepared from the generated file" in first.stdout
    kept = sorted(cache.glob("*.sqlite3"))
    assert len(kept) == 2  # the generator's output and its copy migrated once
    before = digests(kept)

    again = run_bench("--scale", "0.01", "--only", "backup", "--cache", str(cache))
    assert again.returncode in (0, 1), again.stderr
    assert "(cached)" in again.stdout
    given = run_bench("--db", str(kept[0]), "--only", "backup")
    assert given.returncode in (0, 1), given.stderr
    assert given.stdout.startswith("dataset: a given file: ")

    assert sorted(cache.glob("*")) == kept  # no leftovers: no write-ahead log, nothing staged
    assert digests(kept) == before
