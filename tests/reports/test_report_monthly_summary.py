"""The yearly summary of the monthly reports: punctuality, the matrix, the charts and the figures.
A small council with a year of reports (``monthly_print``), today fixed at 1405/08/12, whose
counts are worked out here by hand; a council of 60 agencies for the pages of a large one."""

import io

import pytest
from pypdf import PdfReader

from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.members.council import CouncilDraft
from secretariat.monthly.indicators import IndicatorDraft
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled, monthly_summary
from secretariat.reports.monthly_summary import render_monthly_summary
from tests.support import monthly_print as world
from tests.support.monthly import TODAY, add_agency, fix_today, record
from tests.support.reports import AGENCY_SUBJECTS, PLACES, page_texts, readable_lines, rtl

NEWS = "اخبار و گزارش‌های منتشرشده"
# Who sent each month of 1405 (1-7 are due): the bank owes Tir, Mordad and Mehr, the
# municipality is exempt for Mehr, agriculture sent nothing, heritage joined in Aban.
SENDERS = {
    month: [world.REGISTRY, world.SPORT, world.EDUCATION]
    + ([world.BANK] if month not in (4, 5, 7) else [])
    + ([world.MUNICIPALITY] if month != 7 else [])
    for month in range(1, 8)
}


def news_total(month: int) -> int:
    return sum(world.news_of(agency, month) for agency in SENDERS[month])


@pytest.fixture(scope="module")
def council(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("summary") / "council.sqlite3")
    secretariat = Secretariat(database)
    with pytest.MonkeyPatch.context() as patch:
        fix_today(patch)
        world.build_monthly_world(secretariat)
        pdf = render_monthly_summary(secretariat, 1405, printed_on=TODAY)
    yield {"secretariat": secretariat, "pdf": pdf}
    database.close()


@pytest.fixture(scope="module")
def lines(council):
    return [line for page in readable_lines(council["pdf"]) for line in page]


@pytest.fixture(scope="module")
def text(council):
    return " ".join(" ".join(page.split()) for page in page_texts(council["pdf"]))


def row_before(lines: list[str], name: str, count: int, occurrence: int = 0) -> list[str]:
    """The ``count`` cells drawn left of ``name``'s line (its ``occurrence``-th), then the name."""
    at = [index for index, line in enumerate(lines) if line == rtl(name)][occurrence]
    return lines[at - count : at + 1]


def test_the_heading_says_the_council_the_year_and_the_due_day(council, text):
    assert text.startswith("بسمه تعالی")
    assert "خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها" in text
    assert f"{world.COUNCIL}؛ سال ۱۴۰۵" in text
    assert "وضعیت تا ۱۴۰۵/۰۸/۱۲؛ مهلت ارسال گزارش هر ماه: روز ۵ ماه بعد" in text
    reader = PdfReader(io.BytesIO(council["pdf"]))
    assert reader.metadata.title == f"خلاصه سالانه گزارش‌های ماهانه ۱۴۰۵؛ {world.COUNCIL}"


def test_the_year_in_figures(text):
    # 5 agencies owed 7 months, the municipality 6 (Mehr exempt); heritage joined in Aban.
    assert (
        "در سال ۱۴۰۵ از ۷ دستگاه عضو، تا امروز ۴۱ گزارش ماهانه سررسید شده است: ۲۹ گزارش به‌موقع و ۲ گزارش "
        "با تأخیر رسیده و ۱۰ گزارش نرسیده است؛ در ۸ مورد نیز دستگاه برای آن ماه معاف بوده است."
    ) in text
    assert "گزارش‌های با تأخیر به‌طور میانگین ۴ روز پس از مهلت رسیده‌اند." in text


