"""Tests of the installer build and the scale generator."""
