"""The letter register's rules hold on both engines: every test here runs on SQLite and PostgreSQL
(numbers are handed out under a lock and a unique constraint)."""

import pytest

from secretariat.core import Secretariat
from tests.support.backends import BACKENDS, database_location


@pytest.fixture(params=BACKENDS)
def secretariat(request, tmp_path):
    with Secretariat.open(database_location(request.param, tmp_path)) as opened:
        yield opened
