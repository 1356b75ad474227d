"""The member agencies section (دستگاه‌های عضو): the list, the detail pane and the agency form.

May import: ``ui.people`` (roles of an agency), ``ui.widgets``, the top of ``ui``, the core.
"""
