"""The council this database belongs to, and its quorum."""

import pytest

from secretariat.errors import DomainError, ValidationError
from secretariat.members.council import (
    CouncilDraft,
    CouncilLevel,
    QuorumRule,
    quorum_required,
)


@pytest.fixture
def council(secretariat):
    return secretariat.council


def refused(call, *args) -> dict:
    with pytest.raises(ValidationError) as error:
        call(*args)
    return error.value.errors


def test_there_is_no_council_before_one_is_created(council):
    assert council.get() is None


def test_create_a_council(council):
    record = council.create(
        CouncilDraft(
            name="  شوراي هماهنگی روابط عمومی شهرستان پرديس ",
            level="county",
            city="پرديس",
            chair="فرماندار",
            secretary="مدير روابط عمومی فرمانداری",
        )
    )
    assert record.name == "شورای هماهنگی روابط عمومی شهرستان پردیس"
    assert record.city == "پردیس"
    assert record.secretary == "مدیر روابط عمومی فرمانداری"
    assert record.level is CouncilLevel.COUNTY
    assert record.quorum_rule is QuorumRule.MAJORITY
    assert record.quorum_count is None
    assert not record.is_demo
    assert council.get() == record


def test_a_second_council_is_refused(council):
    first = council.create(CouncilDraft(name="شورای هماهنگی روابط عمومی استان تهران", level="province"))
    with pytest.raises(DomainError) as error:
        council.create(CouncilDraft(name="شورای دیگر"))
    assert "از پیش" in error.value.message
    assert council.get() == first


def test_update_the_council(council):
    council.create(CouncilDraft(name="شورای پردیس"))
    updated = council.update(CouncilDraft(name="شورای هماهنگی پردیس", quorum_rule="fixed", quorum_count="۷"))
    assert updated.name == "شورای هماهنگی پردیس"
    assert updated.quorum_rule is QuorumRule.FIXED
    assert updated.quorum_count == 7
    assert council.get() == updated


def test_update_before_create_is_refused(council):
    with pytest.raises(DomainError):
        council.update(CouncilDraft(name="شورای پردیس"))
    assert council.get() is None


def test_a_council_form_is_checked_field_by_field(council):
    errors = refused(council.create, CouncilDraft(name=" ", level="village", quorum_rule="unanimous"))
    assert errors["name"] == "نام شورا را بنویسید."
    assert set(errors) == {"name", "level", "quorum_rule"}
    assert council.get() is None


@pytest.mark.parametrize("typed", ["", "۰", "-3", "هفت"])
def test_a_fixed_quorum_needs_a_positive_count(council, typed):
    errors = refused(
        council.create, CouncilDraft(name="شورای پردیس", quorum_rule="fixed", quorum_count=typed)
    )
    assert list(errors) == ["quorum_count"]
    assert council.get() is None


@pytest.mark.parametrize(
    ("members", "majority", "two_thirds"),
    [
        (1, 1, 1),
        (2, 2, 2),
        (3, 2, 2),
        (9, 5, 6),
        (10, 6, 7),
        (20, 11, 14),
        (21, 11, 14),
        (30, 16, 20),
        (160, 81, 107),
    ],
)
def test_quorum_required(council, members, majority, two_thirds):
    assert quorum_required(QuorumRule.MAJORITY, members) == majority
    assert quorum_required(QuorumRule.TWO_THIRDS, members) == two_thirds


def test_quorum_of_the_councils_rule(council):
    record = council.create(CouncilDraft(name="شورای پردیس", quorum_rule="two_thirds", quorum_count="۵"))
    assert record.quorum_count is None  # only a fixed rule keeps a count
    assert record.quorum_required(21) == 14
    record = council.update(CouncilDraft(name="شورای پردیس", quorum_rule="fixed", quorum_count="١٢"))
    assert record.quorum_required(21) == 12
    assert record.quorum_required(40) == 12
    record = council.update(CouncilDraft(name="شورای پردیس", quorum_rule="majority"))
    assert record.quorum_required(21) == 11


def test_labels_are_persian():
    assert CouncilLevel.PROVINCE.label == "استان"
    assert QuorumRule.TWO_THIRDS.label == "دو سوم اعضا"
