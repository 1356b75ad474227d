"""``monthly ...`` on the command line: the same rules as the window, Persian refusals, exit 2."""

from __future__ import annotations

import json

import pytest

from secretariat.cli import main
from secretariat.persian.text import to_persian_digits
from tests.support import files
from tests.support.archive import snapshot
from tests.support.monthly import fix_today

COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
SPORT = "اداره کل ورزش و جوانان"
BANK = "بانک ملی"
# The default indicators a report must give (migration 0010), typed as a keyboard with Arabic
# letters would (ي, ك), without their ZWNJ: matched in any spelling.
REQUIRED_FIGURES = [
    "--figure",
    "اخبار و گزارشهاي منتشرشده=42",
    "--figure",
    "نشستهای خبری و مصاحبه های رسانه ای=۳",
    "--figure",
    "محتواي توليدشده براي فضاي مجازي=12",
]


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A council with two agencies; today is 1405/08/12 (Mehr's reports were due on 1405/08/05)."""
    fix_today(monkeypatch)
    path = tmp_path / "council.sqlite3"
    assert main(["--db", str(path), "init", "--council", COUNCIL]) == 0
    assert main(["--db", str(path), "agencies", "add", "--name", SPORT, "--category", "اداره کل"]) == 0
    assert main(["--db", str(path), "agencies", "add", "--name", BANK, "--category", "bank"]) == 0
    return path


def run(db, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), "monthly", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(db, capsys, *args: str):
    code, out, err = run(db, capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def record(db, capsys, agency: str, month: str, received: str, *extra: str) -> tuple[int, str, str]:
    return run(
        db,
        capsys,
        "record",
        "--agency",
        agency,
        "--month",
        month,
        "--received",
        received,
        *REQUIRED_FIGURES,
        *extra,
    )


def refused(db, capsys, *args: str) -> str:
    """Run ``monthly ARGS``: exit 2, a Persian message on stderr, nothing printed or changed."""
    before = snapshot(db)
    code, out, err = run(db, capsys, *args)
    assert code == 2, (out, err)
    assert err.startswith("خطا") or "خطا:" in err, err
    assert "Traceback" not in err and out == ""
    assert snapshot(db) == before
    return err


# -- indicators ---------------------------------------------------------------------------


def test_the_indicators_are_listed_in_the_councils_order(db, capsys):
    rows = as_json(db, capsys, "indicators")
    assert rows[0] == {
        "id": rows[0]["id"],
        "name": "اخبار و گزارش\u200cهای منتشرشده",
        "unit": "خبر",
        "kind": "count",
        "required": True,
        "retired": False,
        "position": 1,
    }
    assert [row["position"] for row in rows] == sorted(row["position"] for row in rows)
    assert {row["kind"] for row in rows} == {"count", "hours", "yesno"}
    code, out, _ = run(db, capsys, "indicators")
    assert code == 0 and "الزامی" in out and f"{to_persian_digits(len(rows))} شاخص" in out


def test_an_indicator_is_added_once_in_any_spelling_and_retired_by_name(db, capsys):
    code, out, _ = run(
        db, capsys, "indicators", "add", "--name", "بازديدهاي رسانه‌اي", "--unit", "مورد", "--kind", "ساعت"
    )
    assert code == 0 and "افزوده شد" in out
    added = as_json(db, capsys, "indicators")[-1]
    assert (added["name"], added["unit"], added["kind"], added["required"]) == (
        "بازدیدهای رسانه‌ای",
        "مورد",
        "hours",
        False,
    )
    assert "پیش‌تر" in refused(db, capsys, "indicators", "add", "--name", "بازدیدهای رسانه ای")
    assert "شناخته نیست" in refused(db, capsys, "indicators", "add", "--name", "تازه", "--kind", "درصد")
    assert run(db, capsys, "indicators", "retire", "بازدیدهاي رسانه اي")[0] == 0
    assert as_json(db, capsys, "indicators")[-1]["retired"] is True
    assert run(db, capsys, "indicators", "retire", str(added["id"]), "--undo")[0] == 0
    assert as_json(db, capsys, "indicators")[-1]["retired"] is False
    assert "شاخصی با نام" in refused(db, capsys, "indicators", "retire", "چیزی که نیست")


# -- recording ------------------------------------------------------------------------------


def test_a_report_is_recorded_with_its_figures_named_in_any_spelling(db, capsys, tmp_path):
    scan = tmp_path / "گزارش مهر.pdf"
    scan.write_bytes(files.pdf())
    code, out, err = record(
        db,
        capsys,
        "اداره كل ورزش و جوانان",  # Arabic kaf
        "۱۴۰۵/۰۷",
        "1405/08/09",
        "--via",
        "پست الکترونیک",
        "--letter-number",
        "۴۵۶/ر",
        "--letter-date",
        "1405/08/08",
        "--figure",
        "ساعت آموزش کارکنان روابط عمومی=۷٫۵",
        "--file",
        str(scan),
        "--note",
        "با پیوست تصاویر",
        "--by",
        "زهرا موسوی",
        "--json",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["agency"] == SPORT and report["month"] == "1405/07"
    assert (report["received_on"], report["state"], report["late_days"]) == ("1405/08/09", "late", 4)
    assert (report["via"], report["letter_number"], report["letter_date"]) == ("email", "۴۵۶/ر", "1405/08/08")
    figures = {figure["indicator"]: figure["value"] for figure in report["figures"]}
    assert figures["اخبار و گزارش\u200cهای منتشرشده"] == 42
    assert figures["ساعت آموزش کارکنان روابط عمومی"] == 7.5
    assert report["file"]["name"] == "گزارش مهر.pdf" and report["file"]["media_type"] == "application/pdf"
    assert report["recorded_by"] == "زهرا موسوی" and report["replaces_id"] is None


def test_the_text_output_says_what_was_recorded_in_persian(db, capsys):
    code, out, _ = record(db, capsys, BANK, "1405/07", "1405/08/05")
    assert code == 0
    assert "گزارش مهر ۱۴۰۵ «بانک ملی» ثبت شد" in out and "به‌موقع" in out and "۱۴۰۵/۰۸/۰۵" in out
    assert "اخبار و گزارش\u200cهای منتشرشده: ۴۲ خبر" in out


def test_a_second_report_is_refused_unless_it_replaces_the_first_with_a_reason(db, capsys):
    assert record(db, capsys, SPORT, "1405/07", "1405/08/03")[0] == 0
    before = snapshot(db)
    code, out, err = record(db, capsys, SPORT, "1405/07", "1405/08/04")
    assert code == 2 and out == "" and "پیش‌تر" in err and "--replace" in err
    assert snapshot(db) == before
    assert "--reason" in refused(
        db, capsys, "record", "--agency", SPORT, "--month", "1405/07", "--received", "1405/08/04", "--replace"
    )
    code, out, err = record(
        db, capsys, SPORT, "1405/07", "1405/08/04", "--replace", "--reason", "نامه دوم جایگزین شد", "--json"
    )
    assert code == 0, err
    replacement = json.loads(out)
    assert replacement["replaces_id"] is not None and replacement["reason"] == "نامه دوم جایگزین شد"
    cell = as_json(db, capsys, "matrix", "--year", "1405")[0]
    assert cell["agency"] == SPORT and cell["months"]["1405/07"] == "on_time"


@pytest.mark.parametrize(
    ("month", "received", "message"),
    [
        ("1405/07", "1405/08/13", "هنوز نرسیده"),  # tomorrow
        ("1405/07", "1405/06/31", "پیش از آغاز"),  # before Mehr begins
        ("1405/13", "1405/08/03", "ماه"),
        ("مهر", "1405/08/03", "ماه نیست"),
        ("1405/07", "دیروز", "تاریخ"),
    ],
)
def test_impossible_dates_are_refused(db, capsys, month, received, message):
    err = refused(
        db, capsys, "record", "--agency", SPORT, "--month", month, "--received", received, *REQUIRED_FIGURES
    )
    assert message in err


def test_a_missing_required_figure_is_refused_with_the_indicator_named(db, capsys):
    err = refused(
        db,
        capsys,
        "record",
        "--agency",
        SPORT,
        "--month",
        "1405/07",
        "--received",
        "1405/08/03",
        *REQUIRED_FIGURES[:4],
    )
    assert "«محتوای تولیدشده برای فضای مجازی» الزامی است" in err


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ("شاخصی که نیست=3", "شاخصی با نام"),
        ("بدون برابر", "نام شاخص=رقم"),
        ("اخبار و گزارش‌های منتشرشده=زیاد", "عدد نیست"),
        ("اخبار و گزارش‌های منتشرشده=2.5", "درست است"),
        ("به‌روزرسانی وبگاه دستگاه=شاید", "بله یا خیر"),
        ("اخبار و گزارش‌های منتشرشده=", "خالی"),
    ],
)
def test_a_figure_that_is_not_one_is_refused(db, capsys, figure, message):
    err = refused(
        db,
        capsys,
        "record",
        "--agency",
        SPORT,
        "--month",
        "1405/07",
        "--received",
        "1405/08/03",
        *REQUIRED_FIGURES[2:],
        "--figure",
        figure,
    )
    assert message in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agency", "دستگاهی که نیست"], "پیدا نشد"),
        (["--agency", "99"], "در فهرست نیست"),
        (["--via", "کبوتر"], "راه رسیدن"),
        (["--letter-date", "1405/08/04"], "پس از تاریخ دریافت"),
        (["--reason", "بی‌جا"], "--replace"),
    ],
)
def test_other_refusals_are_in_persian(db, capsys, args, message):
    base = {"--agency": SPORT, "--month": "1405/07", "--received": "1405/08/03"}
    options = dict(base)
    extra: list[str] = []
    for option, value in zip(args[::2], args[1::2], strict=True):
        if option in options:
            options[option] = value
        else:
            extra += [option, value]
    command = [part for pair in options.items() for part in pair]
    assert message in refused(db, capsys, "record", *command, *REQUIRED_FIGURES, *extra)


