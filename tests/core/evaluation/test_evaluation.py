"""The yearly evaluation: each computed criterion against records counted by hand, the jury,
ranks with ties, tiers, publishing and amending."""

import pytest

from secretariat.errors import DomainError, NotFoundError, ValidationError
from secretariat.evaluation.criteria import CriterionDraft, Source
from secretariat.evaluation.ranking import Tier, competition_ranks, tier_of
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.persian import jalali
from tests.support.meetings import Council
from tests.support.monthly import fix_today, record

TODAY = jalali.from_jalali(1405, 2, 15)  # the evaluation of 1404, in Ordibehesht 1405


@pytest.fixture
def world(secretariat, monkeypatch):
    """Three agencies whose 1404 is counted by hand in each test below.

    Attendance at four meetings: A 4 of 4, B 3 of 4, C 2 of 4.
    Resolutions led: A two (one done on time, one done late), B one overdue and not done, C none.
    Monthly reports of 1404: A twelve on time, B ten on time and two missing, C six on time, six late.
    News published in 1404: A 120, B 60, C 36 (three a month).
    """
    fix_today(monkeypatch, TODAY)
    council = Council(secretariat)
    a, b, c = (council.agency(name) for name in ("الف دستگاه", "ب دستگاه", "پ دستگاه"))
    absences = {0: set(), 1: {b}, 2: {c}, 3: {c}}
    meetings = []
    for index, date in enumerate(("1404/02/10", "1404/05/10", "1404/08/10", "1404/11/10")):
        meeting = council.plan(date)
        sheet = secretariat.attendance.invitations(meeting.id)
        secretariat.attendance.record(
            meeting.id,
            [
                AttendanceEntry(i.id, "absent" if i.agency_id in absences[index] else "present")
                for i in sheet
                if not i.is_guest
            ],
        )
        meetings.append(meeting.id)
    on_time = council.resolve(meetings[0], "مقرر شد پایگاه خبری به‌روز شود.", a, due_date="1404/03/01")
    late = council.resolve(meetings[0], "مقرر شد ویژه‌نامه منتشر شود.", a, due_date="1404/03/01")
    council.resolve(meetings[1], "مقرر شد نشست خبری برگزار شود.", b, due_date="1404/06/01")
    council.finalize(meetings[0])
    council.finalize(meetings[1])
    secretariat.followup.mark_done(on_time.id, evidence="نامه ۱۲", on="1404/02/25")
    secretariat.followup.mark_done(late.id, evidence="نامه ۱۳", on="1404/04/01")
    news = secretariat.indicators.list()[0]
    for month in range(1, 13):
        key = f"1404/{month:02d}"
        next_month = f"1404/{month + 1:02d}" if month < 12 else "1405/01"
        record(secretariat, a, key, f"{next_month}/02", figures={news.id: "10"})
        if month <= 10:
            record(secretariat, b, key, f"{next_month}/03", figures={news.id: "6"})
        record(secretariat, c, key, f"{next_month}/{'04' if month % 2 else '09'}")
    return {"a": a, "b": b, "c": c, "council": council}


def scores(secretariat, agency_id):
    standing = secretariat.evaluations.standing(1404, agency_id)
    criteria = secretariat.evaluations.get(1404).criteria
    return {
        criterion.source if criterion.source is not Source.ACTIVITY else criterion.name: standing.cells[
            criterion.id
        ]
        for criterion in criteria
        if criterion.source is not Source.MANUAL
    }


def test_the_default_criteria_add_up_to_100_with_their_formulas(secretariat, world):
    evaluation = secretariat.evaluations.create(1404)
    assert evaluation.total_max == 100
    assert {criterion.source for criterion in evaluation.criteria} == set(Source)
    attendance = next(c for c in evaluation.criteria if c.source is Source.ATTENDANCE)
    assert attendance.formula == "نسبت حضور در جلسات شورا در سال ۱۴۰۴ × ۲۰"
    assert [tier.name for tier in evaluation.tiers] == ["ممتاز", "برتر", "خوب", "نیازمند بهبود"]


def test_attendance_is_present_over_invited(secretariat, world):
    secretariat.evaluations.create(1404)
    assert scores(secretariat, world["a"])[Source.ATTENDANCE].score == pytest.approx(20)
    b = scores(secretariat, world["b"])[Source.ATTENDANCE]
    assert b.score == pytest.approx(15) and "۳ جلسه از ۴" in b.explanation
    assert scores(secretariat, world["c"])[Source.ATTENDANCE].score == pytest.approx(10)


