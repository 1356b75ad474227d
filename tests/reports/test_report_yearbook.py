"""The yearly report (کارنامه سالانه): cover, contents, figures, charts, meetings, resolutions, statistics.

A small council whose 1404 is known by hand (``yearbook_support``) and the
demo council (read only). The expected figures come from the register, the
meeting list and the attendance service (or by hand), the expected text is
written by hand; lines are read back as drawn (``report_support``).
"""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from db.models import FollowUp, Meeting, Resolution
from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.errors import DomainError
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.meetings.kinds import MeetingStatus
from secretariat.meetings.planning import MeetingQuery
from secretariat.persian.text import format_int, to_latin_digits, to_persian_digits
from secretariat.reports import ReportCancelled
from secretariat.reports.page import PAGE_WIDTH, SIDE_MARGIN
from secretariat.reports.yearbook import render_yearbook
from secretariat.reports.yearbook_data import year_bounds
from tests.support.attendance import EDUCATION, EXPECTED, POST, TOWN, percent_text
from tests.support.reports import PRINTED_ON, page_count, readable, readable_lines, rtl, text_runs
from tests.support.yearbook import (
    AMENDED_TEXT,
    CANCEL_REASON,
    COMPLETION,
    DEADLINE_REASON,
    DEFER_NOTE,
    EVIDENCE,
    FOLLOWUP_NOTE,
    YEAR,
    yearbook_world,
)

NBSP = "\u00a0"
COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
CODE = re.compile("[۰-۹]{4}-[مک]?[۰-۹]{2,}-[۰-۹]{2,}")
SECTIONS = [
    "سال در یک نگاه",
    "نمودارها",
    "جلسات برگزارشده",
    "مصوبات سال و سابقه پیگیری آن‌ها",
    "آمار حضور و غیاب دستگاه‌ها",
    "آمار اجرای مصوبات به تفکیک دستگاه",
]
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


def section(number: int) -> str:
    """A section's heading as drawn: «۱. سال در یک نگاه» read from the right, the number last."""
    return rtl(SECTIONS[number - 1]) + " ." + to_persian_digits(number)


def page_of(page: int, total: int) -> str:
    return f"{to_persian_digits(total)} {rtl('از')} {to_persian_digits(page)} {rtl('صفحه')}"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("yearbook") / "council.sqlite3")
    yield yearbook_world(database)
    database.close()


@pytest.fixture(scope="module")
def database(world):
    """The hand-made council's secretariat."""
    return Secretariat(world["council"].database)


@pytest.fixture(scope="module")
def pdf(database):
    return render_yearbook(database, YEAR, printed_on=PRINTED_ON)


@pytest.fixture(scope="module")
def pages(pdf):
    return readable_lines(pdf)


@pytest.fixture(scope="module")
def demo_year(demo):
    return min(demo.meetings.years())  # the demo's whole year (the other ends today)


@pytest.fixture(scope="module")
def demo_pdf(demo, demo_year):
    return render_yearbook(demo, demo_year, printed_on=PRINTED_ON)


def page_with(pages, line: str) -> int:
    """The index of the first page that draws ``line``."""
    return next(index for index, lines in enumerate(pages) if line in lines)


def section_page(pages, number: int) -> list[str]:
    """The lines of the page a section starts on (its heading is in the contents too, before it)."""
    return next(lines for lines in reversed(pages) if section(number) in lines)


def drawn(text: str) -> str:
    """A line of Persian words (and single digits) as drawn: read from the right (a drawn
    bracket reads as the one it stands for)."""
    return rtl(text)


def columns_text(pdf) -> str:
    """The lines drawn with the same right edge on a page (a right-aligned column or cell), top to
    bottom, joined back into logical text: sound for Persian words (a line of them is drawn reversed)."""
    texts = []
    for runs in text_runs(pdf):
        columns = {}
        for run in runs:
            columns.setdefault(round(run.right), []).append(run)
        for column in columns.values():
            column.sort(key=lambda run: -run.y)
            texts.append(" ".join(readable(run.text)[::-1] for run in column))
    return "\n".join(texts)