def test_a_file_that_is_not_a_report_is_refused(db, capsys, tmp_path):
    program = tmp_path / "report.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    err = refused(
        db,
        capsys,
        "record",
        "--agency",
        SPORT,
        "--month",
        "1405/07",
        "--received",
        "1405/08/03",
        *REQUIRED_FIGURES,
        "--file",
        str(program),
    )
    assert "Word" in err


# -- exemptions -----------------------------------------------------------------------------


def test_an_exemption_is_recorded_with_its_reason_and_lifted(db, capsys):
    code, out, _ = run(
        db, capsys, "exempt", "--agency", "بانك ملي", "--month", "1405/06", "--reason", "ادغام"
    )
    assert code == 0 and "معاف شد" in out
    row = next(r for r in as_json(db, capsys, "matrix", "--year", "1405") if r["agency"] == BANK)
    assert (row["months"]["1405/06"], row["reasons"]) == ("exempt", {"1405/06": "ادغام"})
    assert "پیش‌تر معاف" in refused(
        db, capsys, "exempt", "--agency", BANK, "--month", "1405/06", "--reason", "x"
    )
    assert run(db, capsys, "exempt", "--agency", BANK, "--month", "1405/06", "--lift")[0] == 0
    row = next(r for r in as_json(db, capsys, "matrix", "--year", "1405") if r["agency"] == BANK)
    assert row["months"]["1405/06"] == "missing"
    assert "معاف نبود" in refused(db, capsys, "exempt", "--agency", BANK, "--month", "1405/06", "--lift")


