"""The letter register (دفتر نامه‌ها): its page, a letter's window, recording a letter received,
voiding one, and the number patterns.

May import: ``ui.meetings`` (formatting), ``ui.widgets``, the top of ``ui``, the core.
"""
