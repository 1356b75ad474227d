"""``python -m secretariat report KIND ... --out FILE.pdf``: the printed reports.

- ``minutes --meeting ID``: the minutes to sign (a draft is marked «پیش‌نویس»);
- ``invitation --meeting ID [--list] [--new]``: one letter per invited agency, or one
  letter with the distribution list;
- ``followup-letter --agency A [--new]`` or ``followup-letter --all [--new]``: the letter to one
  agency, or one letter to every agency with overdue resolutions;
- ``communication --meeting ID [--new]``: the communication of a finalized meeting's
  resolutions (ابلاغ مصوبات), a letter to each responsible agency;
- ``register [--status S] [--agency A] [--meeting ID] [--year Y] [--overdue]
  [--open] [--due-within DAYS] [--from D] [--to D] [--search TEXT]``: the
  register of resolutions for any filter, as ``resolutions list`` takes;
- ``attendance --from D --to D``: each agency's attendance in a period, worst first;
- ``directory``: the agencies and their PR managers, in Persian order;
- ``monthly-reminders --month 1405/07 [--list] [--new]``: a reminder letter to each
  agency whose monthly report for the month is missing, or one letter to the
  council's members with the list;
- ``monthly-summary --year 1405``: the yearly summary of the monthly reports;
- ``letters --from D --to D [--direction in|out] [--agency A]``: the letter register of a period.
- ``evaluation --year Y``: the ranking of the year's evaluation (a draft is marked «پیش‌نویس»);
- ``scorecards --year Y [--agency A]``: a score card for every agency, or for one;
- ``certificates --year Y (--top N | --tier T) [--new]``: certificates of appreciation for the
  top N ranks or for one tier of a published evaluation.

The letters (invitations, follow-up letters, the communication, reminders,
certificates) are registered in the letter register as they are issued and
print their number and date; printed again, they keep them and are stamped
«رونوشت», unless ``--new`` issues new letters (see
``secretariat.reports.issuing``). What was issued is said on standard output.

The meeting ID is the ``id`` of ``meetings list --json``. The file is written
whole or not at all; the output's folder is checked before any letter is issued.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from secretariat.cli.common import (
    MAX_DAYS,
    CliError,
    Commands,
    agency_id,
    bounded,
    choice,
    date_option,
    file_path,
    identifier,
    year,
)
from secretariat.core import Secretariat
from secretariat.followup.register import ResolutionQuery
from secretariat.followup.status import ResolutionStatus
from secretariat.letters.printed import Issuing, PrintedLetters
from secretariat.monthly.months import Month
from secretariat.persian.text import to_persian_digits

KINDS = (
    "minutes",
    "invitation",
    "followup-letter",
    "communication",
    "register",
    "attendance",
    "directory",
    "monthly-reminders",
    "monthly-summary",
    "letters",
)
EVALUATION_KINDS = ("evaluation", "scorecards", "certificates")
# The reports that are letters: registered as they are issued (``--new`` issues new ones).
LETTER_KINDS = ("invitation", "followup-letter", "communication", "monthly-reminders", "certificates")


def add_parsers(commands: Commands) -> None:
    report = commands.add_parser("report", help="گزارش‌های چاپی (PDF)")
    report.add_argument("kind", choices=KINDS + EVALUATION_KINDS, help="نوع گزارش")
    report.set_defaults(read_only=True)
    report.add_argument("--out", required=True, type=file_path, help="پرونده PDF خروجی")
    report.add_argument("--meeting", type=identifier, help="شناسه جلسه (id در meetings list --json)")
    report.add_argument("--agency", help="دستگاه: شناسه یا نام")
    report.add_argument("--all", action="store_true", help="نامه پیگیری به همه دستگاه‌های دارای مصوبه معوق")
    report.add_argument(
        "--list", action="store_true", help="دعوت‌نامه یا یادآوری گزارش ماهانه: یک نامه با فهرست دستگاه‌ها"
    )
    report.add_argument("--status", help="وضعیت مصوبه")
    report.add_argument("--year", help="سال جلسه یا گزارش‌های ماهانه، مانند ۱۴۰۵")
    report.add_argument("--month", help="ماه گزارش ماهانه، مانند 1405/07")
    report.add_argument("--overdue", action="store_true")
    report.add_argument("--open", action="store_true", dest="still_open")
    report.add_argument("--due-within", type=bounded("شمار روزها", 1, MAX_DAYS), metavar="DAYS")
    report.add_argument("--search", default="")
    report.add_argument("--from", dest="start", metavar="DATE", help="از تاریخ (جلسات)")
    report.add_argument("--to", dest="end", metavar="DATE", help="تا تاریخ (جلسات)")
    report.add_argument("--direction", help="دفتر نامه‌ها: out (صادره) یا in (وارده)")
    report.add_argument("--top", type=bounded("شمار رتبه‌ها", 1, 1000), help="لوح تقدیر: N رتبه نخست")
    report.add_argument("--tier", help="لوح تقدیر: همه دستگاه‌های یک رده، مانند ممتاز")
    report.add_argument(
        "--new",
        action="store_true",
        help="نامه‌ها: صدور نامه تازه با شماره تازه، به جای چاپ رونوشت نامه پیشین",
    )


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise CliError("پرونده خروجی باید پسوند ‎.pdf داشته باشد.")
    if args.new and args.kind not in LETTER_KINDS:
        raise CliError("--new تنها برای نامه‌هاست: " + "، ".join(LETTER_KINDS) + ".")
    partial = out.with_name(out.name + ".part")
    try:
        # Before anything is issued: a folder that cannot be written to issues no number.
        partial.touch()
    except OSError as error:
        raise CliError(f"پرونده «{out}» نوشته نشد: {error.strerror or error}") from error
    try:
        printed = _render(secretariat, args)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    pdf = printed if isinstance(printed, bytes) else printed.pdf
    try:
        partial.write_bytes(pdf)
        partial.replace(out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CliError(f"پرونده «{out}» نوشته نشد: {error.strerror or error}") from error
    if isinstance(printed, PrintedLetters):  # letters: what was issued, what reprinted
        print(printed.summary())
    print(f"گزارش در «{out}» ذخیره شد ({to_persian_digits(len(pdf) // 1024)} کیلوبایت).")
    return 0


# The reports that take --agency: for one agency, or all of them without it.
AGENCY_KINDS = ("followup-letter", "register", "letters", "scorecards")


def _render(secretariat: Secretariat, args: argparse.Namespace) -> bytes | PrintedLetters:
    import secretariat.reports as reports
    from secretariat.reports.communication_letter import print_communication
    from secretariat.reports.followup_letter import print_followup_letter, print_followup_letters
    from secretariat.reports.invitation import print_invitation
    from secretariat.reports.monthly_reminder import print_monthly_reminders

    kind = args.kind
    if args.agency and kind not in AGENCY_KINDS:
        # Silently ignored, it would issue (and number) letters to every other agency instead.
        raise CliError(f"--agency در گزارش «{kind}» به کار نمی‌رود؛ این گزارش برای همه دستگاه‌هاست.")
    issuing = Issuing.NEW if args.new else Issuing.ISSUE
    if kind in EVALUATION_KINDS:
        return _render_evaluation(secretariat, args, issuing)
    if kind in ("minutes", "invitation", "communication"):
        if args.meeting is None:
            raise CliError("شناسه جلسه را با --meeting بدهید (id در «meetings list --json»).")
        if kind == "minutes":
            return reports.render_minutes(secretariat, args.meeting)
        if kind == "communication":
            return print_communication(secretariat, args.meeting, issuing=issuing)
        return print_invitation(secretariat, args.meeting, per_agency=not args.list, issuing=issuing)
    if kind == "followup-letter":
        if args.all:
            return print_followup_letters(secretariat, issuing=issuing)
        if not args.agency:
            raise CliError("دستگاه را با --agency بدهید، یا برای همه دستگاه‌های دارای مصوبه معوق --all.")
        return print_followup_letter(secretariat, agency_id(secretariat, args.agency), issuing=issuing)
    if kind == "register":
        query = ResolutionQuery(
            search=args.search,
            status=choice(ResolutionStatus, args.status, "وضعیت"),
            overdue=args.overdue,
            still_open=args.still_open,
            agency_id=agency_id(secretariat, args.agency) if args.agency else None,
            meeting_id=args.meeting,
            jalali_year=year(args.year),
            due_within_days=args.due_within,
            meeting_from=date_option(args.start, "--from"),
            meeting_to=date_option(args.end, "--to"),
        )
        return reports.render_register(secretariat, query)
    if kind == "attendance":
        start, end = date_option(args.start, "--from"), date_option(args.end, "--to")
        if start is None or end is None:
            raise CliError("بازه گزارش را با --from و --to بدهید، مانند ‎--from 1404/01/01 --to 1404/12/29.")
        return reports.render_attendance(secretariat, start, end)
    if kind == "letters":
        start, end = date_option(args.start, "--from"), date_option(args.end, "--to")
        if start is None or end is None:
            raise CliError(
                "بازه دفتر نامه‌ها را با --from و --to بدهید، مانند ‎--from 1405/01/01 --to 1405/06/31."
            )
        direction = args.direction.strip() if args.direction else None
        if direction not in (None, "in", "out"):
            raise CliError("جهت نامه را out (صادره) یا in (وارده) بنویسید.")
        from secretariat.reports.letters_report import render_letters

        agency = agency_id(secretariat, args.agency) if args.agency else None
        return render_letters(secretariat, start, end, direction=direction, agency_id=agency)
    if kind == "monthly-reminders":
        if not args.month:
            raise CliError("ماه را با --month بدهید، مانند ‎--month 1405/07.")
        return print_monthly_reminders(
            secretariat, Month.parse(args.month), one_letter=args.list, issuing=issuing
        )
    if kind == "monthly-summary":
        chosen = year(args.year)
        if chosen is None:
            raise CliError("سال را با --year بدهید، مانند ‎--year 1405.")
        return reports.render_monthly_summary(secretariat, chosen)
    return reports.render_directory(secretariat)


def _render_evaluation(
    secretariat: Secretariat, args: argparse.Namespace, issuing: Issuing
) -> bytes | PrintedLetters:
    evaluation_year = year(args.year)
    if evaluation_year is None:
        raise CliError("سال ارزیابی را با --year بدهید، مانند ‎--year 1404.")
    if args.kind == "evaluation":
        from secretariat.reports.evaluation_report import render_evaluation

        return render_evaluation(secretariat, evaluation_year)
    if args.kind == "scorecards":
        from secretariat.reports.scorecards import render_scorecards

        agency = agency_id(secretariat, args.agency) if args.agency else None
        return render_scorecards(secretariat, evaluation_year, agency_id=agency)
    if (args.top is None) == (args.tier is None):
        raise CliError(
            "برگزیدگان را با یکی از --top N (مانند ‎--top 3) یا --tier T (مانند ‎--tier ممتاز) بدهید."
        )
    from secretariat.reports.certificates import print_certificates

    return print_certificates(secretariat, evaluation_year, top=args.top, tier=args.tier, issuing=issuing)
