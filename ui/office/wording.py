"""The words of the shared office in the window: signing in, the users, the roles' limits.

The refusals themselves (a wrong password, the wait, a role's limit) come from the core
(``secretariat.office``), which owns the rules.
"""

from __future__ import annotations

# -- signing in ----------------------------------------------------------------------------
SIGN_IN_TITLE = "ورود به دبیرخانه"
SIGN_IN_INTRO = "{council}\nبا نام کاربری و گذرواژه خود وارد شوید."
SIGN_IN_NO_COUNCIL = "شورای هماهنگی روابط عمومی"
SIGN_IN = "ورود"
USERNAME = "نام کاربری"
PASSWORD = "گذرواژه"
USERNAME_EMPTY = "نام کاربری را بنویسید."
PASSWORD_EMPTY = "گذرواژه را بنویسید."

# -- the menu and the status bar ---------------------------------------------------------------
MENU_USERS = "کاربران"
ACTION_CHANGE_PASSWORD = "تغییر گذرواژه…"
ACTION_MANAGE_USERS = "مدیریت کاربران…"
ACTION_FIRST_ACCOUNT = "ساختن نخستین حساب کاربری…"
ACTION_SIGN_OUT = "خروج از حساب"
SIGNED_IN_AS = "کاربر: {name} ({role})"
NOBODY_SIGNED_IN = "بدون حساب کاربری"
NO_ACCOUNTS_TIP = "این شورا هنوز حساب کاربری ندارد؛ هر کس پشت این رایانه است همه کار می‌کند."
SIGN_OUT_KEPT = "پنجره‌ای باز با تغییرهای ذخیره‌نشده ماند؛ از حساب خارج نشدید."
SIGNED_OUT_STATUS = "{name} از حساب خارج شد."
SIGNED_IN_STATUS = "{name} وارد شد."

# -- changing one's own password --------------------------------------------------------------
PASSWORD_DIALOG_TITLE = "تغییر گذرواژه"
PASSWORD_DIALOG_INTRO = "{name}، گذرواژه کنونی و گذرواژه تازه خود را بنویسید."
OLD_PASSWORD = "گذرواژه کنونی"
NEW_PASSWORD = "گذرواژه تازه"
REPEAT_PASSWORD = "تکرار گذرواژه"
PASSWORDS_DIFFER = "دو گذرواژه یکی نیستند."
PASSWORD_CHANGED = "گذرواژه شما تغییر کرد."

# -- the users ---------------------------------------------------------------------------------
USERS_TITLE = "مدیریت کاربران"
USERS_INTRO = (
    "هر کس با نام کاربری و گذرواژه خود وارد می‌شود و نقشش تعیین می‌کند چه کند: "
    "دبیر همه کار؛ کارشناس ثبت و ویرایش، جز نهایی و اصلاح کردن صورتجلسه، انتشار ارزیابی، "
    "کاربران و بازگرداندن پشتیبان؛ ناظر فقط دیدن، جستجو و چاپ."
)
COLUMN_USERNAME = "نام کاربری"
COLUMN_FULL_NAME = "نام و نام خانوادگی"
COLUMN_ROLE = "نقش"
COLUMN_ACTIVE = "وضعیت"
COLUMN_CREATED = "ساخته شده"
ACTIVE = "فعال"
INACTIVE = "غیرفعال"
YOU = "{name} (شما)"
ADD_USER = "افزودن کاربر…"
RESET_PASSWORD = "گذرواژه تازه…"
CHANGE_ROLE = "تغییر نقش…"
DEACTIVATE = "غیرفعال کردن"
CONFIRM_DEACTIVATE = (
    "حساب «{name}» غیرفعال شود؟ او دیگر نمی‌تواند وارد شود؛ آنچه ثبت کرده است به نام او می‌ماند."
)
USER_ADDED = "حساب «{name}» با نقش {role} ساخته شد."
PASSWORD_RESET = "گذرواژه «{name}» تغییر کرد؛ آن را به خودش بدهید."
ROLE_CHANGED = "نقش «{name}» اکنون {role} است."
USER_DEACTIVATED = "حساب «{name}» غیرفعال شد."

