import pytest

from secretariat.errors import DomainError
from secretariat.monthly.months import Month
from secretariat.persian import jalali


def test_a_month_is_typed_in_any_digits_and_says_its_name():
    month = Month.parse("۱۴۰۵/۰۷")
    assert month == Month.parse("1405-7") == Month(1405, 7)
    assert (month.key, month.short, month.label) == ("1405/07", "۱۴۰۵/۰۷", "مهر ۱۴۰۵")


@pytest.mark.parametrize("typed", ["1405/13", "1405/0", "مهر", "", "14050/7"])
def test_what_is_not_a_month_is_refused_in_persian(typed):
    with pytest.raises(DomainError) as refused:
        Month.parse(typed)
    assert "ماه" in refused.value.message


def test_a_report_is_due_on_the_due_day_of_the_following_month():
    assert Month(1405, 7).due_date() == jalali.from_jalali(1405, 8, 5)
    assert Month(1405, 12).due_date(10) == jalali.from_jalali(1406, 1, 10)
    # Esfand of a common year has 29 days: the 29th is the last due day every month has.
    assert Month(1404, 11).due_date(29) == jalali.from_jalali(1404, 12, 29)


def test_a_month_knows_its_first_and_last_day_and_its_neighbours():
    assert Month(1403, 12).last_day == jalali.from_jalali(1403, 12, 30)  # 1403 is a leap year
    assert Month(1404, 12).last_day == jalali.from_jalali(1404, 12, 29)
    assert Month(1405, 1).previous() == Month(1404, 12)
    assert Month(1404, 12).next() == Month(1405, 1)
