"""The resolution register on paper: any filter, its rows in order, overdue marked, the totals.

The demo council (read only) for the look and the filters; a generated
council of 1,000 resolutions for the long register. The expected rows and
counts come from ``RegisterService`` and from counting its rows here, the
expected text is written by hand.
"""

import io
import re
import time
from collections import Counter
from dataclasses import fields, replace

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from secretariat.core import Secretariat
from secretariat.database import open_database
from secretariat.followup.register import RegisterSort, ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.persian import jalali
from secretariat.persian.text import to_persian_digits
from secretariat.reports import ReportCancelled, register_report
from secretariat.reports.page import PAGE_WIDTH, SIDE_MARGIN
from secretariat.reports.register_report import OVERDUE_FILL, describe_filter, render_register
from tests.support.reports import (
    PRINTED_ON,
    logical_text,
    page_count,
    page_texts,
    readable,
    readable_lines,
    rtl,
    text_runs,
)

CODE = re.compile("[۰-۹]{4}-[مک]?[۰-۹]{2,}-[۰-۹]{2,}")
HEADER = ["ردیف", "کد", "متن مصوبه", "جلسه", "مسئول اجرا", "مهلت", "وضعیت"]  # from the right
NBSP = "\u00a0"
CONTINUED = ")" + rtl("ادامه") + "("  # «(ادامه)» under the number of a row continued from the page before
GOVERNORATE = "فرمانداری شهرستان پردیس"
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789", "٬")


def rows_of(secretariat, query):
    return secretariat.register.page(query, limit=None)


def lines_of(pdf) -> list[str]:
    return [line.replace(NBSP, " ") for page in readable_lines(pdf) for line in page]


def printed_codes(pdf) -> list[str]:
    return [line for line in lines_of(pdf) if CODE.fullmatch(line)]


def row_numbers(pdf) -> list[str]:
    """The numbers of the «ردیف» column (those of the totals come after «جمع‌بندی»), a row
    continued on the next page once (there its number is over «(ادامه)»)."""
    lines = lines_of(pdf)
    lines = lines[: lines.index(rtl("جمع‌بندی"))]
    return [
        line
        for line, after in zip(lines, [*lines[1:], ""], strict=True)
        if line.isdigit() and not line.isascii() and after != CONTINUED
    ]


def agency_id(secretariat, name):
    return secretariat.agencies.find_by_name(name).id


@pytest.fixture(scope="module")
def everything(demo):
    return render_register(demo, ResolutionQuery(), printed_on=PRINTED_ON)


# -- the title and the filter -------------------------------------------------------------


def test_the_title_the_filter_and_the_print_date(everything):
    first = readable_lines(everything)[0]
    assert rtl("گزارش مصوبات") in first
    assert rtl("همه مصوبات") in first  # no filter
    assert "۱۴۰۴/۰۲/۲۷ :" + rtl("تاریخ چاپ") in first


def test_the_filter_line_names_every_filter_set(demo, demo_meetings):
    town = agency_id(demo, "شهرداری پردیس")
    query = ResolutionQuery(
        overdue=True,
        agency_id=town,
        meeting_from=jalali.from_jalali(1404, 1, 1),
        meeting_to=jalali.from_jalali(1404, 6, 31),
        search="  پورتال ",
    )
    assert describe_filter(demo, query) == (
        "وضعیت: معوق؛ دستگاه مسئول یا همکار: شهرداری پردیس؛ جلسات از ۱۴۰۴/۰۱/۰۱ تا ۱۴۰۴/۰۶/۳۱؛ جستجو: "
        "«پورتال»"
    )
    third = next(m for m in demo_meetings if m.title == "سومین جلسه")
    others = ResolutionQuery(
        status=ResolutionStatus.DONE,
        still_open=True,
        meeting_id=third.id,
        jalali_year=1404,
        due_within_days=30,
        closed_from=jalali.from_jalali(1404, 7, 1),
    )
    assert describe_filter(demo, others) == (
        f"وضعیت: انجام‌شده، همه مصوبات باز؛ جلسه: سومین جلسه، {jalali.format_short(third.date)}؛ "
        "سال جلسات: ۱۴۰۴؛ مهلت تا ۳۰ روز آینده؛ بسته‌شده از ۱۴۰۴/۰۷/۰۱ به بعد"
    )
    assert describe_filter(
        demo,
        ResolutionQuery(
            meeting_to=jalali.from_jalali(1404, 6, 31),
            closed_from=jalali.from_jalali(1404, 1, 1),
            closed_to=jalali.from_jalali(1404, 12, 29),
        ),
    ) == ("جلسات تا ۱۴۰۴/۰۶/۳۱؛ بسته‌شده از ۱۴۰۴/۰۱/۰۱ تا ۱۴۰۴/۱۲/۲۹")


