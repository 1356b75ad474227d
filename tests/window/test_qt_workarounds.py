"""The binding's emit bug (PySide6 6.12.0 takes a reference from True per emit) is repaired."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Sender(QObject):
    said = Signal(str)
    done = Signal()


def test_emitting_signals_leaves_true_as_it_was(persian_app):
    sender = Sender()
    sender.said.connect(lambda _text: None)
    before = sys.getrefcount(True)
    for _ in range(2000):
        sender.said.emit("ذخیره شد")
        sender.done.emit()
    assert sys.getrefcount(True) - before > -10  # without the repair: -4000


def test_modules_imported_after_the_binding_are_not_read_for_its_feature_switch(tmp_path, monkeypatch):
    """The binding read the whole source of every module imported after it (and kept it in memory)."""
    import importlib
    import linecache

    import ui  # noqa: F401 - importing ui turns the scan off

    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "freshly_imported_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("freshly_imported_module")
    assert module.VALUE == 1
    assert "freshly_imported_module" not in feature.pyside_feature_dict
    assert str(tmp_path / "freshly_imported_module.py") not in linecache.cache


def test_nothing_of_ours_opts_into_a_binding_feature():
    """Unclassified modules get no feature (see ``skip_feature_scan``): none of ours may ask for one."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [
        str(path.relative_to(root))
        for package in ("ui", "secretariat", "db", "tools")
        for path in (root / package).rglob("*.py")
        if re.search(r"^\s*(from|import)\s+__feature__", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert found == []
