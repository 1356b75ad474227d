"""The meeting window: its header and its tabs (details, agenda, invitees, attendance,
summaries, resolutions, files) with their dialogs.

May import: ``ui.meetings`` formatting helpers, ``ui.reports``, ``ui.widgets``, the top of ``ui``, the core.
"""
