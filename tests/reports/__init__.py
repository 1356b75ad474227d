"""Tests of the printed reports, read back from the PDF."""