def test_an_exemption_needs_a_reason_and_a_month_without_a_report(db, capsys):
    assert "دلیل" in refused(db, capsys, "exempt", "--agency", BANK, "--month", "1405/06")
    assert record(db, capsys, BANK, "1405/07", "1405/08/03")[0] == 0
    assert "رسیده" in refused(
        db, capsys, "exempt", "--agency", BANK, "--month", "1405/07", "--reason", "اشتباه"
    )


# -- the matrix -----------------------------------------------------------------------------


def test_the_matrix_json_maps_each_month_to_its_state(db, capsys):
    record(db, capsys, SPORT, "1405/07", "1405/08/05")  # on the due day
    record(db, capsys, SPORT, "1405/06", "1405/07/09")  # due 1405/07/05: 4 days late
    run(db, capsys, "exempt", "--agency", SPORT, "--month", "1405/05", "--reason", "تغییر مدیر روابط عمومی")
    rows = as_json(db, capsys, "matrix", "--year", "۱۴۰۵")
    assert [row["agency"] for row in rows] == [SPORT, BANK]  # Persian alphabetical order
    sport = rows[0]
    assert set(sport) == {"agency_id", "agency", "category", "months", "late_days", "reasons"}
    assert list(sport["months"]) == [f"1405/{month:02d}" for month in range(1, 13)]
    assert sport["months"]["1405/07"] == "on_time"
    assert (sport["months"]["1405/06"], sport["late_days"]) == ("late", {"1405/06": 4})
    assert (sport["months"]["1405/05"], sport["reasons"]) == ("exempt", {"1405/05": "تغییر مدیر روابط عمومی"})
    assert sport["months"]["1405/04"] == "missing"
    assert sport["months"]["1405/08"] == "not_due"  # Aban is due on 1405/09/05
    assert set(rows[1]["months"].values()) == {"missing", "not_due"}


