"""The words of the audit trail in the window: the browser, a record's history, their columns.

Strings by area, as STYLE.md asks; how an entry itself reads (field names,
values, the summary) is the core's (``secretariat.office.audit_text``), which
the printed trail and the command line share.
"""

from __future__ import annotations

ACTION_AUDIT = "تاریخچه تغییرات…"
AUDIT_TITLE = "تاریخچه تغییرات"
AUDIT_INTRO = (
    "هر تغییر در سوابق، با کاربر و زمان آن؛ تازه‌ترین در بالا. سطری را برگزینید تا تغییر کامل آن را ببینید."
)

# -- filters -------------------------------------------------------------------------------
ALL_USERS = "همه کاربران"
NO_USER = "بدون کاربر"  # entries of a council before it had accounts
ALL_KINDS = "همه رکوردها"
FROM_PLACEHOLDER = "از تاریخ"
TO_PLACEHOLDER = "تا تاریخ"
PERIOD = "دوره:"
CLEAR_FILTERS = "پاک کردن فیلترها"
FOUND = "{count} تغییر"
NONE_FOUND = "با این فیلترها تغییری نیست."
PRINT = "چاپ…"
PRINT_TIP = "سابقه تغییرات با همین فیلترها، از قدیم به جدید، در یک PDF"
CLOSE = "بستن"

# -- columns -------------------------------------------------------------------------------
COLUMN_WHEN = "زمان"
COLUMN_USER = "کاربر"
COLUMN_ACTION = "کار"
COLUMN_KIND = "رکورد"
COLUMN_SUMMARY = "شرح تغییر"
COLUMN_FIELD = "بخش"
COLUMN_BEFORE = "پیش از تغییر"
COLUMN_AFTER = "پس از تغییر"
COLUMN_VALUE = "مقدار"

# -- the details of one entry -----------------------------------------------------------------
DETAILS_NONE = "سطری را برگزینید تا تغییر کامل آن را ببینید."
DETAILS_HEADING = "{action} {kind}، {when}، {who}"
DETAILS_EMPTY = "این تغییر مقداری با خود ندارد."

# -- a record's history ---------------------------------------------------------------------
HISTORY_TAB = "تاریخچه"
HISTORY_BUTTON = "تاریخچه…"
HISTORY_BUTTON_TIP = "هر تغییر این رکورد، با کاربر و زمان آن"
HISTORY_EMPTY = "برای این رکورد تغییری ثبت نشده است (تغییرهای پیش از به‌روزرسانی برنامه ثبت نشده‌اند)."
HISTORY_TITLE = "تاریخچه {name}"
HISTORY_COUNT = "{count} تغییر، از قدیم به جدید"
LETTER_NAME = "نامه {number}"

REPORT_AUDIT = "سابقه تغییرات"
