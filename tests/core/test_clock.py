"""Times of day as people type and read them («۱۰:۳۰»)."""

import datetime as dt

import pytest

from secretariat.clock import TimeFormatError, format_time, parse_time


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:30", dt.time(10, 30)),
        ("۱۰:۳۰", dt.time(10, 30)),
        ("١٠:٣٠", dt.time(10, 30)),
        ("10.30", dt.time(10, 30)),
        ("۱۰٫۳۰", dt.time(10, 30)),  # the Persian decimal separator
        ("9", dt.time(9, 0)),
        ("۹", dt.time(9, 0)),
        ("9:5", dt.time(9, 5)),
        ("  ۸ : ۴۵ ", dt.time(8, 45)),
        ("0:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        ("۱۴:3۰", dt.time(14, 30)),  # two scripts in one time
    ],
)
def test_parse_time_accepts_any_digits_and_separators(typed, expected):
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", [None, "", "   "])
def test_an_empty_time_is_none(typed):
    assert parse_time(typed) is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ده و نیم", "«ده و نیم» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰."),
        ("10:30:15", "«10:30:15» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰."),
        ("10-30", "«10-30» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰."),
        ("24:00", "ساعت ۲۴ وجود ندارد؛ ساعت باید بین ۰ و ۲۳ باشد."),
        ("۲۵", "ساعت ۲۵ وجود ندارد؛ ساعت باید بین ۰ و ۲۳ باشد."),
        ("10:60", "دقیقه ۶۰ وجود ندارد؛ دقیقه باید بین ۰ و ۵۹ باشد."),
        ("-1:00", "«-1:00» ساعت نیست؛ به شکل ساعت:دقیقه بنویسید، مثلاً ۱۰:۳۰."),
    ],
)
def test_parse_time_refuses_what_is_not_a_time_and_says_why(typed, message):
    with pytest.raises(TimeFormatError) as error:
        parse_time(typed)
    assert str(error.value) == message


def test_a_time_error_is_a_value_error():
    assert issubclass(TimeFormatError, ValueError)


def test_format_time():
    assert format_time(dt.time(9, 5)) == "۰۹:۰۵"
    assert format_time(dt.time(14, 30)) == "۱۴:۳۰"
    assert format_time(dt.time(14, 30), persian_digits=False) == "14:30"
    assert format_time(None) == ""
