"""The doors the save hooks cannot see: restoring a backup over the database file, importing a
year's archive, reading the whole audit trail. The core itself refuses them to a role without
the right, so the window and the command line are refused alike, and nothing changes."""

from __future__ import annotations

import pytest

from secretariat.archive import import_archive
from secretariat.archive.formats import records_json
from secretariat.archive.records import year_records
from secretariat.core import Secretariat
from secretariat.errors import PermissionDeniedError
from secretariat.maintenance.restore import restore
from secretariat.members.agencies import AgencyDraft
from secretariat.office.audit import AuditQuery
from secretariat.office.roles import Role, SignedIn
from tests.support.backup import agency_names, folder_state, make_backup
from tests.support.office_accounts import add_accounts, sign_in


@pytest.fixture
def office(secretariat):
    """A council with a secretary, an expert and a viewer; nobody signed in."""
    add_accounts(secretariat)
    return secretariat


@pytest.fixture(scope="module")
def year_json(demo_path, tmp_path_factory):
    """The demo's newest year as the archive's ``records.json``."""
    with Secretariat.open(demo_path) as demo:
        year = max(demo.meetings.years())
        path = tmp_path_factory.mktemp("archive") / "records.json"
        path.write_bytes(records_json(year_records(demo.database, year)))
    return year, path


# -- archive import ---------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["karshenas", "nazer", None])
def test_only_the_secretary_imports_an_archive(office, year_json, username):
    _year, path = year_json
    if username:
        sign_in(office, username)
    entries = _entries(office)
    with pytest.raises(PermissionDeniedError, match="بازگرداندن پشتیبان و ورود بایگانی|وارد شوید"):
        import_archive(office.database, path)
    assert office.council.get() is None
    assert office.meetings.years() == []
    assert _entries(office) == entries  # not even a line in the trail


def test_the_secretarys_import_is_in_the_trail_with_the_year_and_the_file(office, year_json):
    year, path = year_json
    sign_in(office, "dabir")
    result = import_archive(office.database, path)
    (entry,) = office.audit.page(AuditQuery(kind="archive"))
    assert (entry.action, entry.record, entry.username) == ("import", str(year), "dabir")
    assert entry.changes["file"] == "records.json"
    assert entry.changes["meetings"] == result.meetings > 0


def test_a_council_without_accounts_imports_as_before(secretariat, year_json):
    year, path = year_json
    import_archive(secretariat.database, path)
    (entry,) = secretariat.audit.page(AuditQuery(kind="archive"))
    assert (entry.action, entry.record, entry.username) == ("import", str(year), "")


# -- restore ----------------------------------------------------------------------------------


@pytest.fixture
def office_file(tmp_path):
    """A council database file with the three accounts and one agency."""
    path = tmp_path / "data" / "council.sqlite3"
    with Secretariat.open(path) as secretariat:
        add_accounts(secretariat)
        sign_in(secretariat, "dabir")
        secretariat.agencies.add(AgencyDraft(name="اداره گاز"))
    return path


def _signed_in(path, username) -> SignedIn | None:
    with Secretariat.open(path) as secretariat:
        sign_in(secretariat, username)
        return secretariat.user


@pytest.mark.parametrize("username", ["karshenas", "nazer", None])
def test_only_the_secretary_restores_over_a_council_with_accounts(office_file, tmp_path, username):
    user = _signed_in(office_file, username) if username else None
    backup = make_backup(tmp_path / "incoming", ["اداره پست"])
    before = folder_state(office_file.parent)
    with pytest.raises(PermissionDeniedError):
        restore(office_file, backup, user=user)
    assert folder_state(office_file.parent) == before  # not even a safety copy


def test_a_signed_in_user_of_another_database_is_not_this_ones_secretary(office_file, tmp_path):
    """The role is read from the accounts of the file being replaced, not taken on trust."""
    backup = make_backup(tmp_path / "incoming", ["اداره پست"])
    stranger = SignedIn(id=2, username="karshenas", full_name="علی رضایی", role=Role.SECRETARY)
    with pytest.raises(PermissionDeniedError, match="کارشناس"):
        restore(office_file, backup, user=stranger)
    forged = SignedIn(id=99, username="boss", full_name="؟", role=Role.SECRETARY)
    with pytest.raises(PermissionDeniedError):
        restore(office_file, backup, user=forged)
    assert agency_names(office_file) == ["اداره گاز"]


def test_the_secretarys_restore_is_in_the_restored_databases_trail(office_file, tmp_path):
    user = _signed_in(office_file, "dabir")
    backup = make_backup(tmp_path / "incoming", ["اداره پست"])
    result = restore(office_file, backup, user=user)
    assert agency_names(office_file) == ["اداره پست"]
    with Secretariat.open(office_file) as restored:  # the backup has no accounts: anyone reads
        (entry,) = restored.audit.page(AuditQuery(kind="database"))
    assert (entry.action, entry.username, entry.user_name) == ("restore", "dabir", "مریم احمدی")
    assert entry.changes["file"] == backup.name
    assert entry.changes["previous"] == result.previous.name


# -- the whole trail --------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["karshenas", "nazer", None])
def test_only_the_secretary_reads_the_whole_trail(office, username):
    if username:
        sign_in(office, username)
    for read in (lambda: office.audit.page(), lambda: office.audit.count(), office.audit.usernames):
        with pytest.raises(PermissionDeniedError, match="مرور سابقه کامل تغییرات|وارد شوید"):
            read()
    with pytest.raises(PermissionDeniedError):
        office.audit.page(AuditQuery(username="dabir"))


def test_every_role_reads_the_history_of_one_record(office):
    sign_in(office, "karshenas")
    agency = office.agencies.add(AgencyDraft(name="اداره گاز"))
    sign_in(office, "nazer")
    query = AuditQuery(kind="agency", record=str(agency.id))
    assert [row.action for row in office.audit.page(query)] == ["create"]
    assert office.audit.count(query) == 1
    assert [row.username for row in office.audit.history("agency", agency.id)] == ["karshenas"]
    sign_in(office, "dabir")
    assert office.audit.count() > 1


def test_a_council_without_accounts_reads_its_trail(secretariat):
    secretariat.agencies.add(AgencyDraft(name="اداره گاز"))
    assert [row.kind for row in secretariat.audit.page()] == ["agency"]


def _entries(secretariat: Secretariat) -> int:
    with secretariat.database.reading() as session:
        from sqlalchemy import func, select

        from db.models import AuditEntry

        return session.scalar(select(func.count(AuditEntry.id))) or 0
