"""Tests of meetings: planning, agenda, attendance, minutes, files."""
