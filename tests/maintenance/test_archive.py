"""The yearly archive: export, verify (files and printed codes), import, on the demo council."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import re
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import FollowUp, Meeting, Resolution
from secretariat.archive import (
    ArchiveCancelled,
    export_archive,
    import_archive,
    verify_archive,
    verify_document,
)
from secretariat.archive.importing import ALREADY_IMPORTED
from secretariat.archive.schema import SCHEMA_NAME, SCHEMA_VERSION, TABLES
from secretariat.archive.schema_doc import schema_markdown
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.demo.council import COUNCIL
from secretariat.errors import DomainError
from secretariat.meetings.numbering_start import NumberingStart, NumberingStartDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.persian.text import to_persian_digits
from secretariat.reports.minutes_data import gather_minutes, minutes_seal
from secretariat.reports.progress import ReportCancelled
from tests.support.archive import import_in_year, rewrite_zip, snapshot, yearbook_available
from tests.support.meetings import Council

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = ("data/records.json", *(f"data/csv/{table.name}.csv" for table in TABLES))


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture(scope="module")
def years(demo_path):
    """The demo's two Jalali years, oldest first: the earlier has an amendment, the later a signed scan."""
    with Secretariat.open(demo_path) as secretariat:
        return sorted(secretariat.meetings.years())


@pytest.fixture(scope="module")
def exported(demo_path, years, tmp_path_factory):
    """Each demo year's archive, made once: ``{year: path}``. Tests copy before changing one."""
    folder = tmp_path_factory.mktemp("archives")
    database = open_database(demo_path)
    try:
        return {year: export_archive(database, year, folder / f"archive-{year}.zip").path for year in years}
    finally:
        database.close()


@pytest.fixture
def db(demo_copy):
    database = open_database(demo_copy)
    yield database
    database.close()


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "empty.sqlite3"
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def empty_secretariat(empty):
    """The secretariat on the empty database, to read or prepare its council and register."""
    return Secretariat(empty)


def records(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("data/records.json"))


# -- export ----------------------------------------------------------------------------


def test_the_archive_holds_the_report_the_minutes_the_files_the_data_and_a_manifest(
    exported, years, demo_path
):
    year = years[-1]
    path = exported[year]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        data = json.loads(archive.read("data/records.json"))
        assert archive.read(f"report/karname-{year}.pdf").startswith(b"%PDF")
        for row in data["tables"]["attachments"]:
            assert hashlib.sha256(archive.read(row["path"])).hexdigest() == row["sha256"]
    assert {"manifest.json", "README.txt", f"report/karname-{year}.pdf", *DATA_FILES} <= names
    finalized = [m for m in data["tables"]["meetings"] if m["status"] == "finalized"]
    assert finalized and all(m["minutes_file"] in names for m in finalized)
    assert {m["minutes_file"] for m in finalized} == {n for n in names if n.startswith("minutes/")}
    kinds = {row["kind"] for row in data["tables"]["attachments"]}
    assert {"signed_minutes", "followup_document"} <= kinds
    assert any("\u200c" in row["path"] for row in data["tables"]["attachments"])  # ZWNJ kept in file names
    assert (manifest["schema"], manifest["version"], manifest["year"]) == (SCHEMA_NAME, SCHEMA_VERSION, year)
    assert manifest["council"] == COUNCIL.name and manifest["created_at"] and manifest["app_version"]
    assert {entry["path"] for entry in manifest["files"]} == names - {"manifest.json"}
    assert verify_archive(path).ok


