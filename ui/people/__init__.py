"""The people section (افراد): the list, the person form, appointments, decrees, ends of roles
and the role history.

May import: ``ui.widgets``, the top of ``ui``, the core.
"""
