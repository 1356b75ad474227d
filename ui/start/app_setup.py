"""The look and language of the whole application, set once at start-up."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui import resources, strings
from ui.start import qt_workarounds

FONT_POINT_SIZE = 10
PERSIAN = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)


def configure_application(app: QApplication) -> None:
    """Right-to-left, Persian locale, Vazirmatn, the style sheet and the icon."""
    qt_workarounds.install()
    app.setApplicationName("CouncilSecretariat")
    app.setApplicationDisplayName(strings.APP_TITLE)
    # Fusion draws the same on every PC and honours the style sheet fully.
    app.setStyle("Fusion")
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    QLocale.setDefault(PERSIAN)
    _install_qt_translations(app)
    family = resources.load_fonts()
    if family:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    app.setStyleSheet(resources.style_sheet())
    app.setWindowIcon(resources.icon("app"))


def _install_qt_translations(app: QApplication) -> None:
    # Qt's own words (the line edit's context menu, standard buttons) in Persian.
    if getattr(app, "_persian_translator", None) is not None:
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(PERSIAN, "qtbase", "_", folder):
        app.installTranslator(translator)
        # A Python attribute of the app keeps it alive with the app (the self-test looks for it).
        app._persian_translator = translator  # type: ignore[attr-defined]
    # Installed last, so asked first: the keys of a shortcut keep the names printed on them.
    keys = _KeyNamesAsPrinted(app)
    app.installTranslator(keys)
    app._key_names_translator = keys  # type: ignore[attr-defined]


class _KeyNamesAsPrinted(QTranslator):
    """Shortcuts read «Ctrl+P», as the keys are labelled, not «کنترل+P».

    Qt's Persian translation names the modifier keys in Persian, which puts a
    Persian word and a Latin letter in one shortcut, reading neither as the
    keyboard nor as Persian. Keyboards sold in Iran print Ctrl, Shift, Alt.
    """

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "", is "no translation here": Qt then asks the Persian catalogue.
        return source if context == "QShortcut" else None

    def isEmpty(self) -> bool:
        return False
