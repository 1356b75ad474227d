"""Every word the printed reports say, in one place, so that the wording
stays consistent and can be reviewed (as ``ui/strings.py`` is for the screen).
"""

from __future__ import annotations

# -- every page ---------------------------------------------------------------
IN_THE_NAME_OF_GOD = "بسمه تعالی"
SECRETARIAT = "دبیرخانه"
PAGE_OF = "صفحه {page} از {total}"
PRINTED_ON = "تاریخ چاپ: {date}"
DOCUMENT_CODE = "شناسه سند: {code}"
DOCUMENT_CODE_LABEL = "شناسه سند"
DRAFT = "پیش‌نویس"
DRAFT_NOTE = "پیش‌نویس؛ پس از نهایی شدن برای امضا چاپ شود"
ROW_NUMBER = "ردیف"
LIST_SEPARATOR = "، "
LIST_BULLET = "•"  # before each name of a list printed one name a line
NONE = "—"
CONTINUED = "(ادامه)"  # a table row that goes on from the page before
LAYOUT_FAILED = (
    "متنی در این گزارش بلندتر از آن است که در صفحه جا شود و گزارش ساخته نشد؛ "
    "متن‌های بسیار بلند را کوتاه کنید یا به چند بخش بشکنید. جزئیات در {log} ثبت شد."
)
LAYOUT_FAILED_UNLOGGED = "جایی (پوشه‌ها نوشتنی نبودند)"

# -- the minutes --------------------------------------------------------------
MINUTES_TITLE = "صورتجلسه {meeting} {council}"
MINUTES_DOCUMENT = "صورتجلسه"
DATE = "تاریخ"
TIME = "ساعت"
TIME_RANGE = "{start} تا {end}"
PLACE = "محل برگزاری"
CHAIR = "رئیس جلسه"
KIND = "نوع جلسه"
OCCASION = "مناسبت"
QUORUM = "حد نصاب"
# A no-break space (U+00A0) keeps «(۱۴ نفر)» on one line.
QUORUM_MET = "{present} عضو از {members} عضو حاضر بودند؛ حد نصاب ({required}\u00a0نفر) فراهم بود."
QUORUM_NOT_MET = "{present} عضو از {members} عضو حاضر بودند؛ حد نصاب ({required}\u00a0نفر) فراهم نبود."
POSTPONED_FROM = "این جلسه از {from_date} به {to_date} موکول شد؛ به دلیل {reason}"
AGENDA = "دستور جلسه"
PRESENTER = "(ارائه: {agency})"
DISCUSSION = "خلاصه مذاکرات"
NO_SUMMARY = "خلاصه‌ای برای این بند ثبت نشده است."
RESOLUTIONS = "مصوبات"
NO_RESOLUTIONS = "در این جلسه مصوبه‌ای ثبت نشد."
RESOLUTION_CODE = "شناسه"
RESOLUTION_TEXT = "متن مصوبه"
LEAD_AGENCY = "مسئول اجرا"
COLLABORATORS = "همکاران"
DEADLINE = "مهلت"
LABELLED = "{label}: {value}"
RESOLUTION_DUTY = "مسئول اجرا: {lead}؛ مهلت:\u00a0{due}"  # under a resolution's text in the minutes
PRESENT = "حاضران"
AGENCY = "دستگاه"
REPRESENTATIVE = "نماینده"
REMARK = "توضیح"
SUBSTITUTE = "جانشین مدیر روابط عمومی"
LATE = "با تأخیر"
GUESTS = "مدعوان"
GUEST_NAME = "نام"
GUEST_TITLE = "سمت"
GUEST_ORGANIZATION = "سازمان"
ABSENT = "غایبان"
ABSENCE = "وضعیت"
REASON = "دلیل"
SIGNATURES = "امضای اعضای حاضر"
FULL_NAME = "نام و نام خانوادگی"
SIGNATURE = "امضا"
SECRETARY = "دبیر شورا"
FINALIZED = "این صورتجلسه در {date} به دست {by} نهایی شد."
AMENDMENTS = "اصلاحیه‌ها"
AMENDMENTS_NOTE = "اصلاحیه‌های زیر پس از نهایی شدن صورتجلسه ثبت شده‌اند؛ متن بالا همان متن نهایی‌شده است."
AMENDED_ITEM = "مورد"
AMENDED_FIELD = "موضوع"
AMENDED_FROM = "پیشین"
AMENDED_TO = "اصلاح‌شده"
AMENDMENT_RECORDED = "ثبت"
AMENDMENT_AUTHOR = "{author}، {date}"
AMENDMENT_FIELDS = {"resolution_text": "متن مصوبه", "due_date": "مهلت", "item_summary": "خلاصه بند"}
AGENDA_ITEM = "بند {position}"
NO_MINUTES_YET = "صورتجلسه پس از برگزاری جلسه چاپ می‌شود؛ نخست حضور و غیاب را ثبت کنید."
NO_MINUTES_CANCELLED = "این جلسه لغو شده و صورتجلسه ندارد."

# -- the agency directory -----------------------------------------------------
DIRECTORY_TITLE = "فهرست دستگاه‌های عضو و مدیران روابط عمومی"
DIRECTORY_SUBTITLE = "{council}؛ {count} دستگاه عضو، به تاریخ {date}"
PR_MANAGER = "مدیر روابط عمومی"
MOBILE = "تلفن همراه"
PHONES = "تلفن دستگاه"
EMAIL = "رایانامه"

# -- letters: honorifics and the copies at the foot -------------------------------
ESTEEMED = "محترم"  # after a post's first word: «معاون محترم بهره‌برداری»، «مدیرکل محترم ...»
# Posts whose first two words are one title: «مدیر کل محترم ...», not «مدیر محترم کل ...».
TWO_WORD_POSTS = ("مدیر کل", "رئیس کل", "دبیر کل")
# Words that may open a name as typed (a guest's, the council's chair): an honorific, not the name.
TITLE_WORDS = ("دکتر", "مهندس", "استاد")
COPIES = "رونوشت:"
COPY_BULLET = "-"  # before each copy, the lines of a long one hanging beside it
COPY_LINE = "{recipient} جهت {purpose}"
COPY_RECIPIENT = "{name}، {post}"
CHAIR_POST = "رئیس محترم {council}"
FOR_INFORMATION = "استحضار"
