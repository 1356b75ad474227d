"""Meetings, from the plan to signed minutes.

- ``kinds``: kinds, statuses, attendance, priorities and how titles are written;
- ``numbering``: the Nth meeting of the council and of the Jalali year;
- ``planning``: planning, postponing, cancelling, the calendar and the list;
- ``agenda``: the agenda items;
- ``attendance``: invitees, attendance and the quorum;
- ``minutes``: item summaries, resolutions, finalizing and amendments;
- ``attachments``: the signed scan and other files, kept with a SHA-256.

May import: ``secretariat.members``, ``secretariat.persian``, the top of ``secretariat``, ``db``.
"""
