"""The monthly reports in the yearly archive (schema version 3): every version with its
corrections and voids, the figures, the files, the indicators, the exemptions and the due
day travel with the year, come back the same, and a tampered one is refused whole."""

from __future__ import annotations

import hashlib
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import pytest

from secretariat.archive import export_archive, import_archive
from secretariat.archive.schema import SCHEMA_VERSION, TABLES
from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.meetings.attachments import IncomingFile
from secretariat.monthly.indicators import IndicatorDraft
from secretariat.monthly.matrix import MatrixQuery
from secretariat.monthly.months import Month, months_of
from secretariat.monthly.reports import MonthlyReportDraft
from secretariat.persian.text import to_persian_digits
from tests.support import files
from tests.support.archive import import_in_year, rewrite_zip, tampered, yearbook_available
from tests.support.backends import BACKENDS, fresh_postgres, table_rows
from tests.support.meetings import Council
from tests.support.monthly import add_agency, figures_for_required, fix_today

YEAR = 1405
DATA_FILES = ("data/records.json", *(f"data/csv/{table.name}.csv" for table in TABLES))
SPORT, BANK, FRESH, IDLE = "اداره کل ورزش و جوانان", "بانک ملی", "اداره کل تازه", "اداره ثبت اسناد"
MONTHS = (Month(1404, 12), *months_of(YEAR))


@pytest.fixture(scope="module", autouse=True)
def yearbook():
    with yearbook_available():
        yield


@pytest.fixture(autouse=True)
def today(monkeypatch):
    fix_today(monkeypatch)  # 1405/08/12


def draft(
    secretariat: Secretariat, agency: int, month: str, received: str, **fields: Any
) -> MonthlyReportDraft:
    figures = {**figures_for_required(secretariat), **fields.pop("figures", {})}
    return MonthlyReportDraft(agency_id=agency, month=month, received_on=received, figures=figures, **fields)


def build(secretariat: Secretariat) -> None:
    """A council's 1405: late and on-time reports, a correction keeping its file, one voided,
    one moved from Esfand 1404 into Farvardin, files, exemptions, its own indicators and due day."""
    council = Council(secretariat)
    sport = add_agency(secretariat, SPORT)
    bank = add_agency(secretariat, BANK, category="bank")
    fresh = add_agency(secretariat, FRESH, joined_on="1405/05/10")
    add_agency(secretariat, IDLE)  # sends nothing: every month missing, still in the year
    council.hold(council.plan("1405/07/15").id)
    secretariat.council_settings.set_monthly_due_day(7)
    indicators = {indicator.name: indicator for indicator in secretariat.indicators.list()}
    hours = indicators["ساعت آموزش کارکنان روابط عمومی"]
    site = indicators["به\u200cروزرسانی وبگاه دستگاه"]
    news = indicators["اخبار و گزارش\u200cهای منتشرشده"]
    press = secretariat.indicators.add(IndicatorDraft(name="بازدیدهای رسانه\u200cای", unit="مورد"))
    printed = secretariat.indicators.add(IndicatorDraft(name="خبرنامه چاپی", unit="شماره"))
    reports = secretariat.monthly_reports

    reports.record(
        draft(
            secretariat,
            sport,
            "1405/06",
            "1405/07/09",  # due 1405/07/07: 2 days late
            figures={press.id: "5", hours.id: "۱۲٫۵", site.id: "بله"},
            via="email",
            letter_number="۴۵۶/ر",
            letter_date="1405/07/08",
            note="با پیوست تصاویر",
            recorded_by="زهرا موسوی",
        )
    )
    mehr = reports.record(
        draft(
            secretariat,
            sport,
            "1405/07",
            "1405/08/03",
            figures={printed.id: "2", news.id: "40"},
            file=IncomingFile("گزارش مهر.pdf", files.pdf("mehr"), None),
        )
    )
    reports.correct(
        mehr.id,
        draft(secretariat, sport, "1405/07", "1405/08/03", figures={printed.id: "2", news.id: "44"}),
        reason="رقم اخبار اشتباه خوانده شده بود",
        by="زهرا موسوی",
    )
    secretariat.indicators.retire(printed.id)
    voided = reports.record(draft(secretariat, bank, "1405/07", "1405/08/01"))
    reports.void(voided.id, reason="گزارش دستگاه دیگری بود", by="دبیرخانه")
    reports.record(
        draft(
            secretariat, bank, "1405/06", "1405/07/05", file=IncomingFile("shahrivar.png", files.png(), None)
        )
    )
    reports.exempt(bank, "1405/05", reason="ادغام با سازمان دیگر")
    reports.exempt(fresh, "1405/06", reason="تغییر مدیر روابط عمومی")
    wrong_year = reports.record(draft(secretariat, bank, "1404/12", "1405/01/10"))
    reports.correct(wrong_year.id, draft(secretariat, bank, "1405/01", "1405/01/10"), reason="ماه اشتباه")


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, Path]:
    """The council's database and its 1405 archive, made once: tests copy before changing either."""
    folder = tmp_path_factory.mktemp("monthly-archive")
    with pytest.MonkeyPatch.context() as patch:
        fix_today(patch)
        database = open_database(folder / "source.sqlite3")
        try:
            build(Secretariat(database))
            archive = export_archive(database, YEAR, folder / f"archive-{YEAR}.zip").path
        finally:
            database.close()
    return folder / "source.sqlite3", archive


