"""Every Persian string the windows show, in one place.

Wording stays consistent and can be reviewed in one file (see STYLE.md,
"Text"). Messages about the data itself (validation, refusals) come from
the core, which owns the rules; this module holds the words of the screen.
"""

from __future__ import annotations

APP_TITLE = "دبیرخانه شورای هماهنگی روابط عمومی"
DEMO_SUFFIX = "(نسخه نمایشی)"

# -- common buttons and words ----------------------------------------------
SAVE = "ذخیره"
CANCEL = "انصراف"
YES = "بله"
NO = "خیر"
OK = "باشه"
BACK = "بازگشت"
ACTIVE = "فعال"
INACTIVE = "غیرفعال"
UNTIL_NOW = "تاکنون"
WARNING_TITLE = "توجه"
ERROR_TITLE = "خطا"
CONFIRM_TITLE = "تأیید"
EXAMPLE_DATE = "مثلاً ۱۴۰۳/۰۲/۲۷"
LIST_SEPARATOR = "، "

# -- start-up --------------------------------------------------------------
OPEN_FAILED_TITLE = "پایگاه داده باز نشد"
DEMO_BUILDING = "در حال ساختن شورای نمایشی..."
UNEXPECTED_ERROR = (
    "خطای پیش‌بینی‌نشده‌ای رخ داد. کاری که در حال انجام بود شاید ذخیره نشده باشد.\n"
    "اگر تکرار شد، متن جزئیات را برای پشتیبانی بفرستید."
)

# -- welcome dialog ----------------------------------------------------------
WELCOME_TITLE = "به دبیرخانه شورا خوش آمدید"
WELCOME_HEADING = "دبیرخانه شورای هماهنگی روابط عمومی"
WELCOME_TEXT = (
    "این برنامه دفتر دستگاه‌های عضو، مدیران روابط عمومی و احکام عضویت شورا را نگه می‌دارد.\n"
    "برای شروع، شورای خود را بسازید یا شورای نمایشی را ببینید."
)
WELCOME_CREATE = "ساختن شورای تازه"
WELCOME_CREATE_HINT = "نام، سطح و مسئولان شورای خود را وارد کنید."
WELCOME_DEMO = "دیدن شورای نمایشی"
WELCOME_DEMO_HINT = "شورایی ساختگی با دستگاه‌ها و افراد نمونه، برای آشنایی با برنامه."
WELCOME_CREATE_BUTTON = "ساختن شورا"
WELCOME_FORM_HEADING = "مشخصات شورای تازه"

# -- council form --------------------------------------------------------------
COUNCIL_DIALOG_TITLE = "مشخصات شورا"
COUNCIL_NAME = "نام شورا"
COUNCIL_NAME_PLACEHOLDER = "مثلاً شورای هماهنگی روابط عمومی‌های شهرستان پردیس"
COUNCIL_LEVEL = "سطح شورا"
COUNCIL_CITY = "شهر"
COUNCIL_CITY_PLACEHOLDER = "مثلاً پردیس"
COUNCIL_CHAIR = "رئیس شورا"
COUNCIL_CHAIR_PLACEHOLDER = "مثلاً فرماندار شهرستان"
COUNCIL_SECRETARY = "دبیر شورا"
COUNCIL_QUORUM_RULE = "حد نصاب جلسه"
COUNCIL_QUORUM_COUNT = "تعداد حد نصاب"
COUNCIL_QUORUM_COUNT_PLACEHOLDER = "تعداد اعضای لازم، مثلاً ۱۲"