def test_the_matrix_filters_by_category_and_missing(db, capsys):
    assert [
        row["agency"] for row in as_json(db, capsys, "matrix", "--year", "1405", "--category", "بانک")
    ] == [BANK]
    for month in range(1, 8):
        run(db, capsys, "exempt", "--agency", BANK, "--month", f"1405/{month:02d}", "--reason", "عضو تازه")
    assert [row["agency"] for row in as_json(db, capsys, "matrix", "--year", "1405", "--missing")] == [SPORT]
    assert "رده" in refused(db, capsys, "matrix", "--year", "1405", "--category", "هیچ")
    assert "سال نیست" in refused(db, capsys, "matrix", "--year", "14050")


def test_the_matrix_as_text_has_a_mark_per_month_in_persian_digits(db, capsys):
    record(db, capsys, SPORT, "1405/07", "1405/08/05")
    record(db, capsys, SPORT, "1405/06", "1405/07/09")
    code, out, _ = run(db, capsys, "matrix", "--year", "1405")
    assert code == 0
    sport = next(line for line in out.splitlines() if line.startswith(SPORT)).split("\t")
    assert sport[1:13] == ["✗"] * 5 + ["+۴", "✓", "·", "·", "·", "·", "·"]
    assert sport[13] == "۲ از ۷"
    assert "۱۴۰۵" in out and "به‌موقع" in out and not any(c in out for c in "0123456789")


# -- the due day and the workbook --------------------------------------------------------------


def test_the_due_day_is_shown_and_set_and_the_matrix_follows_it(db, capsys):
    record(db, capsys, SPORT, "1405/07", "1405/08/08")
    assert as_json(db, capsys, "matrix", "--year", "1405")[0]["months"]["1405/07"] == "late"
    code, out, _ = run(db, capsys, "due-day")
    assert code == 0 and "۵" in out
    assert run(db, capsys, "due-day", "۱۰")[0] == 0
    assert "۱۰" in run(db, capsys, "due-day")[1]
    assert as_json(db, capsys, "matrix", "--year", "1405")[0]["months"]["1405/07"] == "on_time"
    for day in ("0", "30", "پنج"):
        assert "روز مهلت" in refused(db, capsys, "due-day", day)


def test_an_export_to_another_kind_of_file_is_refused(db, capsys, tmp_path):
    assert ".xlsx" in refused(db, capsys, "export", "--year", "1405", "--out", str(tmp_path / "x.pdf"))
    assert "سال نیست" in refused(db, capsys, "export", "--year", "سال", "--out", str(tmp_path / "x.xlsx"))
    assert list(tmp_path.glob("x.*")) == []


def test_the_export_writes_the_years_workbook(db, capsys, tmp_path):
    pytest.importorskip("secretariat.monthly.workbook", reason="the workbook is written on another branch")
    openpyxl = pytest.importorskip("openpyxl")
    record(db, capsys, SPORT, "1405/07", "1405/08/05")
    out = tmp_path / "ماهانه-۱۴۰۵.xlsx"
    code, printed, err = run(db, capsys, "export", "--year", "1405", "--out", str(out))
    assert code == 0, err
    assert "ذخیره شد" in printed
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames
