"""Tests of backups, restore, crash safety, the yearly archive and the self-test."""
