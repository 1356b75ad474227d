"""The Jalali calendar as people read and type it.

Reference dates were worked out by hand: 1 Farvardin 1403 is Wednesday
20 March 2024 (1402 was not a leap year); 27 Ordibehesht 1403 is 31 + 26
days later, Thursday 16 May 2024.
"""

import datetime as dt

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.persian import jalali
from secretariat.persian.jalali import JalaliDateError, format_long, format_short, parse, parse_optional

ZWNJ = "\u200c"
ORDIBEHESHT_27_1403 = dt.date(2024, 5, 16)


@pytest.mark.parametrize(
    "typed",
    [
        "۱۴۰۳/۰۲/۲۷",
        "1403-2-27",
        "١٤٠٣/٢/٢٧",
        "1403/02/27",
        "۱۴۰۳-۰۲-۲۷",
        "1403.2.27",
        "  ۱۴۰۳ / ۲ / ۲۷  ",
        "۱۴۰۳/2/٢٧",  # three scripts in one date
    ],
)
def test_parse_accepts_any_digits_and_separators(typed):
    assert parse(typed) == ORDIBEHESHT_27_1403


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("۱۴۰۳/۰۱/۰۱", dt.date(2024, 3, 20)),
        ("۱۴۰۲/۱۲/۲۹", dt.date(2024, 3, 19)),
        ("۱۴۰۳/۱۲/۳۰", dt.date(2025, 3, 20)),  # 1403 is a leap year
        ("۱۴۰۴/۰۱/۰۱", dt.date(2025, 3, 21)),
        ("۱۳۵۷/۱۱/۲۲", dt.date(1979, 2, 11)),
    ],
)
def test_parse_known_dates(typed, expected):
    assert parse(typed) == expected


def test_format_short():
    assert format_short(ORDIBEHESHT_27_1403) == "۱۴۰۳/۰۲/۲۷"
    assert format_short(ORDIBEHESHT_27_1403, persian_digits=False) == "1403/02/27"
    assert format_short(dt.date(2025, 3, 20)) == "۱۴۰۳/۱۲/۳۰"
    assert format_short(None) == ""


def test_format_short_accepts_a_datetime():
    assert format_short(dt.datetime(2024, 5, 16, 23, 59)) == "۱۴۰۳/۰۲/۲۷"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 5, 16), "پنجشنبه ۲۷ اردیبهشت ۱۴۰۳"),
        (dt.date(2024, 5, 17), "جمعه ۲۸ اردیبهشت ۱۴۰۳"),
        (dt.date(2024, 5, 18), "شنبه ۲۹ اردیبهشت ۱۴۰۳"),
        (dt.date(2024, 5, 19), "یکشنبه ۳۰ اردیبهشت ۱۴۰۳"),
        (dt.date(2024, 5, 20), "دوشنبه ۳۱ اردیبهشت ۱۴۰۳"),
        (dt.date(2024, 5, 21), "سه" + ZWNJ + "شنبه ۱ خرداد ۱۴۰۳"),
        (dt.date(2024, 3, 20), "چهارشنبه ۱ فروردین ۱۴۰۳"),
        (dt.date(2026, 11, 24), "سه" + ZWNJ + "شنبه ۳ آذر ۱۴۰۵"),
    ],
)
def test_format_long(day, expected):
    assert format_long(day) == expected


def test_format_long_of_nothing_is_empty():
    assert format_long(None) == ""


def test_format_month():
    assert jalali.format_month(1403, 2) == "اردیبهشت ۱۴۰۳"
    assert jalali.format_month(1404, 12) == "اسفند ۱۴۰۴"


def test_leap_years():
    assert jalali.is_leap(1403)
    assert not jalali.is_leap(1404)
    assert jalali.month_length(1403, 12) == 30
    assert jalali.month_length(1404, 12) == 29
    assert jalali.month_length(1404, 1) == 31
    assert jalali.month_length(1404, 7) == 30


# -- refusals ---------------------------------------------------------------


def refusal(typed) -> str:
    with pytest.raises(JalaliDateError) as error:
        parse(typed)
    return str(error.value)


def test_esfand_30_of_a_common_year_is_refused():
    message = refusal("۱۴۰۴/۱۲/۳۰")
    assert "۱۴۰۴" in message
    assert "کبیسه نیست" in message
    assert "۲۹" in message


def test_esfand_30_of_a_leap_year_is_accepted():
    assert parse("۱۴۰۳/۱۲/۳۰") == dt.date(2025, 3, 20)


def test_month_13_is_refused():
    message = refusal("۱۴۰۳/۱۳/۰۱")
    assert "ماه ۱۳ وجود ندارد" in message


def test_month_0_is_refused():
    assert "ماه ۰ وجود ندارد" in refusal("1403/0/10")