# -- main window -----------------------------------------------------------------
SECTION_AGENCIES = "دستگاه‌های عضو"
SECTION_PEOPLE = "افراد"
OPENING_DATABASE = "در حال باز کردن پایگاه داده..."
MENU_COUNCIL = "شورا"
MENU_VIEW = "نما"
MENU_AGENCIES = "دستگاه‌ها"
MENU_PEOPLE = "افراد"
ACTION_COUNCIL_SETTINGS = "مشخصات شورا..."
ACTION_QUIT = "خروج"
ACTION_NEW_AGENCY = "دستگاه تازه..."
ACTION_NEW_PERSON = "شخص تازه..."
ACTION_FIND = "جستجو"
STATUS_ACTIVE_AGENCIES = "{count} دستگاه فعال"
STATUS_PEOPLE = "{count} نفر"
COUNCIL_SAVED = "مشخصات شورا ذخیره شد."

# -- agencies section ---------------------------------------------------------------
AGENCY_SEARCH_PLACEHOLDER = "جستجو در نام، نام کوتاه، مدیر روابط عمومی..."
SHOW_INACTIVE = "نمایش غیرفعال‌ها"
ADD_AGENCY = "افزودن دستگاه"
EDIT = "ویرایش"
DEACTIVATE = "غیرفعال کردن"
ACTIVATE = "فعال کردن"
DELETE = "حذف"
AGENCY_COLUMNS = ("نام دستگاه", "نام کوتاه", "رده", "مدیر روابط عمومی", "تلفن", "تاریخ عضویت", "وضعیت")
AGENCIES_FOUND = "{count} دستگاه"
AGENCIES_NONE = "دستگاهی پیدا نشد."
AGENCY_ADDED = "دستگاه «{name}» افزوده شد."
AGENCY_SAVED = "تغییرات «{name}» ذخیره شد."
AGENCY_DEACTIVATED = "«{name}» غیرفعال شد."
AGENCY_ACTIVATED = "«{name}» دوباره فعال شد."
AGENCY_DELETED = "«{name}» حذف شد."
CONFIRM_DELETE_AGENCY = "دستگاه «{name}» برای همیشه حذف شود؟"

# -- agency detail ---------------------------------------------------------------------
NO_AGENCY_SELECTED = "دستگاهی از فهرست انتخاب کنید تا مشخصات و سابقه آن اینجا دیده شود."
DETAIL_FIELDS = "مشخصات"
DETAIL_HISTORY = "سمت‌ها و احکام عضویت"
DETAIL_SHORT_NAME = "نام کوتاه"
DETAIL_CATEGORY = "رده"
DETAIL_PARENT = "دستگاه مادر"
DETAIL_ADDRESS = "نشانی"
DETAIL_PHONES = "تلفن"
DETAIL_EMAIL = "رایانامه"
DETAIL_WEBSITE = "وبگاه"
DETAIL_JOINED = "تاریخ عضویت"
DETAIL_CURRENT_PEOPLE = "افراد فعلی"
DETAIL_NOBODY = "کسی ثبت نشده است."
APPOINT = "انتصاب مدیر روابط عمومی / سمت جدید..."
END_ROLE = "پایان سمت..."
ADD_DECREE = "ثبت حکم عضویت..."
HISTORY_COLUMNS = ("نام", "سمت", "عنوان در حکم", "از", "تا", "حکم عضویت")
DECREE_SUMMARY = "شماره {number} مورخ {issued_on}"
DECREE_ISSUER = "صادرکننده: {issued_by}"
DECREE_TERM = "اعتبار تا {term_end}"

# -- agency form -------------------------------------------------------------------------
NEW_AGENCY_TITLE = "دستگاه تازه"
EDIT_AGENCY_TITLE = "ویرایش دستگاه"
AGENCY_NAME = "نام دستگاه"
AGENCY_NAME_PLACEHOLDER = "مثلاً اداره آموزش و پرورش شهرستان پردیس"
AGENCY_SHORT_NAME = "نام کوتاه"
AGENCY_SHORT_NAME_PLACEHOLDER = "مثلاً آموزش و پرورش"
AGENCY_CATEGORY = "رده"
AGENCY_PARENT = "دستگاه مادر"
AGENCY_PARENT_PLACEHOLDER = "مثلاً وزارت آموزش و پرورش"
AGENCY_ADDRESS = "نشانی"
AGENCY_PHONES = "تلفن"
AGENCY_PHONES_PLACEHOLDER = "چند شماره را با ، جدا کنید"
AGENCY_EMAIL = "رایانامه"
AGENCY_WEBSITE = "وبگاه"
AGENCY_JOINED = "تاریخ عضویت"