def test_the_records_follow_the_schema_and_leak_no_ids(exported, years, demo_path):
    year = years[0]
    data = records(exported[year])
    assert (data["schema"], data["version"], data["year"]) == (SCHEMA_NAME, SCHEMA_VERSION, year)
    assert list(data["council"]) == list(TABLES[0].columns)
    for table in TABLES[1:]:
        rows = data["tables"][table.name]
        assert data["counts"][table.name] == len(rows)
        assert all(list(row) == list(table.columns) for row in rows), table.name
        assert "id" not in table.columns and not any(c.endswith("_id") for c in table.columns)
    database = open_database(demo_path)
    try:
        with database.reading() as session:
            meetings = session.scalar(select(Meeting.id).where(Meeting.jalali_year == year).limit(1))
            ids = session.scalars(
                select(Resolution.id)
                .join(Meeting, Meeting.id == Resolution.meeting_id)
                .where(Meeting.jalali_year == year)
            ).all()
            follow_ups = session.scalars(select(FollowUp).where(FollowUp.resolution_id.in_(ids))).all()
    finally:
        database.close()
    assert meetings is not None
    # The whole follow-up history of the year's resolutions, even entries made after the year.
    assert len(data["tables"]["follow_ups"]) == len(follow_ups)
    statuses = {m["status"] for m in records(exported[years[-1]])["tables"]["meetings"]}
    assert {"finalized", "held", "cancelled", "planned"} <= statuses
    meeting = next(m for m in data["tables"]["meetings"] if m["status"] == "finalized")
    assert re.fullmatch(r"\d{4}-\d{2}", meeting["key"]) and meeting["date_jalali"].startswith(str(year))
    assert meeting["minutes_code"].startswith(f"M{meeting['key']}-")


def test_the_csv_files_open_in_excel_with_persian_intact(exported, years):
    with zipfile.ZipFile(exported[years[0]]) as archive:
        data = json.loads(archive.read("data/records.json"))
        raw = archive.read("data/csv/agencies.csv")
        meetings = archive.read("data/csv/meetings.csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["name"] for row in rows] == [row["name"] for row in data["tables"]["agencies"]]
    assert "شهرداری پردیس" in {row["name"] for row in rows}
    assert {row["active"] for row in rows} == {"true", "false"}
    header = meetings.decode("utf-8-sig").split("\r\n", 1)[0]
    assert header.split(",")[:3] == ["key", "kind", "series"] and "date_jalali" in header


def test_the_progress_goes_up_to_a_hundred_and_the_file_is_whole(db, tmp_path, years):
    seen: list[int] = []
    result = export_archive(db, years[-1], tmp_path / "a.zip", progress=lambda done, total: seen.append(done))
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 100 and len(seen) > 10
    assert set(result.timings) == {"records", "minutes", "evaluation", "attachments", "report", "writing"}
    assert result.size == (tmp_path / "a.zip").stat().st_size
    assert to_persian_digits(years[-1]) in result.summary()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


@pytest.mark.parametrize("stop_at", [5, 30, 80])
def test_a_cancelled_export_leaves_no_file(db, tmp_path, years, stop_at):
    seen: list[int] = []
    target = tmp_path / "cancelled.zip"
    with pytest.raises(ArchiveCancelled, match="لغو"):
        export_archive(
            db,
            years[0],
            target,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] >= stop_at,
        )
    assert not target.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*")) == []


def test_a_year_without_meetings_is_refused(db, tmp_path):
    with pytest.raises(DomainError, match="جلسه‌ای ثبت نشده"):
        export_archive(db, 1390, tmp_path / "empty.zip")
    assert not (tmp_path / "empty.zip").exists()


def test_the_schema_document_is_up_to_date():
    assert (ROOT / "docs" / "archive-schema.md").read_text(encoding="utf-8") == schema_markdown()


# -- verify the archive --------------------------------------------------------------------


def test_an_untouched_archive_verifies(exported, years):
    result = verify_archive(exported[years[0]])
    assert result.ok and result.problems() == []
    assert result.matching == result.checked > 20
    assert "درست است" in result.summary()


def _first_attachment(path: Path) -> str:
    return next(row["path"] for row in records(path)["tables"]["attachments"])


@pytest.mark.parametrize("tamper", ["change", "delete", "add"])
def test_a_tampered_archive_names_the_file(exported, years, tmp_path, tamper):
    source = exported[years[-1]]
    target = tmp_path / "tampered.zip"
    victim = _first_attachment(source)
    if tamper == "change":
        rewrite_zip(
            source,
            target,
            change=lambda name, data: (
                data[:100] + bytes([data[100] ^ 1]) + data[101:] if name == victim else data
            ),
        )
    elif tamper == "delete":
        rewrite_zip(source, target, change=lambda name, data: None if name == victim else data)
    else:
        victim = "minutes/extra.pdf"
        rewrite_zip(source, target, add={victim: b"%PDF-1.4 not ours"})
    result = verify_archive(target)
    assert not result.ok
    found = {"change": result.changed, "delete": result.missing, "add": result.extra}[tamper]
    assert found == (victim,)
    assert sum(map(len, (result.changed, result.missing, result.extra))) == 1
    assert any(victim in line for line in result.problems())
    assert "نمی‌خواند" in result.summary()


