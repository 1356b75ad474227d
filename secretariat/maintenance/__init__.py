"""Keeping the data safe: backups and their inspection, restore, and the self-test's core checks.

May import: every other package of ``secretariat``, ``db``.
"""
