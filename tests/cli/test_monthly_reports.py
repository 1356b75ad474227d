"""``python -m secretariat report monthly-reminders`` and ``report monthly-summary``: the PDFs,
and the refusals (exit 2, a Persian message on stderr, no file)."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader

from secretariat.cli import main
from secretariat.core import Secretariat
from secretariat.database import open_database
from tests.support import monthly_print as world
from tests.support.monthly import fix_today


@pytest.fixture
def council_path(tmp_path, monkeypatch):
    """A database file of the council with a year of monthly reports; today is 1405/08/12."""
    fix_today(monkeypatch)
    path = tmp_path / "council.sqlite3"
    database = open_database(path)
    world.build_monthly_world(Secretariat(database))
    database.close()
    return path


def report(path, out, *args) -> int:
    return main(["--db", str(path), "report", *args, "--out", str(out)])


def text_of(out) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in PdfReader(out).pages
    ]


def test_a_reminder_letter_to_each_agency_that_owes_the_month(council_path, tmp_path, capsys):
    out = tmp_path / "reminders.pdf"
    assert report(council_path, out, "monthly-reminders", "--month", "۱۴۰۵/۰۷") == 0
    pages = text_of(out)
    assert len(pages) == 2
    assert f"مدیر محترم روابط عمومی {world.BANK}" in pages[0]
    assert f"مدیر محترم روابط عمومی {world.AGRICULTURE}" in pages[1]
    assert world.EDUCATION not in " ".join(pages)  # late, but received
    assert "ذخیره شد" in capsys.readouterr().out
    assert not list(tmp_path.glob("*.part"))


def test_one_letter_with_the_list(council_path, tmp_path):
    out = tmp_path / "list.pdf"
    assert report(council_path, out, "monthly-reminders", "--month", "1405-7", "--list") == 0
    (page,) = text_of(out)
    assert "به: اعضای محترم" in page and world.BANK in page and world.AGRICULTURE in page


def test_the_yearly_summary(council_path, tmp_path):
    out = tmp_path / "summary.pdf"
    assert report(council_path, out, "monthly-summary", "--year", "۱۴۰۵") == 0
    text = " ".join(text_of(out))
    assert "خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها" in text and "۱. وضعیت ارسال به تفکیک دستگاه" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["monthly-reminders"], "--month"),
        (["monthly-reminders", "--month", "1405/13"], "ماه ۱۳ وجود ندارد"),
        (["monthly-reminders", "--month", "مهر"], "ماه نیست"),
        (["monthly-reminders", "--month", "1405/08"], "مهلت دارند"),  # Aban: due on 1405/09/05
        (["monthly-summary"], "--year"),
        (["monthly-summary", "--year", "99999"], "سال نیست"),
        (["monthly-summary", "--year", "1406"], "هنوز آغاز نشده"),
    ],
)
def test_refusals_exit_2_with_a_persian_message_and_write_nothing(
    council_path, tmp_path, capsys, args, message
):
    out = tmp_path / "report.pdf"
    capsys.readouterr()
    assert report(council_path, out, *args) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_no_letter_when_no_agency_owes_the_month(council_path, tmp_path, capsys):
    database = open_database(council_path)
    secretariat = Secretariat(database)
    agriculture = secretariat.agencies.find_by_name(world.AGRICULTURE)
    secretariat.monthly_reports.exempt(agriculture.id, "1405/01", reason="ادغام با سازمان دیگر")
    database.close()
    out = tmp_path / "reminders.pdf"
    capsys.readouterr()
    assert report(council_path, out, "monthly-reminders", "--month", "1405/01") == 2
    assert "همه دستگاه‌ها گزارش ماهانه فروردین ۱۴۰۵ را فرستاده‌اند یا از آن معاف‌اند" in capsys.readouterr().err
    assert not out.exists()
