"""Following resolutions up: the register's filters and search, and the lifecycle's rules."""

from __future__ import annotations

import datetime as dt

import pytest
from meetings_support import Council, unchanged

from secretariat.errors import DomainError, ValidationError
from secretariat.followup.lifecycle import FollowUpDraft, FollowUpService
from secretariat.followup.register import RegisterService, RegisterSort, ResolutionQuery
from secretariat.followup.status import ResolutionStatus, is_overdue


@pytest.fixture
def council(database):
    return Council(database)


@pytest.fixture
def world(council, database):
    """Two held meetings of 1404 with resolutions of three agencies."""
    press = council.agency("اداره کل فرهنگ و ارشاد اسلامی")
    town = council.agency("شهرداری پردیس")
    school = council.agency("آموزش و پرورش")
    first = council.plan("1404/02/10")
    council.hold(first.id)
    training = council.resolve(first.id, "مقرر شد دوره آموزشی خبرنویسی برای روابط‌عمومی‌ها برگزار شود.", press,
                               due_date="1404/03/31")
    portal = council.resolve(first.id, "مقرر شد صفحه دستگاه‌ها در درگاه فرمانداری به‌روز شود.", town, press,
                             due_date="1420/01/01")
    second = council.plan("1404/06/10")
    council.hold(second.id)
    network = council.resolve(second.id, "مقرر شد شبکه ارتباط رسانه‌ای تشکیل شود.", school)
    return {
        "press": press, "town": town, "school": school, "first": first, "second": second,
        "training": training, "portal": portal, "network": network,
        "register": RegisterService(database), "followup": FollowUpService(database),
    }


def codes(rows):
    return [row.code for row in rows]


def test_overdue_is_derived_from_the_deadline_and_the_status():
    today = dt.date(2026, 1, 1)
    assert is_overdue("open", dt.date(2025, 12, 31), today)
    assert is_overdue("in_progress", dt.date(2025, 12, 31), today)
    assert not is_overdue("open", dt.date(2026, 1, 1), today)
    assert not is_overdue("done", dt.date(2025, 12, 31), today)
    assert not is_overdue("open", None, today)


def test_the_register_filters_by_agency_as_lead_or_collaborator(world):
    register = world["register"]
    assert codes(register.page(ResolutionQuery(agency_id=world["press"], sort=RegisterSort.CODE, descending=False))) == [
        "1404-01-01", "1404-01-02",
    ]
    assert register.count(ResolutionQuery(agency_id=world["school"])) == 1
    assert register.count(ResolutionQuery()) == 3


def test_the_register_finds_overdue_resolutions(world):
    register = world["register"]
    overdue = register.page(ResolutionQuery(overdue=True))
    assert codes(overdue) == ["1404-01-01"] and overdue[0].overdue
    assert register.count(ResolutionQuery(overdue=True, agency_id=world["town"])) == 0


def test_the_register_searches_words_in_any_spelling(world):
    register = world["register"]
    # Arabic ي/ك, ZWNJ typed as a space, words out of order.
    assert codes(register.page(ResolutionQuery(search="روابط عمومي ها خبرنويسي"))) == ["1404-01-01"]
    assert codes(register.page(ResolutionQuery(search="رسانه شبکه"))) == ["1404-02-01"]
    assert register.count(ResolutionQuery(search="درگاه", agency_id=world["school"])) == 0


def test_the_search_index_follows_every_write(world, council):
    register = world["register"]
    council.minutes.update_resolution(world["network"].id, _draft(world, "مقرر شد جشنواره رسانه‌ای برگزار شود."))
    assert register.count(ResolutionQuery(search="جشنواره")) == 1
    assert register.count(ResolutionQuery(search="شبکه ارتباط")) == 0
    council.minutes.remove_resolution(world["network"].id)
    assert register.count(ResolutionQuery(search="جشنواره")) == 0


def _draft(world, text):
    from secretariat.meetings.minutes import ResolutionDraft

    return ResolutionDraft(text, world["school"], due_next_meeting=True)


