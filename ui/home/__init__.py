"""The home page (پیشخوان): the figures, short lists and charts of the follow-up.

May import: ``ui.widgets``, ``ui.resolutions`` (the review action), the top of ``ui``, the core.
"""
