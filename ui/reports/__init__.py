"""Printed reports in the window: making them off the GUI thread, the preview (page, zoom,
print, save) and the dialogs that ask for a report's period.

May import: ``ui.widgets``, the top of ``ui``, the core.
"""