def test_resolutions_count_on_time_whole_late_half_and_nothing_to_count_as_the_mean(secretariat, world):
    secretariat.evaluations.create(1404)
    a = scores(secretariat, world["a"])[Source.RESOLUTIONS]
    assert a.score == pytest.approx(15)  # (1 + ½) / 2 × 20
    assert "۱ به‌موقع" in a.explanation and "۱ با تأخیر" in a.explanation
    assert scores(secretariat, world["b"])[Source.RESOLUTIONS].score == pytest.approx(0)
    c = scores(secretariat, world["c"])[Source.RESOLUTIONS]
    assert c.score == pytest.approx(7.5)  # the mean of 75% and 0%
    assert "میانگین" in c.explanation


def test_monthly_reports_count_on_time_whole_late_half_missing_nothing(secretariat, world):
    secretariat.evaluations.create(1404)
    assert scores(secretariat, world["a"])[Source.MONTHLY_REPORTS].score == pytest.approx(15)
    assert scores(secretariat, world["b"])[Source.MONTHLY_REPORTS].score == pytest.approx(12.5)
    c = scores(secretariat, world["c"])[Source.MONTHLY_REPORTS]
    assert c.score == pytest.approx(11.25) and "۶ با تأخیر" in c.explanation


def test_activity_is_the_total_over_the_best_agencys(secretariat, world):
    secretariat.evaluations.create(1404)
    news = "اخبار و گزارش‌های منتشرشده"
    assert scores(secretariat, world["a"])[news].score == pytest.approx(10)
    b = scores(secretariat, world["b"])[news]
    assert b.score == pytest.approx(5) and "۶۰" in b.explanation and "۱۲۰" in b.explanation
    assert scores(secretariat, world["c"])[news].score == pytest.approx(3)  # 36 of 120


def test_jury_scores_are_averaged_and_refused_beyond_the_rules(secretariat, world):
    evaluation = secretariat.evaluations.create(1404)
    quality = next(c for c in evaluation.criteria if c.source is Source.MANUAL)
    computed = next(c for c in evaluation.criteria if c.source is Source.ATTENDANCE)
    secretariat.evaluations.score(1404, world["a"], quality.id, "۱۲", by="داور یکم")
    cell = secretariat.evaluations.score(1404, world["a"], quality.name, "14.5", by="داور دوم", note="خوب")
    assert cell.score == pytest.approx(13.25) and len(cell.jury) == 2
    again = secretariat.evaluations.score(
        1404, world["a"], quality.id, "13", by="داور يکم"
    )  # the same evaluator
    assert again.score == pytest.approx(13.75) and len(again.jury) == 2
    with pytest.raises(ValidationError):
        secretariat.evaluations.score(1404, world["a"], quality.id, "16", by="داور یکم")
    with pytest.raises(ValidationError):
        secretariat.evaluations.score(1404, world["a"], quality.id, "12", by=" ")
    with pytest.raises(DomainError) as refused:
        secretariat.evaluations.score(1404, world["a"], computed.id, "10", by="داور یکم")
    assert "از سوابق" in refused.value.message
    secretariat.evaluations.set_rules(1404, jury_rule="median")
    secretariat.evaluations.score(1404, world["a"], quality.id, "1", by="داور سوم")
    assert secretariat.evaluations.standing(1404, world["a"]).cells[quality.id].score == pytest.approx(13)


def test_ranks_share_ties_and_skip(secretariat):
    items = [("ب", 80.0), ("الف", 90.0), ("پ", 80.0), ("ت", 70.004), ("ث", 70.0)]
    ranked = competition_ranks(items, lambda i: i[1], lambda i: i[0])
    assert [(rank, name) for rank, (name, _total) in ranked] == [
        (1, "الف"),
        (2, "ب"),
        (2, "پ"),
        (4, "ت"),
        (4, "ث"),
    ]


def test_tiers_take_the_highest_threshold_reached():
    tiers = [Tier("خوب", 50), Tier("ممتاز", 85), Tier("برتر", 70), Tier("نیازمند بهبود", 0)]
    assert [tier_of(total, tiers) for total in (85, 84.99, 70, 12)] == [
        "ممتاز",
        "برتر",
        "برتر",
        "نیازمند بهبود",
    ]