def all_lines(pages) -> list[str]:
    return [line.replace(NBSP, " ") for lines in pages for line in lines]


def contents(pdf) -> dict[str, int]:
    """The contents as drawn: each entry's title (as drawn) and the page number on its line."""
    entries = {}
    for runs in text_runs(pdf)[1:4]:
        numbers = [run for run in runs if run.x < SIDE_MARGIN + 2 and readable(run.text).isdigit()]
        for number in numbers:
            title = next(run for run in runs if abs(run.y - number.y) < 0.5 and run.right > PAGE_WIDTH / 2)
            entries[readable(title.text)] = int(to_latin_digits(readable(number.text)))
    return entries


# -- the cover and the contents -----------------------------------------------------------------


def test_the_cover_names_the_council_the_report_and_the_year(pages):
    cover = pages[0]
    assert rtl("بسمه تعالی") in cover
    assert rtl(COUNCIL) in cover
    assert rtl("کارنامه سالانه") in cover
    assert rtl("دبیرخانه شورای هماهنگی روابط عمومی") in cover
    assert "۱۴۰۴ " + rtl("سال") in cover
    assert rtl("شهر: پردیس") in cover
    assert "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ چاپ") in cover


def test_the_demo_cover_has_its_secretary_and_no_footer(demo_pdf, demo_year):
    cover = readable_lines(demo_pdf)[0]
    assert to_persian_digits(demo_year) + " " + rtl("سال") in cover
    assert rtl("دبیر شورا: زهرا موسوی") in cover
    assert not any(rtl("صفحه") in line for line in cover)  # the cover counts as page 1 without saying so


def test_every_later_page_has_the_running_head_and_its_number(pdf, pages):
    total = page_count(pdf)
    head = rtl(COUNCIL) + " ؛۱۴۰۴ " + rtl("کارنامه سالانه")
    for number, lines in enumerate(pages[1:], start=2):
        assert head in lines
        assert page_of(number, total) in lines


@pytest.mark.parametrize("which", ["hand", "demo"])
def test_the_contents_name_the_page_of_every_section_and_meeting(which, pdf, demo_pdf):
    document = pdf if which == "hand" else demo_pdf
    pages = readable_lines(document)
    entries = contents(document)
    assert [title for title in entries if title in map(section, range(1, 7))] == list(
        map(section, range(1, 7))
    )
    meetings = [title for title in entries if title not in map(section, range(1, 7))]
    assert meetings  # the meetings with resolutions, under «مصوبات سال»
    contents_pages = {page_with(pages, rtl("فهرست مطالب"))}
    for title, page in entries.items():
        assert title in pages[page - 1], (title, page)
        assert page_of(page, len(pages)) in pages[page - 1]
        if page - 2 not in contents_pages:
            assert title not in pages[page - 2], (title, page)  # not already on the page before
    listed = list(entries.values())
    assert listed == sorted(listed)


def test_the_pdf_outline_leads_to_the_same_pages(demo_pdf):
    reader = PdfReader(io.BytesIO(demo_pdf))
    marks = []

    def walk(outline):
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    pages = list(contents(demo_pdf).values())
    assert [page for _title, page in marks] == pages
    assert marks[0][0] == "۱. سال در یک نگاه"


def test_the_contents_list_the_meetings_with_resolutions_in_order(pdf):
    entries = list(contents(pdf))
    meetings = entries[4:7]  # after the fourth section's entry
    assert meetings == [
        "۱۴۰۴/۰۲/۱۰ ،" + rtl("دومین جلسه"),
        "۱۴۰۴/۰۴/۱۵ ،" + rtl("سومین جلسه"),
        "۱۴۰۴/۰۷/۲۰ ،" + rtl("چهارمین جلسه"),
    ]  # the fifth meeting (1404/10/05) made no resolution, the first was held in 1403


