"""Where each file sits in the archive's ZIP, and the README that says so in Persian."""

from __future__ import annotations

from secretariat.persian.text import to_persian_digits

MANIFEST_PATH = "manifest.json"
README_PATH = "README.txt"
REPORT_FOLDER = "report"
MONTHLY_REPORTS_FOLDER = "monthly_reports/"  # the files of the agencies' monthly reports
EVALUATION_FOLDER = "evaluation/"  # the evaluation's printouts
LETTERS_FOLDER = "letters/"  # the letters' documents: issued PDFs and scans
_UNSAFE_NAME = str.maketrans({c: "_" for c in '/\\:*?"<>|\x00'})
_JOINERS = "\u200c\u200d"  # ZWNJ and ZWJ are spelling; other invisible characters are dropped


def report_path(year: int) -> str:
    return f"{REPORT_FOLDER}/karname-{year}.pdf"


def ranking_path(year: int) -> str:
    return f"{EVALUATION_FOLDER}ranking-{year}.pdf"


def certificates_path(year: int) -> str:
    return f"{EVALUATION_FOLDER}certificates-{year}.pdf"


def safe_filename(name: str) -> str:
    """A stored file name usable as a ZIP entry on every system (Persian letters kept)."""
    cleaned = "".join(c for c in name.translate(_UNSAFE_NAME) if c in _JOINERS or c.isprintable()).strip(" .")
    return cleaned or "file"


LAYOUT_DOC = """## Layout of the ZIP

| path | what |
|---|---|
| `manifest.json` | schema, version, year, council, `created_at`, app version, counts, and for every other file its `path`, `size` and `sha256`. |
| `README.txt` | In Persian: what the archive holds and how to check it (UTF-8 with BOM, CRLF). |
| `data/records.json` | The year's records (below). |
| `data/csv/<table>.csv` | The same records, one CSV per table. |
| `minutes/<meeting>.pdf` | The finalized minutes of every finalized meeting of the year («minutes/1404-07.pdf»), as printed for signing, with their document code and QR code. |
| `attachments/<meeting>/<NN>-<file name>` | The files the meetings keep: signed scans of the minutes, documents, follow-up documents (NN: the file's place among the meeting's files). |
| `monthly_reports/<year>-<month>/<F0001>-<file name>` | The files the agencies sent as their monthly reports (the month of the first report version that keeps the file; F0001 its key in `report_files`). |
| `evaluation/ranking-<year>.pdf` | The ranking of the year's evaluation of the PR units, if it has one: sealed with its document code («E1404-R-9F3A1C2B») and QR code once published, marked as a draft before. |
| `evaluation/certificates-<year>.pdf` | A published evaluation's certificates (لوح تقدیر) of the agencies ranked in the top three (a shared third rank too), dated the day it was published, each with its document code («E1404-C012-…»). |
| `letters/<direction>/<number>.<ext>` | Each letter's document (direction `out` or `in`): the PDF of an outgoing letter as first issued, the scan of an incoming one (the number made a file name: «letters/out/12_ش_1404.pdf»). |
| `report/karname-<year>.pdf` | The yearly report (کارنامه سالانه). |

`manifest.json` lists every other file; checking an archive
(`python -m secretariat archive verify FILE.zip`) compares each file with its
size and SHA-256 there and names any file changed, missing or not listed.
The ZIP is written to a temporary file beside the target and moved into
place only when it is complete, so a cancelled or failed export leaves
nothing. File names are UTF-8 (the ZIP's language flag), so Persian names
read right on Windows 10 and later.
"""  # noqa: E501 (a row of a Markdown table cannot wrap)


def readme_text(
    *,
    year: int,
    council: str,
    meetings: int,
    resolutions: int,
    minutes: int,
    attachments: int,
    created: str,
    monthly_reports: int,
    report_files: int,
    evaluation: bool,
    letters: int,
    letter_documents: int,
    audit_entries: int = 0,
) -> bytes:
    """``README.txt``: Persian, UTF-8 with a byte order mark and CRLF, for Notepad."""
    p = to_persian_digits
    lines = [
        f"بایگانی سالانه {p(year)} - {council}",
        f"ساخته‌شده در {created}",
        "",
        "در این بایگانی:",
        f"- report/karname-{year}.pdf : کارنامه سالانه {p(year)}",
        f"- minutes/ : صورتجلسه‌های نهایی ({p(minutes)} صورتجلسه)، با کد سند و رمزینه (QR)",
        f"- attachments/ : نسخه‌های امضاشده، اسناد و اسناد پیگیری ({p(attachments)} پرونده)",
        f"- monthly_reports/ : پرونده‌های گزارش‌های ماهانه دستگاه‌ها ({p(report_files)} پرونده)",
        (
            f"- evaluation/ : رتبه‌بندی ارزیابی عملکرد روابط عمومی‌های سال {p(year)}، و لوح‌های تقدیر سه رتبه "
            "نخست اگر منتشر شده باشد"
            if evaluation
            else f"- evaluation/ : ارزیابی عملکرد روابط عمومی‌های سال {p(year)} ساخته نشده است"
        ),
        f"- letters/ : نامه‌های صادره چاپ‌شده و اسکن نامه‌های وارده ({p(letter_documents)} پرونده)",
        f"- data/records.json : داده‌های سال ({p(meetings)} جلسه، {p(resolutions)} مصوبه) با پیگیری‌ها، "
        f"و گزارش‌های ماهانه ({p(monthly_reports)} نسخه) با ارقام و معافیت‌ها، ارزیابی سال، "
        f"دفتر نامه‌ها ({p(letters)} نامه) و سابقه تغییرات سال ({p(audit_entries)} سطر: چه کسی، کی، "
        "چه چیزی را تغییر داد)",
        "- data/csv/ : همان داده‌ها، هر جدول در یک پرونده CSV که Excel فارسی آن را درست می‌خواند",
        "- manifest.json : فهرست همه پرونده‌ها با اندازه و چکیده SHA-256 هر یک",
        "",
        "برای وارسی درستی بایگانی (هر پرونده با فهرست سنجیده می‌شود):",
        "    python -m secretariat archive verify <پرونده بایگانی>.zip",
        "برای وارد کردن داده‌های آن در پایگاه داده دیگر:",
        "    python -m secretariat --db <پایگاه داده> archive import <پرونده بایگانی>.zip",
        "شرح جدول‌ها و ستون‌ها: docs/archive-schema.md در برنامه.",
        "",
    ]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")