def test_each_agencys_punctuality_in_persian_order_with_the_totals(lines):
    # Drawn from the left: on-time rate, average days late, exempt, missing, late, on time, the agency.
    assert row_before(lines, world.EDUCATION, 6) == ["۸۶٪", "۴", "۰", "۰", "۱", "۶", rtl(world.EDUCATION)]
    assert row_before(lines, world.BANK, 6) == ["۵۷٪", "—", "۰", "۳", "۰", "۴", rtl(world.BANK)]
    assert row_before(lines, world.AGRICULTURE, 6) == ["۰٪", "—", "۰", "۷", "۰", "۰", rtl(world.AGRICULTURE)]
    assert row_before(lines, world.HERITAGE, 6) == ["—", "—", "۷", "۰", "۰", "۰", rtl(world.HERITAGE)]
    assert row_before(lines, "جمع", 6) == ["۷۱٪", "۴", "۸", "۱۰", "۲", "۲۹", rtl("جمع")]
    firsts = [lines.index(rtl(name)) for name in sorted_agencies()]
    assert firsts == sorted(firsts)


def sorted_agencies() -> list[str]:
    return [
        world.EDUCATION,
        world.REGISTRY,
        world.HERITAGE,
        world.SPORT,
        world.BANK,
        world.AGRICULTURE,
        world.MUNICIPALITY,
    ]


def test_the_matrix_marks_each_month_as_the_matrix_says(council, lines, monkeypatch):
    # Its rows are each agency's second line: the punctuality table names it first.
    assert row_before(lines, world.EDUCATION, 1, occurrence=1) == ["۴", rtl(world.EDUCATION)]  # Mehr
    sport = row_before(lines, world.SPORT, 1, occurrence=1)
    assert sport == ["۴", rtl(world.SPORT)]  # Shahrivar, 4 days late; the rest on time: ticks
    bank = row_before(lines, world.BANK, 3, occurrence=1)
    assert bank == ["×", "×", "×", rtl(world.BANK)]  # Mehr, Mordad, Tir
    assert lines.count("×") == 10 + 1  # every missing report, and the key's
    ticks = []
    monkeypatch.setattr(monthly_summary.Tick, "draw", lambda self: ticks.append(self))
    fix_today(monkeypatch)
    render_monthly_summary(council["secretariat"], 1405, printed_on=TODAY)
    assert len(ticks) == 29 + 1  # every report on time, and the key's


def test_the_charts_are_titled_and_their_months_labelled(text, lines):
    assert "گزارش‌های هر ماه: به‌موقع، با تأخیر و نرسیده" in text
    assert f"روند «{NEWS}»: جمع ارقام دستگاه‌ها در هر ماه (خبر)" in text
    # Three charts label the twelve months, as do the two month tables' headers.
    assert lines.count(rtl("اسفند")) == 3 + 2


def test_each_indicators_council_totals_month_by_month_and_the_years(lines):
    totals = [news_total(month) for month in range(1, 8)]
    name = f"{NEWS} (خبر)"
    # From the left: the year's total, Mehr … Farvardin (the months not yet due are empty), the name.
    expected = [to_persian_digits(sum(totals)), *(to_persian_digits(t) for t in reversed(totals)), rtl(name)]
    assert row_before(lines, name, 8) == expected
    assert sum(totals) == 416
    # Hours: 2.5 a report, for each report received.
    hours = row_before(lines, "ساعت آموزش کارکنان روابط عمومی (ساعت)", 8)
    assert hours[0] == "۷۷٫۵" and hours[1] == "۷٫۵"  # the year; Mehr: three reports
    # An indicator no report gave a figure for: «—» for each month due.
    assert row_before(lines, "گزارش‌های پایش رسانه (گزارش)", 8) == ["—"] * 8 + [
        rtl("گزارش‌های پایش رسانه (گزارش)")
    ]


def test_each_agencys_year_totals_of_each_indicator(lines):
    # The third time the registry is named: the first table of the agencies' figures.
    registry = row_before(lines, world.REGISTRY, 1, occurrence=2)
    assert registry == [
        to_persian_digits(sum(world.news_of(world.REGISTRY, m) for m in range(1, 8))),
        rtl(world.REGISTRY),
    ]
    assert rtl(world.AGRICULTURE) not in lines[lines.index(rtl("۵. ارقام سالانه هر دستگاه")) :]  # no figure


