"""A council whose archives carry an evaluation and a letter register (schema version 4).

The evaluation world of ``tests.support.evaluation`` (1403 published; 1404
published, then one score amended), with a meeting held in 1403 so that its
year can be archived too; in 1405 a meeting and a draft evaluation copied
from 1404 with an activity criterion fed by a monthly report. And letters:

| number | year | what |
|---|---|---|
| 1/ش/1404 | out | a follow-up of resolution R to the education office, about meeting 1, with its PDF |
| 2/ش/1404 | out | an invitation to the municipality, voided |
| 3/ش/1404 | out | a letter to a person outside the council (no agency) |
| 1/و/1404 | in | the education office's answer to 1/ش/1404, with its scan |
| 2/و/1404 | in | the municipality's answer to resolution R (50% done), no file |
| 1/ش/1405 | out | communication of R (a 1404 meeting, a 1404 resolution) to the education office |
| 1/و/1405 | in | the university's late answer to 1/ش/1404 (a letter of 1404) |
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.models import Meeting
from secretariat.core import Secretariat
from secretariat.evaluation.criteria import CriterionDraft, Source
from secretariat.letters.register import Concerns, IncomingDraft, LetterKind, OutgoingDraft
from secretariat.meetings.attachments import IncomingFile
from secretariat.meetings.attendance import AttendanceEntry
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.persian import jalali
from tests.support import files
from tests.support.evaluation import (
    EDUCATION,
    MUNICIPALITY,
    QUALITY,
    SECRETARY,
    SPORTS,
    UNIVERSITY,
    evaluation_world,
)
from tests.support.monthly import record

NEWS = "اخبار و گزارش\u200cهای منتشرشده"
ACTIVITY = "اخبار منتشرشده در سال"
RESOLUTION_TEXT = "مقرر شد روابط عمومی‌ها گزارش اقدامات هفته ملی را به دبیرخانه بفرستند"
FOLLOWUP_PDF = files.pdf("follow-up letter 1/sh/1404")
ANSWER_SCAN = files.png()
VOID_REASON = "نشانی گیرنده نادرست بود"


@dataclass(frozen=True)
class World:
    agencies: dict[str, int]
    resolution_code: str
    followup_source_key: str


def hold(secretariat: Secretariat, date: str, *, absent: int | None = None) -> int:
    meeting = secretariat.meetings.plan(MeetingDraft(kind="regular", date=date)).meeting
    entries = [
        AttendanceEntry(invitation.id, "absent" if invitation.agency_id == absent else "present")
        for invitation in secretariat.attendance.invitations(meeting.id)
        if not invitation.is_guest
    ]
    secretariat.attendance.record(meeting.id, entries)
    return meeting.id


def build(secretariat: Secretariat) -> World:
    ids = evaluation_world(secretariat)
    hold(secretariat, "1403/08/01")
    meetings_1404 = [secretariat.meetings.get(meeting_id) for meeting_id in meeting_ids(secretariat, 1404)]
    resolution = secretariat.minutes.add_resolution(
        meetings_1404[0].id,
        ResolutionDraft(
            text=RESOLUTION_TEXT,
            lead_agency_id=ids[EDUCATION],
            collaborator_agency_ids=(ids[MUNICIPALITY],),
            due_date="1404/05/30",
        ),
    )
    letters = secretariat.letters
    followup_key = f"followup:{resolution.id}:{ids[EDUCATION]}"
    followup = letters.issue(
        OutgoingDraft(
            kind=LetterKind.FOLLOWUP.value,
            source_key=followup_key,
            party=EDUCATION,
            subject="پیگیری مصوبه گزارش هفته ملی",
            agency_id=ids[EDUCATION],
            attachments=1,
            concerns=Concerns.RESOLUTIONS.value,
            meeting_id=meetings_1404[0].id,
            resolution_ids=[resolution.id],
            recorded_by=SECRETARY,
        ),
        on=jalali.from_jalali(1404, 4, 1),
    )
    letters.keep_pdf(followup.id, "پیگیری مصوبه.pdf", FOLLOWUP_PDF)
    invitation = letters.issue(
        OutgoingDraft(
            kind=LetterKind.INVITATION.value,
            source_key=f"invitation:{meetings_1404[1].id}:{ids[MUNICIPALITY]}",
            party=MUNICIPALITY,
            subject="دعوت به جلسه شورا",
            agency_id=ids[MUNICIPALITY],
            concerns=Concerns.MEETING.value,
            meeting_id=meetings_1404[1].id,
        ),
        on=jalali.from_jalali(1404, 9, 1),
    )
    letters.void(invitation.number, reason=VOID_REASON, by=SECRETARY)
    letters.issue(
        OutgoingDraft(
            kind=LetterKind.OTHER.value,
            source_key="",
            party="جناب آقای دکتر حسین محمدی، استاد دانشگاه",
            subject="درخواست سخنرانی در همایش روز ارتباطات",
        ),
        on=jalali.from_jalali(1404, 10, 5),
    )
    letters.record_incoming(
        IncomingDraft(
            received_on="1404/04/20",
            subject="پاسخ به نامه پیگیری گزارش هفته ملی",
            agency_id=ids[EDUCATION],
            their_number="۷۸۹/ص",
            their_date="1404/04/18",
            file=IncomingFile("پاسخ آموزش و پرورش.png", ANSWER_SCAN, "image/png"),
            answers_letter=followup.number,
            recorded_by=SECRETARY,
        )
    )
    letters.record_incoming(
        IncomingDraft(
            received_on="1404/05/02",
            subject="گزارش اقدامات هفته ملی",
            agency_id=ids[MUNICIPALITY],
            their_number="۱۲/ش",
            answers_resolution=resolution.code,
            progress="50",
        )
    )

    # 1405: a meeting, a monthly report, a draft evaluation; letters naming 1404's records.
    hold(secretariat, "1405/02/01", absent=ids[SPORTS])
    news = next(i for i in secretariat.indicators.list() if i.name == NEWS)
    for agency, value in ((EDUCATION, "12"), (UNIVERSITY, "30")):
        record(secretariat, ids[agency], "1405/01", "1405/02/03", figures={news.id: value})
    evaluations = secretariat.evaluations
    evaluations.create(1405, copy_from=1404)
    evaluations.add_criterion(
        1405,
        CriterionDraft(name=ACTIVITY, max_score="10", source=Source.ACTIVITY.value, indicator_id=news.id),
    )
    evaluations.exclude(1405, ids[SPORTS], reason="ادغام با اداره کل")
    evaluations.score(1405, ids[EDUCATION], QUALITY, "33", by="داور اول", note="گزارش‌های خوب")
    evaluations.score(1405, ids[UNIVERSITY], QUALITY, "۲۵٫۵", by="داور اول")
    letters.issue(
        OutgoingDraft(
            kind=LetterKind.COMMUNICATION.value,
            source_key=f"communication:{meetings_1404[0].id}:{ids[EDUCATION]}",
            party=EDUCATION,
            subject="ابلاغ مصوبات",
            agency_id=ids[EDUCATION],
            concerns=Concerns.RESOLUTIONS.value,
            meeting_id=meetings_1404[0].id,
            resolution_ids=[resolution.id],
        ),
        on=jalali.from_jalali(1405, 1, 20),
    )
    letters.record_incoming(
        IncomingDraft(
            received_on="1405/02/10",
            subject="پاسخ دیرهنگام به نامه پیگیری",
            agency_id=ids[UNIVERSITY],
            answers_letter=followup.number,
        )
    )
    return World(ids, resolution.code, followup_key)


def meeting_ids(secretariat: Secretariat, year: int) -> list[int]:
    """The year's meetings, in date order."""
    with secretariat.database.reading() as session:
        return list(
            session.scalars(select(Meeting.id).where(Meeting.jalali_year == year).order_by(Meeting.date))
        )
