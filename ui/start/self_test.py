"""The self-test: ``main.py --self-test``, and the built app's ``council-secretariat-selftest``.

Runs the core's checks (``secretariat.maintenance.self_test``: a database created and
migrated, an old one upgraded, the demo council, the minutes and directory
PDFs, a yearly archive exported and verified) in a temporary data folder,
then the window's: the Qt modules the app uses load, the minutes show in Qt
PDF and print through Qt's print support, the fonts, style sheet, icons and
Persian translation are found, the Qt plugins a user's PC needs are there,
and the main window opens on the demo council's home page and paints it.

The window is opened offscreen (``QT_QPA_PLATFORM=offscreen`` unless the
variable is already set), so the test runs on a PC or a CI machine without
a screen and never flashes a window. Each check prints one line as it ends;
the report is also written to ``council-secretariat-self-test.txt`` in the
system's temporary folder (a windowed program on Windows has no console).
The exit status is 0 only when every check passed.

    python -m ui.start.self_test [--keep]     (as main.py --self-test)
"""

from __future__ import annotations

import io
import os
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from secretariat.maintenance.self_test import (
    CORE_CHECKS,
    DEMO,
    MINUTES_PDF,
    CheckFailed,
    Checks,
    CoreSelfTest,
    report_path,
    temporary_data_folder,
)

if TYPE_CHECKING:  # Qt is imported once the self-test runs
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from secretariat.core import Secretariat

QT_MODULES = "Qt modules"
PDF_VIEW = "PDF preview and printing"
RESOURCES = "resources"
QT_PLUGINS = "Qt plugins"
MAIN_WINDOW = "main window"
QT_CHECKS = (QT_MODULES, PDF_VIEW, RESOURCES, QT_PLUGINS, MAIN_WINDOW)
ALL_CHECKS = CORE_CHECKS + QT_CHECKS

# The Qt bindings the app imports (the dashboard's charts, the report preview, printing).
USED_QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtCharts")
# The native platform plugin a desktop of each system needs; offscreen is the self-test's own.
NATIVE_PLATFORM = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}
WINDOW_SIZE = (1280, 800)
MIN_COLOURS = 32  # a painted home page has far more; an empty or unstyled frame far fewer


def run_self_test(argv: Sequence[str] = ()) -> int:
    """Run every check; 0 when all passed. ``argv``: ``--keep`` (the data folder) and Qt's own options."""
    keep = "--keep" in argv
    qt_args = [arg for arg in argv if arg not in ("--keep", "--self-test")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lines: list[str] = []
    stdout = _console()
    if sys.stderr is None:  # a windowed program on Windows: Qt's and the app's warnings go nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # for the rest of the run

    def write(line: str) -> None:
        lines.append(line)
        if stdout is not None:
            stdout.write(line + "\n")
            stdout.flush()

    from PySide6.QtWidgets import QApplication

    from ui import messages
    from ui.start.app_setup import configure_application

    # The app only ever makes a QApplication (instance() is typed as its base).
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0], *qt_args]))
    configure_application(app)
    messages.set_headless(True)  # a message box would wait for a click that never comes
    write(_heading(app))
    checks = Checks(write)
    try:
        with temporary_data_folder(keep=keep) as folder:
            core = CoreSelfTest(checks, folder)
            try:
                core.run()
                WindowSelfTest(checks, core, app).run()
            finally:
                core.close()
            if keep:
                write(f"data folder kept: {folder}")
    finally:
        messages.set_headless(False)
    write(checks.summary())
    _save_report(lines, write)
    return 0 if checks.ok else 1


