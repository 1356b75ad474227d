"""A small council whose year 1404 is known by hand, for the yearly report.

The attendance of ``attendance_support`` (four meetings held in 1404, one
cancelled, one still planned; a meeting held in 1403), and resolutions in
every state of the follow-up:

    meeting      code          lead (collaborators)          deadline                     at print time
    1404/02/10   1404-01-01    آموزش و پرورش (شهرداری)        1404/03/31                   done, two follow-ups, text amended
                 1404-01-02    پارک فناوری                    1404/05/31                   cancelled
    1404/04/15   1404-02-01    بهزیستی                        1404/06/15, moved to 08/30   in progress (30%), overdue
                 1404-02-02    شهرداری پردیس                  next meeting                 deferred to the planned meeting
    1404/07/20   1404-03-01    تأمین اجتماعی (پست، پارک)       1404/12/15                   open, overdue
    1404/10/05   (none)
    1403/12/20   1403-01-01    پست                            next meeting                 open (another year)

Every agency's completion (lead or collaborator; cancelled ones left out of
the rate), worst first: بهزیستی, پارک فناوری, پست, تأمین اجتماعی (0%, one
overdue each, in Persian order), شهرداری پردیس (1 of 2: 50%), آموزش و
پرورش (100%).
"""  # noqa: E501 (the rows of a table do not wrap)

from __future__ import annotations

from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.followup.lifecycle import FollowUpDraft
from tests.support.attendance import EDUCATION, PARK, POST, SECURITY, TOWN, WELFARE, attendance_world

YEAR = 1404
AMENDED_TEXT = "مقرر شد فهرست خبرنگاران و رسانه‌های شهرستان به‌روز شود."
FOLLOWUP_NOTE = "نامه یادآوری به دستگاه ارسال شد"
EVIDENCE = "فهرست تازه دستگاه رسید"
CANCEL_REASON = "اعتبار لازم تأمین نشد"
DEADLINE_REASON = "درخواست دستگاه برای تمدید"
DEFER_NOTE = "هماهنگی با استانداری"
# (name, resolutions, as lead, done, overdue, cancelled, rate), worst first.
COMPLETION = [
    (WELFARE, 1, 1, 0, 1, 0, "۰٪"),
    (PARK, 2, 1, 0, 1, 1, "۰٪"),
    (POST, 1, 0, 0, 1, 0, "۰٪"),
    (SECURITY, 1, 1, 0, 1, 0, "۰٪"),
    (TOWN, 2, 1, 1, 0, 0, "۵۰٪"),
    (EDUCATION, 1, 1, 1, 0, 0, "۱۰۰٪"),
]


def yearbook_world(core: Secretariat | Database) -> dict:
    world = attendance_world(core)
    council = world["council"]
    agencies = world["agencies"]
    first, second, third, _fourth = world["meetings"]
    followup = council.secretariat.followup
    resolve = council.resolve

    listed = resolve(
        first.id,
        "مقرر شد فهرست خبرنگاران شهرستان به‌روز شود.",
        agencies[EDUCATION],
        agencies[TOWN],
        due_date="1404/03/31",
    )
    fair = resolve(
        first.id, "مقرر شد نمایشگاه دستاوردهای روابط عمومی برپا شود.", agencies[PARK], due_date="1404/05/31"
    )
    council.finalize(first.id)
    council.minutes.amend_resolution(
        listed.id, reason="افزودن رسانه‌ها", author="دبیر شورا", text=AMENDED_TEXT
    )
    followup.add(listed.id, FollowUpDraft(date="1404/03/01", kind="letter", note=FOLLOWUP_NOTE))
    followup.add(
        listed.id,
        FollowUpDraft(date="1404/03/20", kind="agency_report", note="گزارش پیشرفت رسید", progress="60"),
    )
    followup.mark_done(listed.id, evidence=EVIDENCE, on="1404/04/05")
    followup.cancel(fair.id, reason=CANCEL_REASON)

    course = resolve(
        second.id, "مقرر شد دوره آموزش خبرنویسی برگزار شود.", agencies[WELFARE], due_date="1404/06/15"
    )
    sms = resolve(second.id, "مقرر شد سامانه پیامکی شورا راه‌اندازی شود.", agencies[TOWN])
    followup.change_deadline(course.id, new_due="1404/08/30", reason=DEADLINE_REASON, by="دبیر شورا")
    followup.add(
        course.id,
        FollowUpDraft(date="1404/07/01", kind="phone", note="کلاس‌ها در حال برنامه‌ریزی است", progress="30"),
    )
    followup.defer(sms.id, meeting_id=world["planned"].id, reason=DEFER_NOTE)

    resolve(
        third.id,
        "مقرر شد ویژه‌نامه هفته روابط عمومی منتشر شود.",
        agencies[SECURITY],
        agencies[POST],
        agencies[PARK],
        due_date="1404/12/15",
    )

    before = council.meetings.page(limit=None)[-1]  # the meeting of 1403
    resolve(before.id, "مقرر شد گزارش سال ۱۴۰۳ تهیه شود.", agencies[POST])
    return world
