"""A council whose evaluations of 1403 and 1404 are known by hand, for the printouts' tests.

Four agencies; in 1404 two meetings (every agency present at both, but
ورزش absent from one), a criterion from attendance (20) and two judged by
the jury (40 each):

| agency | attendance | quality | innovation | total | rank | tier |
|---|---|---|---|---|---|---|
| آموزش و پرورش | 20 | 36 | 34 → 36 amended | 90 → 92 | 1 | ممتاز |
| دانشگاه | 20 | 30 | 30 | 80 | 2 (shared) | برتر |
| شهرداری | 20 | 32 | 28 | 80 | 2 (shared) | برتر |
| ورزش | 10 | 20 | 12 | 42 | 4 | نیازمند بهبود |

In 1403 (one criterion out of 100): شهرداری 1st, آموزش و پرورش 2nd, ورزش 3rd;
the university had not joined yet (excluded, with its reason).
"""

from __future__ import annotations

from secretariat import clock
from secretariat.evaluation.criteria import CriterionDraft, Source
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.planning import MeetingDraft
from secretariat.members.agencies import AgencyDraft
from secretariat.members.council import CouncilDraft
from secretariat.members.people import AppointmentDraft, PersonDraft
from secretariat.persian import jalali

TODAY = jalali.from_jalali(1405, 2, 15)
COUNCIL = "شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
CHAIR = "محمدرضا صالحی"
SECRETARY = "زهرا کریمی"
EDUCATION = "اداره آموزش و پرورش شهرستان پردیس"
UNIVERSITY = "دانشگاه آزاد اسلامی واحد پردیس"
MUNICIPALITY = "شهرداری پردیس"
SPORTS = "اداره ورزش و جوانان شهرستان پردیس"
QUALITY = "کیفیت محتوا و اطلاع‌رسانی"
INNOVATION = "ابتکار و نوآوری"
ATTENDANCE = "حضور در جلسات شورا"
AMENDMENT_REASON = "بازبینی برگه داوری دوم"
# (full name, honorific) of each agency's PR manager; the sports office has none now.
MANAGERS = {
    EDUCATION: ("رضا قاسمی", "آقای مهندس"),
    UNIVERSITY: ("مریم احمدی", "خانم دکتر"),
    MUNICIPALITY: ("علی رضایی", ""),
}
JURY = {  # agency: (quality, innovation), each the mean of two evaluators' scores
    EDUCATION: (36, 34),
    UNIVERSITY: (30, 30),
    MUNICIPALITY: (32, 28),
    SPORTS: (20, 12),
}
ORDER_1404 = [EDUCATION, UNIVERSITY, MUNICIPALITY, SPORTS]
RANKS_1404 = [1, 2, 2, 4]


def fix_today(monkeypatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def evaluation_world(secretariat, *, publish_1404: bool = True) -> dict[str, int]:
    """The council above in ``secretariat`` (an empty database); each agency's id by name."""
    secretariat.council.create(CouncilDraft(name=COUNCIL, city="پردیس", chair=CHAIR, secretary=SECRETARY))
    ids = {name: secretariat.agencies.add(AgencyDraft(name=name)).id for name in ORDER_1404}
    for agency, (full_name, honorific) in MANAGERS.items():
        person = secretariat.people.add(PersonDraft(full_name=full_name, honorific=honorific)).id
        secretariat.people.appoint(
            AppointmentDraft(agency_id=ids[agency], person_id=person, start_date="1402/01/15")
        )
    evaluations = secretariat.evaluations

    # 1403: one criterion judged out of 100; the university not yet a member.
    evaluations.create(1403)
    _only(secretariat, 1403, [CriterionDraft(name="عملکرد کلی", max_score="100", group_name="کلی")])
    evaluations.exclude(1403, ids[UNIVERSITY], reason="هنوز عضو شورا نبود")
    for agency, score in ((MUNICIPALITY, 90), (EDUCATION, 80), (SPORTS, 70)):
        evaluations.score(1403, ids[agency], "عملکرد کلی", score, by="داور اول")
    evaluations.publish(1403, by=SECRETARY)

    # 1404: two meetings; the sports office misses the second.
    for index, date in enumerate(("1404/03/10", "1404/09/10")):
        meeting = secretariat.meetings.plan(MeetingDraft(kind="regular", date=date)).meeting
        entries = [
            AttendanceEntry(
                invitation.id, "absent" if index == 1 and invitation.agency_id == ids[SPORTS] else "present"
            )
            for invitation in secretariat.attendance.invitations(meeting.id)
            if not invitation.is_guest
        ]
        secretariat.attendance.record(meeting.id, entries)
    evaluations.create(1404)
    _only(
        secretariat,
        1404,
        [
            CriterionDraft(
                name=ATTENDANCE, max_score="20", source=Source.ATTENDANCE.value, group_name="مشارکت در شورا"
            ),
            CriterionDraft(name=QUALITY, max_score="40", group_name="کیفیت (داوری)"),
            CriterionDraft(name=INNOVATION, max_score="40", group_name="کیفیت (داوری)"),
        ],
    )
    evaluations.set_tiers(1404, [("ممتاز", "85"), ("برتر", "70"), ("خوب", "50"), ("نیازمند بهبود", "0")])
    for agency, (quality, innovation) in JURY.items():
        for criterion, score in ((QUALITY, quality), (INNOVATION, innovation)):
            # Two evaluators, one point either side of the mean.
            evaluations.score(1404, ids[agency], criterion, score + 1, by="داور اول", note="")
            note = "نوآوری در روایت خبری کم بود" if agency == SPORTS and criterion == INNOVATION else ""
            evaluations.score(1404, ids[agency], criterion, score - 1, by="داور دوم", note=note)
    if publish_1404:
        evaluations.publish(1404, by=SECRETARY)
        evaluations.amend(1404, ids[EDUCATION], INNOVATION, "36", reason=AMENDMENT_REASON, by=SECRETARY)
    return ids


def _only(secretariat, year: int, drafts: list[CriterionDraft]) -> None:
    """The year's criteria made exactly ``drafts`` (the default set removed)."""
    evaluations = secretariat.evaluations
    for criterion in evaluations.get(year).criteria:
        evaluations.remove_criterion(criterion.id)
    for draft in drafts:
        evaluations.add_criterion(year, draft)