class WindowSelfTest:
    def __init__(self, checks: Checks, core: CoreSelfTest, app: QApplication) -> None:
        self.checks = checks
        self.core = core
        self.app = app

    def run(self) -> None:
        run = self.checks.run
        run(QT_MODULES, self.check_modules)
        run(PDF_VIEW, self.check_pdf_view, needs=[QT_MODULES, MINUTES_PDF])
        run(RESOURCES, self.check_resources)
        run(QT_PLUGINS, self.check_plugins)
        run(MAIN_WINDOW, self.check_main_window, needs=[DEMO])

    def check_modules(self) -> str:
        import importlib

        for name in USED_QT_MODULES:
            importlib.import_module(f"PySide6.{name}")
        from PySide6.QtCharts import QChart, QPieSeries

        chart = QChart()
        series = QPieSeries()
        series.append("x", 1)
        chart.addSeries(series)
        if len(chart.series()) != 1:
            raise CheckFailed("Qt Charts made no series")
        return ", ".join(USED_QT_MODULES) + " loaded; a chart made"

    def check_pdf_view(self) -> str:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter

        buffer = QBuffer()
        buffer.setData(QByteArray(cast(bytes, self.core.minutes_pdf)))  # this check needs MINUTES_PDF
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise CheckFailed(f"Qt PDF did not read the minutes ({document.error().name})")
        page = document.render(0, QSize(420, 594))
        colours = _colours(page)
        if colours < 8:
            raise CheckFailed(f"the first page of the minutes rendered blank ({colours} colours)")
        target = self.core.folder / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        painter = QPainter()
        if not painter.begin(printer):
            raise CheckFailed("Qt print support could not start a PDF printer")
        painter.drawImage(0, 0, page)
        painter.end()
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF-"):
            raise CheckFailed("Qt print support wrote no PDF")
        return (
            f"Qt PDF read the minutes ({document.pageCount()} pages), drew page 1 ({colours} colours); "
            f"printed it to a PDF of {target.stat().st_size // 1024} KB"
        )

    def check_resources(self) -> str:
        from PySide6.QtCore import QSize

        from secretariat.reports import fonts as report_fonts
        from ui import resources

        family = resources.load_fonts()
        if family != resources.FONT_FAMILY:
            raise CheckFailed(f"the Vazirmatn font did not load from {resources.resource_path('fonts')}")
        missing = [face for face in report_fonts.FONT_FILES if not report_fonts.font_path(face).is_file()]
        if missing:
            raise CheckFailed(f"the report fonts are missing: {', '.join(missing)}")
        style = resources.style_sheet()
        if not style:
            raise CheckFailed(f"no style sheet at {resources.resource_path('style.qss')}")
        if self.app.styleSheet() != style:
            raise CheckFailed("the style sheet was not applied")
        icons = sorted({Path(part.split('"')[0]).name for part in style.split('url("')[1:]})
        absent = [name for name in icons if not resources.resource_path("icons", name).is_file()]
        if absent:
            raise CheckFailed(f"icons the style sheet names are missing: {', '.join(absent)}")
        icon = resources.icon("app")
        if icon.isNull() or icon.pixmap(QSize(32, 32)).isNull():
            raise CheckFailed("the app's icon (SVG) did not draw")
        translated = getattr(self.app, "_persian_translator", None) is not None
        if not translated:
            raise CheckFailed("Qt's Persian translation (qtbase_fa.qm) did not load")
        return (
            f"{resources.resource_dir()}: Vazirmatn, the style sheet and the icons it names "
            f"({', '.join(icons)}), the app's icon drawn, Qt's Persian translation"
        )

    def check_plugins(self) -> str:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication, QImageReader

        # PySide6's stubs miss QByteArray's buffer protocol, which bytes() reads.
        formats = {bytes(name).decode() for name in QImageReader.supportedImageFormats()}  # type: ignore[call-overload]
        lacking = [name for name in ("svg", "png", "jpeg") if name not in formats]
        if lacking:
            raise CheckFailed(f"image formats missing: {', '.join(lacking)}")
        native = NATIVE_PLATFORM.get(sys.platform)
        wanted = [("platforms", QGuiApplication.platformName())]
        if native:
            wanted.append(("platforms", native))
        wanted.append(("iconengines", "svgicon"))
        if sys.platform == "linux":
            wanted.append(("printsupport", "cupsprintersupport"))
        folders = [Path(folder) for folder in QCoreApplication.libraryPaths()]
        absent = [f"{kind}/{name}" for kind, name in wanted if not _plugin_file(folders, kind, name)]
        if absent:
            raise CheckFailed(
                f"plugins missing: {', '.join(absent)} (looked in {', '.join(map(str, folders))})"
            )
        return (
            f"platform {QGuiApplication.platformName()}"
            + (f" (and {native} for the desktop)" if native else "")
            + "; image formats svg, png, jpeg; the SVG icon engine"
            + ("; CUPS printing" if sys.platform == "linux" else "")
        )

    def check_main_window(self) -> str:
        from PySide6.QtWidgets import QApplication

        from ui.services import Services
        from ui.window.main_window import DASHBOARD, MainWindow

        window = MainWindow()
        try:
            window.resize(*WINDOW_SIZE)
            window.show()
            QApplication.processEvents()
            demo = cast("Secretariat", self.core.demo)  # this check needs DEMO
            window.attach(Services.for_database(demo.database))
            for _ in range(3):
                QApplication.processEvents()
            if (
                window.stack.currentIndex() != DASHBOARD
                or window.current_section() is not window.dashboard_view
            ):
                raise CheckFailed("the home page is not shown")
            dashboard = window.dashboard_view
            if dashboard.dashboard is None or dashboard.open_card.number.text() == "—":
                raise CheckFailed("the home page shows no figures")
            image = window.grab().toImage()
            colours = _colours(image)
            if image.isNull() or colours < MIN_COLOURS:
                raise CheckFailed(f"the window painted blank ({colours} colours)")
            title = window.windowTitle()
            return (
                f"«{title}» on the home page, {image.width()}×{image.height()} painted with {colours} colours"
            )
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()


