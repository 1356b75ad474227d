"""A hostile archive: one value of ``data/records.json`` changed, the manifest re-hashed to agree.

Each rule of the import's value checks has its test: the archive passes the
check of its manifest, and the import refuses it in Persian naming the
record, the table, the row and the field; the command line exits 2; the
database is left as it was. And a zip bomb is refused within its ceiling.

Every rule runs twice: imported into a SQLite file, and into a PostgreSQL
database when the test server's URL is set (see ``tests/support/backends.py``);
the zip bomb, which measures the memory of a process, on SQLite only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from secretariat.archive import export_archive, import_archive
from secretariat.archive.limits import ATTACHMENT_MAX_BYTES, RECORDS_MAX_BYTES
from secretariat.archive.values import LONG_TEXT_MAX
from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from tests.support.archive import tampered, yearbook_available
from tests.support.backends import BACKENDS, fresh_postgres, table_rows

ROOT = Path(__file__).resolve().parents[2]
RECORDS = "data/records.json"
Data = dict[str, Any]


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture(scope="module")
def archives(demo_path, tmp_path_factory) -> dict[int, Path]:
    """The demo council's archive of each year, made once: ``{year: path}``."""
    folder = tmp_path_factory.mktemp("tamper")
    with Secretariat.open(demo_path) as secretariat:
        years = sorted(secretariat.meetings.years())
    database = open_database(demo_path)
    try:
        return {year: export_archive(database, year, folder / f"archive-{year}.zip").path for year in years}
    finally:
        database.close()


@pytest.fixture
def latest(archives) -> Path:
    return archives[max(archives)]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path) -> str:
    """The database the tampered archive is imported into (empty, or as a test prepares it):
    a SQLite file's path, or the PostgreSQL test database's URL (its schema wiped)."""
    if request.param == "postgresql":
        return fresh_postgres()
    return str(tmp_path / "target.sqlite3")


def snapshot(target: str) -> dict[str, list[tuple]]:
    """Every row of every table of the target (a SQLite file or a PostgreSQL database), ordered."""
    return table_rows(target)


def records(archive: Path) -> Data:
    with zipfile.ZipFile(archive) as z:
        data: Data = json.loads(z.read(RECORDS))
        return data


def assert_refused(target: str, archive: Path, *fragments: str, capsys) -> str:
    """Refused by the import (naming ``fragments``) and by the command line (exit 2); nothing changed."""
    database = open_database(target)
    try:
        before = snapshot(target)
        with pytest.raises(DomainError) as refused:
            import_archive(database, archive)
        message = str(refused.value)
        for fragment in fragments:
            assert fragment in message, f"«{fragment}» not in «{message}»"
        assert "چیزی وارد نشد" in message
        assert snapshot(target) == before
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--db", str(target), "archive", "import", str(archive)]) == 2
    assert fragments[0] in capsys.readouterr().err
    assert snapshot(target) == before
    return message


def p(value: object) -> str:
    return to_persian_digits(value)


def row(data: Data, table: str, **match: Any) -> dict[str, Any]:
    """The first row of ``table`` whose fields have the values ``match``."""
    found: dict[str, Any] = next(r for r in data["tables"][table] if all(r[k] == v for k, v in match.items()))
    return found


def place(data: Data, table: str, found: dict[str, Any], field: str) -> str:
    """«جدول meetings، ردیف ۳، ستون date», as a refusal gives it."""
    number = next(i for i, r in enumerate(data["tables"][table], start=1) if r is found)
    return f"جدول {table}، ردیف {p(number)}، ستون {field}"


# -- one test per rule --------------------------------------------------------------------------


def _refuse_edit(latest, tmp_path, target, capsys, edit: Callable[[Data], tuple[str, ...]]) -> str:
    data = records(latest)
    fragments = edit(data)
    archive = tampered(latest, tmp_path / "tampered.zip", data)
    return assert_refused(target, archive, *fragments, capsys=capsys)


def _finalized(data: Data) -> dict[str, Any]:
    return row(data, "meetings", status="finalized")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_a_meeting_dated_out_of_range_is_refused(latest, tmp_path, target, capsys, date):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        meeting["date"] = date
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "date"), f"تاریخ {p(date[:4])}"

    message = _refuse_edit(latest, tmp_path, target, capsys, edit)
    assert "پذیرفتنی نیست" in message and RECORDS in message


