"""The year's audit trail in the yearly archive (schema version 5): who changed what, and when,
travels with the year; an import keeps it apart from the importing database's own records, and
says once that it imported."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from secretariat import clock
from secretariat.archive import export_archive, import_archive
from secretariat.archive.schema import SCHEMA_VERSION, TABLES
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyDraft
from secretariat.office.accounts import UserDraft
from secretariat.office.audit import AuditQuery
from secretariat.persian import jalali
from tests.support.archive import import_in_year, tampered, yearbook_available
from tests.support.meetings import Council

YEAR = 1404


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


def at(patch: pytest.MonkeyPatch, year: int, month: int, day: int) -> None:
    """What is saved from now on is saved at ten o'clock of that Jalali day."""
    moment = dt.datetime.combine(jalali.from_jalali(year, month, day), dt.time(10, 0)).astimezone()
    patch.setattr(clock, "now", lambda: moment)


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, Path, dict[str, int]]:
    """A council worked on by a signed-in secretary in 1404 and on into 1405; its 1404 archive."""
    folder = tmp_path_factory.mktemp("audit-archive")
    with pytest.MonkeyPatch.context() as patch:
        at(patch, 1404, 1, 20)
        with Secretariat.open(folder / "source.sqlite3") as secretariat:
            council = Council(secretariat)
            secretariat.users.add(UserDraft("zahra", "زهرا موسوی", "secretary", "secret-12"))
            bank = council.agency("بانک ملی")
            at(patch, 1404, 2, 1)
            meeting = council.plan("1404/02/10", host_agency_id=bank)
            council.hold(meeting.id)
            at(patch, 1404, 2, 11)
            council.resolve(meeting.id, "مقرر شد خبرنامه منتشر شود", bank, due_date="1404/03/01")
            at(patch, 1405, 1, 15)  # the next year: not in 1404's trail
            secretariat.agencies.update(bank, AgencyDraft(name="بانک ملی ایران"))
            archive = export_archive(secretariat.database, YEAR, folder / "archive-1404.zip").path
            ids = {"meeting": meeting.id, "agency": bank}
    return folder / "source.sqlite3", archive, ids


@pytest.fixture
def empty(tmp_path):
    database = open_database(tmp_path / "empty.sqlite3")
    yield database
    database.close()


def records(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("data/records.json"))


def csv_rows(path: Path, table: str) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        text = archive.read(f"data/csv/{table}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_archive_holds_the_years_trail_with_who_when_and_what(source):
    _database, archive, ids = source
    data = records(archive)
    assert data["version"] == SCHEMA_VERSION == 5
    trail = data["tables"]["audit_entries"]
    assert data["counts"]["audit_entries"] == len(trail) > 0
    # Only what was written in 1404, oldest first; the agency renamed in 1405 is not there.
    assert all(row["at_jalali"].startswith("1404/") for row in trail)
    assert [row["at"] for row in trail] == sorted(row["at"] for row in trail)
    assert not any(row["kind"] == "agency" and row["action"] == "change" for row in trail)
    resolution = next(row for row in trail if row["kind"] == "resolution")
    assert (resolution["action"], resolution["action_label"], resolution["kind_label"]) == (
        "create",
        "ثبت",
        "مصوبه",
    )
    assert (resolution["username"], resolution["user_name"]) == ("zahra", "زهرا موسوی")
    assert json.loads(resolution["changes"])["text"] == "مقرر شد خبرنامه منتشر شود"
    held = next(row for row in trail if row["action"] == "change" and row["kind"] == "meeting")
    assert held["about_kind"] == "meeting" and held["about"] == str(ids["meeting"])
    # The same rows in the CSV, the Persian labels beside the codes; the README counts them.
    rows = csv_rows(archive, "audit_entries")
    assert [row["changes"] for row in rows] == [row["changes"] for row in trail]
    assert list(rows[0])[:6] == ["at", "at_jalali", "username", "user_name", "action", "action_label"]
    with zipfile.ZipFile(archive) as z:
        readme = z.read("README.txt").decode("utf-8-sig")
    assert "سابقه تغییرات سال" in readme


def test_imported_the_trail_is_kept_apart_and_the_import_is_one_entry(source, empty, tmp_path, monkeypatch):
    _database, archive, _ids = source
    import_in_year(monkeypatch, 1406)
    result = import_archive(empty, archive)
    archived = records(archive)["tables"]["audit_entries"]
    assert result.audit_entries == len(archived) and "سابقه تغییرات سال" in result.summary()
    trail = Secretariat(empty).audit
    imported = trail.page(AuditQuery(username="zahra"), limit=None)
    assert len(imported) == len([row for row in archived if row["username"] == "zahra"])
    assert all(entry.about.startswith("archive:") for entry in imported if entry.about)
    # The import is one entry of this database's trail, not one for each row it wrote.
    own = [entry for entry in trail.page(limit=None) if not entry.about.startswith("archive:")]
    [entry] = own
    assert (entry.action, entry.kind, entry.record) == ("import", "archive", "1404")
    assert entry.changes["file"] == archive.name and entry.changes["entries"] == len(archived)
    # The meeting imported has no history of the records it was not: its ids were the other database's.
    meeting = Secretariat(empty).meetings.page(limit=None)[0]
    assert trail.history("meeting", meeting.id) == []
    # Exported again (the import made in another year), the trail is as archived.
    again = export_archive(empty, YEAR, tmp_path / "again.zip").path
    assert csv_rows(again, "audit_entries") == csv_rows(archive, "audit_entries")


def test_an_archive_without_a_trail_still_imports(source, empty, tmp_path):
    _database, archive, _ids = source
    data = records(archive)
    data["version"] = 4
    for table in TABLES:
        if table.since == 5:
            del data["tables"][table.name], data["counts"][table.name]
    path = tmp_path / "version-4.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert result.meetings == 1 and result.audit_entries == 0
    assert [entry.action for entry in Secretariat(empty).audit.page(limit=None)] == ["import"]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("changes", "[1, 2]", "شیء JSON نیست"),
        ("at", "2027-06-01T10:00:00", "بایگانی از سال ۱۴۰۴"),
        ("action", "erase", "از مقدارهای پذیرفتنی نیست"),
    ],
)
def test_an_entry_the_app_never_wrote_is_refused_and_nothing_changes(
    source, empty, tmp_path, field, value, problem
):
    _database, archive, _ids = source
    data = records(archive)
    data["tables"]["audit_entries"][0][field] = value
    bad = tampered(archive, tmp_path / "bad.zip", data)
    with pytest.raises(DomainError, match=problem) as refused:
        import_archive(empty, bad)
    assert "audit_entries" in str(refused.value) and "چیزی وارد نشد" in str(refused.value)
    assert Secretariat(empty).audit.count() == 0 and Secretariat(empty).council.get() is None
