"""The demo council's meetings: a year and a half, ending around today.

Quarterly regular meetings held in rotation at member agencies' halls, an
extraordinary meeting, the general assembly, the council's yearly gathering
(همایش سالانه), one postponed and one cancelled, and the next ones planned;
attendance with absences, excuses and substitutes; minutes whose resolutions
(«مقرر شد ...») are those of the reference news reports. Every past meeting's
minutes are finalized except the latest one's, still being written; one has
an amendment and one its signed scan. The texts name no month or season:
the calendar moves through the year (see ``calendar``).

The calendar is written for the day ``calendar.ANCHOR`` and moved by whole
weeks to the day the demo is built (``DemoCalendar``), so it always ends
"now": the latest meeting two weeks ago, the next ones to come. Everything
goes through the services; only the clock stamps (when minutes were
finalized, the scan added...) are moved back afterwards to the days they
would have happened.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from db.models import Amendment, Attachment, Meeting
from secretariat.core import Secretariat
from secretariat.demo.calendar import DemoCalendar
from secretariat.meetings.agenda import AgendaItemDraft
from secretariat.meetings.attendance import AttendanceEntry, GuestDraft
from secretariat.meetings.minutes import ResolutionDraft
from secretariat.meetings.planning import MeetingDraft
from secretariat.meetings.records import MeetingDetail
from secretariat.meetings.snapshot import take_snapshot
from secretariat.persian import jalali

if TYPE_CHECKING:  # reportlab is imported only when a scan is drawn
    from reportlab.pdfgen.canvas import Canvas

NEXT = "next"  # «تا جلسه بعد»
SECRETARY = "زهرا موسوی"
LEAVES_ON = "1405/03/05"  # the inactive agencies (اداره پست) left the council then


@dataclass(frozen=True)
class R:
    """A resolution: text, the lead agency's short name, collaborators."""

    text: str
    lead: str
    collaborators: tuple[str, ...] = ()
    due: str = field(kw_only=True)  # Jalali date written for the anchor, or NEXT
    priority: str = "normal"


@dataclass(frozen=True)
class Item:
    title: str
    presenter: str | None = None
    notes: str = ""
    summary: str = ""
    resolutions: tuple[R, ...] = ()


@dataclass(frozen=True)
class Absences:
    absent: tuple[str, ...] = ()
    excused: tuple[tuple[str, str], ...] = ()  # (agency, reason)
    late: tuple[str, ...] = ()
    deputies: tuple[tuple[str, str], ...] = ()  # (agency, a registered person who came)
    substitutes: tuple[tuple[str, str], ...] = ()  # (agency, name of someone not registered)


@dataclass(frozen=True)
class DemoMeeting:
    kind: str
    date: str  # Jalali date written for the anchor (as first planned); also the meeting's key
    start: str
    end: str
    host: str
    venue: str
    items: tuple[Item, ...]
    outcome: str  # finalized | held | planned | cancelled
    attendance: Absences = field(default_factory=Absences)
    occasion: str = ""
    review_open: bool = False
    guests: tuple[tuple[str, str, str], ...] = ()  # (name, title, organisation)
    invited_only: tuple[str, ...] = ()  # a working group invites a few agencies
    postponed_to: tuple[str, str] | None = None  # (written date, reason)
    cancel_reason: str = ""
    amendment: tuple[int, str, str] | None = None  # (resolution number, new due, reason)
    signed_scan: bool = False


REVIEW = "گزارش پیگیری مصوبات جلسات پیشین"

