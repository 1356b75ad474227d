"""The main window: the menu, the navigation between sections, the status bar. It wires the
sections together and does no work of its own.

May import: every section package of ``ui``, ``ui.widgets``, the top of ``ui``, the core.
"""