def _plugin_file(folders: list[Path], kind: str, name: str) -> bool:
    return any(
        path.name.removeprefix("lib").startswith(("q" + name, name))
        for folder in folders
        if (folder / kind).is_dir()
        for path in (folder / kind).iterdir()
    )


def _colours(image: QImage) -> int:
    """The distinct colours of a sample of the image's pixels (every 4th of every 4th row)."""
    seen: set[int] = set()
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            seen.add(image.pixel(x, y))
    return len(seen)


def _heading(app: QApplication) -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    import secretariat

    frozen = getattr(sys, "frozen", False)
    where = Path(sys.executable).parent if frozen else Path(__file__).resolve().parent.parent
    return (
        f"council-secretariat {secretariat.__version__} self-test: "
        f"{'built app' if frozen else 'from source'} at {where}; Python {platform.python_version()}, "
        f"Qt {qVersion()} (PySide6 {PySide6.__version__}), {platform.system()} {platform.machine()}, "
        f"Qt platform {app.platformName()}"
    )


def _console() -> TextIO | None:
    """Standard output, able to print ✓ and ✗ (a Windows pipe's code page cannot); None if there is none."""
    stream = sys.stdout
    if stream is None:  # a windowed program on Windows
        return None
    try:
        if stream.isatty():
            # A text file has reconfigure(); a stream without one raises AttributeError, caught below.
            cast(io.TextIOWrapper, stream).reconfigure(errors="replace")
        else:
            cast(io.TextIOWrapper, stream).reconfigure(encoding="utf-8", errors="replace")
    except (AttributeError, OSError, ValueError):
        pass
    return stream


def _save_report(lines: list[str], write: Callable[[str], None]) -> None:
    path = report_path()
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as error:
        write(f"the report could not be saved at {path}: {error.strerror or error}")
        return
    write(f"report saved: {path}")


if __name__ == "__main__":  # the built app's council-secretariat-selftest runs this file
    raise SystemExit(run_self_test(sys.argv[1:]))
