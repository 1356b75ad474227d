"""The year's monthly reports as an Excel workbook, read back with openpyxl."""

import pytest
from openpyxl import load_workbook

from secretariat.errors import DomainError
from secretariat.monthly.indicators import IndicatorKind
from secretariat.monthly.workbook import write_workbook
from tests.support import monthly_print as world
from tests.support.monthly import add_agency, fix_today, record

MONTHS = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]


@pytest.fixture
def council(secretariat, monkeypatch):
    fix_today(monkeypatch)  # 1405/08/12
    return world.build_monthly_world(secretariat)


@pytest.fixture
def workbook(secretariat, council, tmp_path):
    path = write_workbook(secretariat, 1405, tmp_path / "monthly.xlsx")
    assert path == tmp_path / "monthly.xlsx"
    return load_workbook(path)


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_three_sheets_right_to_left_with_a_bold_frozen_header(workbook):
    assert workbook.sheetnames == ["وضعیت ارسال", "ارقام", "جمع ماهانه"]
    for sheet in workbook:
        assert sheet.sheet_view.rightToLeft
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes.endswith("2")


def test_the_status_sheet_is_the_years_matrix_in_persian(workbook):
    sheet = workbook["وضعیت ارسال"]
    header, *body = rows(sheet)
    assert header == (
        "دستگاه",
        "دسته",
        *(f"{m} ۱۴۰۵" for m in MONTHS),
        "به‌موقع",
        "با تأخیر",
        "نرسیده",
        "معاف",
    )
    assert [row[0] for row in body] == [
        world.EDUCATION,
        world.REGISTRY,
        world.HERITAGE,
        world.SPORT,
        world.BANK,
        world.AGRICULTURE,
        world.MUNICIPALITY,
    ]
    by_agency = {row[0]: row for row in body}
    education = by_agency[world.EDUCATION]
    assert education[1] == "سازمان"
    assert education[2:10] == ("به‌موقع",) * 6 + ("با تأخیر (۴ روز)", "هنوز موعد نرسیده")
    assert education[14:] == (6, 1, 0, 0)  # numbers, not text
    bank = by_agency[world.BANK]
    assert [bank[2 + month] for month in (3, 4, 6)] == ["نرسیده"] * 3
    assert bank[14:] == (4, 0, 3, 0)
    municipality = body.index(by_agency[world.MUNICIPALITY]) + 2
    mehr = sheet.cell(row=municipality, column=2 + 7)
    assert mehr.value == "معاف" and mehr.comment.text == "تغییر مدیر روابط عمومی"
    assert mehr.fill.start_color.rgb != sheet.cell(row=municipality, column=2 + 6).fill.start_color.rgb
    assert sheet.column_dimensions["A"].width > sheet.column_dimensions["O"].width  # the names are wider


def test_the_figures_sheet_has_every_figure_one_a_row_as_numbers(secretariat, workbook):
    sheet = workbook["ارقام"]
    header, *body = rows(sheet)
    assert header == ("دستگاه", "دسته", "سال", "شماره ماه", "ماه", "شاخص", "رقم", "واحد")
    assert sheet.auto_filter.ref == f"A1:H{len(body) + 1}"
    news = secretariat.indicators.list()[0].name
    registry_mehr = [row for row in body if row[0] == world.REGISTRY and row[3] == 7 and row[5] == news]
    assert registry_mehr == [(world.REGISTRY, "اداره کل", 1405, 7, "مهر ۱۴۰۵", news, 17, "خبر")]
    hours = [row[6] for row in body if row[7] == "ساعت"]
    assert hours and set(hours) == {2.5}
    assert len(body) == len(secretariat.monthly_figures.rows(1405))


