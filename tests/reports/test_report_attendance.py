"""The member agencies' attendance over a period, on paper.

A small council whose figures are known by hand (``attendance_support``),
and the demo council for the look.
"""

import pytest

from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.meetings.attendance import AttendanceService
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled
from secretariat.reports.attendance_report import percent, render_attendance
from tests.support.attendance import EXPECTED, LIBRARY, YEAR_1404, attendance_world, percent_text
from tests.support.reports import PRINTED_ON, page_count, page_texts, readable_lines, rtl

TITLE = "گزارش حضور و غیاب دستگاه‌ها"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("attendance") / "council.sqlite3")
    yield attendance_world(database)
    database.close()


@pytest.fixture(scope="module")
def year_pdf(world):
    return render_attendance(Secretariat(world["council"].database), *YEAR_1404, printed_on=PRINTED_ON)


@pytest.fixture(scope="module")
def lines(year_pdf):
    return [line for page in readable_lines(year_pdf) for line in page]


def test_the_title_and_the_period_in_jalali(year_pdf, lines):
    assert TITLE in page_texts(year_pdf)[0]
    assert "۱۴۰۴/۱۲/۲۹ " + rtl("تا") + " ۱۴۰۴/۰۱/۰۱ " + rtl("از") in lines
    assert "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ چاپ") in lines


def test_the_meetings_held_and_the_overall_rate(lines):
    # 4 meetings held (not the cancelled or the planned one, nor the one of 1403), 6 agencies, 15 of 23.
    assert percent_text(15, 23) == "۶۵٪"
    summary = "۶۵٪ " + rtl("در این دوره ۴ جلسه برگزار شد و ۶ دستگاه عضو به آن‌ها دعوت شدند؛ نرخ کلی حضور:")
    assert summary in lines  # the sign on the number's right, as on screen


def test_each_agencys_figures_worst_first(lines):
    places = []
    for number, (name, invited, present, _late, absent, excused) in enumerate(EXPECTED, start=1):
        index = lines.index(rtl(name))
        # Drawn from the left: rate, excused, absent, present, invited, the agency, its number.
        row = [percent_text(present, invited), *map(to_persian_digits, (excused, absent, present, invited))]
        assert lines[index - 5 : index + 2] == [*row, rtl(name), to_persian_digits(number)]
        places.append(index)
    assert places == sorted(places)
    assert [percent_text(p, i) for _name, i, p, *_ in EXPECTED] == ["۳۳٪", "۵۰٪", "۵۰٪", "۷۵٪", "۷۵٪", "۱۰۰٪"]


def test_the_totals_row(lines):
    index = lines.index(rtl("جمع"))
    assert lines[index - 5 : index + 1] == ["۶۵٪", "۲", "۶", "۱۵", "۲۳", rtl("جمع")]
    assert index > lines.index(rtl(EXPECTED[-1][0]))  # after the last agency
    assert lines[index + 1] != "۷"  # the totals row is not numbered


def test_late_counts_as_present_and_the_key_says_so(year_pdf, lines):
    education = lines.index(rtl("آموزش و پرورش"))
    assert lines[education - 2] == "۴"  # present 4 times, once late
    key = " ".join(page_texts(year_pdf))
    assert "حاضر: با حضور با تأخیر" in key and "نرخ حضور: حاضر بخش بر دعوت" in key


def test_guests_and_agencies_never_invited_are_left_out(year_pdf, lines):
    assert rtl(LIBRARY) not in lines
    assert "مهمان ویژه" not in " ".join(page_texts(year_pdf))
    assert lines[lines.index(rtl(EXPECTED[-1][0])) + 1] == "۶" and "۷" not in lines  # six rows


def test_the_figures_are_the_attendance_services(world):
    """What is printed is what the core counts (one grouped query), here checked against the hand count."""
    rates = AttendanceService(world["council"].database).rates(*YEAR_1404)
    assert [(r.agency_name, r.invited, r.present, r.late, r.absent, r.excused) for r in rates] == EXPECTED


def test_percentages_round_half_up():
    assert percent(1, 8) == "۱۳٪"  # 12.5
    assert percent(2, 3) == "۶۷٪"
    assert percent(1, 3) == "۳۳٪"
    assert percent(0, 4) == "۰٪"
    assert percent(7, 7) == "۱۰۰٪"
    assert percent(1, 200) == "۱٪"  # 0.5
    assert percent(0, 0) == "—"


# -- refusals --------------------------------------------------------------------------------


