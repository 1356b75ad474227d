import pytest

from secretariat.monthly.indicators import IndicatorDraft, IndicatorKind
from secretariat.monthly.months import Month
from tests.support.monthly import add_agency, fix_today, record


@pytest.fixture
def council(secretariat, monkeypatch):
    fix_today(monkeypatch)  # 1405/08/12
    indicators = secretariat.indicators.list()
    return {
        "ورزش": add_agency(secretariat, "اداره کل ورزش و جوانان"),
        "بانک": add_agency(secretariat, "بانک ملی", category="bank"),
        "آب": add_agency(secretariat, "آب و فاضلاب"),
        "news": indicators[0].id,
        "hours": next(i.id for i in indicators if i.kind is IndicatorKind.HOURS),
        "web": next(i.id for i in indicators if i.kind is IndicatorKind.YESNO),
    }


def test_the_council_totals_each_indicator_month_by_month(secretariat, council):
    news, hours, web = council["news"], council["hours"], council["web"]
    record(
        secretariat, council["ورزش"], "1405/06", "1405/07/03", figures={news: "10", hours: "2.5", web: "بله"}
    )
    record(secretariat, council["بانک"], "1405/06", "1405/07/04", figures={news: "5", hours: "1", web: "خیر"})
    record(secretariat, council["ورزش"], "1405/07", "1405/08/03", figures={news: "7", web: "بله"})
    record(secretariat, council["بانک"], "1404/07", "1404/08/03", figures={news: "100"})  # another year
    figures = secretariat.monthly_figures.year(1405)
    by_indicator = {row.indicator.id: row for row in figures.council}
    assert by_indicator[news].months[5:7] == (15.0, 7.0)
    assert by_indicator[news].months[0] is None  # no figure in Farvardin
    assert by_indicator[news].total == 22.0
    assert by_indicator[hours].months[5] == 3.5
    assert by_indicator[hours].months[6] is None  # Mehr's report gave no hours
    assert by_indicator[web].total == 2.0  # the reports that said yes


def test_each_agency_totals_its_year_in_persian_order(secretariat, council):
    news = council["news"]
    record(secretariat, council["بانک"], "1405/05", "1405/06/03", figures={news: "4"})
    record(secretariat, council["بانک"], "1405/06", "1405/07/03", figures={news: "6"})
    record(secretariat, council["آب"], "1405/06", "1405/07/03", figures={news: "1"})
    figures = secretariat.monthly_figures.year(1405)
    assert [agency.agency for agency in figures.agencies] == ["آب و فاضلاب", "بانک ملی"]  # ورزش sent nothing
    assert figures.agencies[1].totals[news] == 10.0


def test_a_corrected_figure_counts_its_new_value_and_a_voided_report_nothing(secretariat, council):
    news = council["news"]
    first = record(secretariat, council["ورزش"], "1405/06", "1405/07/03", figures={news: "40"})
    voided = record(secretariat, council["بانک"], "1405/06", "1405/07/03", figures={news: "9"})
    secretariat.monthly_reports.correct(
        first.id,
        _draft(secretariat, council["ورزش"], "1405/06", "1405/07/03", {news: "44"}),
        reason="رقم اخبار اشتباه خوانده شده بود",
    )
    secretariat.monthly_reports.void(voided.id, reason="گزارش دستگاه دیگری بود")
    figures = secretariat.monthly_figures.year(1405)
    assert next(row for row in figures.council if row.indicator.id == news).months[5] == 44.0
    assert [agency.agency for agency in figures.agencies] == ["اداره کل ورزش و جوانان"]
    assert [
        (row.agency, row.value) for row in secretariat.monthly_figures.rows(1405) if row.indicator_id == news
    ] == [("اداره کل ورزش و جوانان", 44.0)]


def test_a_retired_indicator_shows_only_in_a_year_it_has_figures(secretariat, council):
    visits = secretariat.indicators.add(IndicatorDraft(name="بازدیدهای رسانه‌ای", unit="مورد"))
    record(secretariat, council["ورزش"], "1405/06", "1405/07/03", figures={visits.id: "3"})
    secretariat.indicators.retire(visits.id)
    shown = secretariat.monthly_figures.year(1405)
    assert shown.indicators[-1].id == visits.id and shown.indicators[-1].retired
    assert shown.council[-1].total == 3.0
    assert visits.id not in {indicator.id for indicator in secretariat.monthly_figures.year(1404).indicators}


def test_every_figure_one_by_one_by_agency_month_and_indicator(secretariat, council):
    news, hours = council["news"], council["hours"]
    record(secretariat, council["ورزش"], "1405/07", "1405/08/03", figures={news: "7", hours: "2"})
    record(secretariat, council["ورزش"], "1405/06", "1405/07/03", figures={news: "5"})
    record(secretariat, council["آب"], "1405/07", "1405/08/03", figures={news: "1"})
    rows = [row for row in secretariat.monthly_figures.rows(1405) if row.indicator_id in (news, hours)]
    assert [(row.agency, row.month, row.indicator_id, row.value) for row in rows] == [
        ("آب و فاضلاب", Month(1405, 7), news, 1.0),
        ("اداره کل ورزش و جوانان", Month(1405, 6), news, 5.0),
        ("اداره کل ورزش و جوانان", Month(1405, 7), news, 7.0),
        ("اداره کل ورزش و جوانان", Month(1405, 7), hours, 2.0),
    ]


def _draft(secretariat, agency, month, received, figures):
    from secretariat.monthly.reports import MonthlyReportDraft
    from tests.support.monthly import figures_for_required

    return MonthlyReportDraft(
        agency_id=agency,
        month=month,
        received_on=received,
        figures={**figures_for_required(secretariat), **figures},
    )
