"""The demo council: agencies, people, meetings with minutes and resolutions, their follow-up,
monthly reports, the letter register and the yearly evaluation, built from realistic Persian text.

May import: every other package of ``secretariat`` but ``cli``.
"""