def test_bytes_damaged_inside_the_zip_are_named(exported, years, tmp_path):
    source = exported[years[-1]]
    with zipfile.ZipFile(source) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("minutes/"))
    raw = bytearray(source.read_bytes())
    with source.open("rb") as stream:  # the member's data starts after its local header
        stream.seek(info.header_offset + 26)
        name_length, extra_length = (
            int.from_bytes(stream.read(2), "little"),
            int.from_bytes(stream.read(2), "little"),
        )
    offset = info.header_offset + 30 + name_length + extra_length + info.compress_size // 2
    raw[offset] ^= 0xFF
    target = tmp_path / "damaged.zip"
    target.write_bytes(bytes(raw))
    assert verify_archive(target).changed == (info.filename,)


def test_what_cannot_be_checked_is_refused_in_persian(exported, years, tmp_path):
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(DomainError, match="ZIP نیست"):
        verify_archive(not_zip)
    with pytest.raises(DomainError, match="پیدا نشد"):
        verify_archive(tmp_path / "missing.zip")
    no_manifest = tmp_path / "no-manifest.zip"
    rewrite_zip(
        exported[years[0]], no_manifest, change=lambda name, data: None if name == "manifest.json" else data
    )
    with pytest.raises(DomainError, match="manifest.json"):
        verify_archive(no_manifest)
    broken = tmp_path / "broken-manifest.zip"
    rewrite_zip(
        exported[years[0]],
        broken,
        change=lambda name, data: b"{not json" if name == "manifest.json" else data,
    )
    with pytest.raises(DomainError, match="خوانا نیست"):
        verify_archive(broken)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(exported[years[0]].read_bytes()[:-200])
    with pytest.raises(DomainError):
        verify_archive(truncated)


# -- verify a printed document -----------------------------------------------------------------


def test_the_code_printed_on_finalized_minutes_matches_the_records(exported, years, db):
    from pypdf import PdfReader

    data = records(exported[years[0]])
    meeting = next(m for m in data["tables"]["meetings"] if m["status"] == "finalized")
    with zipfile.ZipFile(exported[years[0]]) as archive:
        pdf = PdfReader(io.BytesIO(archive.read(meeting["minutes_file"])))
    printed = re.search(r"M\d{4}-[GW]?\d{2}-[0-9A-F]{8}", pdf.pages[0].extract_text()).group()
    assert printed == meeting["minutes_code"]
    check = verify_document(db, printed)
    assert check.matches and not check.amended_since and "می‌خواند" in check.message
    assert check.current_code == printed and check.meeting_title
    # Typed with Persian digits, small letters and spaces, as a person reads it out.
    typed = " " + to_persian_digits(printed.lower()) + " "
    assert verify_document(db, typed).matches


def test_a_changed_code_or_payload_does_not_match(db, years):
    meeting_id = _finalized_meeting_id(db, years[0])
    seal = minutes_seal(gather_minutes(Secretariat(db), meeting_id))
    assert verify_document(db, seal.payload).matches
    wrong_digest = seal.code[:-1] + ("0" if seal.code[-1] != "0" else "1")
    check = verify_document(db, wrong_digest)
    assert not check.matches and check.current_code == seal.code and "نمی‌خواند" in check.message
    forged = seal.payload[:-1] + ("0" if seal.payload[-1] != "0" else "1")
    assert not verify_document(db, forged).matches  # the code no longer agrees with the fingerprint
    other_sha = "A" * 64
    code = seal.code[:-8] + other_sha[:8]
    assert not verify_document(db, f"CSEC1:{code}:{other_sha}").matches
    assert not verify_document(
        db, seal.code.replace(f"M{years[0]}-", f"M{years[0]}-9")
    ).matches  # no such meeting
    for nonsense in ("hello", "CSEC1:M1404-07:XYZ", "M14-07-ABC"):
        with pytest.raises(DomainError):
            verify_document(db, nonsense)


