"""The entry point to the core: a Secretariat opened on a database owns every service."""

from secretariat.core import Secretariat
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft

SERVICES = (
    "council",
    "agencies",
    "people",
    "meetings",
    "agenda",
    "attendance",
    "minutes",
    "attachments",
    "register",
    "followup",
    "dashboard",
)


def test_a_secretariat_opened_on_a_new_database_hands_out_working_services(tmp_path):
    path = tmp_path / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        assert secretariat.council.get() is None
        secretariat.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس"))
        agency = secretariat.agencies.add(AgencyDraft(name="شهرداری پردیس"))

    with Secretariat.open(path, create=False) as reopened:
        assert reopened.council.get().name == "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
        assert reopened.agencies.get(agency.id).name == "شهرداری پردیس"
        assert [row.name for row in reopened.agencies.page(limit=None)] == ["شهرداری پردیس"]


def test_each_service_is_made_once_per_secretariat(secretariat, database):
    another = Secretariat(database)
    for name in SERVICES:
        service = getattr(secretariat, name)
        assert getattr(secretariat, name) is service, name
        assert getattr(another, name) is not service, name  # held by the secretariat, not shared
    assert secretariat.database is database
