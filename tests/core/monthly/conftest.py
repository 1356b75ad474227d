"""The monthly reports' rules hold on both engines: every test here runs on SQLite and PostgreSQL
(the one version in force per month is a partial unique index; the matrix's order is a collation)."""

import pytest

from secretariat.core import Secretariat
from tests.support.backends import BACKENDS, database_location


@pytest.fixture(params=BACKENDS)
def secretariat(request, tmp_path):
    with Secretariat.open(database_location(request.param, tmp_path)) as opened:
        yield opened
