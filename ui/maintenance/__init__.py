"""Backups, restore and the yearly archive in the window: the menu, the flows and their dialogs.

May import: ``ui.widgets``, the top of ``ui``, the core.
"""
