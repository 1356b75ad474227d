"""``agencies import FILE [--dry-run]`` and ``agencies template OUT`` on the command line."""

from openpyxl import load_workbook

from secretariat.cli import main
from tests.support.agency_sheets import agency_row, write_sheet


def run(db_path, *args):
    return main(["--db", str(db_path), *args])


def council_db(tmp_path):
    path = tmp_path / "council.sqlite3"
    assert run(path, "init", "--council", "شورای هماهنگی روابط عمومی‌های شهرستان پردیس") == 0
    return path


def names(db_path, capsys):
    capsys.readouterr()
    assert run(db_path, "agencies", "list") == 0
    return [line.split("\t")[1] for line in capsys.readouterr().out.splitlines() if "\t" in line]


def test_a_dry_run_prints_each_row_in_persian_and_saves_nothing(tmp_path, capsys):
    db_path = council_db(tmp_path)
    sheet = write_sheet(
        tmp_path / "list.xlsx",
        [agency_row("شهرداری پردیس", first_name="علی", start="1403/01/01"), agency_row("", phones="021")],
    )
    capsys.readouterr()
    assert run(db_path, "agencies", "import", str(sheet), "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "ردیف ۲ (جدید): شهرداری پردیس، علی: افزودن دستگاه و مدیر روابط عمومی از ۱۴۰۳/۰۱/۰۱"
    assert out[1] == "ردیف ۳ (خطا): —: «نام دستگاه»: نام دستگاه را بنویسید."
    assert out[2] == "۱ دستگاه جدید، ۰ موجود، ۱ ردیف با خطا"
    assert out[-1] == "پیش‌نمایش بود؛ چیزی ذخیره نشد."
    assert names(db_path, capsys) == []


def test_an_import_saves_the_rows_without_errors(tmp_path, capsys):
    db_path = council_db(tmp_path)
    sheet = write_sheet(
        tmp_path / "list.xlsx", [agency_row("شهرداری پردیس"), agency_row("بانک", category="بانکی")]
    )
    capsys.readouterr()
    assert run(db_path, "agencies", "import", str(sheet)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "۱ دستگاه افزوده شد و ۰ مدیر روابط عمومی ثبت شد؛ ۱ ردیف با خطا وارد نشد."
    )
    assert names(db_path, capsys) == ["شهرداری پردیس"]


def test_a_bad_file_exits_2_with_a_persian_message(tmp_path, capsys):
    db_path = council_db(tmp_path)
    text = tmp_path / "list.xlsx"
    text.write_text("name,phone\n", encoding="utf-8")
    capsys.readouterr()
    assert run(db_path, "agencies", "import", str(text)) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("خطا: این پرونده کاربرگ اکسل (xlsx) نیست.")
    assert "Traceback" not in captured.err
    assert run(db_path, "agencies", "import", str(tmp_path / "missing.xlsx"), "--dry-run") == 2
    assert "پیدا نشد" in capsys.readouterr().err


def test_the_template_is_written_without_a_database(tmp_path, capsys):
    out = tmp_path / "template.xlsx"
    assert main(["--db", str(tmp_path / "none.sqlite3"), "agencies", "template", str(out)]) == 0
    assert load_workbook(out).worksheets[0]["A1"].value == "نام دستگاه *"
    assert not (tmp_path / "none.sqlite3").exists()