# -- the year in figures --------------------------------------------------------------------------


def card(lines, label: str) -> str:
    """The figure drawn above a summary card's label."""
    return lines[lines.index(rtl(label)) - 1]


def expected_figures(secretariat, year) -> dict[str, str]:
    register = secretariat.register
    meetings = secretariat.meetings
    total = register.count(ResolutionQuery(jalali_year=year))
    done = register.count(ResolutionQuery(jalali_year=year, status=ResolutionStatus.DONE))
    cancelled = register.count(ResolutionQuery(jalali_year=year, status=ResolutionStatus.CANCELLED))
    held = sum(
        meetings.count(MeetingQuery(jalali_year=year, status=status))
        for status in (MeetingStatus.HELD, MeetingStatus.FINALIZED)
    )
    rates = secretariat.attendance.rates(*year_bounds(year))
    with secretariat.database.reading() as session:
        followups = session.scalar(
            select(func.count(FollowUp.id))
            .join(Resolution, Resolution.id == FollowUp.resolution_id)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(Meeting.jalali_year == year)
        )
    return {
        "جلسه برگزارشده": format_int(held),
        "مصوبه تصویب‌شده": format_int(total),
        "نرخ انجام مصوبات": percent_text(done, total - cancelled),
        "میانگین نرخ حضور": percent_text(sum(r.present for r in rates), sum(r.invited for r in rates)),
        "مصوبه انجام‌شده": format_int(done),
        "مصوبه هنوز در جریان": format_int(register.count(ResolutionQuery(jalali_year=year, still_open=True))),
        "مصوبه معوق": format_int(register.count(ResolutionQuery(jalali_year=year, overdue=True))),
        "پیگیری ثبت‌شده": format_int(followups),
    }


def test_the_figures_by_hand(pages):
    lines = section_page(pages, 1)
    figures = {
        label: card(lines, label)
        for label in (
            "جلسه برگزارشده",
            "مصوبه تصویب‌شده",
            "نرخ انجام مصوبات",
            "میانگین نرخ حضور",
            "مصوبه انجام‌شده",
            "مصوبه هنوز در جریان",
            "مصوبه معوق",
            "پیگیری ثبت‌شده",
        )
    }
    # 4 held (not the cancelled one, the planned one, nor 1403's); 5 resolutions, one done of the four
    # not cancelled; 15 present of 23 invited; two overdue; three follow-ups.
    assert figures == {
        "جلسه برگزارشده": "۴",
        "مصوبه تصویب‌شده": "۵",
        "نرخ انجام مصوبات": "۲۵٪",
        "میانگین نرخ حضور": "۶۵٪",
        "مصوبه انجام‌شده": "۱",
        "مصوبه هنوز در جریان": "۳",
        "مصوبه معوق": "۲",
        "پیگیری ثبت‌شده": "۳",
    }


@pytest.mark.parametrize("which", ["hand", "demo"])
def test_the_figures_are_the_databases(which, database, pdf, demo, demo_pdf, demo_year):
    db, document, year = (database, pdf, YEAR) if which == "hand" else (demo, demo_pdf, demo_year)
    lines = section_page(readable_lines(document), 1)
    expected = expected_figures(db, year)
    assert {label: card(lines, label) for label in expected} == expected
    register = db.register
    total = register.count(ResolutionQuery(jalali_year=year))
    for status in ResolutionStatus:  # the table of statuses: share, count, label from the left
        count = register.count(ResolutionQuery(jalali_year=year, status=status))
        index = lines.index(rtl(status.label))
        assert lines[index - 2 : index] == [percent_text(count, total), format_int(count)], status


