"""The demo lives in the present: built on any day, the home page has something to show that day."""

import datetime as dt
import re

import pytest
from sqlalchemy import select

from db.models import FollowUp, MonthlyFigure, MonthlyReport
from secretariat import clock
from secretariat.core import Secretariat
from secretariat.demo.calendar import ANCHOR, DemoCalendar, is_working_day
from secretariat.demo.council import BUILD_PARTS, DemoStep, create_demo_database
from secretariat.followup.dashboard import DUE_SOON_DAYS
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.letters.register import LetterQuery
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits

# New Year's Day, the last day of the 31-day months, the last day of Esfand, and a leap Esfand 30.
DAYS = ("1405/01/01", "1405/06/31", "1405/12/29", "1403/12/30")


@pytest.fixture(scope="module", params=DAYS)
def built(request, tmp_path_factory):
    """(the day, the demo built on it, its build's progress reports), the clock fixed to that day."""
    day = jalali.parse(request.param)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: day)
        reports = []
        path = tmp_path_factory.mktemp("demo-today") / "demo.sqlite3"
        secretariat = Secretariat(create_demo_database(path, progress=lambda *report: reports.append(report)))
        yield day, secretariat, reports
        secretariat.close()


def test_the_home_page_has_resolutions_due_this_week_overdue_and_done(built):
    day, demo, _ = built
    dashboard = demo.dashboard.load()
    assert dashboard.today == day
    assert dashboard.due_soon >= 3  # «سررسید تا هفت روز آینده»
    assert dashboard.overdue >= 2 and dashboard.worst_agencies
    assert dashboard.recent_status[ResolutionStatus.DONE] >= 5
    due = demo.register.page(dashboard.due_soon_query(), limit=None)
    assert len(due) == dashboard.due_soon
    assert all(day <= row.due_date <= day + dt.timedelta(days=DUE_SOON_DAYS) for row in due)


def test_the_next_meeting_comes_within_two_weeks_on_a_working_day(built):
    day, demo, _ = built
    upcoming = demo.dashboard.load().next_meetings
    assert len(upcoming) == 2
    first = upcoming[0].date
    assert 1 <= (first - day).days <= 14
    assert all(is_working_day(m.date) and m.date.weekday() != 4 for m in upcoming)  # never a Friday


def test_a_year_and_more_of_meetings_were_held_the_latest_a_few_weeks_ago(built):
    day, demo, _ = built
    rows = demo.meetings.page(MeetingQuery(newest_first=False), limit=None)
    held = [m for m in rows if m.status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)]
    assert (day - held[0].date).days >= 365
    assert held[-1].status is MeetingStatus.HELD and 7 <= (day - held[-1].date).days <= 30
    assert all(m.status is MeetingStatus.FINALIZED for m in held[:-1])
    assert all(m.date < day for m in held)
    assert all(is_working_day(m.date) for m in rows)


def test_follow_ups_were_recorded_in_the_last_days_and_none_in_the_future(built):
    day, demo, _ = built
    with demo.database.reading() as session:
        dates = sorted(entry.date for entry in session.query(FollowUp))
    assert dates[-1] <= day and (day - dates[-1]).days <= 7
    assert len([d for d in dates if (day - d).days <= 14]) >= 5


def test_letter_numbers_carry_the_year_they_were_written_in(built):
    _, demo, _ = built
    years = []
    for row in demo.register.page(ResolutionQuery(), limit=None):
        for entry in demo.followup.log(row.id):
            for year in re.findall(r"[۰-۹]+/[آ-ی]/([۰-۹]{4})", entry.note):
                years.append(year)
                assert year == to_persian_digits(jalali.jalali_year(entry.date)), entry.note
    assert len(years) >= 10


def test_the_build_reports_its_steps_in_order(built):
    _, _, reports = built
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == BUILD_PARTS
    assert {total for _, total, _ in reports} == {BUILD_PARTS}
    steps = [step for _, _, step in reports]
    order = [steps[0]] + [b for a, b in zip(steps, steps[1:], strict=False) if a != b]
    assert order == [
        DemoStep.REGISTER,
        DemoStep.MEETINGS,
        DemoStep.FOLLOWUP,
        DemoStep.MONTHLY,
        DemoStep.LETTERS,
        DemoStep.EVALUATION,
        DemoStep.SAVING,
    ]
    assert len(reports) >= 50  # often enough for a progress bar to move
    assert all(step.label.endswith("…") for step in DemoStep)


