"""The demo's monthly reports: a realistic year and a half up to today, with late and missing
agencies for the matrix, the reminders and the home page's line to show."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from sqlalchemy import select

from db.models import MonthlyExemption, MonthlyReport
from secretariat import clock
from secretariat.core import Secretariat
from secretariat.demo.council import AGENCIES, create_demo_database
from secretariat.demo.monthly import HABITUALLY_LATE, MISSING, NEWS
from secretariat.first_look import first_look
from secretariat.meetings.planning import MeetingQuery
from secretariat.members.agencies import AgencyQuery
from secretariat.monthly.matrix import CellState, MatrixQuery
from secretariat.monthly.months import Month
from secretariat.persian import jalali
from secretariat.persian.text import fold

# Aban's reports are due on 1405/09/05: a week after it, the day after it, and two days before it.
DAYS = ("1405/09/12", "1405/09/06", "1405/09/03")


@pytest.fixture(scope="module", params=DAYS)
def built(request, tmp_path_factory):
    """(the day, the demo built on it, the file), the clock fixed to that day."""
    day = jalali.parse(request.param)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: day)
        path = tmp_path_factory.mktemp("demo-monthly") / "demo.sqlite3"
        secretariat = Secretariat(create_demo_database(path))
        yield day, secretariat, path
        secretariat.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo built on 1405/09/12, for the checks that do not depend on the day."""
    day = jalali.parse(DAYS[0])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: day)
        secretariat = Secretariat(create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
        yield secretariat
        secretariat.close()


def last_due(day: dt.date, due_day: int = 5) -> Month:
    month = Month.of(day).previous()
    return month if month.due_date(due_day) < day else month.previous()


def agency_ids(demo) -> dict[str, int]:
    rows = demo.agencies.page(AgencyQuery(include_inactive=True), limit=None)
    return {item.short_name: next(row.id for row in rows if row.name == item.name) for item in AGENCIES}


def column(demo, month: Month):
    matrix = demo.monthly_matrix.year(MatrixQuery(month.year))
    return matrix, matrix.columns[month.month - 1]


def test_the_last_month_due_has_missing_and_late_reports_and_most_on_time(built):
    day, demo, _ = built
    month = last_due(day)
    matrix, counts = column(demo, month)
    assert counts.missing >= 2 and counts.late >= 1
    assert counts.on_time >= 0.6 * counts.expected
    cells = {row.agency: row.cells[month.month - 1] for row in matrix.rows}
    assert all(1 <= cell.late_days <= 15 for cell in cells.values() if cell.state is CellState.LATE)


@pytest.mark.parametrize("reader", ["core", "first look"])
def test_the_home_line_counts_what_the_matrix_shows(built, reader):
    day, demo, path = built
    line = demo.monthly_matrix.month_summary() if reader == "core" else first_look(path, day).monthly
    assert line.month == Month.of(day).previous()
    _matrix, counts = column(demo, line.month)
    assert (line.expected, line.received, line.late) == (counts.expected, counts.received, counts.late)
    assert demo.dashboard.load(day).monthly == demo.monthly_matrix.month_summary()
    if day <= line.due_date:  # before the due day: some have sent it already, none is late
        assert 0 < line.received < line.expected and line.late == 0 and counts.missing == 0
    else:
        assert line.received < line.expected and line.late >= 1


def test_a_year_and_a_half_of_reports_none_after_today_none_before_its_month(built):
    day, demo, _ = built
    with demo.database.reading() as session:
        rows = session.execute(
            select(MonthlyReport.year, MonthlyReport.month, MonthlyReport.received_on)
        ).all()
    months = sorted({Month(year, month) for year, month, _ in rows})
    assert months[-1] == Month.of(day).previous()
    assert months[0].month == 1  # a whole year's matrix, no months nobody recorded
    assert len([m for m in months if m <= last_due(day)]) >= 18
    assert all(Month(y, m).first_day <= received <= day for y, m, received in rows)
    years = demo.monthly_matrix.years()
    assert years[0] == jalali.jalali_year(day) and len(years) >= 2


def test_habitually_late_agencies_and_agencies_with_missing_months(demo):
    ids = agency_ids(demo)
    rows = []
    for year in demo.monthly_matrix.years():
        rows += [row for row in demo.monthly_matrix.year(MatrixQuery(year)).rows]

    def count(short_name, state):
        return sum(row.count(state) for row in rows if row.agency_id == ids[short_name])

    for short_name in HABITUALLY_LATE:
        assert count(short_name, CellState.LATE) > count(short_name, CellState.ON_TIME), short_name
    for short_name, months in MISSING.items():
        assert count(short_name, CellState.MISSING) == len(months), short_name
    punctual = [a.short_name for a in AGENCIES if a.short_name not in (*HABITUALLY_LATE, *MISSING)]
    assert all(count(name, CellState.MISSING) == 0 for name in punctual)


def test_the_new_member_owes_nothing_before_it_joined_nor_was_invited(demo):
    newest = max((item for item in AGENCIES if item.active), key=lambda item: item.joined)
    agency = demo.agencies.find_by_name(newest.name)
    joined = Month.of(agency.joined_on)
    assert demo.agencies.count(AgencyQuery()) >= 25
    cells = [
        cell
        for year in (joined.year, joined.year + 1)
        for row in demo.monthly_matrix.year(MatrixQuery(year)).rows
        if row.agency_id == agency.id
        for cell in row.cells
    ]
    before = [cell for cell in cells if cell.month.first_day < agency.joined_on]
    after = [cell for cell in cells if cell.month > joined and cell.state is not CellState.NOT_DUE]
    assert before and all(cell.state is CellState.EXEMPT and "عضویت" in cell.reason for cell in before)
    assert after and all(cell.state.received for cell in after)
    invited = {
        meeting.date: agency.id in {i.agency_id for i in demo.attendance.invitations(meeting.id)}
        for meeting in demo.meetings.page(MeetingQuery(newest_first=False), limit=None)
    }
    assert not any(yes for day, yes in invited.items() if day < agency.joined_on)
    assert any(yes for day, yes in invited.items() if day >= agency.joined_on)


def test_one_exemption_one_correction_and_one_void_each_with_its_reason(demo):
    with demo.database.reading() as session:
        exemptions = session.scalars(select(MonthlyExemption)).all()
        corrected = session.scalars(select(MonthlyReport).where(MonthlyReport.replaces_id.is_not(None))).all()
        voided = session.scalars(select(MonthlyReport).where(MonthlyReport.voided_at.is_not(None))).all()
    assert len(exemptions) == 1 and exemptions[0].reason.startswith("ادغام در سازمان")
    assert exemptions[0].recorded_at.date() <= clock.today()

    assert len(corrected) == 1
    versions = demo.monthly_reports.versions(corrected[0].id)
    first, second = versions
    assert not first.in_force and second.in_force and "ده برابر" in second.reason
    news = next(i.id for i in demo.indicators.list() if fold(i.name) == fold(NEWS))
    assert first.figures[news] == 10 * second.figures[news]
    assert first.recorded_at < second.recorded_at <= dt.datetime.combine(clock.today(), dt.time(23, 59))

    assert len(voided) == 1
    month = demo.monthly_reports.of_month(voided[0].agency_id, Month(voided[0].year, voided[0].month))
    assert [version.voided for version in month.history] == [True, False]
    assert "اشتباه" in month.history[0].voided_reason and month.report is month.history[1]
    assert month.history[0].recorded_at < month.history[0].voided_at < month.report.recorded_at


def test_the_figures_grow_with_the_agency_and_the_occasions(demo):
    indicators = {fold(i.name): i for i in demo.indicators.list()}
    news = indicators[fold(NEWS)].id
    ids = agency_ids(demo)
    by_agency: dict[int, list[float]] = {}
    by_month: dict[int, list[float]] = {}
    with demo.database.reading() as session:
        for report in session.scalars(select(MonthlyReport).where(MonthlyReport.in_force.is_(True))):
            figures = demo.monthly_reports.get(report.id).figures
            required = [i.id for i in indicators.values() if i.required]
            assert all(indicator in figures for indicator in required)  # as the form insists
            by_agency.setdefault(report.agency_id, []).append(figures[news])
            by_month.setdefault(report.month, []).append(figures[news])
    municipality, bank = by_agency[ids["شهرداری پردیس"]], by_agency[ids["بانک سپه"]]
    assert statistics.mean(municipality) > 3 * statistics.mean(bank)
    fajr = statistics.mean(by_month[11])  # the Fajr decade
    ordinary = statistics.mean(by_month[4] + by_month[5] + by_month[10])
    assert fajr > 1.3 * ordinary


def test_some_reports_keep_their_pdf(demo):
    with demo.database.reading() as session:
        with_file = select(MonthlyReport.file_id).where(MonthlyReport.file_id.is_not(None))
        file_ids = session.scalars(with_file).all()
    assert 3 <= len(file_ids) <= 10
    for file_id in file_ids:
        name, data = demo.monthly_reports.file_content(file_id)  # checked against its SHA-256
        assert name.startswith("گزارش ماهانه") and name.endswith(".pdf") and data.startswith(b"%PDF-")
