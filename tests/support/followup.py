"""A council whose resolutions are in every state of the follow-up, dated around today."""

from __future__ import annotations

import datetime as dt

from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.persian import jalali
from tests.support.meetings import Council


def in_days(days_from_today: int) -> str:
    """A Jalali date so many days from today (negative: before)."""
    return jalali.format_short(dt.date.today() + dt.timedelta(days=days_from_today), persian_digits=False)


def followup_world(core: Secretariat | Database) -> dict:
    """A meeting held a month ago whose resolutions are in every state; two meetings to come."""
    council = Council(core)
    secretariat = council.secretariat
    town = council.agency("شهرداری پردیس")
    school = council.agency("آموزش و پرورش")
    health = council.agency("شبکه بهداشت")
    held = council.plan(in_days(-30))
    council.hold(held.id)
    resolve = council.resolve
    late_town = resolve(held.id, "مقرر شد تابلوهای اطلاع‌رسانی نصب شود.", town, due_date=in_days(-5))
    late_shared = resolve(held.id, "مقرر شد گزارش ماهانه ارسال شود.", school, town, due_date=in_days(-2))
    late_health = resolve(held.id, "مقرر شد برنامه هفته سلامت اعلام شود.", health, due_date=in_days(-1))
    soon = resolve(held.id, "مقرر شد فهرست خبرنگاران به‌روز شود.", school, due_date=in_days(3))
    later = resolve(held.id, "مقرر شد دوره آموزشی برگزار شود.", health, due_date=in_days(60))
    done = resolve(held.id, "مقرر شد نشریه داخلی منتشر شود.", town, due_date=in_days(10))
    cancelled = resolve(held.id, "مقرر شد نمایشگاه برپا شود.", school, due_date=in_days(10))
    deferred = resolve(held.id, "مقرر شد سامانه پیامکی راه‌اندازی شود.", town)
    next_one = council.plan(in_days(20), venue="سالن فرمانداری", start_time="10:00")
    council.plan(in_days(50))
    followup = secretariat.followup
    followup.mark_done(done.id, evidence="نامه شماره ۱۲۳")
    followup.cancel(cancelled.id, reason="اعتبار تأمین نشد.")
    followup.defer(deferred.id, meeting_id=next_one.id)
    return {
        "database": secretariat.database,
        "town": town,
        "school": school,
        "health": health,
        "held": held,
        "next": next_one,
        "late_town": late_town,
        "late_shared": late_shared,
        "late_health": late_health,
        "soon": soon,
        "later": later,
        "done": done,
        "followup": followup,
        "dashboard": secretariat.dashboard,
        "register": secretariat.register,
    }