def test_a_period_that_ends_before_it_starts_is_refused(world):
    with pytest.raises(DomainError) as error:
        render_attendance(Secretariat(world["council"].database), YEAR_1404[1], YEAR_1404[0])
    assert error.value.message == "پایان دوره (۱۴۰۴/۰۱/۰۱) پیش از آغاز آن (۱۴۰۴/۱۲/۲۹) است."


@pytest.mark.parametrize(
    "period",
    [
        ((1402, 1, 1), (1402, 12, 29)),  # nothing at all
        ((1404, 11, 1), (1404, 11, 30)),  # only the planned meeting
        ((1404, 8, 1), (1404, 8, 1)),  # only the cancelled one
    ],
    ids=["empty", "planned", "cancelled"],
)
def test_a_period_without_a_meeting_held_is_refused(world, period):
    start, end = (jalali.from_jalali(*day) for day in period)
    with pytest.raises(DomainError) as error:
        render_attendance(Secretariat(world["council"].database), start, end)
    assert error.value.message == (
        f"از {jalali.format_short(start)} تا {jalali.format_short(end)} جلسه‌ای برگزار نشده است؛ "
        "دوره دیگری را برگزینید."
    )


def test_one_day_with_one_meeting(world):
    day = world["meetings"][1].date  # 1404/04/15: three present, two absent, one excused
    pdf = render_attendance(Secretariat(world["council"].database), day, day, printed_on=PRINTED_ON)
    lines = [line for page in readable_lines(pdf) for line in page]
    assert (
        "۵۰٪ " + rtl("در این دوره ۱ جلسه برگزار شد و ۶ دستگاه عضو به آن‌ها دعوت شدند؛ نرخ کلی حضور:") in lines
    )
    total = lines.index(rtl("جمع"))
    assert lines[total - 5 : total] == ["۵۰٪", "۱", "۲", "۳", "۶"]


# -- progress and cancelling ----------------------------------------------------------------


def test_progress_goes_up_to_the_end(world):
    seen = []
    render_attendance(
        Secretariat(world["council"].database),
        *YEAR_1404,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == sorted(seen) and len(set(seen)) == len(seen) > 3
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)


@pytest.mark.parametrize("after", [0, 1, 3])
def test_cancelling_stops_the_report(world, after):
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > after

    with pytest.raises(ReportCancelled):
        render_attendance(Secretariat(world["council"].database), *YEAR_1404, cancelled=cancelled)


# -- the demo council ------------------------------------------------------------------------


def test_the_demo_councils_attendance_fits_one_page_in_the_services_order(demo, demo_meetings):
    held = [m for m in demo_meetings if m.status.numbers_frozen]
    start, end = held[0].date, held[-1].date
    pdf = render_attendance(demo, start, end, printed_on=PRINTED_ON)
    rates = demo.attendance.rates(start, end)
    lines = readable_lines(pdf)
    assert page_count(pdf) == 1
    names = [line for line in lines[0] if line in {rtl(r.agency_name) for r in rates}]
    # A long name wraps in its cell; the others are on one line each, in the order of the rates.
    assert names == [rtl(r.agency_name) for r in rates if rtl(r.agency_name) in names]
    assert len(names) >= len(rates) - 2
    summary = next(line for line in lines[0] if line.endswith(rtl("در این دوره")))
    assert rtl(f"در این دوره {to_persian_digits(len(held))} جلسه") in summary


def test_invitations_left_unrecorded_get_a_column_and_a_note(database):
    from tests.support.meetings import Council

    council = Council(database)
    school, town = council.agency("آموزش و پرورش"), council.agency("شهرداری پردیس")
    meeting = council.plan("1404/07/15")
    council.attendance.record_agency(meeting.id, school, "present")  # the municipality left blank
    pdf = render_attendance(Secretariat(database), meeting.date, meeting.date, printed_on=PRINTED_ON)
    lines = [line for page in readable_lines(pdf) for line in page]
    assert rtl("ثبت‌نشده") in lines
    index = lines.index(rtl("شهرداری پردیس"))
    # rate, unrecorded, excused, absent, present, invited
    assert lines[index - 6 : index] == ["۰٪", "۱", "۰", "۰", "۰", "۱"]
    words = " ".join(" ".join(page_texts(pdf)).split())  # the key wraps: its lines joined
    assert "حضور و غیاب ۱ دعوت ثبت نشده است" in words
    council.attendance.record_agency(meeting.id, town, "absent")  # the sheet filled in: no such column
    pdf = render_attendance(Secretariat(database), meeting.date, meeting.date, printed_on=PRINTED_ON)
    assert rtl("ثبت‌نشده") not in [line for page in readable_lines(pdf) for line in page]
