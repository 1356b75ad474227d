"""The reminder letters for a month's missing monthly reports: a letter to each agency that owes
the month, or one with the list; never to an agency on time, late but received, exempt or not
yet due. A small council with a year of reports (``monthly_print``), today fixed at 1405/08/12."""

import io

import pytest
from pypdf import PdfReader

from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.letters.printed import Issuing
from secretariat.monthly.months import Month
from secretariat.reports import ReportCancelled
from secretariat.reports.monthly_reminder import (
    gather_reminders,
    print_monthly_reminders,
    render_monthly_reminders,
)
from tests.support import monthly_print as world
from tests.support.monthly import TODAY, fix_today, record
from tests.support.reports import number_field, page_texts, readable_lines, rtl

MEHR = Month(1405, 7)


def words(pdf: bytes) -> list[str]:
    """Each page's text as a reader copies it, its whitespace collapsed."""
    return [" ".join(text.split()) for text in page_texts(pdf)]


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    """The council and its year; the letters of Mehr, one per agency and one with the list."""
    database = open_database(tmp_path_factory.mktemp("reminders") / "council.sqlite3")
    secretariat = Secretariat(database)
    with pytest.MonkeyPatch.context() as patch:
        fix_today(patch)
        ids = world.build_monthly_world(secretariat)
        letters = render_monthly_reminders(secretariat, MEHR, printed_on=TODAY)
        circular = render_monthly_reminders(secretariat, MEHR, one_letter=True, printed_on=TODAY)
    yield {"secretariat": secretariat, "ids": ids, "letters": letters, "circular": circular}
    database.close()


@pytest.fixture
def secretariat(tmp_path, monkeypatch):
    """A council of its own, for a test that changes it."""
    fix_today(monkeypatch)
    database = open_database(tmp_path / "council.sqlite3")
    yield Secretariat(database)
    database.close()


def test_a_letter_to_each_agency_that_owes_the_month_in_persian_order(council):
    pages = words(council["letters"])
    assert len(pages) == len(world.OWING_MEHR)  # a page each: one-page letters
    for page, agency in zip(pages, world.OWING_MEHR, strict=True):
        assert f"مدیر محترم روابط عمومی {agency}" in page
    others = (world.REGISTRY, world.SPORT, world.EDUCATION, world.MUNICIPALITY, world.HERITAGE)
    every = " ".join(pages)
    # On time, late but received, exempt, not yet a member: no letter, nor named in one.
    assert not [agency for agency in others if agency in every]


def test_the_letter_says_the_month_its_due_date_how_late_and_the_months_still_owed(council):
    bank = words(council["letters"])[0]
    assert "موضوع: یادآوری ارسال گزارش ماهانه مهر ۱۴۰۵" in bank
    assert (
        "احتراماً، گزارش ماهانه فعالیت‌های روابط عمومی آن دستگاه در ماه مهر ۱۴۰۵ که می‌بایست تا تاریخ "
        "۱۴۰۵/۰۸/۰۵ به دبیرخانه شورا ارسال می‌شد، تاکنون واصل نشده است و ۷ روز از مهلت ارسال آن گذشته است."
    ) in bank
    assert "گزارش ماه‌های تیر و مرداد آن دستگاه نیز هنوز به دبیرخانه نرسیده است." in bank
    # A reply asked for within a week of the letter's date (1405/08/12, a Tuesday).
    assert "حداکثر تا سه‌شنبه ۱۹ آبان ۱۴۰۵ به دبیرخانه شورا ارسال شود" in bank.replace("\u00a0", " ")
    agriculture = words(council["letters"])[1]
    assert "ماه‌های فروردین، اردیبهشت، خرداد، تیر، مرداد و شهریور" in agriculture


def test_each_letter_is_to_the_pr_manager_dated_signed_copied_and_numbered_on_its_own(council):
    pages = readable_lines(council["letters"])
    bank, agriculture = pages
    assert rtl("جناب آقای مهندس رضا قاسمی") in bank
    assert rtl("مدیر محترم روابط عمومی بانک ملی") in bank
    # Without a PR manager on record, the letter is to the post alone.
    assert agriculture[agriculture.index(rtl("دبیرخانه")) + 4] == rtl("مدیر محترم روابط عمومی جهاد کشاورزی")
    for seq, page in enumerate(pages, start=1):  # issued in the order printed
        assert "۱۴۰۵/۰۸/۱۲ :" + rtl("تاریخ") in page
        assert number_field(seq, 1405) in page
        assert rtl(world.SECRETARY) in page
        assert f"۱ {rtl('از')} ۱ {rtl('صفحه')}" in page
    assert all("رونوشت: - جناب آقای محمدرضا صالحی، رئیس محترم" in page for page in words(council["letters"]))


