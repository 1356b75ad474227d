"""The right-to-left table: columns from the right, header on every page, nothing overflowing."""

import datetime as dt

import pytest

from secretariat.persian.text import to_persian_digits
from secretariat.reports import styles
from secretariat.reports.page import CONTENT_WIDTH, PAGE_WIDTH, SIDE_MARGIN, PageSetup, build_pdf
from secretariat.reports.paragraph import RtlParagraph
from secretariat.reports.table import CELL_PADDING, Column, details_table, fit_widths, rtl_table
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


@pytest.mark.parametrize(
    ("widths", "least", "expected"),
    [
        ([100, 100], [50, 50], [100, 100]),
        ([180, 20], [50, 60], [140, 60]),
        ([150, 30, 20], [50, 40, 40], [120, 40, 40]),
        ([10, 10], [50, 50], [10, 10]),  # cannot fit: left as given
    ],
)
def test_fit_widths(widths, least, expected):
    assert fit_widths(widths, least) == pytest.approx(expected)
    assert sum(fit_widths(widths, least)) == pytest.approx(sum(widths))


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
