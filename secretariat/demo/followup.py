"""The demo council's follow-up of its resolutions (پیگیری مصوبات).

Letters and phone calls from the secretariat, the agencies' reports with the
progress they claim, a visit, items raised in a later meeting; most of the
older resolutions done (on time or late, with the evidence of completion),
some overdue now with partial progress, one cancelled, one deferred to the
coming general assembly and one whose deadline was moved, with its reason;
an entry typed wrong and corrected, and one recorded by mistake and voided.

Written, like the meetings, for ``calendar.ANCHOR`` and moved by the same
whole weeks (``DemoCalendar``), so every date falls between the resolution's
meeting and today, and the latest entries were recorded in the last days.
Some entries keep their document (the letter sent, the agency's report), a
one-page "scan" made here. Everything goes through ``FollowUpService``; the
clock stamps it writes (when an entry or its document was recorded, a
deadline changed, a resolution cancelled) are moved back afterwards to the
days they would have happened.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.models import Attachment, DeadlineChange, FollowUp, FollowUpCorrection, Resolution
from secretariat.core import Secretariat
from secretariat.database import Database
from secretariat.demo.calendar import DemoCalendar
from secretariat.demo.meetings import BuiltMeetings, scanned_sheet
from secretariat.followup.corrections import CorrectionDraft
from secretariat.followup.lifecycle import FollowUpDraft, FollowUpRecord
from secretariat.followup.status import FollowUpKind
from secretariat.persian import jalali

SECRETARY = "زهرا موسوی"
EXPERT = "هادی امینی"  # the governorate's PR expert, who makes most of the calls

LETTER, PHONE, REPORT, VISIT, MEETING = (
    FollowUpKind.LETTER,
    FollowUpKind.PHONE,
    FollowUpKind.AGENCY_REPORT,
    FollowUpKind.VISIT,
    FollowUpKind.MEETING,
)


@dataclass(frozen=True)
class F:
    """A follow-up entry."""

    date: str
    kind: FollowUpKind
    note: str
    progress: int | None = None
    by: str = SECRETARY
    document: str = ""  # the name of the scanned letter or report kept with the entry


@dataclass(frozen=True)
class Fix:
    """The entry just before, corrected: the progress it should have said."""

    date: str  # the day it was corrected
    progress: int
    reason: str


@dataclass(frozen=True)
class Void:
    """The entry just before, voided."""

    date: str  # the day it was voided
    reason: str


@dataclass(frozen=True)
class Done:
    date: str
    evidence: str


@dataclass(frozen=True)
class Cancel:
    date: str
    reason: str


@dataclass(frozen=True)
class Defer:
    date: str
    meeting: str  # the written date of the coming meeting
    reason: str


@dataclass(frozen=True)
class Deadline:
    date: str
    new_due: str
    reason: str


# (the meeting's written date, the resolution's number in its minutes) -> its history, in order.
HISTORIES: dict[tuple[str, int], tuple[F | Fix | Void | Done | Cancel | Defer | Deadline, ...]] = {
    ("1404/03/18", 1): (
        F("1404/04/06", LETTER, "یادآوری ارسال گزارش ماهانه به همه دستگاه‌های عضو، نامه شماره ۲۱۵/ش/۱۴۰۴."),
        F(
            "1404/06/17",
            MEETING,
            "در جلسه سوم گزارش شد: ۱۲ دستگاه از ۲۵ دستگاه گزارش ماه گذشته را فرستاده‌اند.",
            48,
        ),
        F("1405/05/13", MEETING, "در جلسه هفتم گزارش شد: ۱۷ دستگاه گزارش ماهانه را به موقع می‌فرستند.", 68),
    ),
    ("1404/03/18", 2): (
        F(
            "1404/04/20",
            PHONE,
            "تماس با مسئول پورتال فرمانداری؛ قالب صفحه ادارات در دست طراحی است.",
            30,
            EXPERT,
        ),
        F(
            "1404/06/10",
            VISIT,
            "بازدید از واحد فناوری اطلاعات فرمانداری؛ صفحه ادارات آماده است و دسترسی‌ها هنوز داده نشده.",
            80,
        ),
        Done(
            "1404/06/24",
            "صفحه ادارات در پورتال فرمانداری راه‌اندازی و نام کاربری هر دستگاه ابلاغ شد، "
            "نامه شماره ۳۰۲/ف/۱۴۰۴.",
        ),
    ),
    ("1404/03/18", 3): (
        F("1404/05/20", REPORT, "اداره فرهنگ و ارشاد فهرست اعضای شبکه و پیش‌نویس شیوه‌نامه را فرستاد.", 70),
        F("1404/06/17", MEETING, "پیش‌نویس شیوه‌نامه شبکه ارتباط رسانه‌ای در جلسه سوم ارائه شد.", 100),
        Done("1404/06/17", "شیوه‌نامه شبکه ارتباط رسانه‌ای در جلسه سوم شورا ارائه شد (صورتجلسه جلسه سوم)."),
    ),
    ("1404/03/18", 4): (
        F("1404/04/10", PHONE, "کارشناس ارشاد: فهرست در حال تکمیل است.", 50, EXPERT),
        F("1404/04/25", REPORT, "فهرست ۳۸ خبرنگار و رسانه محلی با شماره تماس رسید.", 100),
        Done(
            "1404/04/28",
            "فهرست خبرنگاران و رسانه‌های شهرستان، نامه شماره ۱۲۴/ف/۱۴۰۴ اداره فرهنگ و ارشاد اسلامی.",
        ),
    ),
    ("1404/03/18", 5): (
        F("1404/05/05", LETTER, "درخواست برنامه دوره‌های آموزشی از دانشگاه آزاد، نامه شماره ۲۴۸/ش/۱۴۰۴."),
        F("1404/06/17", MEETING, "برنامه دوره‌های آموزشی در جلسه سوم ارائه شد.", 100),
        Done("1404/06/17", "برنامه دوره‌های آموزشی شش ماه آینده، نامه شماره ۵۱۲/د/۱۴۰۴ دانشگاه آزاد."),
    ),
    ("1404/03/18", 6): (
        Done("1404/05/12", "جلسه دوم به میزبانی شرکت آب و فاضلاب برگزار و نوبت میزبانی دستگاه‌ها تعیین شد."),
    ),
    ("1404/05/12", 1): (
        F("1404/05/13", PHONE, "هماهنگی با روابط عمومی برق؛ جدول از فردا ساعت ۷:۳۰ منتشر می‌شود.", 90, EXPERT),
        Done("1404/05/14", "جدول خاموشی‌ها از این هفته هر روز پیش از ساعت ۸ در پیام‌رسان‌ها و پورتال منتشر شد."),
    ),
    ("1404/05/12", 2): (
        F(
            "1404/06/02",
            REPORT,
            "آبفا بسته محتوایی صرفه‌جویی (۱۲ پوستر و ۴ ویدئو) را برای دستگاه‌ها فرستاد.",
            60,
        ),
        F("1404/06/25", REPORT, "گزارش بازنشر: ۲۱ دستگاه محتوا را منتشر کرده‌اند.", 100),
        Done("1404/06/28", "گزارش بازنشر پیام‌های صرفه‌جویی در ۲۱ دستگاه، نامه شماره ۶۷۱/آ/۱۴۰۴ آبفا."),
    ),
    ("1404/05/12", 3): (
        F("1404/05/20", VISIT, "بازدید از ستاد خبری مشترک در فرمانداری؛ دو کارشناس در دو نوبت حاضرند.", 50),
        Done("1404/06/31", "گزارش پایانی ستاد خبری مشترک آب و برق: ۳۴۰ پرسش مردمی پاسخ داده شد."),
    ),
    ("1404/05/12", 4): (
        F("1404/06/17", MEETING, "گزارش اقدامات صرفه‌جویی ۱۹ دستگاه در جلسه سوم جمع‌بندی شد.", 100),
        Done("1404/06/17", "جمع‌بندی گزارش‌های هفتگی صرفه‌جویی در جلسه سوم شورا ارائه شد."),
    ),
    ("1404/06/17", 1): (
        F("1404/07/10", PHONE, "ارشاد: نظرات چهار دستگاه هنوز نرسیده است.", 60, EXPERT),
        F("1404/07/25", LETTER, "یادآوری به دستگاه‌هایی که نظر نداده‌اند، نامه شماره ۴۰۹/ش/۱۴۰۴.", 80),
        Done("1404/08/05", "شیوه‌نامه نهایی شبکه ارتباط رسانه‌ای، ابلاغ با نامه شماره ۴۳۱/ش/۱۴۰۴."),
    ),
    ("1404/06/17", 2): (
        F("1404/06/22", LETTER, "درخواست معرفی رابط خبری از دستگاه‌ها، نامه شماره ۳۵۷/ش/۱۴۰۴."),
        F("1404/07/10", REPORT, "۲۰ دستگاه از ۲۵ دستگاه رابط خبری خود را معرفی کرده‌اند.", 80),
        Done("1404/07/28", "فهرست رابطان خبری ۲۵ دستگاه عضو در دبیرخانه ثبت شد."),
    ),
    ("1404/06/17", 3): (
        Done(
            "1404/06/29",
            "تقویم مشترک برنامه‌های مناسبتی، نامه شماره ۳۶۸/ش/۱۴۰۴ و انتشار در سامانه خبری شهرستان.",
        ),
    ),
    ("1404/06/17", 4): (
        F("1404/07/05", LETTER, "پیگیری زمان برگزاری دوره خبرنویسی، نامه شماره ۳۸۲/ش/۱۴۰۴."),
        F(
            "1404/08/10",
            REPORT,
            "دانشگاه آزاد: ۳۲ نفر ثبت‌نام کرده‌اند و دو جلسه از پنج جلسه برگزار شد.",
            40,
            document="گزارش دوره خبرنویسی.pdf",
        ),
        F("1404/08/20", VISIT, "بازدید دبیر شورا از کلاس عکاسی خبری در دانشکده علوم انسانی.", 80),
        Done("1404/08/27", "گزارش برگزاری دوره و فهرست شرکت‌کنندگان، نامه شماره ۸۷۴/د/۱۴۰۴ دانشگاه آزاد."),
    ),
    ("1404/06/17", 5): (
        F("1404/07/02", PHONE, "پیگیری تلفنی از شش دستگاهی که فهرست نفرستاده‌اند.", 75, EXPERT),
        Done("1404/07/05", "فهرست ۳۲ متقاضی دوره‌های آموزشی از ۲۵ دستگاه جمع‌بندی شد."),
    ),
    ("1404/09/11", 1): (
        F("1404/10/01", REPORT, "دانشگاه آزاد: گواهی‌ها صادر شده و در انتظار امضای رئیس واحد است.", 70),
        Done("1404/10/10", "گواهی ۳۰ شرکت‌کننده دوره خبرنویسی، نامه شماره ۹۸۸/د/۱۴۰۴ دانشگاه آزاد."),
    ),
    ("1404/09/11", 2): (
        F("1404/09/25", LETTER, "ارسال پیش‌نویس شاخص‌ها به دستگاه‌های عضو، نامه شماره ۵۰۳/ش/۱۴۰۴.", 50),
        Done("1404/10/14", "نظرات ۲۲ دستگاه درباره شاخص‌های ارزیابی جمع‌بندی شد."),
    ),
    ("1404/09/11", 3): (Done("1404/10/16", "کارگروه شاخص‌ها تشکیل و گزارش آن در مجمع عمومی ارائه شد."),),
    ("1404/09/11", 4): (
        F("1404/11/20", REPORT, "برنامه دیدارها از سوی بنیاد شهید و فرمانداری تهیه شد.", 80),
        Done("1404/12/05", "برنامه دیدار روسای ادارات با خانواده‌های شهدا، نامه شماره ۶۱۲/ش/۱۴۰۴."),
    ),
    ("1404/10/16", 1): (
        F("1404/11/10", PHONE, "طراحی نشریه به دلیل کمبود نیرو عقب افتاده است.", 40, EXPERT),
        F("1404/12/10", MEETING, "در جلسه پنجم مطرح شد؛ نشریه تا دو ماه دیگر منتشر می‌شود.", 70),
        Done(
            "1405/01/20",
            "نشریه الکترونیکی عملکرد دبیرخانه منتشر و با نامه شماره ۱۸/ش/۱۴۰۵ به استانداری ارسال شد.",
        ),
    ),
    ("1404/10/16", 2): (
        Done("1404/11/20", "احکام عضویت ۲۵ مدیر روابط عمومی در قرارگاه رسانه‌ای صادر و ابلاغ شد."),
    ),
    ("1404/10/16", 3): (
        F(
            "1404/11/15",
            LETTER,
            "استعلام از استانداری درباره پایگاه استانی قرارگاه رسانه‌ای، نامه شماره ۵۶۰/ش/۱۴۰۴.",
        ),
        F(
            "1405/01/28",
            REPORT,
            "استانداری: پایگاه استانی قرارگاه با صفحه ویژه هر شهرستان راه‌اندازی شده است.",
        ),
        Cancel(
            "1405/02/27",
            "با راه‌اندازی پایگاه استانی قرارگاه رسانه‌ای و صفحه ویژه شهرستان در آن، پایگاه "
            "جداگانه لازم نیست؛ اخبار دستگاه‌ها در پایگاه استانی منتشر می‌شود.",
        ),
    ),
    ("1404/10/16", 4): (
        F("1404/12/10", MEETING, "در جلسه پنجم: ۱۵ دستگاه برنامه ملاقات‌های مردمی را اطلاع‌رسانی کرده‌اند.", 60),
        F("1405/05/13", MEETING, "در جلسه هفتم: ۱۸ دستگاه.", 72),
    ),
    ("1404/10/16", 5): (
        F("1405/01/25", REPORT, "فرم‌های خوداظهاری ۲۱ دستگاه رسید؛ امتیازدهی در جریان است.", 60),
        F("1405/02/15", PHONE, "دانشگاه آزاد: نتیجه ارزیابی تا پیش از مراسم آماده می‌شود.", 85, EXPERT),
        Done(
            "1405/02/27",
            "نتایج ارزیابی عملکرد و لوح تقدیر روابط عمومی‌های برتر در همایش سالانه روابط عمومی‌ها، "
            "صورتجلسه جلسه ششم.",
        ),
    ),
    ("1404/10/16", 6): (
        F("1404/12/01", LETTER, "پیگیری راه‌اندازی بستر تبادل تجربه از پارک فناوری، نامه شماره ۵۸۸/ش/۱۴۰۴."),
        F("1405/01/25", REPORT, "پارک فناوری: گروه در پیام‌رسان داخلی ساخته شد؛ منتظر مجوز حراست.", 40),
        F("1405/06/10", PHONE, "هنوز مجوز نرسیده؛ پارک فناوری پیگیر است.", 50, EXPERT),
    ),
    ("1404/12/10", 1): (
        F("1404/12/20", REPORT, "ستاد اطلاع‌رسانی سفرها تشکیل شد؛ گزارش روزانه از آغاز ایام تعطیل.", 50),
        Done(
            "1405/01/16",
            "گزارش عملکرد ستاد اطلاع‌رسانی ایام تعطیل و ۱۳ خبر روزانه، "
            "نامه شماره ۲۲/م/۱۴۰۵ اداره میراث فرهنگی.",
        ),
    ),
    ("1404/12/10", 2): (
        F("1404/12/15", LETTER, "درخواست شماره‌های پاسخگویی از برق، گاز و آبفا، نامه شماره ۶۳۰/ش/۱۴۰۴."),
        Done("1404/12/20", "شماره تلفن‌های پاسخگویی ایام تعطیل در پورتال فرمانداری درج شد."),
    ),
    ("1404/12/10", 3): (
        Done("1405/01/29", "شاخص‌های ده‌گانه ابلاغ و فرم خوداظهاری ۲۳ دستگاه تکمیل شد، نامه شماره ۱۵/ش/۱۴۰۵."),
    ),
    ("1404/12/10", 4): (
        Done(
            "1405/01/25",
            "حکم اعضای کمیته برگزاری همایش سالانه روابط عمومی‌ها، نامه شماره ۳۱/ف/۱۴۰۵ اداره فرهنگ و ارشاد.",
        ),
    ),
    ("1405/02/27", 1): (
        Done("1405/03/05", "نتایج ارزیابی و فهرست روابط عمومی‌های برتر در پورتال فرمانداری منتشر شد."),
    ),
    ("1405/02/27", 2): (
        F("1405/03/10", LETTER, "درخواست از دستگاه‌ها برای احیای سهم دو در هزار، نامه شماره ۱۴۸/ش/۱۴۰۵."),
        F(
            "1405/05/13",
            MEETING,
            "در جلسه هفتم: ۹ دستگاه سهم دو در هزار را در بودجه خود پیش‌بینی کرده‌اند.",
            35,
        ),
    ),
    ("1405/02/27", 3): (
        F("1405/04/10", REPORT, "جدول نیازهای ۱۹ دستگاه رسید.", 70, document="جدول نیازهای دستگاه‌ها.pdf"),
        F("1405/04/30", PHONE, "پیگیری از شش دستگاه باقی‌مانده.", 85, EXPERT),
        Done(
            "1405/05/10",
            "جمع‌بندی نیازهای نیروی انسانی و تجهیزات روابط عمومی‌ها، نامه شماره ۲۴۰/ش/۱۴۰۵ به استانداری.",
        ),
    ),
    ("1405/02/27", 4): (
        F("1405/04/05", LETTER, "پیگیری زمان کارگاه ارتباطات در بحران، نامه شماره ۱۸۶/ش/۱۴۰۵."),
        F("1405/05/20", REPORT, "شبکه بهداشت: مدرس کارگاه تعیین شد؛ زمان برگزاری هنوز معلوم نیست.", 30),
        F("1405/07/15", PHONE, "سالن دانشگاه آزاد برای دو ماه آینده رزرو شده است.", 50, EXPERT),
    ),
    ("1405/02/27", 5): (
        Done(
            "1405/03/12",
            "تقویم رویدادهای مناسبتی سال ۱۴۰۵، ابلاغ با نامه شماره ۹۲/ف/۱۴۰۵ اداره فرهنگ و ارشاد.",
        ),
    ),
    ("1405/05/13", 1): (
        F(
            "1405/05/25",
            LETTER,
            "نامه به هشت دستگاهی که گزارش ماهانه نفرستاده‌اند، شماره ۲۶۱/ش/۱۴۰۵.",
            document="نامه ۲۶۱-ش-۱۴۰۵.pdf",
        ),
        F("1405/06/20", PHONE, "پیگیری تلفنی؛ پنج دستگاه گزارش فرستادند.", 6, EXPERT),
        Fix("1405/06/22", 60, "درصد پیشرفت ۶۰ گزارش شده بود و صفر آن از قلم افتاد."),
        F("1405/07/15", PHONE, "تماس با دستگاه؛ گزارش تا پایان هفته می‌رسد."),
        Void("1405/07/16", "این تماس درباره مصوبه دیگری بود و به اشتباه اینجا ثبت شد."),
        F("1405/08/20", MEETING, "نتیجه پیگیری در جلسه هشتم گزارش شد؛ سه دستگاه همچنان گزارش نمی‌فرستند.", 80),
    ),
    ("1405/05/13", 2): (
        F("1405/05/22", REPORT, "پیش‌نویس قالب گزارش ماهانه از پارک فناوری رسید.", 70),
        Done("1405/05/28", "قالب یکسان گزارش ماهانه و راهنمای آن، ابلاغ با نامه شماره ۲۶۵/ش/۱۴۰۵."),
    ),
    ("1405/05/13", 3): (
        F("1405/06/01", LETTER, "یادآوری به‌روزرسانی هفتگی صفحات پورتال، نامه شماره ۲۷۲/ش/۱۴۰۵."),
        F("1405/07/10", REPORT, "بررسی پورتال: صفحات ۱۵ دستگاه از ۲۵ دستگاه هر هفته به‌روز می‌شود.", 60),
    ),
    ("1405/05/13", 4): (
        F(
            "1405/06/10",
            PHONE,
            "پارک فناوری: به دلیل تعطیلی ادارات، دوره چند ماه عقب می‌افتد.",
            20,
            EXPERT,
        ),
        Deadline(
            "1405/06/25",
            "1405/09/11",
            "به درخواست پارک فناوری و به دلیل تعطیلی ادارات برای مدیریت مصرف "
            "انرژی؛ دوره با برنامه آموزشی شش ماه آینده برگزار می‌شود.",
        ),
        F("1405/08/28", REPORT, "سرفصل‌ها و مدرسان دوره تعیین شد؛ ثبت‌نام آغاز شده است.", 40),
    ),
    ("1405/05/13", 5): (
        F("1405/06/30", REPORT, "قرارگاه رسانه‌ای: ۱۴ دستگاه در ماه گذشته گزارش تصویری فرستادند.", 55),
    ),
    ("1405/05/13", 6): (
        F("1405/05/30", REPORT, "کتابخانه‌های عمومی: ۲۶ خبر پویش در شبکه ارتباط رسانه‌ای منتشر شد.", 70),
        Done(
            "1405/06/12",
            "گزارش پایانی پویش کتابخوانی با فهرست اخبار منتشرشده، نامه شماره ۸۸/ک/۱۴۰۵.",
        ),
    ),
    ("1405/08/20", 1): (
        F("1405/08/25", LETTER, "ارسال بسته محتوایی شبکه بهداشت به دستگاه‌ها، نامه شماره ۴۱۲/ش/۱۴۰۵."),
        F(
            "1405/09/02",
            REPORT,
            "شبکه بهداشت: پیام‌ها در کانال‌های ۱۱ دستگاه منتشر شده است.",
            45,
            document="گزارش شبکه بهداشت.pdf",
        ),
    ),
    ("1405/08/20", 2): (
        F("1405/08/27", PHONE, "شبکه بهداشت: فهرست سخنگو و کارشناسان پاسخگو در دست تهیه است.", 40, EXPERT),
        F("1405/09/03", REPORT, "نام سخنگو رسید؛ شماره تماس دو کارشناس هنوز نرسیده است.", 80),
    ),
    ("1405/08/20", 3): (
        F("1405/08/28", REPORT, "پیش‌نویس برنامه یک‌ساله و تقویم جلسات آماده شد.", 70),
        Defer("1405/09/01", "1405/10/08", "طبق مصوبه، پیش‌نویس برای تصویب در نشست مجمع عمومی مطرح می‌شود."),
    ),
    ("1405/08/20", 4): (
        F("1405/08/24", LETTER, "درخواست پیشنهادهای دستگاه‌ها برای برنامه یک‌ساله، نامه شماره ۴۰۸/ش/۱۴۰۵."),
        F("1405/09/04", REPORT, "پیشنهادهای ۱۳ دستگاه از ۲۵ دستگاه رسیده است.", 50),
    ),
    ("1405/08/20", 6): (
        F("1405/08/26", LETTER, "ارسال فرم خوداظهاری ارزیابی میان‌دوره‌ای، نامه شماره ۴۱۴/ش/۱۴۰۵.", 10),
        F("1405/09/02", PHONE, "پارک فناوری: فرم برخط خوداظهاری آماده شد.", 30, EXPERT),
    ),
}


def build_followup(
    secretariat: Secretariat,
    calendar: DemoCalendar,
    meetings: BuiltMeetings,
    *,
    progress: Callable[[int], None] | None = None,
) -> None:
    """The resolutions' follow-up histories, through the service, then backdated.

    ``progress(n)`` is told each resolution's history recorded."""

    def day(written: str) -> dt.date:
        # An entry made at a meeting is dated the day the meeting was held.
        return meetings.days.get(written) or calendar.day(written)

    def date(written: str) -> str:
        return jalali.format_short(day(written), persian_digits=False)

    with secretariat.database.reading() as session:
        codes = dict(session.execute(select(Resolution.id, Resolution.code)).all())
    service = secretariat.followup
    entry_days: dict[int, dt.date] = {}
    change_days: list[tuple[int, dt.date]] = []
    cancel_days: dict[int, dt.date] = {}
    taken_back_days: dict[int, dt.date] = {}  # entry id -> the day it was corrected or voided
    with tempfile.TemporaryDirectory(prefix="demo-followup-scan-") as folder:
        scans = Path(folder)
        for number, (key, steps) in enumerate(HISTORIES.items(), start=1):
            resolution_id = meetings.resolution_ids[key]
            entries: list[FollowUpRecord] = []  # a Fix or a Void takes back the last one
            for step in steps:
                if isinstance(step, F):
                    document: str | Path = ""
                    if step.document:
                        document = scans / calendar.dated(step.document, day(step.date))
                        document.write_bytes(_scanned_pdf(codes[resolution_id], date(step.date), step.kind))
                    record = service.add(
                        resolution_id,
                        FollowUpDraft(
                            date=date(step.date),
                            kind=step.kind.value,
                            note=calendar.dated(step.note, day(step.date)),
                            progress="" if step.progress is None else str(step.progress),
                            recorded_by=step.by,
                            document=document,
                        ),
                    )
                    entry_days[record.id] = record.date
                    entries.append(record)
                elif isinstance(step, Fix):
                    last = entries[-1]
                    service.correct(
                        last.id,
                        CorrectionDraft(
                            date=jalali.format_short(last.date, persian_digits=False),
                            kind=last.kind.value,
                            note=last.note,
                            progress=str(step.progress),
                            reason=step.reason,
                            recorded_by=SECRETARY,
                        ),
                    )
                    taken_back_days[last.id] = day(step.date)
                elif isinstance(step, Void):
                    last = entries[-1]
                    service.void(last.id, reason=step.reason, by=SECRETARY)
                    taken_back_days[last.id] = day(step.date)
                elif isinstance(step, Done):
                    evidence = calendar.dated(step.evidence, day(step.date))
                    service.mark_done(resolution_id, evidence=evidence, on=date(step.date))
                elif isinstance(step, Cancel):
                    service.cancel(resolution_id, reason=step.reason)
                    cancel_days[resolution_id] = day(step.date)
                elif isinstance(step, Defer):
                    target = meetings.meeting_ids[step.meeting]
                    service.defer(resolution_id, meeting_id=target, reason=step.reason)
                elif isinstance(step, Deadline):
                    service.change_deadline(
                        resolution_id, new_due=calendar.text(step.new_due), reason=step.reason, by=SECRETARY
                    )
                    change_days.append((resolution_id, day(step.date)))
            if progress is not None:
                progress(number)
    _backdate(secretariat.database, entry_days, change_days, cancel_days, taken_back_days)


