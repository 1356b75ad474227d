"""The resolutions section: the register (مصوبات) and each resolution's follow-up window (پیگیری).

May import: ``ui.meetings`` (formatting, opening a meeting), ``ui.letters`` (how a letter reads),
``ui.reports``, ``ui.widgets``, the top of ``ui``, the core.
"""