def test_the_search_is_printed_in_persian_letters_not_as_typed(demo):
    # Typed with an Arabic keyboard: ي and ك, and a double space.
    described = describe_filter(demo, ResolutionQuery(search=" مدير  كل\u200cها "))
    assert described == "جستجو: «مدیر کل\u200cها»"  # the ZWNJ is spelling: kept
    assert describe_filter(demo, ResolutionQuery(search=" \n ")) == "همه مصوبات"


def test_every_field_of_the_query_has_words(demo, demo_meetings):
    """A filter added to ResolutionQuery later must be described too (or this fails)."""
    samples = {
        "search": "پورتال",
        "status": ResolutionStatus.OPEN,
        "still_open": True,
        "overdue": True,
        "agency_id": agency_id(demo, GOVERNORATE),
        "meeting_id": demo_meetings[0].id,
        "jalali_year": 1404,
        "meeting_from": PRINTED_ON,
        "meeting_to": PRINTED_ON,
        "due_within_days": 7,
        "closed_from": PRINTED_ON,
        "closed_to": PRINTED_ON,
    }
    ordering = {"sort", "descending"}
    descriptions = set()
    for field in fields(ResolutionQuery):
        if field.name in ordering:
            continue
        description = describe_filter(demo, ResolutionQuery(**{field.name: samples[field.name]}))
        assert description != "همه مصوبات", field.name
        descriptions.add(description)
    assert len(descriptions) == len(fields(ResolutionQuery)) - len(ordering)


def test_the_filter_line_is_printed_under_the_title(demo):
    query = ResolutionQuery(
        agency_id=agency_id(demo, "شهرداری پردیس"),
        meeting_from=jalali.from_jalali(1404, 1, 1),
        meeting_to=jalali.from_jalali(1404, 6, 31),
    )
    pdf = render_register(demo, query, printed_on=PRINTED_ON)
    assert "دستگاه مسئول یا همکار: شهرداری پردیس؛ جلسات از" in page_texts(pdf)[0]
    first = " ".join(readable_lines(pdf)[0])
    assert "۱۴۰۴/۰۶/۳۱ " + rtl("تا") + " ۱۴۰۴/۰۱/۰۱" in first  # the dates in their order


# -- the rows -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        ResolutionQuery(),
        ResolutionQuery(still_open=True),
        ResolutionQuery(status=ResolutionStatus.DONE, sort=RegisterSort.DUE_DATE, descending=False),
        ResolutionQuery(search="پورتال", sort=RegisterSort.LEAD),
        ResolutionQuery(jalali_year=1404, sort=RegisterSort.TEXT),
    ],
    ids=["all", "still-open", "done-by-due-date", "search-by-lead", "year-by-text"],
)
def test_exactly_the_filtered_rows_in_the_registers_order(demo, query):
    expected = [to_persian_digits(row.code) for row in rows_of(demo, query)]
    assert expected  # the demo has some of each
    pdf = render_register(demo, query, printed_on=PRINTED_ON)
    assert printed_codes(pdf) == expected
    assert row_numbers(pdf) == [to_persian_digits(n) for n in range(1, len(expected) + 1)]


def test_a_filtered_agencys_rows_include_those_it_collaborates_on(demo):
    town = agency_id(demo, "شهرداری پردیس")
    rows = rows_of(demo, ResolutionQuery(agency_id=town))
    assert any(row.lead_agency_id != town for row in rows)
    pdf = render_register(demo, ResolutionQuery(agency_id=town), printed_on=PRINTED_ON)
    assert printed_codes(pdf) == [to_persian_digits(row.code) for row in rows]


def test_codes_and_dates_keep_their_digits_in_order(demo, everything):
    lines = lines_of(everything)
    for row in rows_of(demo, ResolutionQuery()):
        assert to_persian_digits(row.code) in lines  # «۱۴۰۴-۰۱-۰۳», not «۰۳-۰۱-۱۴۰۴»
        assert jalali.format_short(row.meeting_date) in lines
        if row.due_date:
            assert jalali.format_short(row.due_date) in lines
    assert "۱۴۰۴-م۰۱-۰۶" in lines  # the general assembly's letter in its place
    assert not any(re.fullmatch("[۰-۹]{2}-[۰-۹]{2}-[۰-۹]{4}", line) for line in lines)
    assert not any(re.fullmatch("[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{4}", line) for line in lines)


def test_the_meeting_and_the_lead_agency_of_each_row(demo, everything):
    lines = lines_of(everything)
    rows = rows_of(demo, ResolutionQuery())
    extraordinary = next(row for row in rows if "(فوق‌العاده)" in row.meeting_title)
    # «دومین جلسه (فوق‌العاده)» wraps before the bracket (a drawn bracket reads as the one it stands for).
    assert ")" + rtl("فوق‌العاده") + "(" in lines
    assert "دومین جلسه (فوق‌العاده)" in logical_text(everything)
    assert extraordinary.meeting_title == "دومین جلسه (فوق‌العاده)"
    assert lines.count(rtl("تا جلسه بعد")) == sum(1 for row in rows if row.due_next_meeting)


