"""Work-arounds for bugs in the Qt binding, installed once at start-up.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit`` without taking
a reference to it, so every signal emitted from Python takes one reference
from ``True``. On Python 3.11, where ``True`` is not immortal, a session
that emits some ten thousand signals (each keystroke in a form emits a few)
then aborts with "Fatal Python error: bool_dealloc", at the latest when the
interpreter exits. ``install`` checks whether the binding in use has the
bug and, only then, gives back the reference after each emit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16


class _Probe(QObject):
    fired = Signal()


def emit_drops_a_reference() -> bool:
    """Does emitting a signal take a reference from ``True``?"""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    return before - sys.getrefcount(True) >= _PROBES


def install() -> bool:
    """Repair ``SignalInstance.emit`` if it has the bug; True if it was repaired."""
    if getattr(SignalInstance.emit, "gives_back_reference", False) or not emit_drops_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # the reference the binding did not take
        return result

    # Patching the binding's method is the point: a mark on the function, then the swap.
    emit.gives_back_reference = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