def test_the_summary_says_what_was_held_and_what_was_not(pages):
    lines = section_page(pages, 1)
    assert drawn("افزون بر این‌ها، ۱ جلسه لغو شد و ۱ جلسه برنامه‌ریزی‌شده هنوز برگزار نشده است.") in lines


# -- the charts ---------------------------------------------------------------------------------------


def runs_on(pdf, text: str):
    """The page's runs where ``text`` (as drawn) is, and that run."""
    for runs in text_runs(pdf):
        for run in runs:
            if readable(run.text) == text:
                return runs, run
    raise AssertionError(f"{text!r} is not drawn")


def centre(run) -> float:
    return run.x + run.width / 2


def test_the_months_read_from_the_right(pdf):
    runs, _first = runs_on(pdf, rtl("فروردین"))
    months = [next(run for run in runs if readable(run.text) == rtl(month)) for month in MONTHS]
    centres = [centre(run) for run in months]
    assert centres == sorted(centres, reverse=True)  # فروردین at the right, اسفند at the left


def test_the_chart_labels_are_persian_words_in_reading_order(pdf):
    runs, _total = runs_on(pdf, rtl("مصوبه") + " ۵ :" + rtl("جمع"))  # «جمع: ۵ مصوبه» under the status key
    labels = [readable(run.text) for run in runs]
    assert rtl("در حال اجرا") in labels
    assert drawn("نرخ انجام مصوبات ۶ دستگاهی که بیشترین مصوبه را داشتند (مسئول اجرا یا همکار)") in labels
    assert rtl("۶ دستگاه با کمترین نرخ حضور در جلسات سال") in labels
    assert rtl("ارجاع به جلسه بعد") in labels
    assert ")۲۰٪( ۱" in labels  # each status: one of five, «۱ (۲۰٪)» read from the right


def test_the_rate_bars_grow_from_the_right(pdf):
    runs, name = runs_on(pdf, rtl(EDUCATION))  # the completion chart: 100%
    axis_zero = [run for run in runs if readable(run.text) == "۰٪"]
    axis_full = [run for run in runs if readable(run.text) == "۱۰۰٪"]
    assert axis_zero and axis_full
    # ۰٪ is at the right end of the bars, ۱۰۰٪ at the left end; the names are right of both.
    assert centre(axis_zero[0]) > centre(axis_full[0])
    assert name.x > centre(axis_zero[0])
    figure = next(run for run in runs if abs(run.y - name.y) < 0.5 and readable(run.text) == "۱۰۰٪")
    assert figure.right < centre(axis_full[0]) + 1  # the figure left of the bars
    detail = next(run for run in runs if abs(run.y - name.y) < 0.5 and readable(run.text).startswith(")"))
    assert readable(detail.text) == ")۱ " + rtl("از") + " ۱("  # «(۱ از ۱)»


def test_the_lowest_attendance_is_charted_worst_first(pdf):
    runs, title = runs_on(pdf, rtl("۶ دستگاه با کمترین نرخ حضور در جلسات سال"))
    names = {rtl(name): name for name, *_ in EXPECTED}
    charted = [run for run in runs if run.y < title.y and readable(run.text) in names]
    charted.sort(key=lambda run: -run.y)  # top to bottom
    assert [names[readable(run.text)] for run in charted] == [name for name, *_ in EXPECTED]
    row = sorted((run for run in runs if abs(run.y - charted[0].y) < 0.5), key=lambda run: run.x)
    assert [readable(run.text) for run in row] == [  # from the left: «(۱ از ۳)», the rate, the name
        ")۳ " + rtl("از") + " ۱(",
        "۳۳٪",
        rtl(POST),
    ]


# -- the meetings -----------------------------------------------------------------------------------