def test_long_texts_wrap_inside_their_cells(demo, everything):
    rows = rows_of(demo, ResolutionQuery())
    longest = max(rows, key=lambda row: len(row.text))
    runs = [run for page in text_runs(everything) for run in page]
    readable = lines_of(everything)
    assert len(runs) == len(readable)
    # Its lines, one after another, read as the text: wrapped first, each line then drawn from the right.
    start = next(i for i, line in enumerate(readable) if longest.text.startswith(rtl(line) + " "))
    end = start + 1
    while " ".join(rtl(line) for line in readable[start:end]) != longest.text:
        end += 1
        assert end - start < 10
    assert end - start >= 3
    # Between the meeting's cell on its left and the code's cell on its right.
    text, meeting, code = runs[start:end], runs[start - 1], runs[end]
    assert CODE.fullmatch(readable[end]) and readable[start - 1] == jalali.format_short(longest.meeting_date)
    assert meeting.right < min(run.x for run in text)
    assert max(run.right for run in text) < code.x
    assert all(SIDE_MARGIN - 0.5 <= run.x and run.right <= PAGE_WIDTH - SIDE_MARGIN + 0.5 for run in runs)


def test_the_header_is_on_every_page_of_a_long_table(everything):
    runs = text_runs(everything)
    assert page_count(everything) >= 3
    table_pages = [page for page in runs if any(CODE.fullmatch(run.text) for run in page)]
    assert len(table_pages) >= 3
    for page in table_pages:
        header = {title: next(run for run in page if readable(run.text) == rtl(title)) for title in HEADER}
        xs = [header[title].x for title in HEADER]
        assert xs == sorted(xs, reverse=True)  # ردیف on the right, then to the left
        top = max(run.y for run in page if CODE.fullmatch(run.text))
        assert all(run.y > top for run in header.values())


# -- overdue ---------------------------------------------------------------------------------


def filled_rects(pdf: bytes, colour) -> list[int]:
    """How many rectangles each page fills with ``colour``."""
    wanted = [round(colour.red, 3), round(colour.green, 3), round(colour.blue, 3)]
    reader = PdfReader(io.BytesIO(pdf))
    counts = []
    for page in reader.pages:
        fill, saved, count = None, [], 0
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(fill)
            elif operator == b"Q":
                fill = saved.pop()
            elif operator == b"rg":
                fill = [round(float(value), 3) for value in operands]
            elif operator == b"re" and fill == wanted:
                count += 1
        counts.append(count)
    return counts


def test_overdue_rows_say_so_on_a_tinted_row(demo, everything):
    rows = rows_of(demo, ResolutionQuery())
    overdue = [row for row in rows if row.overdue]
    assert overdue and len(overdue) < len(rows)
    pages = [[line.replace(NBSP, " ") for line in page] for page in readable_lines(everything)]
    marked = [page.count(rtl("معوق")) for page in pages]
    assert sum(marked) == len(overdue)
    # The tint on exactly those rows, and on the part of one continued on the next page.
    continued = [page.count(CONTINUED) for page in pages]
    for tinted, rows_marked, rows_continued in zip(
        filled_rects(everything, OVERDUE_FILL), marked, continued, strict=True
    ):
        assert rows_marked <= tinted <= rows_marked + rows_continued
    text = logical_text(everything)
    for row in overdue:  # «معوق» over «(در حال اجرا)»
        assert ")" + rtl(row.status.label) + "(" in [line for page in pages for line in page]
        assert f"معوق ({row.status.label})" in text


def test_only_overdue_rows_are_printed_when_asked(demo):
    pdf = render_register(demo, ResolutionQuery(overdue=True), printed_on=PRINTED_ON)
    rows = rows_of(demo, ResolutionQuery(overdue=True))
    assert printed_codes(pdf) == [to_persian_digits(row.code) for row in rows]
    assert sum(filled_rects(pdf, OVERDUE_FILL)) == len(rows)


# -- the totals ------------------------------------------------------------------------------


def printed_totals(pdf) -> dict[str, tuple[str, str]]:
    """The totals table: each label's (count, share), read after «جمع‌بندی»."""
    lines = lines_of(pdf)
    start = lines.index(rtl("جمع‌بندی")) + 4  # the heading, then the header: سهم، تعداد، وضعیت
    totals = {}
    for index in range(start, len(lines) - 2, 3):
        share, count, label = lines[index : index + 3]
        if not share.endswith("٪"):
            break
        totals[rtl(label)] = (count, share)
    return totals


