import pytest

from secretariat.errors import DomainError, ValidationError
from secretariat.monthly.indicators import IndicatorDraft, IndicatorKind
from tests.support.monthly import add_agency, fix_today, record


def test_a_new_council_starts_with_the_default_indicators_in_order(secretariat):
    indicators = secretariat.indicators.list()
    names = [indicator.name for indicator in indicators]
    assert names[0] == "اخبار و گزارش\u200cهای منتشرشده"
    assert "برنامه\u200cهای ملاقات مردمی" in names
    assert [indicator.position for indicator in indicators] == sorted(i.position for i in indicators)
    kinds = {indicator.kind for indicator in indicators}
    assert kinds == {IndicatorKind.COUNT, IndicatorKind.HOURS, IndicatorKind.YESNO}
    assert any(indicator.required for indicator in indicators)


def test_an_indicator_is_added_once_in_any_spelling(secretariat):
    added = secretariat.indicators.add(IndicatorDraft(name="بازدیدهاي رسانه‌اي", unit="مورد"))
    assert secretariat.indicators.list()[-1] == added
    with pytest.raises(ValidationError) as refused:
        secretariat.indicators.add(IndicatorDraft(name="بازدیدهای رسانه ای"))
    assert "پیش‌تر" in refused.value.errors["name"]
    with pytest.raises(ValidationError) as empty:
        secretariat.indicators.add(IndicatorDraft(name=" \u200c "))
    assert "name" in empty.value.errors


def test_an_indicator_moves_up_and_down(secretariat):
    first, second = secretariat.indicators.list()[:2]
    secretariat.indicators.move(second.id, -1)
    assert [i.id for i in secretariat.indicators.list()[:2]] == [second.id, first.id]


def test_a_used_indicator_is_retired_not_deleted_and_keeps_its_figures(secretariat, monkeypatch):
    fix_today(monkeypatch)
    agency = add_agency(secretariat, "اداره کل ورزش و جوانان")
    hours = next(i for i in secretariat.indicators.list() if i.kind is IndicatorKind.HOURS)
    report = record(secretariat, agency, "1405/07", "1405/08/03", figures={hours.id: "۱۲٫۵"})
    with pytest.raises(DomainError):
        secretariat.indicators.delete(hours.id)
    secretariat.indicators.retire(hours.id)
    assert hours.id not in {i.id for i in secretariat.indicators.list()}
    assert secretariat.indicators.get(hours.id).retired
    assert secretariat.monthly_reports.get(report.id).figures[hours.id] == 12.5
    with pytest.raises(ValidationError) as kind_change:
        secretariat.indicators.update(hours.id, IndicatorDraft(name=hours.name, kind="count"))
    assert "kind" in kind_change.value.errors


def test_an_unused_indicator_is_deleted(secretariat):
    added = secretariat.indicators.add(IndicatorDraft(name="خبرنامه داخلی", kind="yesno"))
    secretariat.indicators.delete(added.id)
    assert secretariat.indicators.find("خبرنامه داخلی") is None


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("count", "۱۲", 12.0),
        ("hours", "7.5", 7.5),
        ("hours", "۷٫۵", 7.5),
        ("yesno", "بله", 1.0),
        ("yesno", "خیر", 0.0),
    ],
)
def test_figures_are_read_as_their_kind(secretariat, kind, typed, stored):
    indicator = secretariat.indicators.add(IndicatorDraft(name=f"شاخص {kind}", kind=kind))
    assert indicator.parse_value(typed) == stored


@pytest.mark.parametrize(
    ("kind", "typed"), [("count", "2.5"), ("count", "-3"), ("count", "زیاد"), ("yesno", "شاید")]
)
def test_what_is_not_a_figure_of_its_kind_is_refused(secretariat, kind, typed):
    indicator = secretariat.indicators.add(IndicatorDraft(name=f"شاخص {kind}", kind=kind))
    with pytest.raises(DomainError) as refused:
        indicator.parse_value(typed)
    assert indicator.name in refused.value.message


def test_figures_are_shown_in_persian(secretariat):
    count = secretariat.indicators.add(IndicatorDraft(name="شمار", kind="count"))
    hours = secretariat.indicators.add(IndicatorDraft(name="ساعت‌ها", kind="hours"))
    assert count.format_value(1200) == "۱٬۲۰۰"
    assert hours.format_value(12.5) == "۱۲٫۵"
    assert count.format_value(None) == ""
