"""Start the desktop app: ``python main.py [--demo | --db PATH] [--screenshots DIR] [--startup-probe]``."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui import messages, strings
from ui.app_setup import configure_application
from ui.main_window import MainWindow
from ui.services import Services
from ui.startup import StartupCancelled, choose_database

WINDOW_SIZE = (1280, 800)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", description=strings.APP_TITLE)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="open the demo council (built on first use)")
    source.add_argument("--db", type=Path, metavar="PATH", help="open this database file")
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="save every screen as PNG into DIR and exit"
    )
    parser.add_argument(
        "--startup-probe", action="store_true", help="quit as soon as the main window is shown"
    )
    # What argparse does not know (e.g. -platform offscreen) is for Qt.
    return parser.parse_known_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    configure_application(app)
    messages.set_headless(args.screenshots is not None or args.startup_probe)
    previous_hook = sys.excepthook
    sys.excepthook = _report_unexpected
    try:
        return _run(app, args)
    except Exception as error:  # start-up failed: say so in Persian, never a bare traceback
        _report_unexpected(type(error), error, error.__traceback__)
        return 1
    finally:
        sys.excepthook = previous_hook
        messages.set_headless(False)


def _run(app: QApplication, args: argparse.Namespace) -> int:
    try:
        database = choose_database(demo_requested=args.demo, db_path=args.db, probe=args.startup_probe)
    except StartupCancelled as cancelled:
        return cancelled.exit_code
    try:
        window = MainWindow(Services.for_database(database))
        window.resize(*WINDOW_SIZE)
        window.show()
        if args.screenshots is not None:
            from ui.screenshots import take_screenshots

            take_screenshots(window, args.screenshots)
            window.close()
            return 0
        if args.startup_probe:
            QTimer.singleShot(0, app.quit)
        return app.exec()
    finally:
        database.close()


def _report_unexpected(kind, error, trace) -> None:
    details = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is not None and not messages.headless:
        messages.error(None, strings.UNEXPECTED_ERROR, details=details)
    sys.stderr.write(details)