@pytest.fixture
def archive(source) -> Path:
    return source[1]


@pytest.fixture
def empty(tmp_path):
    database = open_database(tmp_path / "empty.sqlite3")
    yield database
    database.close()


def records(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        data: dict[str, Any] = json.loads(archive.read("data/records.json"))
        return data


def picture(secretariat: Secretariat) -> dict[str, Any]:
    """What a user sees of the year: the matrix, and every version of every month with its
    figures (by indicator name), its file's bytes and what it corrects."""
    matrix = secretariat.monthly_matrix.year(MatrixQuery(YEAR))
    names = {indicator.id: indicator.name for indicator in secretariat.indicators.list(include_retired=True)}
    reports = secretariat.monthly_reports
    history = {}
    for row in matrix.rows:
        for month in MONTHS:
            history[(row.agency, month.key)] = [
                (
                    version.received_on,
                    version.via,
                    version.letter_number,
                    version.letter_date,
                    version.note,
                    version.recorded_by,
                    version.in_force,
                    version.reason,
                    version.voided_reason,
                    version.voided_by,
                    {names[indicator]: value for indicator, value in version.figures.items()},
                    reports.file_content(version.file.id) if version.file else None,
                    reports.get(version.replaces_id).month.key if version.replaces_id else None,
                )
                for version in reports.of_month(row.agency_id, month).history
            ]
    return {
        "due_day": matrix.due_day,
        "matrix": [
            (row.agency, [(cell.state.value, cell.late_days, cell.reason) for cell in row.cells])
            for row in matrix.rows
        ],
        "history": history,
    }


# -- export ---------------------------------------------------------------------------------


def test_the_archive_holds_every_version_its_figures_files_indicators_and_exemptions(archive):
    data = records(archive)
    assert data["version"] == SCHEMA_VERSION >= 3
    tables = data["tables"]
    assert data["council"]["monthly_due_day"] == 7
    agencies = {row["key"]: row["name"] for row in tables["agencies"]}
    assert set(agencies.values()) == {SPORT, BANK, FRESH, IDLE}
    reports = {row["key"]: row for row in tables["monthly_reports"]}
    assert len(reports) == 7  # Sport: Shahrivar, Mehr twice; Bank: Mehr voided, Shahrivar, Esfand 1404 moved
    corrected = next(row for row in reports.values() if row["reason"] == "رقم اخبار اشتباه خوانده شده بود")
    first = reports[corrected["replaces"]]
    assert (first["in_force"], corrected["in_force"]) == (False, True)
    assert first["file"] == corrected["file"] is not None  # the file kept by the correction, listed once
    assert corrected["recorded_by"] == "زهرا موسوی" and corrected["recorded_at_jalali"]
    [voided] = [row for row in reports.values() if row["voided_at"]]
    assert (voided["in_force"], voided["voided_reason"], voided["voided_by"]) == (
        False,
        "گزارش دستگاه دیگری بود",
        "دبیرخانه",
    )
    moved = next(row for row in reports.values() if row["reason"] == "ماه اشتباه")
    assert (moved["year"], moved["month"]) == (1405, 1)
    assert (reports[moved["replaces"]]["year"], reports[moved["replaces"]]["month"]) == (1404, 12)
    assert reports[moved["replaces"]]["key"].endswith("/1404-12/1")
    indicators = {row["key"]: row for row in tables["indicators"]}
    by_name = {row["name"]: row for row in indicators.values()}
    assert by_name["خبرنامه چاپی"]["retired"] is True and by_name["بازدیدهای رسانه\u200cای"]["unit"] == "مورد"
    assert by_name["ساعت آموزش کارکنان روابط عمومی"]["kind"] == "hours"
    values = {
        (row["report"], indicators[row["indicator"]]["name"]): row["value"]
        for row in tables["monthly_figures"]
    }
    assert values[(corrected["key"], "اخبار و گزارش\u200cهای منتشرشده")] == 44
    assert values[(first["key"], "اخبار و گزارش\u200cهای منتشرشده")] == 40
    assert 12.5 in values.values()
    exemptions = {
        (agencies[row["agency"]], row["month"]): row["reason"] for row in tables["monthly_exemptions"]
    }
    assert exemptions == {(BANK, 5): "ادغام با سازمان دیگر", (FRESH, 6): "تغییر مدیر روابط عمومی"}
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert manifest["counts"]["monthly_reports"] == 7 and manifest["counts"]["report_files"] == 2
        for row in tables["report_files"]:
            assert row["path"].startswith("monthly_reports/1405-")
            assert hashlib.sha256(z.read(row["path"])).hexdigest() == row["sha256"]
        readme = z.read("README.txt").decode("utf-8-sig")
        csv_reports = z.read("data/csv/monthly_reports.csv").decode("utf-8-sig")
    assert "گزارش\u200cهای ماهانه" in readme and "monthly_reports/" in readme
    assert csv_reports.splitlines()[0].startswith("key,agency,year,month,received_on,received_on_jalali")


# -- import ---------------------------------------------------------------------------------


def test_imported_into_an_empty_database_the_year_reads_the_same_and_exports_the_same(
    source, archive, empty, tmp_path, monkeypatch
):
    import_in_year(monkeypatch, YEAR + 1)  # the trail of the import itself is of another year
    database_path, _ = source
    with Secretariat.open(database_path) as secretariat:
        before = picture(secretariat)
    result = import_archive(empty, archive)
    assert (result.monthly_reports, result.monthly_exemptions, result.report_files) == (7, 2, 2)
    assert result.indicators_added == 2  # the council's own two; the defaults are matched by name
    assert "گزارش\u200cهای ماهانه" in result.summary()
    imported = Secretariat(empty)
    after = picture(imported)
    assert after == before
    assert after["due_day"] == 7
    assert [state for state, _days, _reason in dict(after["matrix"])[SPORT][5:7]] == ["late", "on_time"]
    again = export_archive(empty, YEAR, tmp_path / "again.zip").path
    with zipfile.ZipFile(archive) as first, zipfile.ZipFile(again) as second:
        for name in DATA_FILES:
            assert first.read(name) == second.read(name), name
        names = [name for name in first.namelist() if name.startswith("monthly_reports/")]
        assert len(names) == 2 and all(first.read(name) == second.read(name) for name in names)


def test_a_bare_json_file_imports_the_reports_without_their_files(archive, empty, tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records(archive), ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert (result.monthly_reports, result.report_files, result.report_files_skipped) == (7, 0, 2)
    assert "پرونده گزارش ماهانه وارد نشد" in result.summary()


def test_an_existing_council_keeps_its_indicators_and_due_day_and_says_so(archive, empty):
    secretariat = Secretariat(empty)
    Council(secretariat)  # the same council, already there
    press = secretariat.indicators.add(
        IndicatorDraft(name="بازديدهاي رسانه اي", unit="بازدید", required=True)
    )
    secretariat.council_settings.set_monthly_due_day(10)
    result = import_archive(empty, archive)
    assert result.indicators_added == 1 and not result.council_created
    assert any("روز مهلت" in note for note in result.notes)
    assert secretariat.council_settings.monthly_due_day() == 10
    kept = secretariat.indicators.get(press.id)
    assert (kept.name, kept.unit, kept.required, kept.used) == (press.name, "بازدید", True, True)


def test_an_archive_of_schema_version_2_still_imports(archive, empty, tmp_path):
    data = records(archive)
    data["version"] = 2
    for table in ("indicators", "report_files", "monthly_reports", "monthly_figures", "monthly_exemptions"):
        del data["tables"][table], data["counts"][table]
    del data["council"]["monthly_due_day"]
    path = tmp_path / "version-2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = import_archive(empty, path)
    assert result.monthly_reports == 0 and result.meetings == 1
    assert Secretariat(empty).council_settings.monthly_due_day() == 5


def test_a_year_whose_reports_are_there_is_refused_and_nothing_changes(archive, empty, tmp_path):
    secretariat = Secretariat(empty)
    Council(secretariat)
    agency = add_agency(secretariat, "شهرداری پردیس")
    secretariat.monthly_reports.exempt(agency, "1405/02", reason="عضو تازه")
    before = table_rows(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match="گزارش ماهانه") as refused:
        import_archive(empty, archive)
    assert "چیزی وارد نشد" in refused.value.message
    assert table_rows(tmp_path / "empty.sqlite3") == before


def test_an_indicator_of_another_kind_in_the_database_is_refused(archive, empty, tmp_path):
    secretariat = Secretariat(empty)
    Council(secretariat)
    secretariat.indicators.add(IndicatorDraft(name="بازدیدهای رسانه‌ای", kind="yesno"))
    before = table_rows(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match="بازدیدهای رسانه‌ای.*بله/خیر"):
        import_archive(empty, archive)
    assert table_rows(tmp_path / "empty.sqlite3") == before


def test_a_report_file_whose_bytes_changed_stops_the_import_after_the_meetings_were_written(
    archive, empty, tmp_path
):
    """All or nothing: the file is read last, when the meetings and the register are in the
    transaction already; its SHA-256 refuses it and nothing is kept (the manifest made to agree)."""
    victim = records(archive)["tables"]["report_files"][0]["path"]
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
        data = z.read(victim)
    altered = data[:40] + bytes([data[40] ^ 1]) + data[41:]
    for entry in manifest["files"]:
        if entry["path"] == victim:
            entry["sha256"] = hashlib.sha256(altered).hexdigest()
    changed = tmp_path / "changed.zip"
    rewrite_zip(
        archive,
        changed,
        change=lambda name, content: (
            altered
            if name == victim
            else json.dumps(manifest).encode()
            if name == "manifest.json"
            else content
        ),
    )
    before = table_rows(tmp_path / "empty.sqlite3")
    with pytest.raises(DomainError, match="چکیده"):
        import_archive(empty, changed)
    assert table_rows(tmp_path / "empty.sqlite3") == before


# -- tampered values --------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path) -> str:
    if request.param == "postgresql":
        return fresh_postgres()
    return str(tmp_path / "target.sqlite3")


def p(value: object) -> str:
    return to_persian_digits(value)


def place(data: dict[str, Any], table: str, found: dict[str, Any], field: str) -> str:
    number = next(i for i, r in enumerate(data["tables"][table], start=1) if r is found)
    return f"جدول {table}، ردیف {p(number)}، ستون {field}"


def report(data: dict[str, Any], **match: Any) -> dict[str, Any]:
    found: dict[str, Any] = next(
        r for r in data["tables"]["monthly_reports"] if all(r[k] == v for k, v in match.items())
    )
    return found


def in_force(data: dict[str, Any], month: int) -> dict[str, Any]:
    return report(data, month=month, in_force=True)


def figure_of(data: dict[str, Any], kind: str) -> dict[str, Any]:
    keys = {row["key"] for row in data["tables"]["indicators"] if row["kind"] == kind}
    found: dict[str, Any] = next(row for row in data["tables"]["monthly_figures"] if row["indicator"] in keys)
    return found


def _received_tomorrow(data):
    row = in_force(data, 7)
    row["received_on"] = "2026-11-04"  # 1405/08/13
    return "هنوز نرسیده", place(data, "monthly_reports", row, "received_on")


def _received_before_its_month(data):
    row = in_force(data, 7)
    row["received_on"] = "2026-09-01"  # 1405/06/10
    return "پیش از آغاز", place(data, "monthly_reports", row, "received_on")


def _letter_after_receipt(data):
    row = report(data, letter_number="۴۵۶/ر")
    row["letter_date"] = "2026-10-30"
    return "تاریخ نامه", place(data, "monthly_reports", row, "letter_date")


def _two_in_force(data):
    row = report(data, reason="", in_force=False, voided_at=None)
    row["in_force"] = True
    return "در جریان نیست", place(data, "monthly_reports", row, "in_force")


def _voided_without_reason(data):
    row = next(r for r in data["tables"]["monthly_reports"] if r["voided_at"])
    row["voided_reason"] = " "
    return "دلیل ابطال", place(data, "monthly_reports", row, "voided_reason")


def _correction_without_reason(data):
    row = report(data, reason="ماه اشتباه")
    row["reason"] = ""
    return "دلیل", place(data, "monthly_reports", row, "reason")


def _a_year_not_the_archives(data):
    row = report(data, reason="ماه اشتباه")
    row["year"] = 1406
    return "بایگانی از سال", place(data, "monthly_reports", row, "year")


def _month_13(data):
    row = in_force(data, 7)
    row["month"] = 13
    return "ماه ۱۳", place(data, "monthly_reports", row, "month")


def _corrections_in_a_circle(data):
    first = report(data, reason="ماه اشتباه")
    earlier = report(data, key=first["replaces"])
    earlier["replaces"] = first["key"]
    earlier["reason"] = "دور"
    first["in_force"] = False
    return "دور می‌زند", "جدول monthly_reports"


def _a_count_with_a_fraction(data):
    row = figure_of(data, "count")
    row["value"] = 2.5
    return "شمار", place(data, "monthly_figures", row, "value")


def _yes_no_three(data):
    row = figure_of(data, "yesno")
    row["value"] = 3
    return "بله/خیر", place(data, "monthly_figures", row, "value")


def _a_negative_figure(data):
    row = figure_of(data, "hours")
    row["value"] = -1
    return "پذیرفتنی نیست", place(data, "monthly_figures", row, "value")


def _not_a_number(data):
    row = figure_of(data, "hours")
    row["value"] = math.nan
    return "از نوع number نیست", place(data, "monthly_figures", row, "value")


def _a_figure_twice(data):
    data["tables"]["monthly_figures"].append(dict(data["tables"]["monthly_figures"][0]))
    return "دو بار", "جدول monthly_figures"


def _an_exemption_of_another_year(data):
    row = data["tables"]["monthly_exemptions"][0]
    row["year"] = 1404
    return "معافیت از سال", place(data, "monthly_exemptions", row, "year")


def _an_exemption_twice(data):
    data["tables"]["monthly_exemptions"].append(dict(data["tables"]["monthly_exemptions"][0]))
    return "دو بار معاف", "جدول monthly_exemptions"


def _a_file_outside_its_folder(data):
    row = data["tables"]["report_files"][0]
    row["path"] = "attachments/x.pdf"
    return "monthly_reports/", place(data, "report_files", row, "path")


def _a_file_that_is_not_a_report(data):
    row = data["tables"]["report_files"][0]
    row["media_type"] = "application/x-msdownload"
    return "Word", place(data, "report_files", row, "media_type")


def _an_indicator_twice(data):
    first, second = data["tables"]["indicators"][:2]
    second["name"] = first["name"].replace("ی", "ي")
    return "شاخص دیگری", place(data, "indicators", second, "name")


def _a_due_day_of_40(data):
    data["council"]["monthly_due_day"] = 40
    return "روز مهلت", "جدول council"


def _a_dangling_indicator(data):
    row = data["tables"]["monthly_figures"][0]
    row["indicator"] = "I999"
    return "I999", place(data, "monthly_figures", row, "indicator")


def _a_dangling_file(data):
    row = next(r for r in data["tables"]["monthly_reports"] if r["file"])
    row["file"] = "F9999"
    return "F9999", place(data, "monthly_reports", row, "file")


def _an_unknown_via(data):
    row = in_force(data, 7)
    row["via"] = "pigeon"
    return "pigeon", place(data, "monthly_reports", row, "via")


TAMPERING = [
    _received_tomorrow,
    _received_before_its_month,
    _letter_after_receipt,
    _two_in_force,
    _voided_without_reason,
    _correction_without_reason,
    _a_year_not_the_archives,
    _month_13,
    _corrections_in_a_circle,
    _a_count_with_a_fraction,
    _yes_no_three,
    _a_negative_figure,
    _not_a_number,
    _a_figure_twice,
    _an_exemption_of_another_year,
    _an_exemption_twice,
    _a_file_outside_its_folder,
    _a_file_that_is_not_a_report,
    _an_indicator_twice,
    _a_due_day_of_40,
    _a_dangling_indicator,
    _a_dangling_file,
    _an_unknown_via,
]


@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__.strip("_"))
def test_a_tampered_monthly_value_is_refused_and_changes_nothing(archive, tmp_path, target, capsys, tamper):
    data = records(archive)
    fragments = tamper(data)
    bad = tampered(archive, tmp_path / "tampered.zip", data)
    database = open_database(target)
    try:
        before = table_rows(target)
        with pytest.raises(DomainError) as refused:
            import_archive(database, bad)
        message = refused.value.message
        assert all(fragment in message for fragment in fragments), message
        assert "چیزی وارد نشد" in message
        assert table_rows(target) == before
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--db", target, "archive", "import", str(bad)]) == 2
    assert fragments[0] in capsys.readouterr().err
    assert table_rows(target) == before
