"""Where each file sits in the archive's ZIP, and the README that says so in Persian."""

from __future__ import annotations

from secretariat.persian.text import to_persian_digits

MANIFEST_PATH = "manifest.json"
README_PATH = "README.txt"
REPORT_FOLDER = "report"
MONTHLY_REPORTS_FOLDER = "monthly_reports/"  # the files of the agencies' monthly reports


def report_path(year: int) -> str:
    return f"{REPORT_FOLDER}/karname-{year}.pdf"


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
        f"- data/records.json : داده‌های سال ({p(meetings)} جلسه، {p(resolutions)} مصوبه) با پیگیری‌ها، "
        f"و گزارش‌های ماهانه ({p(monthly_reports)} نسخه) با ارقام و معافیت‌ها",
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