def test_a_copy_printed_before_an_amendment_still_matches(db, years):
    with db.reading() as session:
        from db.models import Amendment

        meeting_id = session.scalar(select(Amendment.meeting_id).limit(1))
    data = gather_minutes(Secretariat(db), meeting_id)
    assert data.detail.amendments
    before = minutes_seal(replace(data, detail=replace(data.detail, amendments=())))
    check = verify_document(db, before.code)
    assert check.matches and check.amended_since and check.current_code != before.code
    assert check.current_code in check.message


def _finalized_meeting_id(database, year: int) -> int:
    with database.reading() as session:
        return session.scalar(
            select(Meeting.id)
            .where(Meeting.jalali_year == year, Meeting.status == "finalized")
            .order_by(Meeting.date)
            .limit(1)
        )


# -- import ---------------------------------------------------------------------------------


def test_export_import_export_gives_the_same_data(
    exported, years, empty, empty_secretariat, tmp_path, monkeypatch
):
    import_in_year(monkeypatch, years[-1] + 1)  # the trail of the import itself is of another year
    for year in years:
        result = import_archive(empty, exported[year])
        assert result.year == year and result.attachments_skipped == 0
        again = export_archive(empty, year, tmp_path / f"again-{year}.zip").path
        with zipfile.ZipFile(exported[year]) as first, zipfile.ZipFile(again) as second:
            for name in DATA_FILES:
                assert first.read(name) == second.read(name), name
            attachments = [n for n in first.namelist() if n.startswith("attachments/")]
            assert attachments and all(first.read(n) == second.read(n) for n in attachments)
    first_result = empty_secretariat.council.get()
    assert first_result.name == COUNCIL.name and first_result.is_demo


def test_an_imported_year_sorts_by_text_and_lead_in_persian_order(exported, years, empty, empty_secretariat):
    # One of the archive's agencies is in the database already, spelled with a space for its ZWNJ:
    # its resolutions are led by the database's agency, and sort by the name the register shows.
    from secretariat.followup.register import RegisterSort, ResolutionQuery
    from secretariat.persian.collation import sort_key

    tables = records(exported[years[-1]])["tables"]
    leading = {a["agency"] for a in tables["assignments"] if a["role"] == "lead"}
    lead_names = {a["name"] for a in tables["agencies"] if a["key"] in leading}
    spelled = next(name for name in sorted(lead_names) if "\u200c" in name)
    ours = empty_secretariat.agencies.add(AgencyDraft(name=spelled.replace("\u200c", " "))).name
    import_archive(empty, exported[years[-1]])
    register = empty_secretariat.register

    def listed(sort: RegisterSort) -> list:
        return register.page(ResolutionQuery(sort=sort, descending=False), limit=None)

    by_text = listed(RegisterSort.TEXT)
    assert [r.text for r in by_text] == sorted((r.text for r in by_text), key=sort_key)
    by_lead = listed(RegisterSort.LEAD)
    names = [r.lead_agency_name for r in by_lead]
    assert names == sorted(names, key=sort_key) and ours in names and spelled not in names


def test_the_minutes_imported_keep_their_printed_codes(exported, years, empty):
    import_archive(empty, exported[years[0]])
    for meeting in records(exported[years[0]])["tables"]["meetings"]:
        if meeting["minutes_code"]:
            assert verify_document(empty, meeting["minutes_code"]).matches, meeting["key"]


def test_the_first_import_creates_the_council_and_says_what_it_added(exported, years, empty):
    result = import_archive(empty, exported[years[0]])
    data = records(exported[years[0]])
    assert result.council_created and result.council == COUNCIL.name
    assert result.agencies_added == len(data["tables"]["agencies"]) and result.agencies_matched == 0
    assert result.meetings == len(data["tables"]["meetings"]) and result.resolutions == len(
        data["tables"]["resolutions"]
    )
    assert "وارد شد" in result.summary()
    second = import_archive(empty, exported[years[1]])
    assert not second.council_created and second.agencies_matched > 0 and second.people_matched > 0


def test_importing_twice_is_refused_and_changes_nothing(exported, years, empty, tmp_path):
    import_archive(empty, exported[years[0]])
    before = snapshot(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match=ALREADY_IMPORTED):
        import_archive(empty, exported[years[0]])
    assert snapshot(tmp_path / "empty.sqlite3") == before


def test_importing_into_the_database_it_came_from_is_refused(exported, years, db, demo_copy):
    before = snapshot(demo_copy)
    with pytest.raises(DomainError, match=ALREADY_IMPORTED):
        import_archive(db, exported[years[-1]])
    assert snapshot(demo_copy) == before


