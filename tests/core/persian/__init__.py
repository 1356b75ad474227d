"""Tests of Persian text, order, the Jalali calendar and ordinals."""