def _backdate(
    database: Database,
    entry_days: dict[int, dt.date],
    change_days: list[tuple[int, dt.date]],
    cancel_days: dict[int, dt.date],
    taken_back_days: dict[int, dt.date],
) -> None:
    """Move the clock stamps the service wrote to the days they would have happened."""
    with database.transaction() as session:
        for entry in session.scalars(select(FollowUp).where(FollowUp.id.in_(entry_days))):
            entry.recorded_at = dt.datetime.combine(entry_days[entry.id], dt.time(11, entry.id % 60))
            if entry.attachment_id is not None:
                session.get_one(Attachment, entry.attachment_id).added_at = entry.recorded_at
        corrections = select(FollowUpCorrection).where(FollowUpCorrection.follow_up_id.in_(taken_back_days))
        for correction in session.scalars(corrections):
            correction.recorded_at = dt.datetime.combine(
                taken_back_days[correction.follow_up_id], dt.time(9, 40)
            )
            if correction.replacement_id is not None:
                session.get_one(FollowUp, correction.replacement_id).recorded_at = correction.recorded_at
        pending = list(change_days)
        for change in session.scalars(select(DeadlineChange).order_by(DeadlineChange.id)):
            for index, (resolution_id, day) in enumerate(pending):
                if resolution_id == change.resolution_id:
                    change.changed_at = dt.datetime.combine(day, dt.time(12, 15))
                    del pending[index]
                    break
        for resolution in session.scalars(select(Resolution).where(Resolution.id.in_(cancel_days))):
            resolution.closed_on = cancel_days[resolution.id]


def _scanned_pdf(code: str, date: str, kind: FollowUpKind) -> bytes:
    """A one-page "scan" of a follow-up letter or report."""
    what = "Follow-up letter" if kind is FollowUpKind.LETTER else "Agency report"
    page, buffer, width, height = scanned_sheet(
        f"{what} on resolution {code}", f"{what} on resolution {code}  -  {date}", "Scanned copy"
    )
    page.setLineWidth(0.6)
    for line in range(14):
        y = height - 160 - line * 22
        page.line(72, y, width - 72 - (line % 4) * 40, y)  # the lines of the letter's text
    page.showPage()
    page.save()
    return buffer.getvalue()
