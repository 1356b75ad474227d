"""The PySide6 user interface: windows, views, Qt models, dialogs, widgets.

It calls the services of ``secretariat`` and never touches the database
itself.
"""
