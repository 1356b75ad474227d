"""The installer: ``installer.spec`` builds on this machine, and the built app passes its self-test.

A data file or module the build left out shows up here, not on a user's PC:
the test builds the spec with PyInstaller (about a minute), then runs the
built ``council-secretariat-selftest`` (every check of ``ui.start.self_test``),
starts the built app on the demo council, and looks for what must not be
in the folder. Slow (``-m "not slow"`` leaves it out); CI runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui.start.self_test import ALL_CHECKS

pytest.importorskip("PyInstaller", reason="PyInstaller builds the installer: pip install -e '.[test]'")

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
APP = "council-secretariat"
SELF_TEST = "council-secretariat-selftest"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 300
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def built(tmp_path_factory, pytestconfig) -> Path:
    """The built folder (``dist/council-secretariat``), built once for the module."""
    work = tmp_path_factory.mktemp("installer")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "installer.spec",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=BUILD_TIMEOUT,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 0, (
        f"pyinstaller installer.spec failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    )
    folder = work / "dist" / APP
    _tell(pytestconfig, f"installer: built in {seconds:.0f} s, {_megabytes(folder):.0f} MB")
    return folder


def _run(command: list[str], **env: str) -> tuple[subprocess.CompletedProcess, float]:
    environment = {name: value for name, value in os.environ.items() if name != "SECRETARIAT_DATA_DIR"}
    environment.update(QT_QPA_PLATFORM="offscreen", **env)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=environment, timeout=RUN_TIMEOUT)
    return result, time.perf_counter() - started


def test_the_built_self_test_passes_every_check(built, pytestconfig):
    result, seconds = _run([str(built / f"{SELF_TEST}{EXE}")])
    output = result.stdout.decode("utf-8", errors="replace")
    report = output + result.stderr.decode("utf-8", errors="replace")
    assert result.returncode == 0, report
    for check in ALL_CHECKS:
        assert f"✓ {check}:" in output, f"{check!r} is not reported as passed:\n{report}"
    assert "built app at" in output and "self-test passed" in output
    _tell(pytestconfig, f"installer: the built self-test passed in {seconds:.1f} s")


def test_the_built_app_opens_the_demo_council(built, tmp_path):
    # The program a user starts, through its real start-up (not the self-test's).
    result, _seconds = _run(
        [str(built / f"{APP}{EXE}"), "--demo", "--startup-probe", "ready"], SECRETARIAT_DATA_DIR=str(tmp_path)
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", errors="replace")
    assert (tmp_path / "demo.sqlite3").is_file()


def test_the_folder_leaves_out_what_the_app_does_not_use(built):
    files = [path.relative_to(built).as_posix() for path in built.rglob("*") if path.is_file()]
    unused = (
        "Qt6Qml",
        "Qt6Quick",
        "Qt6WebEngine",
        "Qt6Multimedia",
        "Qt6VirtualKeyboard",
        "Qt6Wayland",
        "Qt63D",
        "QtQml.",
        "QtQuick.",
        "QtNetwork.",
        "QtOpenGL.",
        "tkinter",
        "pytest",
        "hypothesis",
    )
    assert not [name for name in files if any(part in name for part in unused)]
    translations = [name for name in files if name.endswith(".qm")]
    assert translations and all(name.endswith("_fa.qm") for name in translations)
    for needed in (
        "resources/style.qss",
        "resources/fonts/Vazirmatn-Regular.ttf",
        "resources/icons/app.svg",
        "db/migrations/env.py",
        "db/migrations/script.py.mako",
    ):
        assert any(name.endswith(needed) for name in files), needed
    versions = sorted(path.name for path in (REPO / "db" / "migrations" / "versions").glob("*.py"))
    assert all(
        any(name.endswith(f"db/migrations/versions/{version}") for name in files) for version in versions
    )


def _megabytes(folder: Path) -> float:
    return (
        sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
        / 2**20
    )


def _tell(pytestconfig, line: str) -> None:
    """Say it even under ``pytest -q`` and its output capture (the build time is worth seeing)."""
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    if capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        print(f"\n{line}", flush=True)
