"""Widget tests: the real windows and dialogs driven offscreen with pytest-qt."""
