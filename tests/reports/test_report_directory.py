"""The agency directory of the demo council."""

import pytest

from secretariat.members.agencies import AgencyQuery
from secretariat.persian.collation import sorted_persian
from secretariat.reports import ReportCancelled, render_directory
from secretariat.reports.directory import gather_directory
from tests.support.reports import PRINTED_ON, page_texts, readable_lines, rtl


@pytest.fixture(scope="module")
def directory(demo):
    return render_directory(demo, printed_on=PRINTED_ON)


def test_the_active_agencies_in_persian_order(demo):
    entries = gather_directory(demo).entries
    active = [row.name for row in demo.agencies.page(AgencyQuery(), limit=None)]
    assert [entry.agency_name for entry in entries] == sorted_persian(active)
    assert "اداره پست شهرستان پردیس" not in [entry.agency_name for entry in entries]  # it left the council
    # پ, چ, ژ, گ come in their Persian places, not after ی as in code-point order.
    names = [entry.agency_name for entry in entries]
    assert names.index("پارک فناوری پردیس") < names.index("دادگستری شهرستان پردیس")


def test_the_rows_are_printed_in_that_order(demo, directory):
    entries = gather_directory(demo).entries
    lines = [line for page in readable_lines(directory) for line in page]
    mobiles = [line for line in lines if line.startswith("0912")]
    assert mobiles == [entry.mobile for entry in entries]  # one per row, as typed
    numbers = [line for line in lines if line.isdigit() and not line.isascii()]
    assert numbers == [
        "۱",
        "۲",
        "۳",
        "۴",
        "۵",
        "۶",
        "۷",
        "۸",
        "۹",
        "۱۰",
        "۱۱",
        "۱۲",
        "۱۳",
        "۱۴",
        "۱۵",
        "۱۶",
        "۱۷",
        "۱۸",
        "۱۹",
        "۲۰",
        "۲۱",
        "۲۲",
        "۲۳",
        "۲۴",
        "۲۵",
    ]


def test_managers_phones_and_emails_as_typed(directory):
    lines = [line for page in readable_lines(directory) for line in page]
    assert rtl("دکتر مریم احمدی") in lines  # with the honorific
    assert "pr@pardis.ir" in lines and "021-76255050" in lines  # شهرداری پردیس
    assert rtl("سعید جعفری") in lines and rtl("رضا قاسمی") not in lines  # the current manager only


def test_the_title_the_count_and_the_date(directory):
    assert "فهرست دستگاه‌های عضو و مدیران روابط عمومی" in page_texts(directory)[0]
    council = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
    subtitle = (
        "۱۴۰۴ " + rtl("اردیبهشت") + " ۲۷ " + rtl("دستگاه عضو، به تاریخ شنبه") + " ۲۵ " + rtl(council + "؛")
    )
    assert subtitle in readable_lines(directory)[0]


def test_the_directory_can_be_cancelled(demo):
    with pytest.raises(ReportCancelled):
        render_directory(demo, cancelled=lambda: True)