def test_any_date_out_of_range_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        follow_up = data["tables"]["follow_ups"][0]
        follow_up["recorded_at"] = "0001-01-01T00:00:00"
        return f"پیگیری مصوبه {p(follow_up['resolution'])}", place(
            data, "follow_ups", follow_up, "recorded_at"
        )

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_meeting_dated_outside_its_year_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        meeting["date"] = jalali.from_jalali(data["year"] - 1, 6, 1).isoformat()
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "jalali_year")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_negative_meeting_number_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        meeting["number"] = -3
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "number"), p(-3)

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_every_meeting_numbered_1_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        council = [
            m for m in data["tables"]["meetings"] if m["number"] is not None and m["kind"] == "regular"
        ]
        for meeting in data["tables"]["meetings"]:
            if meeting["number"] is not None:
                meeting["number"] = 1
        second = council[1]
        return f"جلسه {p(second['key'])}", place(data, "meetings", second, "number"), "جلسه دیگری"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_meeting_without_a_number_unless_cancelled_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = row(data, "meetings", status="held")
        meeting["year_number"] = None
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "year_number")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_meeting_number_of_another_year_in_the_database_is_refused(archives, tmp_path, target, capsys):
    earlier, later = sorted(archives)
    database = open_database(target)
    try:
        import_archive(database, archives[earlier])
    finally:
        database.close()
    taken = records(archives[earlier])["tables"]["meetings"][0]["number"]

    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        meeting["number"] = taken
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "number"), f"سال {p(earlier)}"

    _refuse_edit(archives[later], tmp_path, target, capsys, edit)


def test_finalized_minutes_without_attendance_are_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        invitation = row(data, "invitations", meeting=meeting["key"], attendance="present")
        invitation["attendance"] = "unknown"
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "status"), "حضور و غیاب"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_held_meeting_in_the_future_is_refused(latest, tmp_path, target, capsys):
    data = records(latest)
    year = data["year"]
    future = min(dt.date.today() + dt.timedelta(days=10), jalali.from_jalali(year, 12, 29))
    if future <= dt.date.today():
        pytest.skip("the archive's year has no day left in the future")

    def edit(data: Data) -> tuple[str, ...]:
        meeting = row(data, "meetings", status="held")
        meeting["date"] = future.isoformat()
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "date"), "هنوز نرسیده"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_cancelled_meeting_without_its_reason_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = row(data, "meetings", status="cancelled")
        meeting["cancel_reason"] = " \u200c "
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "cancel_reason"), "دلیل لغو"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_meeting_times_out_of_order_are_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        meeting = _finalized(data)
        meeting["start_time"], meeting["end_time"] = "11:00", "09:00"
        return f"جلسه {p(meeting['key'])}", place(data, "meetings", meeting, "end_time")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_two_agenda_items_in_one_place_are_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        first = data["tables"]["agenda_items"][0]
        second = row(data, "agenda_items", meeting=first["meeting"], position=2)
        second["position"] = 1
        return f"بند دستور کار {p(second['key'])}", place(data, "agenda_items", second, "position")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


@pytest.mark.parametrize("name", ["", "   ", "\u200c\u200f"])
def test_an_empty_agency_name_is_refused(latest, tmp_path, target, capsys, name):
    def edit(data: Data) -> tuple[str, ...]:
        agency = data["tables"]["agencies"][3]
        agency["name"] = name
        return f"دستگاه {p(agency['key'])}", place(data, "agencies", agency, "name"), "خالی است"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


@pytest.mark.parametrize(
    ("table", "field", "char"),
    [
        ("agencies", "name", "\x00"),
        ("people", "full_name", "\x1b"),
        ("resolutions", "text", "\x07"),
        ("follow_ups", "note", "\ud800"),
    ],
    ids=["NUL in a name", "ESC in a name", "BEL in a text", "half a surrogate pair"],
)
def test_a_control_character_is_refused(latest, tmp_path, target, capsys, table, field, char):
    def edit(data: Data) -> tuple[str, ...]:
        found = data["tables"][table][1]
        found[field] = found[field][:3] + char + found[field][3:]
        return place(data, table, found, field), f"U+{ord(char):04X}"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_name_on_two_lines_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        person = data["tables"]["people"][0]
        person["full_name"] += "\nمدیر کل"
        return f"فرد {p(person['key'])}", place(data, "people", person, "full_name"), "یک سطر"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