def test_an_import_that_fails_part_way_changes_nothing(exported, years, empty, tmp_path):
    import_archive(empty, exported[years[0]])
    # A record the database refuses, at the very end (the last follow-up entry): the checks
    # before the import find nothing wrong with it, a trigger of the database refuses it.
    with contextlib.closing(sqlite3.connect(tmp_path / "empty.sqlite3")) as connection:
        connection.execute(
            "CREATE TRIGGER refuse_marked BEFORE INSERT ON follow_up WHEN NEW.note = 'refuse me' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
        connection.commit()
    before = snapshot(tmp_path / "empty.sqlite3")
    data = records(exported[years[1]])
    data["tables"]["follow_ups"][-1]["note"] = "refuse me"
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError, match="چیزی در پایگاه داده تغییر نکرد"):
        import_archive(empty, bad_json)
    assert snapshot(tmp_path / "empty.sqlite3") == before
    # A file whose bytes no longer match its SHA-256, found after the meetings were written
    # (the manifest made to agree, so the check of the ZIP passes).
    victim = _first_attachment(exported[years[1]])
    changed = tmp_path / "changed.zip"
    _rewrite_with_manifest(exported[years[1]], changed, victim)
    assert verify_archive(changed).ok
    with pytest.raises(DomainError, match="چکیده"):
        import_archive(empty, changed)
    assert snapshot(tmp_path / "empty.sqlite3") == before


def _rewrite_with_manifest(source: Path, target: Path, victim: str) -> None:
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read(victim)
    altered = data[:50] + bytes([data[50] ^ 1]) + data[51:]
    for entry in manifest["files"]:
        if entry["path"] == victim:
            entry["sha256"] = hashlib.sha256(altered).hexdigest()

    def change(name: str, content: bytes) -> bytes:
        if name == victim:
            return altered
        if name == "manifest.json":
            return json.dumps(manifest).encode("utf-8")
        return content

    rewrite_zip(source, target, change=change)


def test_a_tampered_zip_is_not_imported(exported, years, empty, empty_secretariat, tmp_path):
    target = tmp_path / "tampered.zip"
    rewrite_zip(exported[years[0]], target, add={"extra.txt": b"x"})
    with pytest.raises(DomainError, match="extra.txt"):
        import_archive(empty, target)
    assert empty_secretariat.council.get() is None


def test_a_newer_version_a_foreign_json_and_a_corrupt_file_are_refused(
    exported, years, empty, empty_secretariat, tmp_path
):
    data = records(exported[years[0]])
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**data, "version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(DomainError, match="نسخه تازه‌تری"):
        import_archive(empty, newer)
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"name": "something else"}), encoding="utf-8")
    with pytest.raises(DomainError, match="بایگانی دبیرخانه نیست"):
        import_archive(empty, foreign)
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DomainError):
        import_archive(empty, garbage)
    bad_field = tmp_path / "bad-field.json"
    data["tables"]["meetings"][0]["status"] = "maybe"
    bad_field.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DomainError, match="meetings.*status"):
        import_archive(empty, bad_field)
    assert empty_secretariat.council.get() is None


def test_a_bare_json_file_imports_the_records_without_the_files(exported, years, empty, tmp_path):
    data = records(exported[years[-1]])
    path = tmp_path / "records.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert result.attachments == 0 and result.attachments_skipped == len(data["tables"]["attachments"]) > 0
    assert "پیوست وارد نشد" in result.summary()
    assert result.follow_ups == len(data["tables"]["follow_ups"])