def test_the_meetings_held_with_their_attendance(pages):
    lines = section_page(pages, 3)
    # Drawn from the left: minutes, resolutions, quorum, excused, absent, present, invited, host, date,
    # title, number.
    index = lines.index(rtl("دومین جلسه"))
    assert lines[index - 9 : index + 2] == [
        rtl("نهایی"),
        "۲",
        rtl("فراهم"),
        "۰",
        "۱",
        "۵",
        "۶",
        "—",
        "۱۴۰۴/۰۲/۱۰",
        rtl("دومین جلسه"),
        "۱",
    ]
    index = lines.index(rtl("چهارمین جلسه"))  # two of six present: no quorum («فراهم نبود»)
    assert lines[index - 9 : index] == [
        rtl("پیش‌نویس"),
        "۱",
        rtl("فراهم نبود"),
        "۱",
        "۳",
        "۲",
        "۶",
        "—",
        "۱۴۰۴/۰۷/۲۰",
    ]
    total = lines.index(rtl("جمع"))
    assert lines[total - 5 : total] == [
        "۵",
        "۲",
        "۶",
        "۱۵",
        "۲۳",
    ]  # resolutions, excused, absent, present, invited
    assert "۱۴۰۳/۱۲/۲۰" not in lines


def test_the_meetings_not_held_are_listed_under_them(pages):
    lines = section_page(pages, 3)
    assert (
        rtl("هم‌زمانی با سفر استاندار") + " :" + rtl("لغو شد") + " ،۱۴۰۴/۰۸/۰۱ ،" + drawn("جلسه عادی (لغوشده)")
        in lines
    )
    assert rtl("برنامه‌ریزی‌شده") + " :۱۴۰۴/۱۱/۲۰ ،" + rtl("ششمین جلسه") in lines


# -- every resolution ------------------------------------------------------------------------------


def codes_in(pages) -> list[str]:
    """The codes drawn, a row split over two pages (its code repeated on the second) counted once."""
    codes = []
    for lines in pages:
        for line in lines:
            if CODE.fullmatch(line) and (not codes or codes[-1] != line):
                codes.append(line)
    return codes


@pytest.mark.parametrize("which", ["hand", "demo"])
def test_every_resolution_of_the_year_once_in_order(which, database, pdf, demo, demo_pdf, demo_year):
    db, document, year = (database, pdf, YEAR) if which == "hand" else (demo, demo_pdf, demo_year)
    rows = db.register.page(ResolutionQuery(jalali_year=year, descending=False), limit=None)
    assert rows
    assert codes_in(readable_lines(document)) == [to_persian_digits(row.code) for row in rows]


def test_the_hand_made_codes(pages):
    assert codes_in(pages) == ["۱۴۰۴-۰۲-۰۱", "۱۴۰۴-۰۲-۰۲", "۱۴۰۴-۰۳-۰۱", "۱۴۰۴-۰۳-۰۲", "۱۴۰۴-۰۴-۰۱"]


def test_a_resolution_with_its_history(pdf, pages):
    lines = all_lines(pages)
    assert AMENDED_TEXT in columns_text(pdf)  # the text in force, not the minutes' first text (wrapped)
    assert rtl("مسئول اجرا: آموزش و پرورش؛ همکاران: شهرداری پردیس") in lines
    assert "۱۴۰۴/۰۳/۳۱ :" + rtl("مهلت") in lines
    note = lines.index(rtl("نامه: " + FOLLOWUP_NOTE))  # a follow-up note, then its date
    assert lines[note + 1] == "۱۴۰۴/۰۳/۰۱"
    report = lines.index(rtl("گزارش دستگاه: گزارش پیشرفت رسید"))  # then its date and the progress reported
    assert lines[report + 1 : report + 3] == ["۱۴۰۴/۰۳/۲۰", "۶۰٪"]
    assert lines[note + 2] != "۶۰٪"  # the letter reported no progress
    # The evidence of completion, and the day.
    assert rtl("مستند: " + EVIDENCE) + " ؛۱۴۰۴/۰۴/۰۵ " + rtl("انجام شد در") in lines