# -- people ---------------------------------------------------------------------------------
PEOPLE_SEARCH_PLACEHOLDER = "جستجو در نام، همراه، تلفن، رایانامه..."
ADD_PERSON = "افزودن شخص"
PEOPLE_COLUMNS = ("نام", "سمت‌های فعلی", "همراه", "رایانامه")
PEOPLE_FOUND = "{count} نفر"
PEOPLE_NONE = "کسی پیدا نشد."
PERSON_ADDED = "«{name}» افزوده شد."
PERSON_SAVED = "تغییرات «{name}» ذخیره شد."
NEW_PERSON_TITLE = "شخص تازه"
EDIT_PERSON_TITLE = "ویرایش مشخصات شخص"
PERSON_FULL_NAME = "نام و نام خانوادگی"
PERSON_FULL_NAME_PLACEHOLDER = "مثلاً مریم احمدی"
PERSON_HONORIFIC = "عنوان"
PERSON_HONORIFIC_PLACEHOLDER = "مثلاً دکتر، مهندس"
PERSON_MOBILE = "همراه"
PERSON_PHONE = "تلفن"
PERSON_EMAIL = "رایانامه"
PERSON_NOTES = "یادداشت"

# -- appointment, end of role, decree --------------------------------------------------------
APPOINTMENT_TITLE = "انتصاب در «{agency}»"
APPOINT_EXISTING = "از افراد ثبت‌شده"
APPOINT_NEW = "شخص تازه"
APPOINT_PERSON = "شخص"
APPOINT_PERSON_PLACEHOLDER = "بخشی از نام را بنویسید و از فهرست انتخاب کنید"
APPOINT_ROLE = "سمت"
APPOINT_START = "تاریخ شروع"
APPOINT_TITLE_FIELD = "عنوان در حکم"
APPOINT_TITLE_PLACEHOLDER = "مثلاً مدیر روابط عمومی و امور بین‌الملل"
APPOINT_REPLACES = "با این انتصاب، سمت «{name}» در همین تاریخ پایان می‌یابد."
APPOINT_PICK_PERSON = "شخصی را از فهرست انتخاب کنید یا «شخص تازه» را بزنید."
APPOINTED = "«{name}» در «{agency}» به سمت {role} منصوب شد."
SHOW_ALL_PEOPLE = "نمایش همه"
END_ROLE_TITLE = "پایان سمت"
END_ROLE_INTRO = "پایان سمت {role} «{name}» در «{agency}» (از {start})"
END_ROLE_DATE = "تاریخ پایان"
ROLE_ENDED = "سمت «{name}» پایان یافت."
DECREE_TITLE = "ثبت حکم عضویت"
DECREE_INTRO = "حکم عضویت {role} «{name}» در «{agency}»"
DECREE_NUMBER = "شماره حکم"
DECREE_NUMBER_PLACEHOLDER = "مثلاً ۱۲۳۴/ص/۱۴۰۳"
DECREE_ISSUED_ON = "تاریخ صدور"
DECREE_ISSUED_BY = "صادرکننده"
DECREE_ISSUED_BY_PLACEHOLDER = "مثلاً فرماندار شهرستان پردیس"
DECREE_TERM_END = "پایان دوره"
DECREE_NOTES = "یادداشت"
DECREE_SAVED = "حکم عضویت «{name}» ثبت شد."

# -- Jalali date edit ------------------------------------------------------------------------------
PICK_FROM_CALENDAR = "انتخاب از تقویم (Alt+↓)"