@pytest.mark.parametrize(
    ("table", "field", "length"),
    [
        ("agencies", "name", 201),
        ("resolutions", "text", 3_001),
        ("follow_ups", "note", 4_001),
        ("agenda_items", "summary", LONG_TEXT_MAX + 1),
    ],
    ids=[
        "a name longer than its form allows",
        "a resolution longer than its form allows",
        "a follow-up note longer than its form allows",
        "a summary longer than the long-text limit",
    ],
)
def test_a_text_too_long_is_refused(latest, tmp_path, target, capsys, table, field, length):
    def edit(data: Data) -> tuple[str, ...]:
        found = data["tables"][table][0]
        found[field] = ("الف" * length)[:length]
        return place(data, table, found, field), p(length)

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_an_agency_twice_in_another_spelling_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        first, second = data["tables"]["agencies"][:2]
        second["name"] = first["name"].replace("ی", "ي")
        return f"دستگاه {p(second['key'])}", place(data, "agencies", second, "name"), "دستگاه دیگری"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_term_ending_before_it_starts_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        term = data["tables"]["representations"][0]
        term["end_date"] = (dt.date.fromisoformat(term["start_date"]) - dt.timedelta(days=1)).isoformat()
        return f"سمت {p(term['key'])}", place(data, "representations", term, "end_date")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_two_resolutions_with_one_number_in_a_meeting_are_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        first = data["tables"]["resolutions"][0]
        second = row(data, "resolutions", meeting=first["meeting"], number=first["number"] + 1)
        second["number"] = first["number"]
        return f"مصوبه {p(second['code'])}", place(data, "resolutions", second, "number")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_resolution_number_below_1_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = data["tables"]["resolutions"][0]
        resolution["number"] = 0
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "number")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_repeated_code_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        first, second = data["tables"]["resolutions"][:2]
        second["code"] = first["code"]
        return f"مصوبه {p(first['code'])}", place(data, "resolutions", second, "code"), "تکراری"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_resolution_of_a_meeting_not_held_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = data["tables"]["resolutions"][0]
        resolution["meeting"] = row(data, "meetings", status="planned")["key"]
        resolution["agenda_item"] = None
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "meeting")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_done_resolution_without_evidence_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = row(data, "resolutions", status="done")
        resolution["completion_evidence"] = ""
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "completion_evidence")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_closed_resolution_without_its_date_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = row(data, "resolutions", status="done")
        resolution["closed_on"] = None
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "closed_on")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_an_open_resolution_with_a_closing_date_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = row(data, "resolutions", status="in_progress")
        resolution["closed_on"] = data["tables"]["meetings"][0]["date"]
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "closed_on")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_cancelled_resolution_without_its_reason_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = row(data, "resolutions", status="in_progress")
        resolution.update(status="cancelled", status_note="", closed_on=dt.date.today().isoformat())
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "status_note")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_deadline_before_the_meeting_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = data["tables"]["resolutions"][0]
        meeting = row(data, "meetings", key=resolution["meeting"])
        before = dt.date.fromisoformat(meeting["date"]) - dt.timedelta(days=3)
        resolution["due_date"], resolution["due_next_meeting"] = before.isoformat(), False
        return f"مصوبه {p(resolution['code'])}", place(data, "resolutions", resolution, "due_date")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_resolution_without_its_lead_agency_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        resolution = data["tables"]["resolutions"][2]
        data["tables"]["assignments"] = [
            a for a in data["tables"]["assignments"] if a["resolution"] != resolution["code"]
        ]
        number = data["tables"]["resolutions"].index(resolution) + 1
        return f"مصوبه {p(resolution['code'])}", f"جدول resolutions، ردیف {p(number)}", "مسئول اجرا"

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_follow_up_before_its_meeting_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        follow_up = data["tables"]["follow_ups"][0]
        resolution = row(data, "resolutions", code=follow_up["resolution"])
        meeting = row(data, "meetings", key=resolution["meeting"])
        follow_up["date"] = (dt.date.fromisoformat(meeting["date"]) - dt.timedelta(days=1)).isoformat()
        return f"پیگیری مصوبه {p(follow_up['resolution'])}", place(data, "follow_ups", follow_up, "date")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_progress_over_100_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        follow_up = data["tables"]["follow_ups"][-1]
        follow_up["progress"] = 150
        return f"پیگیری مصوبه {p(follow_up['resolution'])}", place(data, "follow_ups", follow_up, "progress")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_an_entry_taken_back_twice_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        corrections = data["tables"]["follow_up_corrections"]
        twice = dict(corrections[0], replacement=None, reason="دوباره")
        corrections.append(twice)
        return f"اصلاح پیگیری {p(twice['entry'])}", place(data, "follow_up_corrections", twice, "entry")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_a_correction_from_another_resolution_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        correction = next(c for c in data["tables"]["follow_up_corrections"] if c["replacement"])
        corrected = row(data, "follow_ups", key=correction["entry"])
        taken = {c["replacement"] for c in data["tables"]["follow_up_corrections"]}
        other = next(
            f
            for f in data["tables"]["follow_ups"]
            if f["resolution"] != corrected["resolution"] and f["key"] not in taken
        )
        correction["replacement"] = other["key"]
        return "از مصوبه دیگری", place(data, "follow_up_corrections", correction, "replacement")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("resolutions", "meeting", "1405-99"),
        ("follow_ups", "resolution", "1405-99-01"),
        ("invitations", "attendee", "P9999"),
        ("follow_up_corrections", "entry", "1405-99-01/1"),
    ],
)
def test_a_dangling_reference_is_refused(latest, tmp_path, target, capsys, table, field, value):
    def edit(data: Data) -> tuple[str, ...]:
        found = data["tables"][table][0]
        found[field] = value
        return place(data, table, found, field), value

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_an_attachment_said_to_be_over_the_limit_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        attachment = data["tables"]["attachments"][0]
        attachment["size"] = 600 * 1024 * 1024
        return f"پیوست {p(attachment['key'])}", place(data, "attachments", attachment, "size"), p(600)

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_an_attachment_outside_the_attachments_folder_is_refused(latest, tmp_path, target, capsys):
    def edit(data: Data) -> tuple[str, ...]:
        attachment = data["tables"]["attachments"][0]
        attachment["path"] = RECORDS
        return f"پیوست {p(attachment['key'])}", place(data, "attachments", attachment, "path")

    _refuse_edit(latest, tmp_path, target, capsys, edit)