def test_the_letters_pdf_is_titled_and_bookmarked_by_agency(council):
    reader = PdfReader(io.BytesIO(council["letters"]))
    assert reader.metadata.title == "نامه‌های یادآوری گزارش ماهانه مهر ۱۴۰۵"
    assert [item.title for item in reader.outline] == list(world.OWING_MEHR)


def test_one_letter_to_the_members_lists_the_agencies_that_owe_the_month(council):
    (page,) = words(council["circular"])
    assert "به: اعضای محترم شورای هماهنگی روابط عمومی‌های شهرستان پردیس" in page
    assert "گزارش ماهانه فعالیت‌های روابط عمومی ۲ دستگاه زیر در ماه مهر ۱۴۰۵" in page
    # Registry, sport, education, the bank and agriculture owed Mehr; three sent it.
    assert "از ۵ دستگاه عضو که گزارش این ماه را می‌بایست ارسال می‌کردند، گزارش ۳ دستگاه رسیده است." in page
    lines = readable_lines(council["circular"])[0]
    bank, agriculture = lines.index(rtl(world.BANK)), lines.index(rtl(world.AGRICULTURE))
    assert bank < agriculture  # Persian order
    # Drawn from the left: the months still owed, the PR manager, the agency, its number.
    assert lines[bank - 2 : bank + 2] == [
        rtl("تیر و مرداد"),
        rtl("جناب آقای مهندس رضا قاسمی"),
        rtl(world.BANK),
        "۱",
    ]
    assert lines[agriculture - 1] == "—"  # no PR manager on record
    for other in (world.REGISTRY, world.SPORT, world.EDUCATION, world.MUNICIPALITY, world.HERITAGE):
        assert other not in page
    assert PdfReader(io.BytesIO(council["circular"])).metadata.title == (
        "یادآوری گزارش ماهانه مهر ۱۴۰۵؛ فهرست دستگاه‌ها"
    )


def test_a_report_recorded_late_takes_the_agency_off_the_letters(secretariat):
    ids = world.build_monthly_world(secretariat)
    record(secretariat, ids[world.BANK], "1405/07", "1405/08/12")  # today: late, but it came
    agencies = [agency.agency for agency in gather_reminders(secretariat, MEHR).agencies]
    assert agencies == [world.AGRICULTURE]
    secretariat.monthly_reports.exempt(ids[world.AGRICULTURE], "1405/07", reason="ادغام با سازمان دیگر")
    with pytest.raises(DomainError) as nobody:
        render_monthly_reminders(secretariat, MEHR)
    assert nobody.value.message == (
        "همه دستگاه‌ها گزارش ماهانه مهر ۱۴۰۵ را فرستاده‌اند یا از آن معاف‌اند؛ نامه یادآوری‌ای برای چاپ نیست."
    )


def test_a_month_not_yet_due_has_no_reminder(secretariat):
    world.build_monthly_world(secretariat)
    for month in (Month(1405, 8), Month(1406, 1)):  # Aban is due on 1405/09/05
        with pytest.raises(DomainError) as refused:
            render_monthly_reminders(secretariat, month)
        assert "مهلت دارند" in refused.value.message
    secretariat.council_settings.set_monthly_due_day(15)  # Mehr is now due on 1405/08/15
    with pytest.raises(DomainError) as later:
        render_monthly_reminders(secretariat, MEHR)
    assert "تا ۱۴۰۵/۰۸/۱۵ مهلت دارند" in later.value.message


def test_cancelling_stops_the_letters(council, monkeypatch):
    fix_today(monkeypatch)
    calls = []
    with pytest.raises(ReportCancelled):
        render_monthly_reminders(
            council["secretariat"], MEHR, cancelled=lambda: calls.append(1) or len(calls) > 2
        )


def test_a_reminder_is_one_letter_per_agency_and_month_reprinted_as_a_copy(secretariat):
    world.build_monthly_world(secretariat)
    first = print_monthly_reminders(secretariat, MEHR, printed_on=TODAY)
    assert [letter.record.number for letter in first.letters] == ["1/ش/1405", "2/ش/1405"]
    for letter in first.letters:
        assert letter.record.report_month == MEHR and letter.record.concerns.value == "monthly"
    circular = print_monthly_reminders(secretariat, MEHR, one_letter=True, printed_on=TODAY)
    assert [letter.record.number for letter in circular.letters] == ["3/ش/1405"]  # a letter of its own
    again = print_monthly_reminders(secretariat, MEHR, printed_on=TODAY)
    assert again.copies == 2 and not again.issued
    assert all("رونوشت" in page.split() for page in words(again.pdf))
    second = print_monthly_reminders(secretariat, MEHR, issuing=Issuing.NEW, printed_on=TODAY)
    assert [letter.record.number for letter in second.letters] == ["4/ش/1405", "5/ش/1405"]
