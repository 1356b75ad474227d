"""``python -m secretariat monthly ...``: the agencies' monthly reports (گزارش ماهانه).

- ``indicators [--json]``: the council's indicators, in its order (retired ones
  marked); ``indicators add --name N --unit U [--kind count|hours|yesno]
  [--required]``; ``indicators retire ID_OR_NAME [--undo]``;
- ``record --agency A --month 1405/07 --received 1405/08/03 [--via V]
  [--letter-number N --letter-date D] [--figure "NAME=VALUE" ...] [--file F]
  [--note T] [--by NAME] [--replace --reason R]``: a report as it arrived; a
  second one for the same agency and month only with ``--replace`` (a
  correction of the one in force, with its reason);
- ``exempt --agency A --month M --reason R [--by NAME]``, or ``--lift``;
- ``matrix [--year Y] [--category C] [--missing] [--json]``: the year at a glance;
- ``due-day [N]``: the day of the following month a report is due by;
- ``export --year Y --out F.xlsx``: the matrix and every figure as an Excel workbook.

An agency is named by its id, its name in any spelling or its short name; an
indicator by its id or its name in any spelling (ي or ی, with or without ZWNJ).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from secretariat import clock
from secretariat.cli.common import (
    CliError,
    Commands,
    agency_id,
    bounded,
    choice,
    date_text,
    file_path,
    is_number,
    json_date,
    json_datetime,
    optional_file,
    whole_number,
    year,
)
from secretariat.cli.persian_parser import shown
from secretariat.core import Secretariat
from secretariat.members.agencies import AgencyCategory
from secretariat.monthly.indicators import IndicatorDraft, IndicatorKind, IndicatorRecord
from secretariat.monthly.matrix import CellState, MatrixQuery, YearMatrix
from secretariat.monthly.months import MAX_DUE_DAY, Month
from secretariat.monthly.reports import MonthlyReportDraft, MonthlyReportRecord, Via
from secretariat.persian import jalali
from secretariat.persian.text import normalize_line, to_persian_digits

VIAS = "، ".join(f"{via.value} ({via.label})" for via in Via)
KINDS = "، ".join(f"{kind.value} ({kind.label})" for kind in IndicatorKind)
CATEGORIES = "، ".join(category.label for category in AgencyCategory)

# One short mark per month in the matrix printed as text.
MARKS = {
    CellState.ON_TIME: "✓",
    CellState.MISSING: "✗",
    CellState.NOT_DUE: "·",
    CellState.EXEMPT: "م",
}
REPLACE_HINT = (
    "گزارش {month} «{agency}» پیش‌تر در {date} ثبت شده است؛ برای جایگزینی آن «--replace --reason دلیل» بدهید."
)
LEGEND = "✓ به‌موقع   +n با n روز تأخیر   ✗ نرسیده   · هنوز موعد نرسیده   م معاف"


def add_parsers(commands: Commands) -> None:
    monthly = commands.add_parser("monthly", help="گزارش‌های ماهانه دستگاه‌ها: ثبت، معافیت، جدول سال، شاخص‌ها")
    actions = monthly.add_subparsers(dest="action", required=True)

    indicators = actions.add_parser("indicators", help="شاخص‌های شورا (بدون زیرفرمان: فهرست آن‌ها)")
    indicators.add_argument("--json", action="store_true")
    indicators.set_defaults(read_only=True)
    changes = indicators.add_subparsers(dest="indicator_action")
    add = changes.add_parser("add", help="افزودن شاخص")
    add.add_argument("--name", required=True, help="نام شاخص، مانند «بازدیدهای رسانه‌ای»")
    add.add_argument("--unit", default="", help="واحد، مانند مورد یا ساعت")
    add.add_argument("--kind", default=IndicatorKind.COUNT.value, help=f"نوع رقم: {KINDS}")
    add.add_argument("--required", action="store_true", help="هر گزارش باید رقم آن را داشته باشد")
    add.set_defaults(read_only=False)
    retire = changes.add_parser("retire", help="بایگانی شاخص (رقم‌های ثبت‌شده آن می‌مانند)")
    retire.add_argument("indicator", help="شناسه یا نام شاخص")
    retire.add_argument("--undo", action="store_true", help="بازگرداندن شاخص بایگانی‌شده به فهرست")
    retire.set_defaults(read_only=False)

    record = actions.add_parser("record", help="ثبت گزارش ماهانه رسیده")
    record.add_argument("--agency", required=True, help="دستگاه: شناسه یا نام")
    record.add_argument("--month", required=True, type=date_text, help="ماه گزارش، مانند ۱۴۰۵/۰۷")
    record.add_argument("--received", required=True, type=date_text, help="تاریخ دریافت، مانند ۱۴۰۵/۰۸/۰۳")
    record.add_argument("--via", default=Via.LETTER.value, help=f"راه رسیدن: {VIAS}")
    record.add_argument("--letter-number", default="", help="شماره نامه دستگاه")
    record.add_argument("--letter-date", default="", type=date_text, help="تاریخ نامه دستگاه")
    record.add_argument(
        "--figure",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="رقم یک شاخص، مانند «اخبار و گزارش‌های منتشرشده=۴۲» (نام یا شناسه شاخص؛ چند بار)",
    )
    record.add_argument("--file", default="", type=optional_file, help="پرونده گزارش: PDF، Word یا تصویر")
    record.add_argument("--note", default="", help="یادداشت")
    record.add_argument("--by", default="", help="ثبت‌کننده")
    record.add_argument(
        "--replace", action="store_true", help="به جای گزارش ثبت‌شده همین ماه (اصلاح آن، با --reason)"
    )
    record.add_argument("--reason", default="", help="دلیل جایگزینی")
    record.add_argument("--json", action="store_true")

    exempt = actions.add_parser("exempt", help="معاف کردن دستگاه از گزارش یک ماه (یا برداشتن معافیت)")
    exempt.add_argument("--agency", required=True, help="دستگاه: شناسه یا نام")
    exempt.add_argument("--month", required=True, type=date_text, help="ماه، مانند ۱۴۰۵/۰۷")
    exempt.add_argument("--reason", default="", help="دلیل، مانند «عضو تازه» یا «ادغام با سازمان دیگر»")
    exempt.add_argument("--by", default="", help="ثبت‌کننده")
    exempt.add_argument("--lift", action="store_true", help="برداشتن معافیتی که به اشتباه ثبت شده")

    matrix = actions.add_parser("matrix", help="جدول سال: هر دستگاه در دوازده ماه")
    matrix.add_argument("--year", help="سال شمسی، مانند ۱۴۰۵ (پیش‌فرض: امسال)")
    matrix.add_argument("--category", help=f"تنها یک رده: {CATEGORIES}")
    matrix.add_argument("--missing", action="store_true", help="تنها دستگاه‌هایی که گزارشی نرسیده دارند")
    matrix.add_argument("--json", action="store_true")
    matrix.set_defaults(read_only=True)

    due_day = actions.add_parser("due-day", help="روز مهلت گزارش ماهانه: نمایش یا تغییر")
    due_day.add_argument(
        "day",
        nargs="?",
        type=bounded("روز مهلت", 1, MAX_DUE_DAY),
        help=f"روزی از ماه بعد که گزارش تا آن روز به‌موقع است (۱ تا {to_persian_digits(MAX_DUE_DAY)})",
    )

    export = actions.add_parser("export", help="کاربرگ اکسل (xlsx) جدول سال و همه ارقام")
    export.add_argument("--year", required=True, help="سال شمسی، مانند ۱۴۰۵")
    export.add_argument("--out", required=True, type=file_path, help="پرونده xlsx خروجی")
    export.set_defaults(read_only=True)


def run(secretariat: Secretariat, args: argparse.Namespace) -> int:
    if args.action == "indicators":
        return _indicators(secretariat, args)
    if args.action == "record":
        return _record(secretariat, args)
    if args.action == "exempt":
        return _exempt(secretariat, args)
    if args.action == "matrix":
        return _matrix(secretariat, args)
    if args.action == "due-day":
        return _due_day(secretariat, args)
    return _export(secretariat, args)


# -- indicators -----------------------------------------------------------------------


def _indicators(secretariat: Secretariat, args: argparse.Namespace) -> int:
    service = secretariat.indicators
    if args.indicator_action == "add":
        kind = choice(IndicatorKind, args.kind, "نوع شاخص") or IndicatorKind.COUNT
        added = service.add(
            IndicatorDraft(name=args.name, unit=args.unit, kind=kind.value, required=args.required)
        )
        print(f"شاخص افزوده شد: {added.name} (شناسه {to_persian_digits(added.id)})")
        return 0
    if args.indicator_action == "retire":
        found = indicator(secretariat, args.indicator)
        changed = service.retire(found.id, not args.undo)
        if changed.retired:
            print(f"شاخص «{changed.name}» بایگانی شد؛ رقم‌های ثبت‌شده آن می‌مانند.")
        else:
            print(f"شاخص «{changed.name}» به فهرست بازگشت.")
        return 0
    rows = service.list(include_retired=True)
    if args.json:
        _print_json(
            [
                {
                    "id": row.id,
                    "name": row.name,
                    "unit": row.unit,
                    "kind": row.kind.value,
                    "required": row.required,
                    "retired": row.retired,
                    "position": row.position,
                }
                for row in rows
            ]
        )
        return 0
    for row in rows:
        marks = (
            [row.kind.label] + (["الزامی"] if row.required else []) + (["بایگانی‌شده"] if row.retired else [])
        )
        print(f"{to_persian_digits(row.id)}\t{row.name}\t{row.unit}\t{'، '.join(marks)}")
    print(f"{to_persian_digits(sum(1 for row in rows if not row.retired))} شاخص در فهرست")
    return 0


def indicator(secretariat: Secretariat, reference: str) -> IndicatorRecord:
    """An indicator typed as its id or its name in any spelling (retired ones too)."""
    text = normalize_line(reference)
    if not text:
        raise CliError("شاخص را با شناسه یا نام آن بدهید.")
    if is_number(text):
        value = whole_number(text, 1, 2**63 - 1)
        if value is None:
            raise CliError(f"شناسه شاخص «{shown(text)}» معتبر نیست.")
        return secretariat.indicators.get(value)
    found = secretariat.indicators.find(text)
    if found is None:
        raise CliError(f"شاخصی با نام «{shown(text)}» نیست؛ فهرست شاخص‌ها: «monthly indicators».")
    return found


def figures(secretariat: Secretariat, typed: Sequence[str]) -> dict[int, str]:
    """``--figure "NAME=VALUE"`` options by indicator id; the values as typed (the service reads them)."""
    given: dict[int, str] = {}
    for text in typed:
        name, equals, value = text.rpartition("=")
        if not equals or not name.strip():
            raise CliError(f"--figure: «{shown(text)}» به شکل «نام شاخص=رقم» نیست، مانند «اخبار=۴۲».")
        found = indicator(secretariat, name)
        if found.id in given:
            raise CliError(f"--figure: رقم «{found.name}» دو بار داده شده است.")
        if not value.strip():
            raise CliError(f"--figure: رقم «{found.name}» خالی است.")
        given[found.id] = value
    return given


# -- a report -------------------------------------------------------------------------


def _record(secretariat: Secretariat, args: argparse.Namespace) -> int:
    agency = agency_id(secretariat, args.agency)
    month = Month.parse(args.month)
    if args.replace and not args.reason.strip():
        raise CliError("دلیل جایگزینی گزارش ثبت‌شده را با --reason بدهید.")
    if args.reason.strip() and not args.replace:
        raise CliError("--reason تنها با --replace است (جایگزینی گزارش ثبت‌شده همین ماه).")
    reports = secretariat.monthly_reports
    current = reports.of_month(agency, month)
    if current.report is not None and not args.replace:
        raise CliError(
            REPLACE_HINT.format(
                month=month.label, agency=current.agency, date=jalali.format_short(current.report.received_on)
            )
        )
    via = choice(Via, args.via, "راه رسیدن") or Via.LETTER
    draft = MonthlyReportDraft(
        agency_id=agency,
        month=month.key,
        received_on=args.received,
        via=via.value,
        letter_number=args.letter_number,
        letter_date=args.letter_date,
        note=args.note,
        figures=figures(secretariat, args.figure),
        recorded_by=args.by,
        file=reports.read_file(args.file) if args.file else None,
        keep_file=True,
    )
    if args.replace:
        saved = reports.replace(draft, reason=args.reason, by=args.by)
    else:
        saved = reports.record(draft)
    due_day = secretariat.council_settings.monthly_due_day()
    names = {row.id: row for row in secretariat.indicators.list(include_retired=True)}
    if args.json:
        _print_json(report_json(saved, names, due_day))
        return 0
    late = saved.late_days(due_day)
    timing = f"با {to_persian_digits(late)} روز تأخیر" if late else "به‌موقع"
    what = "جایگزین شد" if saved.replaces_id is not None else "ثبت شد"
    print(
        f"گزارش {saved.month.label} «{saved.agency}» {what} (شناسه {to_persian_digits(saved.id)}): "
        f"رسیده در {jalali.format_short(saved.received_on)}، {timing}، از راه {saved.via.label}."
    )
    for indicator_id, value in saved.figures.items():
        shown_indicator = names[indicator_id]
        print(
            f"  {shown_indicator.name}: {shown_indicator.format_value(value)} {shown_indicator.unit}".rstrip()
        )
    if saved.file is not None:
        print(f"  پرونده: {saved.file.filename}")
    return 0


def report_json(
    report: MonthlyReportRecord, indicators: Mapping[int, IndicatorRecord], due_day: int
) -> dict[str, Any]:
    late = report.late_days(due_day)
    return {
        "id": report.id,
        "agency_id": report.agency_id,
        "agency": report.agency,
        "month": report.month.key,
        "received_on": json_date(report.received_on),
        "state": CellState.LATE.value if late else CellState.ON_TIME.value,
        "late_days": late if late else None,
        "via": report.via.value,
        "letter_number": report.letter_number,
        "letter_date": json_date(report.letter_date),
        "note": report.note,
        "figures": [
            {
                "indicator_id": indicator_id,
                "indicator": indicators[indicator_id].name,
                "value": _number(value),
            }
            for indicator_id, value in sorted(
                report.figures.items(), key=lambda item: (indicators[item[0]].position, item[0])
            )
        ],
        "file": (
            {
                "name": report.file.filename,
                "media_type": report.file.media_type,
                "size": report.file.size,
                "sha256": report.file.sha256,
            }
            if report.file is not None
            else None
        ),
        "recorded_by": report.recorded_by,
        "recorded_at": json_datetime(report.recorded_at),
        "replaces_id": report.replaces_id,
        "reason": report.reason,
    }


# -- exemptions -------------------------------------------------------------------------


def _exempt(secretariat: Secretariat, args: argparse.Namespace) -> int:
    agency = agency_id(secretariat, args.agency)
    month = Month.parse(args.month)
    reports = secretariat.monthly_reports
    if args.lift:
        if args.reason.strip():
            raise CliError("برای برداشتن معافیت دلیلی لازم نیست؛ --reason را ندهید.")
        reports.lift_exemption(agency, month)
        name = reports.of_month(agency, month).agency
        print(f"معافیت «{name}» برای {month.label} برداشته شد؛ گزارش این ماه دوباره از او خواسته می‌شود.")
        return 0
    exemption = reports.exempt(agency, month, reason=args.reason, by=args.by)
    name = reports.of_month(agency, month).agency
    print(f"«{name}» برای {exemption.month.label} معاف شد: {exemption.reason}")
    return 0


# -- the matrix -------------------------------------------------------------------------


def _matrix(secretariat: Secretariat, args: argparse.Namespace) -> int:
    chosen = year(args.year) or jalali.jalali_year(clock.today())
    category = choice(AgencyCategory, args.category, "رده")
    matrix = secretariat.monthly_matrix.year(
        MatrixQuery(chosen, category=category.value if category else None, only_missing=args.missing)
    )
    if args.json:
        _print_json(matrix_json(matrix))
        return 0
    _print_matrix(matrix)
    return 0


def matrix_json(matrix: YearMatrix) -> list[dict[str, Any]]:
    """Each agency: ``months`` maps «1405/01» … «1405/12» to its state; ``late_days`` and
    ``reasons`` map the late months to their days and the exempt ones to their reason."""
    return [
        {
            "agency_id": row.agency_id,
            "agency": row.agency,
            "category": row.category,
            "months": {cell.month.key: cell.state.value for cell in row.cells},
            "late_days": {
                cell.month.key: cell.late_days for cell in row.cells if cell.state is CellState.LATE
            },
            "reasons": {cell.month.key: cell.reason for cell in row.cells if cell.state is CellState.EXEMPT},
        }
        for row in matrix.rows
    ]


def _print_matrix(matrix: YearMatrix) -> None:
    p = to_persian_digits
    print(
        f"گزارش‌های ماهانه سال {p(matrix.year)} (مهلت: روز {p(matrix.due_day)} ماه بعد؛ "
        f"امروز {jalali.format_short(matrix.today)})"
    )
    print("\t".join(["دستگاه", *(p(f"{month:02d}") for month in range(1, 13)), "رسیده"]))
    for row in matrix.rows:
        marks = [
            f"+{p(cell.late_days or 0)}" if cell.state is CellState.LATE else MARKS[cell.state]
            for cell in row.cells
        ]
        owed = 12 - row.count(CellState.EXEMPT, CellState.NOT_DUE)
        received = row.count(CellState.ON_TIME, CellState.LATE)
        print("\t".join([row.agency, *marks, f"{p(received)} از {p(owed)}"]))
    print(
        "\t".join(
            ["رسیده", *(f"{p(column.received)}/{p(column.expected)}" for column in matrix.columns), ""]
        ).rstrip()
    )
    print(LEGEND)
    print(f"{p(len(matrix.rows))} دستگاه")


# -- settings and the workbook ---------------------------------------------------------------


def _due_day(secretariat: Secretariat, args: argparse.Namespace) -> int:
    settings = secretariat.council_settings
    if args.day is None:
        day = settings.monthly_due_day()
        print(
            f"روز مهلت گزارش ماهانه: {to_persian_digits(day)} "
            f"(گزارش هر ماه تا روز {to_persian_digits(day)} ماه بعد به‌موقع است)"
        )
        return 0
    day = settings.set_monthly_due_day(args.day)
    print(f"روز مهلت گزارش ماهانه {to_persian_digits(day)} شد.")
    return 0


def _export(secretariat: Secretariat, args: argparse.Namespace) -> int:
    chosen = year(args.year)
    if chosen is None:
        raise CliError("سال را با --year بدهید، مانند ۱۴۰۵.")
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise CliError("پرونده خروجی باید پسوند ‎.xlsx داشته باشد.")
    # Written on another branch (the Excel export); the ignore goes once both are merged.
    from secretariat.monthly.workbook import write_workbook

    written = write_workbook(secretariat, chosen, out)
    print(f"کاربرگ گزارش‌های ماهانه سال {to_persian_digits(chosen)} در «{written}» ذخیره شد.")
    return 0


def _number(value: float) -> int | float:
    """12.0 -> 12, 7.5 -> 7.5: a count reads as a whole number."""
    return int(value) if value.is_integer() else value


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