def test_cancelled_deferred_and_a_moved_deadline_say_why(pages):
    lines = all_lines(pages)
    # Cancelled (today, when the test world was made): the reason.
    cancelled = next(line for line in lines if line.endswith(rtl("لغو شد در")))
    assert cancelled.startswith(rtl("دلیل: " + CANCEL_REASON) + " ؛")
    # Deferred: the meeting it goes to, its date and the note.
    assert rtl(DEFER_NOTE) + " ؛)۱۴۰۴/۱۱/۲۰( " + rtl("ارجاع به ششمین جلسه") in lines
    # The deadline first set, then the change (made today) to 1404/08/30, and why.
    moved = next(line for line in lines if line.endswith("۱۴۰۴/۰۶/۱۵ :" + rtl("مهلت")))
    assert moved.startswith(rtl("تغییر کرد") + " ۱۴۰۴/۰۸/۳۰ " + rtl("به"))
    assert lines[lines.index(moved) + 1] == drawn("(" + DEADLINE_REASON + ")")


def test_overdue_is_marked_with_the_days_late(pages):
    lines = all_lines(pages)
    days = (dt.date.today() - dt.date(2025, 11, 21)).days  # past 1404/08/30, the moved deadline
    assert f"{rtl('روز')} {format_int(days)} {rtl('معوق؛')}" in lines


def test_a_resolution_of_another_year_is_left_out(pages):
    text = " ".join(line for page in pages for line in page)
    assert "۱۴۰۳-۰۱-۰۱" not in text
    assert rtl("مقرر شد گزارش سال") not in text


# -- the statistics ---------------------------------------------------------------------------------


def test_each_agencys_attendance_worst_first(pages):
    lines = section_page(pages, 5)
    places = []
    for number, (name, invited, present, _late, absent, excused) in enumerate(EXPECTED, start=1):
        index = lines.index(rtl(name))
        row = [percent_text(present, invited), *map(to_persian_digits, (excused, absent, present, invited))]
        assert lines[index - 5 : index + 2] == [*row, rtl(name), to_persian_digits(number)]
        places.append(index)
    assert places == sorted(places)


def test_each_agencys_completion_worst_first(pages):
    lines = section_page(pages, 6)
    places = []
    for number, (name, resolutions, lead, done, overdue, cancelled, rate) in enumerate(COMPLETION, start=1):
        index = lines.index(rtl(name))
        figures = [rate, *map(to_persian_digits, (cancelled, overdue, done, lead, resolutions))]
        assert lines[index - 6 : index + 2] == [*figures, rtl(name), to_persian_digits(number)], name
        places.append(index)
    assert places == sorted(places)
    assert lines.index(rtl(TOWN)) < lines.index(rtl(EDUCATION))


# -- refusal, progress and cancelling ------------------------------------------------------------------


def test_a_year_without_any_meeting_is_refused(database):
    with pytest.raises(DomainError) as error:
        render_yearbook(database, 1390)
    assert error.value.message == (
        "در سال ۱۳۹۰ جلسه‌ای ثبت نشده است؛ کارنامه سالانه برای سالی ساخته می‌شود که جلسه‌ای داشته باشد."
    )


def test_the_progress_goes_through_the_sections_to_a_hundred(demo, demo_year):
    seen = []
    render_yearbook(demo, demo_year, progress=lambda done, total: seen.append((done, total)))
    done = [d for d, _total in seen]
    assert {total for _d, total in seen} == {100}
    assert done == sorted(done) and done[0] == 0 and done[-1] == 100
    assert len(set(done)) >= 10
    assert any(25 < d < 85 for d in done)  # through the resolutions


@pytest.mark.parametrize("stop_at", [1, 15, 40, 90])
def test_a_cancel_stops_the_report(database, stop_at):
    seen = []
    with pytest.raises(ReportCancelled):
        render_yearbook(
            database,
            YEAR,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] >= stop_at,
        )
    assert stop_at <= seen[-1] < 100
