"""Setting up a year's evaluation: the criteria's order, which the setup table, the score table and the
score card follow, and agencies left out and taken back, announced to the windows."""

import pytest

from secretariat.errors import DomainError
from secretariat.members.agencies import AgencyDraft


def names(secretariat, year=1404):
    return [criterion.name for criterion in secretariat.evaluations.get(year).criteria]


def test_a_criterion_moves_one_place_and_stays_within_the_list(secretariat):
    secretariat.evaluations.create(1404)
    before = names(secretariat)
    third = secretariat.evaluations.get(1404).criteria[2]
    secretariat.evaluations.move_criterion(third.id, -1)
    assert names(secretariat) == [before[0], before[2], before[1], *before[3:]]
    first = secretariat.evaluations.get(1404).criteria[0]
    secretariat.evaluations.move_criterion(first.id, -1)  # already first: nothing moves
    last = secretariat.evaluations.get(1404).criteria[-1]
    secretariat.evaluations.move_criterion(last.id, +1)
    assert names(secretariat) == [before[0], before[2], before[1], *before[3:]]


def test_a_published_evaluations_order_does_not_change(secretariat):
    secretariat.agencies.add(AgencyDraft(name="اداره نمونه", category="directorate"))
    evaluation = secretariat.evaluations.create(1404)
    agency = secretariat.evaluations.ranking(1404).standings[0].agency_id
    for criterion in evaluation.criteria:
        if not criterion.source.computed:
            secretariat.evaluations.score(1404, agency, criterion.id, "5", by="داور")
    secretariat.evaluations.publish(1404, by="دبیر")
    with pytest.raises(DomainError):
        secretariat.evaluations.move_criterion(evaluation.criteria[1].id, -1)


def test_taking_an_agency_back_is_announced_like_leaving_it_out(secretariat):
    agency = secretariat.agencies.add(AgencyDraft(name="اداره نمونه", category="directorate")).id
    secretariat.evaluations.create(1404)
    heard = []
    secretariat.database.changes.subscribe(heard.append)
    secretariat.evaluations.exclude(1404, agency, reason="ادغام")
    secretariat.evaluations.include(1404, agency)
    assert [changes.evaluations for changes in heard] == [True, True]