def test_a_retired_indicator_with_figures_still_shows(tmp_path, monkeypatch):
    fix_today(monkeypatch)
    database = open_database(tmp_path / "council.sqlite3")
    secretariat = Secretariat(database)
    world.build_monthly_world(secretariat)
    visits = secretariat.indicators.add(IndicatorDraft(name="بازدیدهای رسانه‌ای", unit="مورد"))
    record(secretariat, add_agency(secretariat, "بهزیستی"), "1405/07", "1405/08/03", figures={visits.id: "6"})
    secretariat.indicators.retire(visits.id)
    text = " ".join(page_texts(render_monthly_summary(secretariat, 1405, printed_on=TODAY)))
    database.close()
    assert "بازدیدهای رسانه‌ای (مورد) (بایگانی‌شده)" in " ".join(text.split())


def test_the_sections_are_bookmarked(council):
    titles = [item.title for item in PdfReader(io.BytesIO(council["pdf"])).outline]
    assert titles == [
        "خلاصه سالانه گزارش‌های ماهانه دستگاه‌ها",
        "۱. وضعیت ارسال به تفکیک دستگاه",
        "جمع",
        "۲. جدول ماه‌به‌ماه",
        "۳. نمودارها",
        "۴. ارقام شاخص‌ها در هر ماه",
        "۵. ارقام سالانه هر دستگاه",
    ]


def test_every_font_is_embedded_vazirmatn(council):
    reader = PdfReader(io.BytesIO(council["pdf"]))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "Vazirmatn" in font.get_object()["/BaseFont"]


def test_a_year_not_begun_a_council_without_agencies_or_with_nothing_due_is_refused(tmp_path, monkeypatch):
    fix_today(monkeypatch)
    database = open_database(tmp_path / "council.sqlite3")
    secretariat = Secretariat(database)
    secretariat.council.create(CouncilDraft(name=world.COUNCIL))
    with pytest.raises(DomainError) as no_agency:
        render_monthly_summary(secretariat, 1405)
    assert "هیچ دستگاه عضوی" in no_agency.value.message
    add_agency(secretariat, world.BANK)
    with pytest.raises(DomainError) as future:
        render_monthly_summary(secretariat, 1406)
    assert future.value.message.startswith("سال ۱۴۰۶ هنوز آغاز نشده است")
    fix_today(monkeypatch, jalali.from_jalali(1405, 2, 3))  # Farvardin is due on 1405/02/05
    with pytest.raises(DomainError) as nothing:
        render_monthly_summary(secretariat, 1405)
    assert nothing.value.message == "هنوز موعد گزارش هیچ ماهی از سال ۱۴۰۵ نرسیده و گزارشی هم ثبت نشده است."
    database.close()


def test_a_large_council_repeats_the_month_headers_on_every_page_of_its_matrix(tmp_path, monkeypatch):
    fix_today(monkeypatch)
    database = open_database(tmp_path / "council.sqlite3")
    secretariat = Secretariat(database)
    secretariat.council.create(CouncilDraft(name=world.COUNCIL))
    names = [f"اداره کل {subject} {place}" for place in PLACES for subject in AGENCY_SUBJECTS]
    for number, name in enumerate(names):
        agency = add_agency(secretariat, name)
        for month in range(1, 8):
            if (number + month) % 5:
                record(secretariat, agency, f"1405/{month:02d}", f"1405/{month + 1:02d}/0{1 + month % 9}")
    pdf = render_monthly_summary(secretariat, 1405, printed_on=TODAY)
    database.close()
    (tmp_path / "large.pdf").write_bytes(pdf)
    pages = readable_lines(pdf)
    matrix_pages = [
        page for page in pages if rtl("اردیبهشت") in page and not any(rtl("روند") in line for line in page)
    ]
    assert len(matrix_pages) >= 2
    named = {line for page in pages for line in page}
    assert all(rtl(name) in named for name in names)


def test_cancelling_stops_the_summary(council, monkeypatch):
    fix_today(monkeypatch)
    calls = []
    with pytest.raises(ReportCancelled):
        render_monthly_summary(
            council["secretariat"], 1405, cancelled=lambda: calls.append(1) or len(calls) > 3
        )
