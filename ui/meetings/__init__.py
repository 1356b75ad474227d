"""The meetings section (جلسات): the Jalali calendar, the meeting list, planning, postponing and
cancelling; the meeting window itself is in ``ui.meetings.window``.

May import: ``ui.meetings.window``, ``ui.reports``, ``ui.widgets``, the top of ``ui``, the core.
"""