@pytest.mark.parametrize("agency", [None, GOVERNORATE])
def test_the_totals_are_the_databases_counts_for_the_filter(demo, agency):
    query = ResolutionQuery(agency_id=agency_id(demo, agency) if agency else None)
    register = demo.register
    rows = rows_of(demo, query)
    by_status = Counter(row.status for row in rows)
    pdf = render_register(demo, query, printed_on=PRINTED_ON)
    totals = printed_totals(pdf)
    expected = {
        status.label: register.count(replace(query, status=status))
        for status in ResolutionStatus
        if by_status[status]
    }
    assert expected == {status.label: count for status, count in by_status.items()}  # the rows agree
    assert {label: int(count.translate(DIGITS)) for label, (count, _share) in totals.items()} == {
        **expected,
        "همه مصوبات": len(rows),
    }
    assert totals["همه مصوبات"][1] == "۱۰۰٪"
    overdue = sum(1 for row in rows if row.overdue)
    assert overdue == register.count(replace(query, overdue=True)) > 0
    note = f"از این میان {to_persian_digits(overdue)} مصوبه معوق است"
    assert note in " ".join(page_texts(pdf))


def test_a_filter_that_selects_nothing_prints_an_empty_report(demo):
    pdf = render_register(
        demo, ResolutionQuery(search="واژه‌ای که در هیچ مصوبه‌ای نیست"), printed_on=PRINTED_ON
    )
    assert printed_codes(pdf) == []
    assert rtl("مصوبه‌ای با این پالایه‌ها پیدا نشد.") in lines_of(pdf)
    assert printed_totals(pdf) == {}  # no status row, and no share of nothing:
    lines = lines_of(pdf)
    total = lines.index(rtl("همه مصوبات"))
    assert lines[total - 2 : total] == ["—", "۰"]
    assert rtl("هیچ‌یک از این مصوبات معوق نیست.") in lines_of(pdf)


def test_a_meeting_filter_prints_that_meetings_resolutions(demo, finalized_meeting):
    meeting = demo.meetings.get(finalized_meeting.id)
    pdf = render_register(demo, ResolutionQuery(meeting_id=meeting.id), printed_on=PRINTED_ON)
    assert f"جلسه: {meeting.title}،" in page_texts(pdf)[0]
    assert len(printed_codes(pdf)) == 5


# -- progress and cancelling ----------------------------------------------------------------


def test_progress_goes_up_to_the_end(demo):
    seen = []
    render_register(demo, ResolutionQuery(), progress=lambda done, total: seen.append((done, total)))
    assert seen == sorted(seen) and len(set(seen)) == len(seen) > 8
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)


@pytest.mark.parametrize("after", [0, 2, 5])
def test_cancelling_stops_the_report(demo, after):
    calls = []

    def cancelled() -> bool:
        calls.append(None)
        return len(calls) > after

    with pytest.raises(ReportCancelled):
        render_register(demo, ResolutionQuery(), cancelled=cancelled)


def test_cancelling_while_the_table_is_laid_out(demo):
    seen = []
    with pytest.raises(ReportCancelled):
        render_register(
            demo,
            ResolutionQuery(),
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] >= 60,
        )
    assert 60 <= seen[-1] < 100


# -- a long register --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """1,000 resolutions of 50 meetings (the benchmark's generator)."""
    from bench.generate import generate

    path = tmp_path_factory.mktemp("register") / "register.sqlite3"
    generate(path, agencies=90, people=150, meetings=50, resolutions=1000, followups=1000)
    database = open_database(path)
    yield Secretariat(database)
    database.close()


def test_a_long_register_is_printed_whole_and_fast(generated):
    query = ResolutionQuery()
    render_register(generated, ResolutionQuery(meeting_id=1))  # the fonts, loaded once for every report
    seen = []
    start = time.process_time()
    pdf = render_register(generated, query, progress=lambda done, _total: seen.append(done))
    elapsed = time.process_time() - start
    rows = rows_of(generated, query)
    assert len(rows) == 1000
    assert printed_codes(pdf) == [to_persian_digits(row.code) for row in rows]
    assert page_count(pdf) > 50
    assert len(seen) > 50  # the bar moves page by page while the table is laid out
    assert elapsed < 4.0  # about 1.7 s here; the issue asks for 2,000 rows in well under 10 s


def test_rows_are_read_page_by_page_without_a_gap_or_a_repeat(demo, monkeypatch):
    monkeypatch.setattr(register_report, "PAGE_SIZE", 7)  # 43 rows: six full pages and one of one
    query = ResolutionQuery(sort=RegisterSort.LEAD)  # equal leads: the order must still be stable
    pdf = render_register(demo, query, printed_on=PRINTED_ON)
    assert printed_codes(pdf) == [to_persian_digits(row.code) for row in rows_of(demo, query)]