def test_corrected_and_voided_entries_travel_with_the_year_and_still_do_not_count(
    exported, years, empty, empty_secretariat
):
    data = records(exported[years[-1]])
    entries = {row["key"]: row for row in data["tables"]["follow_ups"]}
    corrections = data["tables"]["follow_up_corrections"]
    [corrected] = [c for c in corrections if c["replacement"]]
    [voided] = [c for c in corrections if not c["replacement"]]
    assert corrected["reason"] and corrected["recorded_by"] and corrected["recorded_at_jalali"]
    original, correction = entries[corrected["entry"]], entries[corrected["replacement"]]
    assert original["resolution"] == correction["resolution"] == entries[voided["entry"]]["resolution"]
    assert re.fullmatch(rf"{re.escape(original['resolution'])}/\d+", original["key"])

    import_archive(empty, exported[years[-1]])
    followup = empty_secretariat.followup
    resolution_id = empty_secretariat.register.id_of_code(original["resolution"])
    log = followup.log(resolution_id)
    taken_back = [entry for entry in log if not entry.in_force]
    assert sorted(entry.withdrawal.voided for entry in taken_back) == [False, True]
    [replacement] = [entry for entry in log if entry.corrects_id is not None]
    [was_corrected] = [entry for entry in taken_back if not entry.withdrawal.voided]
    assert (
        replacement.corrects_id
        == was_corrected.id
        == next(e.id for e in log if e.withdrawal and e.withdrawal.replacement_id == replacement.id)
    )
    assert (replacement.progress, was_corrected.progress) == (correction["progress"], original["progress"])
    assert was_corrected.withdrawal.reason == corrected["reason"]


def _as_version_1(data: dict) -> dict:
    """``data`` as schema version 1 wrote it: no corrections, no entry keys, no numbering starts."""
    data["version"] = 1
    del data["tables"]["follow_up_corrections"], data["counts"]["follow_up_corrections"]
    for entry in data["tables"]["follow_ups"]:
        del entry["key"]
    for field in [name for name in data["council"] if "_first_" in name]:
        del data["council"][field]
    return data


def test_an_archive_of_schema_version_1_imports_with_every_entry_in_force(exported, years, empty, tmp_path):
    """Written before corrections existed: no entry keys, no table of corrections."""
    data = _as_version_1(records(exported[years[-1]]))
    path = tmp_path / "version-1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert result.follow_ups == len(data["tables"]["follow_ups"])
    followup = Secretariat(empty).followup
    with empty.reading() as session:
        resolution_ids = session.scalars(select(Resolution.id)).all()
    logs = [entry for resolution_id in resolution_ids for entry in followup.log(resolution_id)]
    assert len(logs) == len(data["tables"]["follow_ups"]) and all(entry.in_force for entry in logs)


def test_another_councils_archive_is_refused(exported, years, empty, empty_secretariat):
    empty_secretariat.council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی‌های شهرستان دماوند"))
    with pytest.raises(DomainError, match="دماوند"):
        import_archive(empty, exported[years[0]])


def test_a_register_that_exists_is_matched_and_kept(exported, years, empty, empty_secretariat):
    """Agencies matched in any spelling; a different current PR manager is kept, and the result says so."""
    empty_secretariat.council.create(CouncilDraft(name=COUNCIL.name.replace("ی", "ي")))
    agencies = empty_secretariat.agencies
    agency = agencies.add(AgencyDraft(name="شهرداري  پرديس", category="municipality"))
    people = empty_secretariat.people
    person = people.add(PersonDraft(full_name="کسی دیگر"))
    people.appoint(
        AppointmentDraft(agency_id=agency.id, person_id=person.id, role="pr_manager", start_date="1400/01/01")
    )
    result = import_archive(empty, exported[years[-1]])
    assert result.agencies_matched == 1
    assert agencies.find_by_name("شهرداری پردیس").id == agency.id
    assert any("شهرداری پردیس" in note for note in result.notes)
    assert people.current_pr_manager(agency.id).full_name == "کسی دیگر"


def test_a_database_with_other_meetings_in_that_year_is_refused(exported, years, db, tmp_path):
    with db.transaction() as session:
        for meeting in session.scalars(select(Meeting).where(Meeting.jalali_year == years[-1])):
            meeting.number = (meeting.number or 0) + 50
    with pytest.raises(DomainError, match="از پیش") as refusal:
        import_archive(db, exported[years[-1]])
    assert ALREADY_IMPORTED not in refusal.value.message


def test_a_cancelled_import_changes_nothing(exported, years, empty, empty_secretariat, tmp_path):
    calls = []
    with pytest.raises(ReportCancelled):
        import_archive(
            empty, exported[years[0]], progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) > 3
        )
    assert empty_secretariat.council.get() is None


