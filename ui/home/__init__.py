"""The home page (پیشخوان): the figures, short lists and charts of the follow-up.

May import: ``ui.widgets``, ``ui.resolutions`` (the review action), ``ui.letters`` (its words), the top
of ``ui``, the core.
"""
