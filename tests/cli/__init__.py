"""Tests of the command line (``python -m secretariat``), run in-process."""
