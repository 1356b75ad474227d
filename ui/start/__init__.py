"""The app's start: the application's look and language, which database opens (welcome dialog,
--demo, --db), the one open database and its swap on restore, the daily backup, the self-test.

May import: ``ui.widgets``, ``ui.council``, ``ui.window`` (to open the main window), the top of ``ui``,
the core.
"""
