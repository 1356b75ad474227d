"""Tests of the council, agencies, people and roles."""