def test_the_demo_is_the_same_when_built_twice_on_one_day(tmp_path, monkeypatch):
    day = jalali.parse("1405/06/31")
    monkeypatch.setattr(clock, "today", lambda: day)

    def content(path):
        with Secretariat(create_demo_database(path)) as demo:
            rows = demo.register.page(ResolutionQuery(descending=False), limit=None)
            with demo.database.reading() as session:
                reports = session.execute(
                    select(MonthlyReport.agency_id, MonthlyReport.year, MonthlyReport.month)
                    .add_columns(MonthlyReport.received_on, MonthlyReport.letter_number, MonthlyFigure.value)
                    .join(MonthlyFigure)
                    .order_by(MonthlyReport.id, MonthlyFigure.indicator_id)
                ).all()
            letters = [
                (row.number, row.date, row.party, row.subject, row.voided)
                for row in demo.letters.page(LetterQuery(), limit=None)
            ]
            rankings = [
                [(s.agency, s.total, s.rank) for s in demo.evaluations.ranking(year).standings]
                for year in demo.evaluations.years()
            ]
            return (
                reports,
                letters,
                rankings,
                [
                    (r.code, r.due_date, r.status, [(e.date, e.note) for e in demo.followup.log(r.id)])
                    for r in rows
                ],
            )

    assert content(tmp_path / "a.sqlite3") == content(tmp_path / "b.sqlite3")


# -- the calendar ----------------------------------------------------------------------


@pytest.mark.parametrize("today", [*DAYS, ANCHOR, "1405/09/10", "1410/03/14"])
def test_the_calendar_moves_by_whole_weeks_to_end_today(today):
    calendar = DemoCalendar(jalali.parse(today))
    assert calendar.shift.days % 7 == 0
    anchor = calendar.day(ANCHOR)
    assert 0 <= (calendar.today - anchor).days <= 6
    assert anchor.weekday() == jalali.parse(ANCHOR).weekday()


def test_a_meeting_moved_onto_a_holiday_goes_to_a_working_day():
    calendar = DemoCalendar(jalali.parse(ANCHOR))  # moves nothing
    # Nowruz (a Sunday): the working day before it, past 29 Esfand and the Thursday and Friday.
    assert jalali.format_short(calendar.meeting_day("1406/01/01"), persian_digits=False) == "1405/12/26"
    # Tomorrow is a Thursday: the working day before is today, so the one after (Saturday).
    assert jalali.format_short(calendar.meeting_day("1405/09/05"), persian_digits=False) == "1405/09/07"
    assert calendar.meeting_day("1405/09/04") == calendar.today  # a working day stays


def test_letter_numbers_take_the_year_of_their_date():
    day = jalali.parse("1407/02/10")
    dated = DemoCalendar.dated
    assert dated("نامه شماره ۳۵۷/ش/۱۴۰۴.", day) == "نامه شماره ۳۵۷/ش/۱۴۰۷."
    assert dated("نامه ۲۶۱-ش-۱۴۰۵.pdf", day) == "نامه ۲۶۱-ش-۱۴۰۷.pdf"
    assert dated("تقویم رویدادهای سال ۱۴۰۵", day) == "تقویم رویدادهای سال ۱۴۰۷"
    assert dated("۲۱ دستگاه از ۲۵ دستگاه", day) == "۲۱ دستگاه از ۲۵ دستگاه"


# -- the build --------------------------------------------------------------------------


def test_a_build_that_stops_leaves_no_demo_and_the_next_one_starts_afresh(tmp_path):
    path = tmp_path / "demo.sqlite3"

    def stop_at_the_meetings(_done, _total, step):
        if step is DemoStep.MEETINGS:
            raise KeyboardInterrupt  # the app closed halfway

    with pytest.raises(KeyboardInterrupt):
        create_demo_database(path, progress=stop_at_the_meetings)
    assert not path.exists()
    with Secretariat(create_demo_database(path)) as demo:
        assert demo.council.get().is_demo and demo.meetings.count() == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite3"]  # the building folder is gone
