"""Tests of the domain core, through its services, on real temporary SQLite databases."""
