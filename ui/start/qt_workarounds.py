"""Work-arounds for bugs in the Qt binding, installed once at start-up.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit`` without taking
a reference to it, so every signal emitted from Python takes one reference
from ``True``. On Python 3.11, where ``True`` is not immortal, a session
that emits some ten thousand signals (each keystroke in a form emits a few)
then aborts with "Fatal Python error: bool_dealloc", at the latest when the
interpreter exits. ``install`` checks whether the binding in use has the
bug and, only then, gives back the reference after each emit.

PySide6 also replaces Python's ``__import__`` (for its opt-in
``from __feature__ import snake_case``) and, after every module imported
once it is loaded, reads that module's whole source through ``inspect`` to
see whether it names PySide6. That made the app's start some 0.1 s slower
(SQLAlchemy and the core are hundreds of modules) and kept every source
file in ``linecache`` (some 20 MiB). The app never opts into a feature, and
a module the binding has not classified is switched as one it ignores, so
``skip_feature_scan`` (run when ``ui`` is first imported, see
``ui/__init__.py``) turns the scan off.
"""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType
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


def skip_feature_scan() -> bool:
    """Stop the binding reading the source of each module imported after it; True if it did.

    The binding's hook still runs (it must, for the import itself), but
    ``feature_imported`` no longer classifies modules: one missing from
    ``pyside_feature_dict`` gets the binding's default, no feature, which
    is all this app uses (a test checks that nothing of ours opts in).
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "feature_imported"):
        return False  # another binding version: nothing to turn off
    if getattr(feature.feature_imported, "skips_scan", False):
        return True
    feature.feature_imported = _leave_unclassified  # type: ignore[attr-defined]
    return True


def _leave_unclassified(module: ModuleType) -> None:
    """What the binding calls after each import, doing nothing (see ``skip_feature_scan``)."""


_leave_unclassified.skips_scan = True  # type: ignore[attr-defined]