def test_a_deferral_to_a_meeting_of_another_year_is_linked_when_that_meeting_is_there(db, years, tmp_path):
    """A resolution of the earlier year referred to a meeting of the later one."""
    with db.transaction() as session:
        target = session.scalar(
            select(Meeting)
            .where(Meeting.jalali_year == years[1], Meeting.status == "planned")
            .order_by(Meeting.date)
            .limit(1)
        )
        resolution = session.scalar(
            select(Resolution)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(Meeting.jalali_year == years[0])
            .order_by(Resolution.id)
            .limit(1)
        )
        resolution.status, resolution.deferred_to_meeting_id = "deferred", target.id
        code = resolution.code
    earlier = export_archive(db, years[0], tmp_path / "earlier.zip").path
    later = export_archive(db, years[1], tmp_path / "later.zip").path
    row = next(r for r in records(earlier)["tables"]["resolutions"] if r["code"] == code)
    assert row["deferred_to_meeting"].startswith(f"{years[1]}-")

    alone = open_database(tmp_path / "alone.sqlite3")
    try:
        result = import_archive(alone, earlier)
        assert any(code in note for note in result.notes)
        with alone.reading() as session:
            assert (
                session.scalar(select(Resolution.deferred_to_meeting_id).where(Resolution.code == code))
                is None
            )
    finally:
        alone.close()

    both = open_database(tmp_path / "both.sqlite3")
    try:
        import_archive(both, later)
        assert import_archive(both, earlier).notes == ()
        again = export_archive(both, years[0], tmp_path / "again.zip").path
        with zipfile.ZipFile(earlier) as first, zipfile.ZipFile(again) as second:
            assert first.read("data/records.json") == second.read("data/records.json")
    finally:
        both.close()


# -- where the numbers begin ------------------------------------------------------------------


def test_where_a_councils_numbers_begin_travels_in_its_archive(empty, empty_secretariat, tmp_path):
    # A council that moved from paper at its 30th meeting (the 5th of 1404), and at its 4th
    # general assembly: an empty database that imports its archive goes on from there.
    source = open_database(tmp_path / "source.sqlite3")
    council = Council(source)
    starts = (NumberingStartDraft("council", "30", "5"), NumberingStartDraft("general_assembly", "4", "2"))
    council.secretariat.council.update(CouncilDraft(name=council.council.name, numbering=starts))
    council.agency("اداره بهزیستی")
    council.hold(council.plan("1404/07/15").id)
    path = export_archive(source, 1404, tmp_path / "archive-1404.zip").path
    row = records(path)["council"]
    source.close()
    assert (row["council_first_number"], row["council_first_year_number"]) == (30, 5)
    assert (row["general_assembly_first_number"], row["working_group_first_number"]) == (4, 1)

    import_archive(empty, path)

    numbering = {state.start.series.value: state for state in empty_secretariat.council.numbering()}
    assert numbering["council"].start.number == 30 and numbering["council"].fixed
    assert numbering["general_assembly"].start == NumberingStart(
        numbering["general_assembly"].start.series, 4, 2
    )
    assert not numbering["general_assembly"].fixed
    plan = empty_secretariat.meetings.plan
    assert plan(MeetingDraft(date="1404/09/15")).meeting.number == 31
    assert plan(MeetingDraft(kind="general_assembly", date="1404/09/20")).meeting.title == (
        "چهارمین جلسه مجمع عمومی"
    )


def test_an_archive_written_before_numbering_starts_reads_them_as_one(exported, years, empty, tmp_path):
    path = tmp_path / "older.json"
    path.write_text(
        json.dumps(_as_version_1(records(exported[years[0]])), ensure_ascii=False), encoding="utf-8"
    )
    import_archive(empty, path)
    assert all(
        state.start.number == state.start.year_number == 1 for state in Secretariat(empty).council.numbering()
    )


def test_an_archive_of_this_version_without_the_numbering_starts_is_refused(exported, years, empty, tmp_path):
    data = records(exported[years[0]])
    del data["council"]["council_first_number"]
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError, match="council_first_number"):
        import_archive(empty, path)


def test_a_number_in_the_year_above_the_first_number_is_refused(exported, years, empty, tmp_path):
    data = records(exported[years[0]])
    data["council"]["working_group_first_year_number"] = 9
    data["council"]["working_group_first_number"] = 3
    path = tmp_path / "bad-start.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError, match="working_group_first_year_number"):
        import_archive(empty, path)
    assert Secretariat(empty).council.get() is None