def test_day_32_is_refused():
    message = refusal("۱۴۰۳/۰۱/۳۲")
    assert "فروردین ۳۱ روز دارد" in message
    assert "روز ۳۲" in message


def test_day_31_of_mehr_is_refused():
    message = refusal("۱۴۰۳/۰۷/۳۱")
    assert "مهر ۳۰ روز دارد" in message
    assert "روز ۳۱" in message


def test_day_0_is_refused():
    assert "روز ۰" in refusal("1403/02/0")


def test_esfand_31_is_refused_even_in_a_leap_year():
    message = refusal("۱۴۰۳/۱۲/۳۱")
    assert "اسفند ۳۰ روز دارد" in message


@pytest.mark.parametrize("typed", ["فردا", "۱۴۰۳/۰۲", "1403/02/27/5", "abc", "۱۴۰۳،۰۲،۲۷", "27 اردیبهشت"])
def test_garbage_is_refused_showing_what_was_typed_and_the_expected_shape(typed):
    message = refusal(typed)
    assert f"«{typed}»" in message
    assert "تاریخ نیست" in message
    assert "۱۴۰۳/۰۲/۲۷" in message  # an example of the right shape


@pytest.mark.parametrize("typed", [None, "", "   "])
def test_an_empty_date_is_refused(typed):
    assert refusal(typed) == "تاریخ وارد نشده است."


def test_a_two_digit_year_is_refused():
    assert "چهاررقمی" in refusal("03/02/27")


def test_a_year_out_of_range_is_refused():
    message = refusal("1600/01/01")
    assert "۱۶۰۰" in message
    assert "پذیرفتنی نیست" in message


def test_refusals_are_value_errors():
    # Callers that only know ValueError still catch them.
    with pytest.raises(ValueError):
        parse("۱۴۰۴/۱۲/۳۰")


def test_parse_optional():
    assert parse_optional("") is None
    assert parse_optional("  ") is None
    assert parse_optional(None) is None
    assert parse_optional("۱۴۰۳/۰۲/۲۷") == ORDIBEHESHT_27_1403
    with pytest.raises(JalaliDateError):
        parse_optional("۱۴۰۴/۱۲/۳۰")


def test_from_jalali_validates():
    assert jalali.from_jalali(1403, 2, 27) == ORDIBEHESHT_27_1403
    with pytest.raises(JalaliDateError):
        jalali.from_jalali(1404, 12, 30)


def test_jalali_year():
    assert jalali.jalali_year(dt.date(2024, 3, 19)) == 1402
    assert jalali.jalali_year(dt.date(2024, 3, 20)) == 1403


# -- round trips ------------------------------------------------------------

FIRST_DAY = jdatetime.date(jalali.MIN_YEAR, 1, 1).togregorian()
LAST_DAY = jdatetime.date(jalali.MAX_YEAR + 1, 1, 1).togregorian() - dt.timedelta(days=1)
days_in_range = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


@given(days_in_range)
def test_format_short_then_parse_round_trips(day):
    assert parse(format_short(day)) == day
    assert parse(format_short(day, persian_digits=False)) == day


@given(days_in_range)
def test_format_short_is_year_month_day_in_persian_digits(day):
    shown = format_short(day)
    assert len(shown) == 10
    assert shown[4] == shown[7] == "/"
    assert all(c in "۰۱۲۳۴۵۶۷۸۹" for c in shown.replace("/", ""))
    j = jdatetime.date.fromgregorian(date=day)
    assert (
        shown.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
        == f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    )


@given(
    st.integers(min_value=jalali.MIN_YEAR, max_value=jalali.MAX_YEAR),
    st.integers(min_value=-2, max_value=15),
    st.integers(min_value=-2, max_value=33),
)
def test_parse_accepts_exactly_the_real_dates(year, month, day):
    typed = f"{year}/{month}/{day}"
    try:
        real = jdatetime.date(year, month, day)
    except ValueError:
        real = None
    if real is None or month < 1 or day < 1:
        with pytest.raises(JalaliDateError):
            parse(typed)
    else:
        assert parse(typed) == real.togregorian()


def test_the_first_and_last_days_in_range():
    assert parse(format_short(FIRST_DAY)) == FIRST_DAY
    assert parse(format_short(LAST_DAY)) == LAST_DAY
    with pytest.raises(JalaliDateError):
        parse(format_short(FIRST_DAY - dt.timedelta(days=1)))
    with pytest.raises(JalaliDateError):
        parse(format_short(LAST_DAY + dt.timedelta(days=1)))


def test_a_date_of_thousands_of_digits_is_refused_as_not_a_date():
    with pytest.raises(jalali.JalaliDateError, match="تاریخ نیست"):
        jalali.parse("۱" * 5_000 + "/۰۱/۰۱")
