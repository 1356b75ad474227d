"""The council's particulars (مشخصات شورا): one form, to create the council and to edit it.

May import: ``ui.widgets``, the top of ``ui``, the core.
"""
