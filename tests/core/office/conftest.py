"""The shared office's rules hold on both engines: each test runs on SQLite and PostgreSQL."""

import pytest

from secretariat.core import Secretariat
from tests.support.backends import BACKENDS, database_location


@pytest.fixture(params=BACKENDS)
def secretariat(request, tmp_path):
    with Secretariat.open(database_location(request.param, tmp_path)) as opened:
        yield opened
