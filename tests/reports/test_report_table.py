"""The right-to-left table: columns from the right, header on every page, nothing overflowing."""

import datetime as dt

import pytest

from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.page import CONTENT_WIDTH, PAGE_WIDTH, SIDE_MARGIN, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph, text_width
from secretariat.reports.table import CELL_PADDING, Column, column_widths, details_table, rtl_table
from tests.support.reports import logical_text, page_count, readable, rtl, text_runs

SETUP = PageSetup(
    council_name="شورای هماهنگی روابط عمومی‌های شهرستان پردیس",
    title="آزمون جدول",
    printed_on=dt.date(2025, 5, 17),
)
COLUMNS = [Column("دستگاه", 3), Column("مدیر روابط عمومی", 2), Column("رایانامه", 2, centered=True)]
HEADER = [rtl("ردیف"), rtl("دستگاه"), rtl("مدیر روابط عمومی"), rtl("رایانامه")]


def rows(count: int) -> list[list[str]]:
    return [
        [f"اداره کل شماره {to_persian_digits(n)} استان تهران (ستاد)", "مریم احمدی", f"pr{n}@pardis.ir"]
        for n in range(1, count + 1)
    ]


def test_columns_run_from_the_right_with_the_row_number_first():
    table = rtl_table(COLUMNS, rows(3), width=CONTENT_WIDTH, numbered=True)
    runs = text_runs(build_pdf([table], SETUP))[0]
    header = {readable(run.text): run for run in runs if readable(run.text) in HEADER}
    positions = [header[title].x for title in HEADER]
    assert positions == sorted(positions, reverse=True)  # «ردیف» rightmost, «رایانامه» leftmost
    numbers = [run for run in runs if readable(run.text) in ("۱", "۲", "۳")]
    assert [readable(run.text) for run in numbers] == ["۱", "۲", "۳"]
    assert all(run.x > header[rtl("دستگاه")].right for run in numbers)


def test_a_long_table_repeats_its_header_on_every_page():
    pdf = build_pdf([rtl_table(COLUMNS, rows(90), width=CONTENT_WIDTH, numbered=True)], SETUP)
    pages = text_runs(pdf)
    assert len(pages) >= 3
    for page in pages:
        lines = [readable(run.text) for run in page]
        assert all(title in lines for title in HEADER)
    all_numbers = [readable(run.text) for page in pages for run in page if readable(run.text).isdigit()]
    assert all_numbers == [to_persian_digits(n) for n in range(1, 91)]  # every row once, in order


def test_nothing_runs_over_a_cell_or_off_the_page():
    long_rows = [
        [
            "اداره کل میراث فرهنگی، گردشگری و صنایع دستی شهرستان پردیس " * 2,
            "مریم احمدی",
            "public-relations.coordination@pardis-governorate.example.ir",
        ],
        ["بانک ملی", "دکتر پریسا تهرانی (مدیر)", "pr@pardis.ir"],
    ]
    table = rtl_table(COLUMNS, long_rows, width=CONTENT_WIDTH, numbered=True)
    pdf = build_pdf([table], SETUP)
    # The table fills the frame; its columns, left to right as laid out.
    edges = [SIDE_MARGIN]
    for width in table._colWidths:
        edges.append(edges[-1] + width)
    body = [run for run in text_runs(pdf)[0] if SIDE_MARGIN <= run.x <= PAGE_WIDTH - SIDE_MARGIN]
    for run in body:
        if run.y < 80 or run.y > 700:
            continue  # footer and letterhead
        column = max(index for index, edge in enumerate(edges[:-1]) if edge <= run.x + 0.01)
        assert run.x >= edges[column] + CELL_PADDING - 0.05, run
        assert run.right <= edges[column + 1] - CELL_PADDING + 0.05, run


def test_a_column_too_narrow_for_a_date_is_widened_from_the_others():
    columns = [Column("متن", 8), Column("مهلت", 0.5, centered=True)]
    table = rtl_table(columns, [["مقرر شد گزارش ارسال شود", "۱۴۰۴/۰۷/۳۰"]], width=CONTENT_WIDTH)
    runs = text_runs(build_pdf([table], SETUP))[0]
    assert "۱۴۰۴/۰۷/۳۰" in [readable(run.text) for run in runs]  # on one line, not cut in two


def test_short_columns_take_what_they_need_and_long_ones_share_the_rest_by_weight():
    columns = [Column("متن", 4), Column("مهلت", 1, centered=True), Column("رایانامه", 2, centered=True)]
    email = "public-relations.coordination.office.of.the.governorate@pardis.example.ir"
    rows = [["مقرر شد گزارش هفته ارتباطات ارسال شود " * 20, "۱۴۰۴/۰۷/۳۰", email]]
    text, date, mail = column_widths(columns, rows, CONTENT_WIDTH, styles.CELL)
    assert text + date + mail == pytest.approx(CONTENT_WIDTH)
    date_width = text_width("۱۴۰۴/۰۷/۳۰", styles.CELL.fontName, styles.CELL.fontSize)
    assert (
        date_width + 2 * CELL_PADDING < date < CONTENT_WIDTH / 7
    )  # what it needs, less than its weight's share
    # The address breaks in its cell: its column takes no more than an equal share.
    assert mail == pytest.approx(CONTENT_WIDTH / 3)
    assert text > mail


def test_columns_that_all_fit_share_the_spare_room_by_what_they_hold():
    columns = [Column("دستگاه", 3), Column("تلفن", 3)]
    widths = column_widths(columns, [["بانک ملی شعبه مرکزی پردیس", "۷۶۲۵۰۰۰۰"]], CONTENT_WIDTH, styles.CELL)
    assert sum(widths) == pytest.approx(CONTENT_WIDTH)
    assert widths[0] > 1.5 * widths[1]  # equal weights, but the name holds more


def test_a_header_never_breaks_into_more_than_two_lines():
    columns = [Column("نام و نام خانوادگی مدیر روابط عمومی", 0.3), Column("متن", 6)]
    rows = [["علی", "مقرر شد " * 300]]
    table = rtl_table(columns, rows, width=CONTENT_WIDTH)
    header = RtlParagraph(columns[0].title, styles.HEADER_CELL)
    _, height = header.wrap(table._colWidths[-1] - 2 * CELL_PADDING, 1000)  # rightmost: laid out last
    assert height <= 2 * styles.HEADER_CELL.leading


def test_details_pairs_read_from_the_right():
    table = details_table([("تاریخ", "۱۴۰۴/۰۲/۲۷"), ("ساعت", "۰۹:۰۰")], width=CONTENT_WIDTH)
    runs = {readable(run.text): run for run in text_runs(build_pdf([table], SETUP))[0]}
    order = [runs[rtl("تاریخ")].x, runs["۱۴۰۴/۰۲/۲۷"].x, runs[rtl("ساعت")].x, runs["۰۹:۰۰"].x]
    assert order == sorted(order, reverse=True)


def test_a_cell_can_hold_any_flowable():
    table = rtl_table([Column("متن")], [[RtlParagraph("مصوبه (۳)", styles.CELL)]], width=CONTENT_WIDTH)
    pdf = build_pdf([table], SETUP)
    assert page_count(pdf) == 1
    assert ")۳( " + rtl("مصوبه") in [readable(run.text) for run in text_runs(pdf)[0]]
    assert "مصوبه (۳)" in logical_text(pdf)