def test_attachment_bytes_over_the_limit_are_refused_before_they_are_read(latest, tmp_path, target, capsys):
    """Records and manifest agree with a file past the limit of attach: refused on its declared size."""
    data = records(latest)
    big = b"%PDF-1.4\n" + bytes(ATTACHMENT_MAX_BYTES)
    attachment = data["tables"]["attachments"][0]
    attachment.update(size=len(big), sha256=hashlib.sha256(big).hexdigest(), path="attachments/big.pdf")
    archive = tampered(latest, tmp_path / "big.zip", data, files={"attachments/big.pdf": big})
    del big
    assert_refused(target, archive, "attachments/big.pdf", "مگابایت", capsys=capsys)


# -- a zip bomb --------------------------------------------------------------------------------

_MEASURE = """
import resource, sys
from secretariat.archive import import_archive
from secretariat.database import open_database
from secretariat.errors import DomainError
database = open_database(sys.argv[1])
try:
    import_archive(database, sys.argv[2])
except DomainError as error:
    print("refused:", error)
# The peak of this process's own memory: on Linux VmHWM, as ru_maxrss also counts the memory of
# the process it was started from (pytest's, at the fork).
try:
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak_kb // 1024)
"""


def test_a_zip_bomb_is_refused_within_its_ceiling(latest, tmp_path):
    """records.json as 256 MB of zeros (a few hundred kilobytes compressed), listed in the manifest:
    refused on its declared size, the process never near the size it would inflate to."""
    size = RECORDS_MAX_BYTES + 56 * 1024 * 1024
    chunk = bytes(1 << 20)
    digest = hashlib.sha256()
    for _ in range(size // len(chunk)):
        digest.update(chunk)
    with zipfile.ZipFile(latest) as z:
        manifest = json.loads(z.read("manifest.json"))
    for entry in manifest["files"]:
        if entry["path"] == RECORDS:
            entry.update(size=size, sha256=digest.hexdigest())
    bomb = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(latest) as old,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for info in old.infolist():
            if info.filename == RECORDS:
                zeros = zipfile.ZipInfo(RECORDS, info.date_time)
                zeros.compress_type = zipfile.ZIP_DEFLATED
                with new.open(zeros, "w", force_zip64=True) as member:
                    for _ in range(size // len(chunk)):
                        member.write(chunk)
            elif info.filename == "manifest.json":
                new.writestr(info, json.dumps(manifest))
            else:
                new.writestr(info, old.read(info))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path / "target.sqlite3"), str(bomb)],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        check=True,
    )
    out = done.stdout.decode("utf-8").splitlines()
    assert "refused:" in out[0] and RECORDS in out[0] and "مگابایت" in out[0]
    peak_mb = int(out[-1])
    assert peak_mb < 160, f"refusing the bomb took {peak_mb} MB"  # the bomb inflates to 256 MB