def test_a_yes_no_figure_is_a_number_shown_in_words(secretariat, council, tmp_path):
    web = next(i for i in secretariat.indicators.list() if i.kind is IndicatorKind.YESNO)
    record(secretariat, council[world.AGRICULTURE], "1405/07", "1405/08/12", figures={web.id: "بله"})
    sheet = load_workbook(write_workbook(secretariat, 1405, tmp_path / "yes.xlsx"))["ارقام"]
    (cell,) = [row[6] for row in sheet.iter_rows(min_row=2) if row[5].value == web.name]
    assert cell.value == 1 and cell.number_format == '"بله";"بله";"خیر"'
    assert [row[7].value for row in sheet.iter_rows(min_row=2) if row[5].value == web.name] == ["بله/خیر"]


def test_corrections_count_their_new_figure_and_voided_reports_nothing(secretariat, council, tmp_path):
    from secretariat.monthly.reports import MonthlyReportDraft
    from tests.support.monthly import figures_for_required

    news = secretariat.indicators.list()[0].id
    month = secretariat.monthly_reports.of_month(council[world.REGISTRY], "1405/07").report
    secretariat.monthly_reports.correct(
        month.id,
        MonthlyReportDraft(
            agency_id=council[world.REGISTRY],
            month="1405/07",
            received_on="1405/08/03",
            figures={**figures_for_required(secretariat), news: "170"},
        ),
        reason="رقم اخبار اشتباه خوانده شده بود",
    )
    voided = secretariat.monthly_reports.of_month(council[world.SPORT], "1405/07").report
    secretariat.monthly_reports.void(voided.id, reason="گزارش دستگاه دیگری بود")
    book = load_workbook(write_workbook(secretariat, 1405, tmp_path / "corrected.xlsx"))
    figures = rows(book["ارقام"])[1:]
    name = secretariat.indicators.list()[0].name
    assert [row[6] for row in figures if row[0] == world.REGISTRY and row[3] == 7 and row[5] == name] == [170]
    assert not [row for row in figures if row[0] == world.SPORT and row[3] == 7]
    totals = {row[0]: row for row in rows(book["جمع ماهانه"])[1:]}
    assert totals[name][2 + 6] == 170 + world.news_of(world.EDUCATION, 7)  # Mehr: registry and education


def test_the_totals_sheet_gives_each_indicators_months_and_year(secretariat, workbook):
    header, *body = rows(workbook["جمع ماهانه"])
    assert header == ("شاخص", "واحد", *(f"{m} ۱۴۰۵" for m in MONTHS), "جمع سال")
    news = secretariat.indicators.list()[0].name
    row = next(row for row in body if row[0] == news)
    assert row[1] == "خبر"
    assert row[2:9] == (50, 55, 60, 58, 62, 75, 56)  # summed by hand in test_report_monthly_summary
    assert row[9:14] == (None,) * 5  # not yet due
    assert row[14] == 416
    assert len(body) == len(secretariat.indicators.list())


def test_a_file_that_cannot_be_written_is_refused_in_persian_and_nothing_is_left(
    secretariat, council, tmp_path
):
    with pytest.raises(DomainError) as refused:
        write_workbook(secretariat, 1405, tmp_path / "no such folder" / "monthly.xlsx")
    assert "نوشته نشد" in refused.value.message
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "monthly.xlsx"
    target.write_bytes(b"an older export")
    write_workbook(secretariat, 1405, target)
    assert load_workbook(target).sheetnames[0] == "وضعیت ارسال"
    assert [path.name for path in folder.iterdir()] == ["monthly.xlsx"]  # no temporary file left


def test_a_name_that_looks_like_a_formula_stays_text(secretariat, council, tmp_path):
    add_agency(secretariat, '=HYPERLINK("http://example.com","گزارش")')
    sheet = load_workbook(write_workbook(secretariat, 1405, tmp_path / "monthly.xlsx"))["وضعیت ارسال"]
    [cell] = [row[0] for row in sheet.iter_rows(min_row=2) if str(row[0].value).startswith("=")]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://example.com","گزارش")'
