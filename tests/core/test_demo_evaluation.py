"""The demo's yearly evaluation: last year's published (with an amendment), this year's in progress."""

from __future__ import annotations

import datetime as dt

import pytest

from secretariat import clock
from secretariat.core import Secretariat
from secretariat.demo.council import create_demo_database
from secretariat.demo.evaluation import EVALUATORS
from secretariat.errors import DomainError
from secretariat.persian import jalali

# After روز روابط عمومی (27 Ordibehesht), and before it, a few weeks into the year.
DAYS = ("1405/09/12", "1405/02/10")


@pytest.fixture(scope="module", params=DAYS)
def built(request, tmp_path_factory):
    """(the day, the demo built on it), the clock fixed to that day."""
    day = jalali.parse(request.param)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: day)
        secretariat = Secretariat(create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
        yield day, secretariat
        secretariat.close()


def years(day: dt.date) -> tuple[int, int]:
    this_year = jalali.jalali_year(day)
    return this_year - 1, this_year


def test_last_year_is_published_around_the_pr_day_or_soon_after_the_year_ended(built):
    day, demo = built
    last_year, this_year = years(day)
    assert demo.evaluations.years() == (this_year, last_year)
    published = demo.evaluations.get(last_year)
    assert published.published and published.published_by
    assert published.published_at is not None
    on = published.published_at.date()
    assert jalali.jalali_year(on) == this_year and on <= day
    pr_day = jalali.from_jalali(this_year, 2, 27)
    if pr_day <= day:
        assert 0 <= (pr_day - on).days <= 3  # the working day it falls on, or the one before
    else:
        assert (on - jalali.from_jalali(this_year, 1, 1)).days <= 30


def test_every_agency_taking_part_was_scored_by_the_three_named_evaluators(built):
    day, demo = built
    ranking = demo.evaluations.ranking(years(day)[0])
    jury = [c.id for c in ranking.evaluation.criteria if not c.source.computed]
    assert len(jury) == 2 and len(ranking.standings) >= 20
    for standing in ranking.standings:
        for criterion_id in jury:
            entries = standing.cells[criterion_id].jury
            assert sorted(entry.evaluator for entry in entries) == sorted(EVALUATORS)


def test_the_ranking_reads_as_a_ranking_not_a_wall_of_ties(built):
    day, demo = built
    for year in years(day):
        standings = demo.evaluations.ranking(year).standings
        totals = [standing.total for standing in standings]
        assert len(set(totals)) >= 0.8 * len(totals), year
        assert totals == sorted(totals, reverse=True)
    published = demo.evaluations.ranking(years(day)[0]).standings
    assert len({standing.tier for standing in published}) >= 3
    assert published[0].total - published[-1].total >= 20


def test_one_published_score_was_amended_with_its_reason_the_original_beside_it(built):
    day, demo = built
    ranking = demo.evaluations.ranking(years(day)[0])
    amended = [
        (standing, cell)
        for standing in ranking.standings
        for cell in standing.cells.values()
        if cell.amendments
    ]
    assert len(amended) == 1
    standing, cell = amended[0]
    amendment = cell.amendments[0]
    assert amendment.reason and amendment.by
    assert cell.original == amendment.previous_score and cell.score == amendment.score > cell.original
    # The evaluator's score typed wrong is still there, as it was entered.
    assert min(entry.score for entry in cell.jury) == 3
    published_at = ranking.evaluation.published_at
    assert published_at is not None and published_at < amendment.at <= dt.datetime.combine(day, dt.time.max)
    with pytest.raises(DomainError):
        demo.evaluations.score(years(day)[0], standing.agency_id, cell.criterion_id, 10, by=EVALUATORS[0])


def test_those_left_out_are_left_out_with_a_reason(built):
    day, demo = built
    last_year, this_year = years(day)
    current = demo.evaluations.get(this_year)
    assert len(current.exclusions) == 1 and current.exclusions[0].reason
    for year in (last_year, this_year):
        evaluation = demo.evaluations.get(year)
        ranked = {standing.agency_id for standing in demo.evaluations.ranking(year).standings}
        assert all(e.reason and e.agency_id not in ranked for e in evaluation.exclusions)


def test_this_year_is_a_draft_copied_from_last_year_with_jury_scores_missing(built):
    day, demo = built
    last_year, this_year = years(day)
    ranking = demo.evaluations.ranking(this_year)
    assert not ranking.evaluation.published
    previous = demo.evaluations.get(last_year)
    assert [(c.name, c.max_score, c.source) for c in ranking.evaluation.criteria] == [
        (c.name, c.max_score, c.source) for c in previous.criteria
    ]
    assert 0 < ranking.missing <= 10
    evaluators = {
        entry.evaluator for s in ranking.standings for cell in s.cells.values() for entry in cell.jury
    }
    assert evaluators == set(EVALUATORS[:2])
    assert sum(1 for s in ranking.standings if s.previous_rank is not None) >= 0.8 * len(ranking.standings)
    with pytest.raises(DomainError):  # publishing waits for the missing scores
        demo.evaluations.publish(this_year, by="زهرا موسوی")
