"""Shared widgets and models: the Jalali date input and calendar, form dialogs with errors beside
the field, the search box, agency pickers, file fields, record and paged table models, progress
and result dialogs, the list section.

May import: the top of ``ui`` and the core; never a section package.
"""
