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