def test_the_register_filters_by_year_meeting_and_deadline_window(world):
    register = world["register"]
    assert register.count(ResolutionQuery(jalali_year=1404)) == 3
    assert register.count(ResolutionQuery(jalali_year=1403)) == 0
    assert register.count(ResolutionQuery(meeting_id=world["second"].id)) == 1
    assert register.count(ResolutionQuery(due_within_days=10)) == 0


def test_a_follow_up_with_progress_starts_the_work(world, database):
    followup = world["followup"]
    entry = followup.add(world["training"].id, FollowUpDraft(date="1404/03/01", kind="letter", note="نامه شماره ۱۲", progress="۴۰"))
    assert entry.progress == 40
    rows = world["register"].page(ResolutionQuery(status=ResolutionStatus.IN_PROGRESS))
    assert codes(rows) == ["1404-01-01"]
    assert [e.note for e in followup.log(world["training"].id)] == ["نامه شماره ۱۲"]


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (FollowUpDraft(date="1404/02/01"), "date"),  # before the meeting
        (FollowUpDraft(date="1420/01/01"), "date"),  # in the future
        (FollowUpDraft(date="1404/03/01", progress="120"), "progress"),
        (FollowUpDraft(date="1404/03/01", progress="-5"), "progress"),
        (FollowUpDraft(date="1404/03/01", progress="نیمه"), "progress"),
        (FollowUpDraft(date="1404/03/01", kind="fax"), "kind"),
    ],
)
def test_bad_follow_ups_are_refused_and_nothing_is_written(world, database, draft, field):
    with unchanged(database):
        with pytest.raises(ValidationError) as refused:
            world["followup"].add(world["training"].id, draft)
    assert field in refused.value.errors


def test_done_needs_evidence_and_a_cancelled_resolution_reopens_only_with_a_reason(world, database):
    followup, training = world["followup"], world["training"].id
    with unchanged(database), pytest.raises(ValidationError):
        followup.mark_done(training, evidence="  ")
    followup.mark_done(training, evidence="گزارش برگزاری دوره، نامه ۴۵۶")
    assert world["register"].page(ResolutionQuery(status=ResolutionStatus.DONE))[0].overdue is False
    with pytest.raises(DomainError):
        followup.add(training, FollowUpDraft(date="1404/04/01"))
    portal = world["portal"].id
    followup.cancel(portal, reason="ادغام با مصوبه دیگر")
    with unchanged(database), pytest.raises(ValidationError):
        followup.reopen(portal, reason="")
    followup.reopen(portal, reason="درخواست فرمانداری")
    assert world["register"].page(ResolutionQuery(meeting_id=world["first"].id, status=ResolutionStatus.OPEN))


def test_a_resolution_is_deferred_only_to_an_upcoming_meeting(world, council, database):
    followup = world["followup"]
    with unchanged(database), pytest.raises(ValidationError):
        followup.defer(world["network"].id, meeting_id=world["first"].id)
    coming = council.plan("1420/01/15")
    followup.defer(world["network"].id, meeting_id=coming.id, reason="نیاز به بررسی بیشتر")
    assert world["register"].count(ResolutionQuery(status=ResolutionStatus.DEFERRED)) == 1


def test_a_deadline_changes_only_with_a_reason_and_its_history_is_kept(world, database):
    followup, training = world["followup"], world["training"].id
    with unchanged(database):
        for kwargs in ({"new_due": "1404/05/01", "reason": "", "by": "دبیر"},
                       {"new_due": "1404/01/01", "reason": "درخواست دستگاه", "by": "دبیر"},
                       {"new_due": "1404/12/30", "reason": "درخواست دستگاه", "by": "دبیر"}):
            with pytest.raises(ValidationError):
                followup.change_deadline(training, **kwargs)
    followup.change_deadline(training, new_due="1404/05/01", reason="درخواست دستگاه", by="دبیر شورا")
    history = followup.deadline_history(training)
    assert [(c.previous_due, c.new_due) for c in history] == [(dt.date(2025, 6, 21), dt.date(2025, 7, 23))]
    assert world["register"].page(ResolutionQuery(meeting_id=world["first"].id, sort=RegisterSort.CODE,
                                                  descending=False))[0].due_date == dt.date(2025, 7, 23)