MEETINGS: tuple[DemoMeeting, ...] = (
    DemoMeeting(
        "regular",
        "1404/03/18",
        "09:00",
        "11:00",
        "فرمانداری",
        "سالن جلسات فرمانداری",
        outcome="finalized",
        attendance=Absences(
            absent=("ثبت اسناد", "گاز"),
            excused=(("دادگستری", "شرکت در جلسه شورای تأمین شهرستان"),),
            late=("بانک سپه",),
            deputies=(("آموزش و پرورش", "الهام زارعی"),),
        ),
        items=(
            Item(
                "تبیین برنامه‌های روابط عمومی‌های شهرستان در سال پیش رو",
                "فرمانداری",
                summary="فرماندار با اشاره به نقش روابط عمومی‌ها در تنویر افکار عمومی و تبیین اقدامات "
                "دستگاه‌ها گفت: همه دستگاه‌ها باید با بهره‌گیری از آموزش‌های عمومی و تخصصی، "
                "برنامه‌محور و منسجم شوند.",
                resolutions=(
                    R(
                        "مقرر شد دستگاه‌های عضو گزارش ماهانه فعالیت‌های روابط عمومی خود را تا پنجم هر ماه "
                        "به دبیرخانه شورا ارسال کنند.",
                        "فرمانداری",
                        due=NEXT,
                    ),
                    R(
                        "مقرر شد صفحه مربوط به ادارات شهرستان در پورتال اطلاع‌رسانی فرمانداری راه‌اندازی شود و "
                        "مدیران روابط عمومی نسبت به به‌روزرسانی این صفحه اهتمام لازم را داشته باشند.",
                        "فرمانداری",
                        ("پارک فناوری",),
                        due="1404/05/30",
                    ),
                ),
            ),
            Item(
                "تشکیل شبکه ارتباط رسانه‌ای دستگاه‌های اجرایی شهرستان",
                "فرهنگ و ارشاد",
                summary="مدیر روابط عمومی اداره فرهنگ و ارشاد اسلامی با اشاره به ضرورت گردش مؤثر اطلاعات "
                "و اخبار در بین مردم، تشکیل شبکه ارتباط رسانه‌ای با حضور خبرنگاران و فعالان رسانه‌ای "
                "شهرستان را پیشنهاد کرد.",
                resolutions=(
                    R(
                        "مقرر شد شبکه ارتباط رسانه‌ای شهرستان با عضویت مدیران روابط عمومی دستگاه‌ها و "
                        "خبرنگاران محلی تشکیل و شیوه‌نامه آن در جلسه بعد ارائه شود.",
                        "فرهنگ و ارشاد",
                        ("فرمانداری",),
                        due=NEXT,
                        priority="high",
                    ),
                    R(
                        "مقرر شد فهرست خبرنگاران و رسانه‌های فعال شهرستان با نشانی و شماره تماس به‌روز تهیه و "
                        "در اختیار دستگاه‌های عضو قرار گیرد.",
                        "فرهنگ و ارشاد",
                        due="1404/04/31",
                    ),
                ),
            ),
            Item(
                "برنامه دوره‌های آموزشی تخصصی روابط عمومی",
                "دانشگاه آزاد",
                summary="مقرر شد برنامه آموزشی سال با نیازسنجی از دستگاه‌ها تدوین شود؛ اعضا بر برگزاری "
                "جلسات به نوبت در محل دستگاه‌ها برای افزایش مشارکت تأکید کردند.",
                resolutions=(
                    R(
                        "مقرر شد برنامه دوره‌های آموزشی تخصصی مربوط به ارتقای دانش و توانمندی روابط عمومی‌ها "
                        "هرچه سریع‌تر تدوین و در جلسه بعدی ابلاغ شود.",
                        "دانشگاه آزاد",
                        ("فرمانداری",),
                        due=NEXT,
                    ),
                    R(
                        "مقرر شد به منظور افزایش مشارکت ادارات و نهادها، جلسات شورا به صورت دوره‌ای و به نوبت "
                        "در محل دستگاه‌های عضو برگزار شود.",
                        "فرمانداری",
                        due=NEXT,
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "extraordinary",
        "1404/05/12",
        "10:00",
        "11:30",
        "آبفا",
        "سالن جلسات شرکت آب و فاضلاب",
        outcome="finalized",
        attendance=Absences(
            absent=("ورزش و جوانان", "عمران پردیس", "بانک ملی"),
            excused=(
                ("میراث فرهنگی", "مرخصی استعلاجی"),
                ("جهاد کشاورزی", "بازدید از مزارع خسارت‌دیده از خشکسالی"),
            ),
            substitutes=(("کمیته امداد", "رضا بیگی، کارشناس روابط عمومی"),),
        ),
        guests=(("مهندس علی‌اصغر نیک‌نام", "معاون بهره‌برداری", "شرکت توزیع نیروی برق استان تهران"),),
        items=(
            Item(
                "اطلاع‌رسانی هماهنگ درباره مدیریت مصرف آب و برق",
                "آبفا",
                summary="مدیر روابط عمومی شرکت آب و فاضلاب با ارائه گزارشی از وضعیت منابع آبی شهرستان، بر "
                "اطلاع‌رسانی سریع، دقیق و صادقانه درباره برنامه‌های مدیریت فشار آب و خاموشی‌ها تأکید کرد.",
                resolutions=(
                    R(
                        "مقرر شد جدول خاموشی‌ها و برنامه مدیریت فشار آب هر روز پیش از ساعت ۸ صبح در "
                        "پیام‌رسان‌های رسمی دستگاه‌ها و پورتال فرمانداری منتشر شود.",
                        "برق",
                        ("آبفا", "فرمانداری"),
                        due="1404/05/15",
                        priority="urgent",
                    ),
                    R(
                        "مقرر شد روابط عمومی‌های دستگاه‌ها پیام‌های صرفه‌جویی در مصرف آب و برق را با محتوای "
                        "یکسان در شبکه‌های اجتماعی خود بازنشر کنند.",
                        "آبفا",
                        ("برق", "گاز"),
                        due="1404/06/31",
                        priority="high",
                    ),
                ),
            ),
            Item(
                "ستاد خبری مشترک و پاسخ به شایعات",
                "فرمانداری",
                summary="دبیر شورا پیشنهاد کرد ستاد خبری مشترک آب و برق در فرمانداری تشکیل شود تا پاسخ "
                "پرسش‌ها و شایعات مردمی از یک مرجع داده شود.",
                resolutions=(
                    R(
                        "مقرر شد ستاد خبری مشترک آب و برق در فرمانداری تا پایان دوره اوج مصرف فعال باشد و به "
                        "پرسش‌ها و شایعات مردمی در کمتر از ۲۴ ساعت پاسخ داده شود.",
                        "فرمانداری",
                        ("برق", "آبفا"),
                        due="1404/06/31",
                        priority="urgent",
                    ),
                    R(
                        "مقرر شد ادارات گزارش اقدامات صرفه‌جویی در ساختمان‌های اداری خود را هر هفته به "
                        "دبیرخانه شورا ارسال کنند.",
                        "فرمانداری",
                        due=NEXT,
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "regular",
        "1404/06/17",
        "09:00",
        "11:00",
        "شهرداری پردیس",
        "سالن شورای اسلامی شهر پردیس",
        outcome="finalized",
        review_open=True,
        attendance=Absences(
            absent=("پارک فناوری",),
            excused=(("بانک سپه", "مأموریت اداری"),),
            late=("فراجا پردیس", "گاز"),
            deputies=(("شهرداری پردیس", "كامران يوسفي"),),
        ),
        amendment=(
            4,
            "1404/08/28",
            "به درخواست دانشگاه آزاد و به دلیل هم‌زمانی با آغاز نیمسال تحصیلی، "
            "برگزاری دوره به ماه بعد موکول شد.",
        ),
        items=(
            Item(
                "شیوه‌نامه شبکه ارتباط رسانه‌ای",
                "فرهنگ و ارشاد",
                summary="پیش‌نویس شیوه‌نامه شبکه ارتباط رسانه‌ای ارائه شد و اعضا درباره نحوه معرفی رابطان "
                "خبری و زمان پاسخ به رسانه‌ها نظر دادند.",
                resolutions=(
                    R(
                        "مقرر شد شیوه‌نامه شبکه ارتباط رسانه‌ای شهرستان با اعمال نظرات اعضا نهایی و به همه "
                        "دستگاه‌های عضو ابلاغ شود.",
                        "فرهنگ و ارشاد",
                        ("فرمانداری",),
                        due="1404/07/15",
                    ),
                    R(
                        "مقرر شد هر دستگاه یک نفر را به عنوان رابط خبری خود در شبکه ارتباط رسانه‌ای به "
                        "دبیرخانه شورا معرفی کند.",
                        "فرمانداری",
                        due="1404/06/31",
                    ),
                ),
            ),
            Item(
                "اطلاع‌رسانی برنامه‌های مناسبتی شهرستان",
                "فرمانداری",
                summary="بر انتشار هماهنگ اخبار برنامه‌های مناسبتی در سامانه خبری شهرستان تأکید شد.",
                resolutions=(
                    R(
                        "مقرر شد تقویم مشترک برنامه‌های مناسبتی ماه آینده تهیه و اخبار آن در سامانه خبری واحد "
                        "شهرستان منتشر شود.",
                        "فرمانداری",
                        ("فرهنگ و ارشاد", "آموزش و پرورش"),
                        due="1404/06/30",
                    ),
                ),
            ),
            Item(
                "دوره آموزشی خبرنویسی و عکاسی خبری",
                "دانشگاه آزاد",
                summary="مدیر روابط عمومی دانشگاه آزاد برنامه نخستین دوره آموزشی ویژه کارشناسان روابط عمومی "
                "را ارائه کرد.",
                resolutions=(
                    R(
                        "مقرر شد نخستین دوره آموزشی «خبرنویسی و عکاسی خبری» ویژه کارشناسان روابط عمومی در "
                        "دانشگاه آزاد اسلامی واحد پردیس برگزار شود.",
                        "دانشگاه آزاد",
                        ("فرمانداری",),
                        due="1404/07/30",
                    ),
                    R(
                        "مقرر شد دستگاه‌ها فهرست کارکنان روابط عمومی متقاضی شرکت در دوره‌های آموزشی را ظرف "
                        "دو هفته به دبیرخانه اعلام کنند.",
                        "فرمانداری",
                        due="1404/06/31",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "regular",
        "1404/09/11",
        "09:30",
        "11:30",
        "بهزیستی",
        "سالن اجتماعات اداره بهزیستی",
        outcome="finalized",
        postponed_to=(
            "1404/09/18",
            "هم‌زمانی با سفر استاندار تهران به شهرستان و حضور مدیران در برنامه‌های سفر",
        ),
        attendance=Absences(
            absent=("ثبت اسناد", "عمران پردیس"),
            excused=(("شبکه بهداشت", "شرکت در رزمایش سلامت استان"),),
            late=("برق",),
            substitutes=(("بانک ملی", "سعید محمدی، معاون شعبه"),),
        ),
        items=(
            Item(
                "گزارش دوره آموزشی خبرنویسی",
                "دانشگاه آزاد",
                summary="گزارش برگزاری دوره آموزشی خبرنویسی با حضور ۳۴ کارشناس روابط عمومی ارائه شد.",
                resolutions=(
                    R(
                        "مقرر شد گواهی شرکت‌کنندگان در دوره آموزشی خبرنویسی از سوی دانشگاه آزاد صادر و در "
                        "پرونده آموزشی آنان ثبت شود.",
                        "دانشگاه آزاد",
                        due="1404/10/15",
                    ),
                ),
            ),
            Item(
                "شاخص‌های ارزیابی عملکرد روابط عمومی‌ها",
                "فرمانداری",
                summary="دبیر شورا پیش‌نویس شاخص‌های ارزیابی عملکرد روابط عمومی دستگاه‌ها را ارائه کرد و "
                "اثرگذاری فعالیت روابط عمومی در ارزیابی عملکرد دستگاه‌های اجرایی مورد تأکید قرار گرفت.",
                resolutions=(
                    R(
                        "مقرر شد پیش‌نویس شاخص‌های ارزیابی عملکرد روابط عمومی‌ها برای اظهار نظر به دستگاه‌های "
                        "عضو ارسال و نظرات ظرف یک ماه به دبیرخانه اعلام شود.",
                        "فرمانداری",
                        due="1404/10/15",
                    ),
                    R(
                        "مقرر شد کارگروهی با عضویت نمایندگان فرمانداری، دانشگاه آزاد و تأمین اجتماعی برای "
                        "جمع‌بندی شاخص‌ها تشکیل شود.",
                        "فرمانداری",
                        ("دانشگاه آزاد", "تأمین اجتماعی"),
                        due=NEXT,
                    ),
                ),
            ),
            Item(
                "دیدار مدیران با خانواده‌های شهدا و ایثارگران",
                "فرمانداری",
                summary="بر تهیه برنامه دیدار روسای ادارات با خانواده‌های معظم شهدا و پوشش خبری آن تأکید شد.",
                resolutions=(
                    R(
                        "مقرر شد برنامه دیدار روسای ادارات با خانواده‌های معظم شهدا و ایثارگران برای سال "
                        "آینده تهیه و پوشش خبری آن هماهنگ شود.",
                        "فرمانداری",
                        ("فرهنگ و ارشاد",),
                        due="1404/12/14",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "general_assembly",
        "1404/10/16",
        "09:00",
        "12:00",
        "فرمانداری",
        "سالن اجتماعات فرمانداری",
        outcome="finalized",
        attendance=Absences(
            absent=("بانک سپه",),
            excused=(("دادگستری", "جلسه شورای قضایی شهرستان"),),
            late=("ورزش و جوانان",),
            deputies=(("فرمانداری", "هادی امینی"),),
        ),
        guests=(
            ("حمیدرضا کرمانی", "مدیرکل روابط عمومی", "استانداری تهران"),
            ("مریم سلطانی", "خبرنگار", "صدا و سیمای مرکز تهران"),
        ),
        items=(
            Item(
                "گزارش عملکرد یک‌ساله دبیرخانه شورا",
                "فرمانداری",
                summary="دبیر شورا گزارش یک سال فعالیت دبیرخانه، از تشکیل شبکه ارتباط رسانه‌ای تا برگزاری "
                "دوره‌های آموزشی، را ارائه کرد.",
                resolutions=(
                    R(
                        "مقرر شد گزارش عملکرد دبیرخانه شورا در قالب نشریه‌ای الکترونیکی منتشر و برای "
                        "استانداری ارسال شود.",
                        "فرمانداری",
                        due="1404/11/15",
                    ),
                ),
            ),
            Item(
                "عضویت مدیران روابط عمومی در قرارگاه رسانه‌ای جهاد تبیین",
                "فرمانداری",
                summary="فرماندار با اشاره به اینکه جهاد تبیین فریضه‌ای قطعی و فوری است، عضویت مدیران روابط "
                "عمومی در قرارگاه رسانه‌ای جهاد تبیین را لازم دانست و خواستار ایجاد بستر مناسب برای "
                "اطلاع‌رسانی مستقیم به مردم شد.",
                resolutions=(
                    R(
                        "مقرر شد حکم عضویت مدیران روابط عمومی ادارات در قرارگاه رسانه‌ای جهاد تبیین صادر شود.",
                        "فرمانداری",
                        due="1404/11/30",
                        priority="high",
                    ),
                    R(
                        "مقرر شد پایگاه اطلاع‌رسانی قرارگاه رسانه‌ای با ابزارهای لازم برای انتشار مستقیم اخبار "
                        "دستگاه‌ها راه‌اندازی شود.",
                        "فرمانداری",
                        ("پارک فناوری",),
                        due="1404/12/25",
                    ),
                ),
            ),
            Item(
                "میز خدمت و تکریم ارباب رجوع",
                "تعاون، کار و رفاه",
                summary="بر اطلاع‌رسانی برنامه ملاقات‌های مردمی مدیران و میز خدمت ادارات تأکید شد.",
                resolutions=(
                    R(
                        "مقرر شد دستگاه‌ها برنامه ملاقات‌های مردمی مدیران و میز خدمت خود را در پورتال "
                        "فرمانداری و پیام‌رسان‌ها اطلاع‌رسانی کنند.",
                        "فرمانداری",
                        ("شهرداری پردیس", "تأمین اجتماعی"),
                        due=NEXT,
                    ),
                ),
            ),
            Item(
                "ساز و کار ارزیابی عملکرد و تجلیل از روابط عمومی‌های برتر",
                "دانشگاه آزاد",
                summary="ایجاد ساز و کاری برای ارزیابی عملکرد روابط عمومی ادارات و تجلیل از روابط عمومی‌های "
                "برتر در همایش سالانه روابط عمومی‌ها پیشنهاد و تصویب شد.",
                resolutions=(
                    R(
                        "مقرر شد ارزیابی عملکرد روابط عمومی دستگاه‌ها بر پایه شاخص‌های مصوب انجام و از روابط "
                        "عمومی‌های برتر در همایش سالانه روابط عمومی‌ها تجلیل شود.",
                        "فرمانداری",
                        ("دانشگاه آزاد",),
                        due="1405/02/20",
                        priority="high",
                    ),
                    R(
                        "مقرر شد بستری برای تبادل تجربه، اطلاعات و دانش مدیران روابط عمومی در پیام‌رسان‌های "
                        "داخلی راه‌اندازی شود.",
                        "پارک فناوری",
                        ("فرمانداری",),
                        due="1404/11/30",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "regular",
        "1404/12/10",
        "09:30",
        "11:30",
        "دانشگاه آزاد",
        "تالار اجتماعات دانشگاه آزاد اسلامی واحد پردیس",
        outcome="finalized",
        attendance=Absences(
            absent=("گاز", "کمیته امداد"),
            excused=(("فراجا پردیس", "مأموریت طرح ترافیکی پلیس"), ("عمران پردیس", "مرخصی")),
            late=("بهزیستی",),
            deputies=(("آموزش و پرورش", "الهام زارعی"),),
        ),
        items=(
            Item(
                "اطلاع‌رسانی ایام تعطیل و استقبال از گردشگران",
                "میراث فرهنگی",
                summary="مدیر روابط عمومی اداره میراث فرهنگی برنامه‌های گردشگری و جاذبه‌های شهرستان "
                "را معرفی کرد.",
                resolutions=(
                    R(
                        "مقرر شد ستاد اطلاع‌رسانی سفرهای ایام تعطیل با محوریت اداره میراث فرهنگی تشکیل و "
                        "اخبار جاذبه‌ها و خدمات گردشگری به صورت روزانه منتشر شود.",
                        "میراث فرهنگی",
                        ("شهرداری پردیس", "شهرداری بومهن", "فراجا پردیس"),
                        due="1404/12/25",
                    ),
                    R(
                        "مقرر شد شماره تلفن‌های پاسخگویی دستگاه‌های خدمت‌رسان در ایام تعطیل در پورتال "
                        "فرمانداری درج شود.",
                        "فرمانداری",
                        ("برق", "گاز", "آبفا"),
                        due="1404/12/25",
                        priority="urgent",
                    ),
                ),
            ),
            Item(
                "نهایی کردن شاخص‌های ارزیابی عملکرد روابط عمومی‌ها",
                "دانشگاه آزاد",
                summary="شاخص‌های ارزیابی در ده محور، از پاسخگویی و حضور در رسانه‌ها تا گزارش ماهانه، "
                "جمع‌بندی شد.",
                resolutions=(
                    R(
                        "مقرر شد شاخص‌های ارزیابی عملکرد روابط عمومی‌ها در ده محور تصویب و فرم خوداظهاری آن "
                        "ظرف هفت هفته از سوی دستگاه‌ها تکمیل شود.",
                        "فرمانداری",
                        ("دانشگاه آزاد",),
                        due="1405/01/31",
                    ),
                ),
            ),
            Item(
                "برگزاری همایش سالانه روابط عمومی‌ها",
                "فرهنگ و ارشاد",
                summary="درباره برنامه همایش سالانه روابط عمومی‌ها و تجلیل از روابط عمومی‌های برتر گفت‌وگو شد.",
                resolutions=(
                    R(
                        "مقرر شد کمیته برگزاری همایش سالانه روابط عمومی‌ها با مسئولیت اداره فرهنگ و "
                        "ارشاد اسلامی تشکیل شود.",
                        "فرهنگ و ارشاد",
                        ("فرمانداری", "شهرداری پردیس"),
                        due="1405/01/31",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "regular",
        "1405/02/27",
        "10:00",
        "12:00",
        "فرهنگ و ارشاد",
        "سالن اجتماعات اداره فرهنگ و ارشاد اسلامی",
        occasion="همایش سالانه روابط عمومی‌ها",
        outcome="finalized",
        attendance=Absences(
            absent=("بانک سپه",),
            excused=(("جهاد کشاورزی", "مأموریت اداری"),),
            late=("شهرداری بومهن", "دادگستری"),
            substitutes=(("پست", "مهدی قربانی، کارشناس"),),
        ),
        guests=(("حمیدرضا کرمانی", "مدیرکل روابط عمومی", "استانداری تهران"),),
        items=(
            Item(
                "همایش سالانه روابط عمومی‌ها و تجلیل از روابط عمومی‌های برتر",
                "فرمانداری",
                summary="فرماندار در همایش سالانه، روابط عمومی‌ها را بازوان مدیران "
                "دستگاه‌ها دانست و گفت: روابط عمومی‌ها نباید تنها به تبلیغ دستگاه خود بپردازند، بلکه "
                "باید مشکلات و نظر مردم را هم به دستگاه خود منتقل کنند. در پایان از روابط عمومی‌های برتر "
                "سال گذشته با اهدای لوح تقدیر تجلیل شد.",
                resolutions=(
                    R(
                        "مقرر شد نتایج ارزیابی عملکرد روابط عمومی‌ها و فهرست روابط عمومی‌های برتر در پورتال "
                        "فرمانداری منتشر شود.",
                        "فرمانداری",
                        due="1405/03/10",
                    ),
                    R(
                        "مقرر شد از دستگاه‌ها خواسته شود سهم دو در هزار اعتبارات جاری خود را برای فعالیت‌های "
                        "روابط عمومی و اطلاع‌رسانی احیا و گزارش آن را به شورا ارائه کنند.",
                        "فرمانداری",
                        due=NEXT,
                        priority="high",
                    ),
                ),
            ),
            Item(
                "مشکلات و نیازهای روابط عمومی‌ها",
                "تأمین اجتماعی",
                summary="اعضا از کمبود نیرو، نبود چارت مناسب و تجهیزات تخصصی و فشار کاری روابط عمومی‌ها "
                "سخن گفتند و خواستار توجه بیشتر مدیران به این حوزه شدند.",
                resolutions=(
                    R(
                        "مقرر شد دبیرخانه نیازهای نیروی انسانی، تجهیزات تخصصی و چارت روابط عمومی دستگاه‌ها را "
                        "جمع‌بندی و به استانداری ارسال کند.",
                        "فرمانداری",
                        ("تأمین اجتماعی",),
                        due="1405/04/15",
                    ),
                    R(
                        "مقرر شد کارگاه آموزشی ارتباطات در شرایط بحران و مدیریت استرس شغلی برای کارکنان "
                        "روابط عمومی با همکاری شبکه بهداشت برگزار شود.",
                        "شبکه بهداشت",
                        ("دانشگاه آزاد",),
                        due="1405/04/31",
                    ),
                    R(
                        "مقرر شد تقویم رویدادهای مناسبتی سال تهیه و برای برنامه‌ریزی محتوایی به دستگاه‌ها "
                        "ابلاغ شود.",
                        "فرهنگ و ارشاد",
                        due="1405/03/16",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "regular",
        "1405/05/13",
        "09:00",
        "11:00",
        "تأمین اجتماعی",
        "سالن جلسات اداره تأمین اجتماعی",
        outcome="finalized",
        signed_scan=True,
        attendance=Absences(
            absent=("عمران پردیس", "ثبت اسناد", "ورزش و جوانان"),
            excused=(("کتابخانه‌های عمومی", "شرکت در نمایشگاه استانی کتاب"),),
            late=("آبفا",),
            deputies=(("شهرداری پردیس", "كامران يوسفي"),),
            substitutes=(("بانک ملی", "سعید محمدی، معاون شعبه"),),
        ),
        items=(
            Item(
                "وضعیت ارسال گزارش ماهانه دستگاه‌ها",
                "فرمانداری",
                summary="دبیر شورا گزارش داد در سه ماه گذشته، ۱۷ دستگاه از ۲۵ دستگاه عضو گزارش ماهانه "
                "خود را به موقع ارسال کرده‌اند.",
                resolutions=(
                    R(
                        "مقرر شد دستگاه‌هایی که گزارش ماهانه فعالیت‌های خود را ارسال نکرده‌اند با مکاتبه "
                        "دبیرخانه پیگیری و نتیجه در جلسه بعد گزارش شود.",
                        "فرمانداری",
                        due=NEXT,
                    ),
                    R(
                        "مقرر شد قالب یکسان گزارش ماهانه فعالیت‌های روابط عمومی همراه راهنمای تکمیل آن تهیه و "
                        "به دستگاه‌ها ابلاغ شود.",
                        "فرمانداری",
                        ("پارک فناوری",),
                        due="1405/05/31",
                    ),
                ),
            ),
            Item(
                "به‌روزرسانی صفحات دستگاه‌ها در پورتال فرمانداری",
                "پارک فناوری",
                summary="بررسی صفحات پورتال نشان داد صفحه هشت دستگاه بیش از دو ماه به‌روز نشده است.",
                resolutions=(
                    R(
                        "مقرر شد صفحات دستگاه‌های عضو در پورتال اطلاع‌رسانی فرمانداری دست‌کم هفته‌ای یک بار "
                        "به‌روزرسانی شود.",
                        "فرمانداری",
                        ("پارک فناوری",),
                        due="1405/06/15",
                    ),
                    R(
                        "مقرر شد دوره آموزشی مدیریت پورتال و تولید محتوای دیجیتال برای کارشناسان روابط عمومی "
                        "در پارک فناوری برگزار شود.",
                        "پارک فناوری",
                        ("دانشگاه آزاد",),
                        due="1405/06/31",
                    ),
                ),
            ),
            Item(
                "تولید محتوا برای جهاد تبیین",
                "فرهنگ و ارشاد",
                summary="بر تولید محتوای تصویری از دستاوردهای دستگاه‌ها و پاسخ به شبهات تأکید شد.",
                resolutions=(
                    R(
                        "مقرر شد دستگاه‌ها هر ماه دست‌کم دو گزارش تصویری یا اینفوگرافیک از دستاوردهای خود برای "
                        "انتشار در قرارگاه رسانه‌ای جهاد تبیین ارسال کنند.",
                        "فرمانداری",
                        ("فرهنگ و ارشاد",),
                        due=NEXT,
                    ),
                    R(
                        "مقرر شد اداره کتابخانه‌های عمومی با همکاری آموزش و پرورش پویش کتابخوانی را "
                        "اطلاع‌رسانی و اخبار آن را در شبکه ارتباط رسانه‌ای منتشر کند.",
                        "کتابخانه‌های عمومی",
                        ("آموزش و پرورش",),
                        due="1405/06/15",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "extraordinary",
        "1405/06/18",
        "10:00",
        "11:00",
        "آموزش و پرورش",
        "سالن جلسات اداره آموزش و پرورش",
        outcome="cancelled",
        cancel_reason=(
            "تعطیلی ادارات استان تهران برای مدیریت مصرف انرژی؛ موضوع در جلسه عادی بعدی بررسی می‌شود."
        ),
        items=(Item("هماهنگی اطلاع‌رسانی طرح‌های ترافیکی شهرستان", "آموزش و پرورش"),),
    ),
    DemoMeeting(
        "regular",
        "1405/08/20",
        "09:00",
        "11:00",
        "شبکه بهداشت",
        "سالن جلسات شبکه بهداشت و درمان",
        outcome="held",
        review_open=True,
        attendance=Absences(
            absent=("گاز", "بانک سپه"),
            excused=(("دادگستری", "مأموریت اداری"),),
            late=("شهرداری بومهن",),
            deputies=(("آموزش و پرورش", "الهام زارعی"),),
        ),
        items=(
            Item(
                "اطلاع‌رسانی برنامه‌های سلامت",
                "شبکه بهداشت",
                summary="مدیر روابط عمومی شبکه بهداشت برنامه پیشگیری از بیماری‌های واگیر و "
                "مسمومیت‌ها را ارائه کرد.",
                resolutions=(
                    R(
                        "مقرر شد پیام‌های آموزشی پیشگیری از بیماری‌های واگیر و مسمومیت‌ها با "
                        "محتوای واحد در کانال‌های دستگاه‌ها منتشر شود.",
                        "شبکه بهداشت",
                        ("آموزش و پرورش", "بهزیستی"),
                        due="1405/09/10",
                        priority="high",
                    ),
                    R(
                        "مقرر شد شبکه بهداشت سخنگو و کارشناسان پاسخگوی رسانه‌ها در موضوعات سلامت را با شماره "
                        "تماس به دبیرخانه معرفی کند.",
                        "شبکه بهداشت",
                        due="1405/09/07",
                    ),
                ),
            ),
            Item(
                "برنامه یک‌ساله شورا و تقویم جلسات",
                "فرمانداری",
                summary="پیش‌نویس تقویم جلسات فصلی یک سال آینده و نوبت میزبانی دستگاه‌ها مطرح شد.",
                resolutions=(
                    R(
                        "مقرر شد پیش‌نویس برنامه یک‌ساله شورا و تقویم جلسات فصلی، با نوبت میزبانی دستگاه‌ها، "
                        "تهیه و در مجمع عمومی مطرح شود.",
                        "فرمانداری",
                        due="1405/09/30",
                    ),
                    R(
                        "مقرر شد دستگاه‌های عضو پیشنهادهای خود برای برنامه یک‌ساله شورا و نوبت میزبانی جلسات "
                        "را به دبیرخانه ارسال کنند.",
                        "فرمانداری",
                        due="1405/09/08",
                    ),
                ),
            ),
            Item(
                "ارزیابی میان‌دوره‌ای عملکرد روابط عمومی‌ها",
                "دانشگاه آزاد",
                resolutions=(
                    R(
                        "مقرر شد ارزیابی میان‌دوره‌ای عملکرد روابط عمومی‌ها بر پایه گزارش‌های ماهانه انجام و "
                        "نتیجه به هر دستگاه اعلام شود.",
                        "فرمانداری",
                        ("دانشگاه آزاد",),
                        due=NEXT,
                    ),
                    R(
                        "مقرر شد دستگاه‌ها فرم خوداظهاری ارزیابی میان‌دوره‌ای را تکمیل و با مستندات آن به "
                        "دبیرخانه ارسال کنند.",
                        "فرمانداری",
                        ("دانشگاه آزاد", "پارک فناوری"),
                        due="1405/09/14",
                    ),
                ),
            ),
        ),
    ),
    DemoMeeting(
        "working_group",
        "1405/09/17",
        "10:00",
        "12:00",
        "دانشگاه آزاد",
        "دانشکده علوم انسانی دانشگاه آزاد پردیس",
        outcome="planned",
        invited_only=("فرمانداری", "دانشگاه آزاد", "پارک فناوری", "فرهنگ و ارشاد", "تأمین اجتماعی"),
        items=(
            Item(
                "تدوین برنامه آموزشی شش ماه آینده برای کارکنان روابط عمومی",
                "دانشگاه آزاد",
                notes="نیازسنجی آموزشی دستگاه‌ها پیوست دعوت‌نامه است.",
            ),
            Item("همکاری پارک فناوری در دوره‌های تولید محتوای دیجیتال", "پارک فناوری"),
        ),
    ),
    DemoMeeting(
        "general_assembly",
        "1405/10/08",
        "09:00",
        "12:00",
        "فرمانداری",
        "سالن اجتماعات فرمانداری",
        outcome="planned",
        items=(
            Item("گزارش عملکرد سالانه دبیرخانه شورا", "فرمانداری"),
            Item("تصویب برنامه یک‌ساله و تقویم جلسات شورا", "فرمانداری"),
            Item("تجلیل از روابط عمومی‌های برتر", "دانشگاه آزاد"),
        ),
    ),
)


@dataclass
class BuiltMeetings:
    """What the follow-up needs of the meetings built, by the dates written in ``MEETINGS``."""

    meeting_ids: dict[str, int] = field(default_factory=dict)  # by written date (first planned or moved to)
    days: dict[str, dt.date] = field(default_factory=dict)  # the day each was held, by written date
    resolution_ids: dict[tuple[str, int], int] = field(default_factory=dict)  # (written date, number)


class _Builder:
    def __init__(
        self,
        secretariat: Secretariat,
        agency_ids: dict[str, int],
        person_ids: dict[str, int],
        calendar: DemoCalendar,
        joined: dict[str, dt.date] | None = None,
    ):
        self.db = secretariat.database
        self.agencies = agency_ids
        # The day each agency joined: a meeting before it does not invite it.
        self.joined = {agency_ids[name]: day for name, day in (joined or {}).items()}
        self.people = person_ids
        self.calendar = calendar
        self.meetings = secretariat.meetings
        self.agenda = secretariat.agenda
        self.attendance = secretariat.attendance
        self.minutes = secretariat.minutes
        self.attachments = secretariat.attachments
        self.built: list[int] = []  # meeting ids
        self.result = BuiltMeetings()

    def date(self, written: str) -> str:
        return self.calendar.text(written)

    def meeting_date(self, written: str) -> str:
        day = self.calendar.meeting_day(written)
        self.result.days[written] = day
        return jalali.format_short(day, persian_digits=False)

    def build(self, spec: DemoMeeting, scans: Path) -> None:
        result = self.meetings.plan(
            MeetingDraft(
                kind=spec.kind,
                date=self.meeting_date(spec.date),
                start_time=spec.start,
                end_time=spec.end,
                host_agency_id=self.agencies[spec.host],
                venue=spec.venue,
                occasion=spec.occasion,
            )
        )
        meeting_id = result.meeting.id
        self.built.append(meeting_id)
        self.result.meeting_ids[spec.date] = meeting_id
        keep = {self.agencies[name] for name in spec.invited_only} if spec.invited_only else None
        held_on = result.meeting.date
        for invitation in self.attendance.invitations(meeting_id):  # every active agency, as planned
            agency_id = invitation.agency_id
            if agency_id is None:
                continue
            if self.joined.get(agency_id, held_on) > held_on or (keep is not None and agency_id not in keep):
                self.attendance.uninvite(invitation.id)
        if spec.review_open:
            self.agenda.add_open_resolutions_review(meeting_id)
        items = [
            self.agenda.add(
                meeting_id,
                AgendaItemDraft(
                    title=item.title,
                    presenter_agency_id=None if item.presenter is None else self.agencies.get(item.presenter),
                    notes=item.notes,
                ),
            ).id
            for item in spec.items
        ]
        for name, title, organization in spec.guests:
            self.attendance.invite_guest(
                meeting_id, GuestDraft(name=name, title=title, organization=organization)
            )
        if spec.postponed_to:
            new_date, reason = spec.postponed_to
            self.meetings.postpone(meeting_id, self.meeting_date(new_date), reason)
            self.result.meeting_ids[new_date] = meeting_id
        if spec.outcome == "cancelled":
            self.meetings.cancel(meeting_id, spec.cancel_reason)
        if spec.outcome not in ("finalized", "held"):
            return
        self.take_attendance(meeting_id, spec.attendance)
        resolution_ids: list[int] = []
        for item_id, item in zip(items, spec.items, strict=True):
            for resolution in item.resolutions:
                resolution_ids.append(
                    self.minutes.add_resolution(
                        meeting_id,
                        ResolutionDraft(
                            text=resolution.text,
                            lead_agency_id=self.agencies[resolution.lead],
                            collaborator_agency_ids=tuple(
                                self.agencies[name] for name in resolution.collaborators
                            ),
                            due_date="" if resolution.due == NEXT else self.date(resolution.due),
                            due_next_meeting=resolution.due == NEXT,
                            priority=resolution.priority,
                            agenda_item_id=item_id,
                        ),
                    ).id
                )
            if item.summary:
                self.agenda.set_summary(item_id, item.summary)
        for number, resolution_id in enumerate(resolution_ids, start=1):
            self.result.resolution_ids[spec.date, number] = resolution_id
        if spec.outcome == "held":
            return  # the minutes are still being written
        self.minutes.finalize(meeting_id, by=SECRETARY)
        if spec.amendment:
            number, due, reason = spec.amendment
            self.minutes.amend_resolution(
                resolution_ids[number - 1], reason=reason, author=SECRETARY, due_date=self.date(due)
            )
        if spec.signed_scan:
            detail = self.meetings.detail(meeting_id)
            day = jalali.format_short(detail.meeting.date, persian_digits=False).replace("/", "-")
            path = scans / f"scan-minutes-{day}.pdf"  # as the office scanner names it
            path.write_bytes(signed_minutes_pdf(detail))
            self.attachments.attach(
                meeting_id,
                path,
                signed_minutes=True,
                description="صورتجلسه امضاشده اعضای حاضر، اسکن‌شده",
            )

    def take_attendance(self, meeting_id: int, absences: Absences) -> None:
        """Everyone present (their PR manager) but the absences, excuses, late and stand-ins."""
        # Keyed by an optional id: guests (no agency) are looked up too, and are present.
        status: dict[int | None, tuple[str, str]] = {
            self.agencies[name]: ("absent", "") for name in absences.absent
        }
        status |= {self.agencies[name]: ("excused", reason) for name, reason in absences.excused}
        status |= {self.agencies[name]: ("late", "") for name in absences.late}
        deputies: dict[int | None, int] = {
            self.agencies[name]: self.people[person] for name, person in absences.deputies
        }
        substitutes: dict[int | None, str] = {self.agencies[name]: who for name, who in absences.substitutes}
        entries = []
        for invitation in self.attendance.invitations(meeting_id):
            attendance, excuse = status.get(invitation.agency_id, ("present", ""))
            entries.append(
                AttendanceEntry(
                    invitation.id,
                    attendance,
                    excuse=excuse,
                    attendee_person_id=deputies.get(invitation.agency_id),
                    substitute_name=substitutes.get(invitation.agency_id, ""),
                )
            )
        self.attendance.record(meeting_id, entries)

    def backdate(self) -> None:
        """Move the clock stamps the services wrote to the days they would have happened."""
        with self.db.transaction() as session:
            for meeting_id in self.built:
                meeting = session.get_one(Meeting, meeting_id)
                day = dt.datetime.combine(meeting.date, dt.time(10, 0))
                for postponement in meeting.postponements:
                    postponement.recorded_at = dt.datetime.combine(
                        postponement.from_date - dt.timedelta(days=4), dt.time(12, 30)
                    )
                if meeting.finalized_at is not None:
                    meeting.finalized_at = day + dt.timedelta(days=6, hours=3)
                for amendment in session.scalars(select(Amendment).where(Amendment.meeting_id == meeting_id)):
                    amendment.recorded_at = day + dt.timedelta(days=38, hours=1)
                for attachment in session.scalars(
                    select(Attachment).where(Attachment.meeting_id == meeting_id)
                ):
                    attachment.added_at = day + dt.timedelta(days=11, hours=-1)
                    if attachment.kind == "signed_minutes":
                        meeting.signed_at = attachment.added_at
                if meeting.finalized_at is not None:
                    # The snapshot of finalizing holds the stamps of then: take it again.
                    take_snapshot(session, meeting)


def build_meetings(
    secretariat: Secretariat,
    agency_ids: dict[str, int],
    person_ids: dict[str, int],
    calendar: DemoCalendar,
    *,
    leaving: tuple[str, ...] = (),
    joined: dict[str, dt.date] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuiltMeetings:
    """The demo's meetings, in the order they happened; ``leaving`` agencies
    are deactivated on ``LEAVES_ON``, after the meetings they attended; an
    agency is invited only from the day it ``joined`` (short name -> day).
    ``progress(n)`` is told each meeting built."""
    builder = _Builder(secretariat, agency_ids, person_ids, calendar, joined)
    leaves_on = calendar.day(LEAVES_ON)
    left = False
    with tempfile.TemporaryDirectory(prefix="demo-scan-") as folder:
        for number, spec in enumerate(MEETINGS, start=1):
            if not left and calendar.meeting_day(spec.date) > leaves_on:
                for name in leaving:
                    secretariat.agencies.set_active(agency_ids[name], False)
                left = True
            builder.build(spec, Path(folder))
            if progress is not None:
                progress(number)
    builder.backdate()
    return builder.result


def scanned_sheet(title: str, heading: str, note: str) -> tuple[Canvas, BytesIO, float, float]:
    """A grey A4 sheet, as a scanner gives it, headed by the council: (canvas, buffer, width, height).

    Latin text only (the reports module is where Persian is set on paper):
    what matters in the demo is a real PDF kept with its SHA-256.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle(title)
    width, height = A4
    page.setFillGray(0.96)
    page.rect(0, 0, width, height, stroke=0, fill=1)  # the grey of a scanned sheet
    page.setFillGray(0)
    page.setFont("Helvetica-Bold", 15)
    page.drawCentredString(width / 2, height - 70, "Pardis County PR Coordination Council")
    page.setFont("Helvetica", 12)
    page.drawCentredString(width / 2, height - 92, heading)
    page.drawCentredString(width / 2, height - 110, note)
    return page, buffer, width, height


def signed_minutes_pdf(detail: MeetingDetail) -> bytes:
    """A one-page "scan" of signed minutes: who signed, the resolutions' codes."""
    meeting = detail.meeting
    date = jalali.format_short(meeting.date, persian_digits=False)
    page, buffer, width, height = scanned_sheet(
        f"Minutes of council meeting {meeting.number} - signed copy",
        f"Minutes of meeting no. {meeting.number}  -  {date}",
        "Signed copy (scanned)",
    )
    y = height - 150
    page.setFont("Helvetica-Bold", 11)
    page.drawString(60, y, "Resolutions")
    page.setFont("Helvetica", 10)
    for resolution in detail.resolutions:
        y -= 16
        lead = resolution.lead.agency_id if resolution.lead else "-"
        due = jalali.format_short(resolution.due_date, persian_digits=False) or "next meeting"
        page.drawString(72, y, f"{resolution.code}    lead agency #{lead}    due {due}")
    y -= 36
    page.setFont("Helvetica-Bold", 11)
    page.drawString(60, y, "Signatures of the members present")
    present = [i for i in detail.invitations if not i.is_guest and i.attendance.counts_as_present]
    page.setLineWidth(0.8)
    for index, invitation in enumerate(present):
        column, row = index % 3, index // 3
        x, sy = 60 + column * 165, y - 40 - row * 38
        page.setFont("Helvetica", 8)
        page.drawString(x, sy - 12, f"member agency #{invitation.agency_id}")
        hand = random.Random(invitation.agency_id)  # each member signs the same way every time
        path = page.beginPath()  # a signature: a few quick loops and a tail
        path.moveTo(x, sy + hand.uniform(-3, 3))
        px: float = x
        for _ in range(hand.randint(2, 4)):
            step = hand.uniform(18, 32)
            path.curveTo(
                px + step * 0.3,
                sy + hand.uniform(8, 22),
                px + step * 0.8,
                sy - hand.uniform(4, 14),
                px + step,
                sy + hand.uniform(-2, 6),
            )
            px += step
        path.lineTo(px + hand.uniform(10, 30), sy + hand.uniform(-6, 4))
        page.drawPath(path)
    page.setFont("Helvetica", 9)
    page.drawString(60, 50, "Secretary: signed    Chair: signed    SHA-256 kept by the secretariat app")
    page.showPage()
    page.save()
    return buffer.getvalue()