ADD_USER_TITLE = "افزودن کاربر"
FULL_NAME = "نام و نام خانوادگی"
ROLE = "نقش"
USERNAME_PLACEHOLDER = "مثلاً m.ahmadi"
FULL_NAME_PLACEHOLDER = "همان‌گونه که در ثبت‌ها آمده شود"
FIRST_ACCOUNT_TITLE = "نخستین حساب کاربری"
FIRST_ACCOUNT_INTRO = (
    "نخستین حساب، حساب دبیر شوراست و پس از ساختن با آن وارد می‌شوید. "
    "از آن پس هر کس برنامه را باز کند باید با نام کاربری و گذرواژه خود وارد شود، "
    "و هر ثبت به نام کسی است که وارد شده است."
)
FIRST_ACCOUNT_DONE = "حساب دبیر «{name}» ساخته شد و با آن وارد شدید؛ از این پس همه با حساب خود وارد می‌شوند."
RESET_TITLE = "گذرواژه تازه برای «{name}»"
RESET_INTRO = "گذرواژه‌ای تازه بنویسید و به {name} بدهید؛ او می‌تواند بعد خودش آن را تغییر دهد."
ROLE_TITLE = "نقش «{name}»"
SAVE_ROLE = "ذخیره نقش"

# -- attribution ---------------------------------------------------------------------------------
RECORDED_AS_USER = "ثبت به نام کاربری است که وارد شده است."

# -- the shared database (ui/office/connection_dialog.py) ------------------------------------------
ACTION_CONNECTION = "اتصال به پایگاه داده مشترک…"
CONNECTION_TITLE = "اتصال به پایگاه داده مشترک"
CONNECTION_INTRO = (
    "دفتری که چند رایانه آن روی یک پایگاه داده PostgreSQL کار می‌کنند، نشانی آن را این‌جا یک بار "
    "برای این رایانه ذخیره می‌کند. گذرواژه در جای امن گذرواژه‌های این رایانه (keyring) نگه داشته "
    "می‌شود، نه در پرونده تنظیمات. اتصال از آغاز بعدی برنامه به کار می‌رود."
)
CONNECTION_HOST = "میزبان (کارگزار)"
CONNECTION_PORT = "درگاه"
CONNECTION_DATABASE = "نام پایگاه داده"
CONNECTION_USER = "نام کاربر پایگاه داده"
CONNECTION_PASSWORD = "گذرواژه"
CONNECTION_HOST_PLACEHOLDER = "مثلاً 192.168.1.10 یا db.office.local"
CONNECTION_PASSWORD_KEPT = "نگه داشته شده؛ برای تغییر، تازه بنویسید"
CONNECTION_TEST = "آزمایش اتصال"
CONNECTION_FORGET = "فراموش کردن اتصال"
CONNECTION_SAVE = "ذخیره اتصال"
CONNECTION_TESTING_TITLE = "آزمایش اتصال"
CONNECTION_TESTING_TEXT = "در حال اتصال به پایگاه داده مشترک…"
CONNECTION_NONE_SAVED = "اتصالی ذخیره نشده است؛ برنامه پرونده SQLite این رایانه را باز می‌کند."
CONNECTION_SAVE_ANYWAY = "{reason}\n\nبا این حال اتصال ذخیره شود؟"
CONNECTION_NOT_SAVED = "{reason} اتصال ذخیره نشد."
CONNECTION_FORGET_CONFIRM = (
    "اتصال به پایگاه داده مشترک و گذرواژه آن از این رایانه پاک شود؟ از آغاز بعدی، برنامه پرونده "
    "SQLite این رایانه را باز می‌کند. داده‌های پایگاه داده مشترک دست نمی‌خورد."
)
CONNECTION_SAVED = "اتصال ذخیره شد؛ از آغاز بعدی برنامه، این رایانه پایگاه داده مشترک را باز می‌کند."
CONNECTION_FORGOTTEN = "اتصال فراموش شد؛ از آغاز بعدی برنامه، پرونده SQLite این رایانه باز می‌شود."

# -- the shared database at start (ui/start/startup.py) -------------------------------------------
SHARED_PASSWORD_TITLE = "گذرواژه پایگاه داده مشترک"
SHARED_PASSWORD_PROMPT = "گذرواژه «{user}» در پایگاه داده مشترک\n{address}"
SHARED_FAILED = (
    "پایگاه داده مشترک ({address}) باز نشد:\n{reason}\n\n"
    "پرونده SQLite همین رایانه باز شود؟ (اتصال ذخیره‌شده بر جا می‌ماند؛ از منوی «کاربران» "
    "می‌توانید آن را تغییر دهید.)"
)
SHARED_NO_PASSWORD = "گذرواژه «{user}» نوشته نشد."
SHARED_OPEN_LOCAL = "باز کردن پرونده این رایانه"
SHARED_QUIT = "بستن برنامه"
