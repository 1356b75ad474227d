"""Shared fixtures: a real temporary SQLite database per test; Qt offscreen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from secretariat.database import open_database


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "council.sqlite3")
    yield db
    db.close()
