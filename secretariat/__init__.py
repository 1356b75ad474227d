"""The secretariat's domain core: rules, services, Persian text and dates.

Plain Python: this package never imports Qt, so every rule can be tested and
scripted without a screen (``python -m secretariat``).
"""

__version__ = "0.1.0"
