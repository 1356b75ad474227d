"""Start the desktop app: ``python main.py [--demo | --db PATH] [--screenshots DIR [--screen-size WxH]]
[--startup-probe [window|ready|loaded]]``.

When the database to open already exists, the window's frame is shown
first, then the council's name and the home page's four figures, read from
the file with Python's own ``sqlite3`` (``secretariat.first_look``); the
rest fills in once the database layer (SQLAlchemy, the models, the
services) has loaded, off the GUI thread, and the file has been checked and
opened: loading that layer is most of the start-up time. Only Qt, the light
``ui`` modules and ``first_look`` are imported before the figures show.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import cast

from PySide6.QtWidgets import QApplication

from secretariat import paths
from ui import messages, strings
from ui.start.app_setup import configure_application
from ui.widgets.screen_fit import fit_to_screen
from ui.window.main_window import MainWindow

# Roomy on a 1920×1080 screen; on a 1366×768 laptop, the screen less its panels.
WINDOW_SIZE = (1440, 900)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="main.py", description=strings.APP_TITLE)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="open the demo council (built on first use)")
    source.add_argument("--db", metavar="PATH", help="open this database file (or a postgresql:// URL)")
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="save every screen as PNG into DIR and exit"
    )
    parser.add_argument(
        "--screen-size",
        type=_screen_size,
        metavar="WxH",
        help="with --screenshots: an offscreen screen of this size, e.g. 1366x768",
    )
    parser.add_argument(
        "--startup-probe",
        nargs="?",
        const="ready",
        choices=["window", "ready", "loaded"],
        help=(
            "quit once the main window is shown (window), shows the home page's figures (ready), "
            "or has opened the database and loaded every service (loaded); for the benchmark"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end offscreen (see ui/self_test.py)",
    )
    # What argparse does not know (e.g. -platform offscreen) is for Qt.
    args, qt_args = parser.parse_known_args(list(argv))
    if args.screen_size is not None:
        qt_args = ["-platform", f"offscreen:configfile={_offscreen_screen(*args.screen_size)}", *qt_args]
    return args, qt_args


def _screen_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) >= 320 and int(height) >= 240):
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen size such as 1366x768")
    return int(width), int(height)


def _offscreen_screen(width: int, height: int) -> Path:
    """A configuration for Qt's offscreen platform: one screen of ``width``×``height``.

    The screenshots then show each window at the size it opens at on such a
    screen (a 1366×768 laptop), not on the offscreen default of 800×800.
    """
    import json
    import tempfile

    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    # No frame margins: a window's size is what it asks for; the checks allow for a real frame.
    config = {
        "windowFrameMargins": False,
        "screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }
    handle, name = tempfile.mkstemp(prefix="screen-", suffix=".json")
    with open(handle, "w", encoding="utf-8") as file:
        json.dump(config, file)
    return Path(name)


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:  # before the QApplication: it opens offscreen
        from ui.start.self_test import run_self_test

        return run_self_test(qt_args)
    # The app only ever makes a QApplication (instance() is typed as its base).
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0], *qt_args]))
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
    window: MainWindow | None = None
    figures_shown = False
    location = _existing_database(args)
    if location is not None:
        window = _show_window(app)
        if args.startup_probe == "window":
            return 0
        figures_shown = isinstance(location, Path) and _show_first_look(app, window, location)
        if figures_shown and args.startup_probe == "ready":
            return 0
    # The database layer loads here (off the GUI thread), behind the shown window.
    from ui.start.startup import StartupCancelled, choose_database

    try:
        database = choose_database(
            demo_requested=args.demo,
            db_path=args.db,
            probe=args.startup_probe is not None,
            quiet=figures_shown,
        )
    except StartupCancelled as cancelled:
        if window is not None:
            window.close()
        return cancelled.exit_code
    if window is not None and not window.isVisible():
        # Closed while the database was opening: the person ended the app, and nothing was
        # attached yet. Going on would leave it running with no window.
        database.close()
        return 0
    from ui.services import Services
    from ui.start.database_host import DatabaseHost

    host = DatabaseHost(database)  # restoring a backup swaps the database inside it
    try:
        if window is None:
            window = _show_window(app)
        # A council with accounts asks who is at the desk first; cancelled, the app ends.
        if not window.attach(Services.for_database(database), host=host):
            window.close()
            return 0
        if args.screenshots is not None:
            try:  # a developer tool: in a source checkout, not in the installed app
                from tools.screenshots.screenshots import take_screenshots
            except ImportError:
                print(strings.SCREENSHOTS_NEED_CHECKOUT, file=sys.stderr)
                window.close()
                return 2
            problems = take_screenshots(window, args.screenshots)
            window.close()
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1 if problems else 0
        if args.startup_probe is not None:
            app.processEvents()  # the first page painted
            return 0
        from ui.start.daily_backup import start_daily_backup

        start_daily_backup(window)  # in the background, once the council is shown
        return app.exec()
    finally:
        host.close()


def _existing_database(args: argparse.Namespace) -> Path | str | None:
    """The database start-up will open, if it exists (else the welcome dialog comes first):
    its file, the URL of a database on a server, or "shared" for the one saved on this PC."""
    from secretariat.office import connection  # light: reads one small file

    if args.demo:
        path = paths.demo_database_path()
    elif args.db:
        if "://" in args.db:
            return str(args.db)
        path = Path(args.db)
    elif connection.exists():  # the shared database saved on this PC (its URL comes later)
        return "shared"
    else:
        path = paths.default_database_path()
    return path if path.exists() else None


def _show_window(app: QApplication) -> MainWindow:
    window = MainWindow()
    fit_to_screen(window, *WINDOW_SIZE)
    window.show()
    app.processEvents()  # painted now, before the database layer loads
    return window


def _show_first_look(app: QApplication, window: MainWindow, path: Path) -> bool:
    """The council's name and the home page's figures, painted before the database layer
    loads; False when the file cannot be read that way (see ``secretariat.first_look``)."""
    from secretariat.first_look import first_look

    look = first_look(path.expanduser())
    if look is None:
        return False
    window.show_first_look(look)
    app.processEvents()  # painted now
    return True


def _report_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is not None and not messages.headless:
        messages.error(None, strings.UNEXPECTED_ERROR, details=details)
    sys.stderr.write(details)
