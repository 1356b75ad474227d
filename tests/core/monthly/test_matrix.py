import pytest

from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from tests.support.monthly import add_agency, fix_today, record


@pytest.fixture
def council(secretariat, monkeypatch):
    fix_today(monkeypatch)  # 1405/08/12
    return {
        "ورزش": add_agency(secretariat, "اداره کل ورزش و جوانان"),
        "بانک": add_agency(secretariat, "بانک ملی", category="bank"),
        "تازه": add_agency(secretariat, "اداره کل تازه", joined_on="1405/05/10"),
    }


def cells(secretariat, year=1405, **query):
    matrix = secretariat.monthly_matrix.year(MatrixQuery(year, **query))
    return matrix, {row.agency_id: row.cells for row in matrix.rows}


def test_each_cell_says_on_time_late_missing_not_due_or_exempt(secretariat, council):
    record(secretariat, council["ورزش"], "1405/07", "1405/08/05")  # on the due day
    record(secretariat, council["ورزش"], "1405/06", "1405/07/09")  # due 1405/07/05: 4 days late
    secretariat.monthly_reports.exempt(council["ورزش"], "1405/05", reason="تغییر مدیر روابط عمومی")
    matrix, by_agency = cells(secretariat)
    sport = by_agency[council["ورزش"]]
    assert sport[6].state is CellState.ON_TIME
    assert (sport[5].state, sport[5].late_days) == (CellState.LATE, 4)
    assert (sport[4].state, sport[4].reason) == (CellState.EXEMPT, "تغییر مدیر روابط عمومی")
    assert sport[3].state is CellState.MISSING
    assert sport[7].state is CellState.NOT_DUE  # Aban is due on 1405/09/05
    assert by_agency[council["بانک"]][6].state is CellState.MISSING


def test_the_due_day_is_the_councils_setting(secretariat, council, monkeypatch):
    record(secretariat, council["ورزش"], "1405/07", "1405/08/08")
    assert cells(secretariat)[1][council["ورزش"]][6].state is CellState.LATE
    secretariat.council_settings.set_monthly_due_day("۱۰")
    _matrix, by_agency = cells(secretariat)
    assert by_agency[council["ورزش"]][6].state is CellState.ON_TIME
    assert by_agency[council["بانک"]][6].state is CellState.MISSING  # due 1405/08/10, today is the 12th
    fix_today(monkeypatch, jalali.from_jalali(1405, 8, 9))
    assert cells(secretariat)[1][council["بانک"]][6].state is CellState.NOT_DUE


def test_the_months_before_an_agency_joined_are_exempt(secretariat, council):
    fresh = cells(secretariat)[1][council["تازه"]]
    assert fresh[4].state is CellState.EXEMPT and "عضویت" in fresh[4].reason  # Mordad began before the 10th
    assert fresh[5].state is CellState.MISSING


def test_agencies_are_in_persian_order_and_filtered(secretariat, council):
    record(secretariat, council["بانک"], "1405/07", "1405/08/01")
    matrix, _ = cells(secretariat)
    assert [row.agency for row in matrix.rows] == ["اداره کل تازه", "اداره کل ورزش و جوانان", "بانک ملی"]
    banks, _ = cells(secretariat, category="bank")
    assert [row.agency for row in banks.rows] == ["بانک ملی"]
    for agency in council.values():
        for month in range(1, 8):
            if (agency, month) != (council["بانک"], 7):
                secretariat.monthly_reports.exempt(agency, Month(1405, month), reason="آزمون")
    missing, _ = cells(secretariat, only_missing=True)
    assert missing.rows == ()


def test_the_columns_count_each_month(secretariat, council):
    record(secretariat, council["ورزش"], "1405/07", "1405/08/01")
    record(secretariat, council["بانک"], "1405/07", "1405/08/07")
    matrix, _ = cells(secretariat)
    mehr = matrix.columns[6]
    assert (mehr.expected, mehr.on_time, mehr.late, mehr.missing, mehr.received) == (3, 1, 1, 1, 2)
    assert matrix.columns[7].not_due == 3


def test_an_inactive_agency_shows_only_in_years_it_reported(secretariat, council):
    record(secretariat, council["بانک"], "1405/02", "1405/03/01")
    secretariat.agencies.set_active(council["بانک"], False)
    _matrix, by_agency = cells(secretariat)
    assert by_agency[council["بانک"]][1].state is CellState.ON_TIME
    assert by_agency[council["بانک"]][6].state is CellState.EXEMPT
    assert council["بانک"] not in cells(secretariat, year=1404)[1]


def test_the_home_line_counts_last_month(secretariat, council):
    record(secretariat, council["ورزش"], "1405/07", "1405/08/01")
    record(secretariat, council["بانک"], "1405/07", "1405/08/09")
    summary = secretariat.monthly_matrix.month_summary()
    assert summary.month == Month(1405, 7)
    assert (summary.received, summary.expected, summary.late) == (2, 3, 1)
    secretariat.monthly_reports.exempt(council["تازه"], "1405/07", reason="ادغام")
    assert secretariat.monthly_matrix.month_summary().expected == 2


def test_a_voided_report_counts_no_more(secretariat, council):
    report = record(secretariat, council["ورزش"], "1405/07", "1405/08/01")
    secretariat.monthly_reports.void(report.id, reason="اشتباه")
    assert cells(secretariat)[1][council["ورزش"]][6].state is CellState.MISSING
    assert secretariat.monthly_matrix.month_summary().received == 0


def test_the_home_line_counts_as_the_matrixs_column(secretariat, council):
    """A report from an agency that owed none (left the council since, not a member yet) shows as
    received in the matrix: the home line counts it too, so the two never disagree."""
    record(secretariat, council["ورزش"], "1405/07", "1405/08/09")
    record(secretariat, council["بانک"], "1405/07", "1405/08/01")
    secretariat.agencies.set_active(council["بانک"], False)
    record(secretariat, council["تازه"], "1405/04", "1405/05/20")  # sent before it joined on 1405/05/10
    matrix, _ = cells(secretariat)
    for month in (Month(1405, 7), Month(1405, 4)):
        column = matrix.columns[month.month - 1]
        summary = secretariat.monthly_matrix.month_summary(month)
        assert (summary.expected, summary.received, summary.late) == (
            column.expected,
            column.received,
            column.late,
        )
    assert secretariat.monthly_matrix.month_summary(Month(1405, 7)).expected == 3
