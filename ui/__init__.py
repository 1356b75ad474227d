"""The PySide6 user interface: windows, views, Qt models, dialogs, widgets.

It calls the services of ``secretariat`` and never touches the database
itself. One package per section of the app (``agencies``, ``people``,
``meetings``, ``resolutions``, ``home``, ``reports``, ``maintenance``,
``council``), the app's start (``start``), the main window (``window``) and
the shared widgets (``widgets``). At the top: ``app`` (``main``), ``services``
(the core as the window holds it), ``changes`` (the core's changes as Qt
signals), ``strings``, ``messages``, ``desktop``, ``resources``, ``rtl``,
``worker``.

May import: PySide6 and ``secretariat``; never ``db``, SQLAlchemy, ``tools`` or ``tests``.
"""

# Before anything else of ours is imported: see ui/start/qt_workarounds.py.
from ui.start.qt_workarounds import skip_feature_scan

skip_feature_scan()
