"""The demo council: agencies, people, meetings with minutes and resolutions, and their follow-up,
built from realistic Persian text.

May import: every other package of ``secretariat`` but ``cli``.
"""
