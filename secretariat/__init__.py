"""The secretariat's domain core: rules, services, Persian text and dates.

Plain Python: this package never imports Qt, so every rule can be tested and
scripted without a screen (``python -m secretariat``). Everything starts from
``secretariat.core.Secretariat``, opened on a database, which holds every service.

At the top: ``core`` (the entry point), ``database`` (opening, migrating,
transactions), ``changes`` (what each commit changed), ``errors``,
``validation``, ``clock``, ``paths``.

May import: ``db`` and third-party libraries; never ``PySide6`` or ``ui``.
"""

__version__ = "0.1.0"