def test_publishing_needs_every_jury_score_then_freezes_and_amends(secretariat, world, monkeypatch):
    evaluation = secretariat.evaluations.create(1404)
    manual = [c for c in evaluation.criteria if c.source is Source.MANUAL]
    with pytest.raises(DomainError) as missing:
        secretariat.evaluations.publish(1404, by="دبیر شورا")
    assert "۶" in missing.value.message  # two jury criteria × three agencies
    for agency in (world["a"], world["b"], world["c"]):
        for criterion in manual:
            secretariat.evaluations.score(1404, agency, criterion.id, "10", by="داور")
    before = secretariat.evaluations.ranking(1404)
    secretariat.evaluations.publish(1404, by="دبیر شورا")
    # a record changed after publishing changes nothing published
    attendance = next(c for c in evaluation.criteria if c.source is Source.ATTENDANCE)
    record(secretariat, world["b"], "1404/11", "1405/01/20")
    after = secretariat.evaluations.ranking(1404)
    assert [(s.agency_id, s.total, s.rank) for s in after.standings] == [
        (s.agency_id, s.total, s.rank) for s in before.standings
    ]
    with pytest.raises(DomainError):
        secretariat.evaluations.score(1404, world["a"], manual[0].id, "12", by="داور")
    with pytest.raises(DomainError):
        secretariat.evaluations.add_criterion(1404, CriterionDraft(name="تازه", max_score="5"))
    amendment = secretariat.evaluations.amend(
        1404, world["c"], attendance.id, "15", reason="برگه حضور جلسه آبان اشتباه بود", by="دبیر شورا"
    )
    assert (amendment.previous_score, amendment.score) == (pytest.approx(10), 15)
    cell = secretariat.evaluations.standing(1404, world["c"]).cells[attendance.id]
    assert (
        cell.score == 15
        and cell.original == pytest.approx(10)
        and cell.amendments[0].reason.startswith("برگه")
    )
    with pytest.raises(ValidationError):
        secretariat.evaluations.amend(1404, world["c"], attendance.id, "15", reason=" ", by="دبیر")


def test_next_year_copies_the_criteria_and_shows_the_previous_rank(secretariat, world):
    first = secretariat.evaluations.create(1404)
    secretariat.evaluations.add_criterion(1404, CriterionDraft(name="همکاری با رسانه‌ها", max_score="۵"))
    second = secretariat.evaluations.create(1405, copy_from=1404)
    assert [c.name for c in second.criteria] == [c.name for c in first.criteria] + ["همکاری با رسانه‌ها"]
    ranking = secretariat.evaluations.ranking(1405)
    before = {s.agency_id: s.rank for s in secretariat.evaluations.ranking(1404).standings}
    assert {s.agency_id: s.previous_rank for s in ranking.standings} == before
    with pytest.raises(DomainError):
        secretariat.evaluations.create(1404)
    with pytest.raises(NotFoundError):
        secretariat.evaluations.get(1399)


def test_an_excluded_agency_takes_no_part(secretariat, world):
    secretariat.evaluations.create(1404)
    secretariat.evaluations.exclude(1404, world["c"], reason="ادغام در سازمان دیگر")
    assert world["c"] not in {s.agency_id for s in secretariat.evaluations.ranking(1404).standings}
    manual = next(c for c in secretariat.evaluations.get(1404).criteria if c.source is Source.MANUAL)
    with pytest.raises(DomainError):
        secretariat.evaluations.score(1404, world["c"], manual.id, "5", by="داور")
    secretariat.evaluations.include(1404, world["c"])
    assert world["c"] in {s.agency_id for s in secretariat.evaluations.ranking(1404).standings}


def test_ranking_by_category_and_tiers_by_threshold(secretariat, world):
    secretariat.evaluations.create(1404)
    secretariat.evaluations.set_tiers(1404, [("ممتاز", "۴۰"), ("خوب", "۲۰"), ("نیازمند بهبود", "0")])
    secretariat.evaluations.set_rules(1404, rank_by_category=True)
    ranking = secretariat.evaluations.ranking(1404)
    assert [s.rank for s in ranking.standings] == [1, 2, 3]
    assert all(s.category_rank is not None for s in ranking.standings)
    assert ranking.standings[0].agency_id == world["a"] and ranking.standings[0].tier == "ممتاز"
    with pytest.raises(ValidationError):
        secretariat.evaluations.set_tiers(1404, [("ممتاز", "۱۲۰")])
